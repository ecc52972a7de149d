import type { Page } from 'puppeteer-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ExtensionBrowser } from '../lib/browser/chromium';
import { openExtensionPage } from '../lib/browser/extension-page';
import { launchFirefoxWithExtension } from '../lib/browser/firefox';
import type { SiteServer } from '../lib/browser/site-server';
import { CAPTURE_PATHS, capturePageRecorded, ExtensionClient, pushesOf, requestsTo, visit } from './support/extension';
import * as story from './support/demo-story';
import { startFixtureSites } from './support/sites';

describe('Firefox: capture and the panel', () => {
  let server: SiteServer;
  let launched: ExtensionBrowser;
  let client: ExtensionClient;
  let tabId: number;
  let url: string;

  beforeAll(async () => {
    server = await startFixtureSites();
    launched = await launchFirefoxWithExtension();
  }, 60_000);

  afterAll(async () => {
    await launched?.close();
    await server?.close();
  });

  it('records every capture path exactly once, with bodies, statuses and pushes', async () => {
    url = `${server.origin('shop.test')}/capture.html`;
    await visit(launched.browser, url);
    client = await ExtensionClient.open(launched);
    tabId = await client.tabIdOf(url);
    const j = await client.waitForJourney(tabId, capturePageRecorded, 15_000);

    for (const p of CAPTURE_PATHS) expect(requestsTo(j, p), p).toHaveLength(1);
    expect(requestsTo(j, 'path=beacon')[0]).toMatchObject({ method: 'POST', body: 'beacon=body', initiator: 'beacon', tab: tabId });
    expect(requestsTo(j, 'path=fetch')[0]).toMatchObject({ method: 'POST', body: '{"path":"fetch"}', initiator: 'fetch', status: 200 });
    expect(requestsTo(j, 'path=xhr')[0]).toMatchObject({ method: 'POST', body: 'xhr=body', initiator: 'xhr', status: 200 });
    expect(requestsTo(j, 'path=image')[0]).toMatchObject({ method: 'GET', initiator: 'image', status: 200 });
    expect(requestsTo(j, 'path=script')[0]).toMatchObject({ initiator: 'script', status: 200, pageUrl: url });
    expect(pushesOf(j, 'dataLayer').map((p) => p.value)).toEqual([{ event: 'queued-before-tag', n: 1 }, { event: 'from-tag' }]);
    expect(pushesOf(j, 'lpTag.sdes').map((p) => p.value)).toEqual([{ type: 'cart', total: 12 }]);
    const navs = j.events.filter((e) => e.type === 'navigation');
    expect(navs).toHaveLength(1);
    expect(navs[0]).toMatchObject({ url, tab: tabId, transition: expect.any(String) });
    for (const p of CAPTURE_PATHS) expect(server.received.filter((r) => r.path.includes(p))).toHaveLength(1);
  });

  it('the panel shows the page, its vendors and their decoded hits', async () => {
    let panel: Page | undefined;
    const errors: string[] = [];
    try {
      panel = await launched.browser.newPage();
      panel.on('pageerror', (e) => errors.push(String(e)));
      await openExtensionPage(launched, `panel.html?tabId=${tabId}`, panel);
      await panel.waitForFunction(() => document.querySelectorAll('.vendor-row').length >= 2, { timeout: 15_000 });
      const pages = await panel.$$eval('.page-row', (rows) => rows.map((r) => r.getAttribute('title')));
      expect(pages).toEqual([url]);
      const vendors = (await panel.$$eval('.vendor-row', (rows) => rows.map((r) => r.textContent ?? ''))).join(' | ');
      expect(vendors).toMatch(/Google Analytics 4[^|]*3 hits fired/);
      expect(vendors).toMatch(/Universal Analytics[^|]*1 hit fired/);
      await panel.click('.entry-row');
      await panel.waitForSelector('.param-row');
      expect(await panel.$$eval('.param-row', (r) => r.length)).toBeGreaterThan(0);
      expect(errors).toEqual([]);
    } finally {
      await panel?.close();
    }
  });
});

describe('Firefox: goalpost demo --browser firefox', () => {
  let demo: story.DemoRun;

  beforeAll(async () => {
    demo = await story.runDemo(['--browser', 'firefox']);
  }, 150_000);

  afterAll(() => story.removeDemo(demo));

  it('finishes with exit code 0 and says which browser walked it', () => {
    story.expectFinished(demo.run);
    expect(demo.run.stderr).toMatch(/walking it in Firefox/);
  });
  it('names the cross-domain break and the linked hop', () => story.expectCrossDomainStory(demo.report, demo.run.stdout));
  it('gives the experience-before-goal verdict both ways', () => story.expectExperienceStory(demo.report, demo.run.stdout));
  it('shows conversions, goals and total differing for the thanks page', () => story.expectCountingStory(demo.report, demo.run.stdout));
  it('finds the page whose tags are missing and the repeated order id', () => story.expectTagStory(demo.report, demo.run.stdout));
  it("delivers the shop's SDEs in LivePerson's reports and counts the purchase from them", () =>
    story.expectLivePersonStory(demo.out, demo.report));
  it('writes the panel screenshots and the files to replay it', () => story.expectOutputs(demo.out, demo.run.stdout));
});
