/**
 * Firefox as a tested target: the built firefox-mv3 add-on in Firefox ESR, driven over WebDriver
 * BiDi, with the same capture page, the panel and the demo walk the Chromium tests use.
 *
 * What differs in Firefox and what this file expects there:
 * - the background is an event page, not a service worker (no worker to stop here);
 * - `webRequest` types a beacon `beacon` (Chromium: `ping`) and, as in Chromium, gives no body for
 *   it: the page hook is what records the body, so the journey is the same;
 * - host names are mapped with preferences, all to 127.0.0.1 (no per-host "unreachable" rule);
 * - the add-on's host permission is an MV3 opt-in in Firefox, granted here as a user would.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Page } from 'puppeteer-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ExtensionBrowser } from '../lib/browser/chromium';
import { openExtensionPage } from '../lib/browser/extension-page';
import { launchFirefoxWithExtension } from '../lib/browser/firefox';
import type { SiteServer } from '../lib/browser/site-server';
import type { Report } from '../lib/formats/report';
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
  let out: string;
  let run: story.CliRun;
  let report: Report;

  beforeAll(async () => {
    out = mkdtempSync(join(tmpdir(), 'goalpost-demo-firefox-'));
    run = await story.runCli(['demo', '--browser', 'firefox', '--out', out]);
    report = story.readReport(out);
  }, 150_000);

  afterAll(() => rmSync(out, { recursive: true, force: true }));

  it('finishes with exit code 0 and says which browser walked it', () => {
    story.expectFinished(run);
    expect(run.stderr).toMatch(/walking it in Firefox/);
  });
  it('names the cross-domain break and the linked hop', () => story.expectCrossDomainStory(report, run.stdout));
  it('gives the experience-before-goal verdict both ways', () => story.expectExperienceStory(report, run.stdout));
  it('shows conversions, goals and total differing for the thanks page', () => story.expectCountingStory(report, run.stdout));
  it('finds the page whose tags are missing and the repeated order id', () => story.expectTagStory(report, run.stdout));
  it("delivers the shop's SDEs in LivePerson's reports and counts the purchase from them", () => story.expectLivePersonStory(out, report));
  it('writes the panel screenshots and the files to replay it', () => story.expectOutputs(out, run.stdout));
});
