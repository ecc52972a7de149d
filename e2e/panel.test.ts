/**
 * The panel in a real Chromium with the built extension: the demo shop walked on its local
 * domains (a page whose template lost the tags, a checkout button that hops to the payment
 * domain without the link parameter, a cart reached before the experience was displayed),
 * then the panel page opened for that tab. Each view must show the right thing; each view is
 * screenshotted to test-results/screenshots/panel-<view>.png for a person to look at.
 */
import { mkdirSync } from 'node:fs';
import { resolve } from 'node:path';
import type { Page } from 'puppeteer-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchWithExtension, type LaunchedBrowser } from '../lib/browser/chromium';
import { DEMO_GOALS } from '../lib/demo/goals';
import { DEMO_MAP_HOSTS } from '../lib/demo/hosts';
import { DEMO_STEPS } from '../lib/demo/journey';
import { startDemoSite, type DemoSite } from '../lib/demo/site';
import { sendFromExtensionPage } from '../lib/browser/extension-page';
import { walk } from './support/panel-walk';

const SHOTS = resolve(import.meta.dirname, '../test-results/screenshots');
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

describe('panel end to end', () => {
  let launched: LaunchedBrowser;
  let site: DemoSite;
  let panel: Page;
  const consoleErrors: string[] = [];

  const open = async (view: string) => {
    await panel.click(`#tab-${view}`);
    await panel.waitForSelector(`#view-${view}`);
    await sleep(150);
  };
  const shot = (view: string) => panel.screenshot({ path: `${SHOTS}/panel-${view}.png` as `${string}.png` });

  beforeAll(async () => {
    mkdirSync(SHOTS, { recursive: true });
    site = await startDemoSite();
    launched = await launchWithExtension({ mapHosts: [...DEMO_MAP_HOSTS] });
    const ext = await launched.browser.newPage();
    await ext.goto(`chrome-extension://${launched.extensionId}/panel.html`);
    const stored = await sendFromExtensionPage(ext, { type: 'goalpost:set-goals', goals: DEMO_GOALS });
    expect(stored).toEqual({ ok: true });

    const shop = await launched.browser.newPage();
    await walk(shop, site.start, DEMO_STEPS);
    const tabId = await ext.evaluate(async (host) => {
      const c = (globalThis as unknown as { chrome: { tabs: { query(q: object): Promise<{ id?: number; url?: string }[]> } } }).chrome;
      return (await c.tabs.query({})).find((t) => t.url?.includes(host))?.id;
    }, 'shop.example');
    await ext.close();
    expect(tabId).toBeTypeOf('number');

    panel = await launched.browser.newPage();
    panel.on('console', (m) => {
      if (m.type() === 'error') consoleErrors.push(m.text());
    });
    panel.on('pageerror', (e) => consoleErrors.push(String(e)));
    await panel.setViewport({ width: 800, height: 760 });
    await panel.goto(`chrome-extension://${launched.extensionId}/panel.html?tabId=${tabId}`, { waitUntil: 'load' });
    // The journey settles as the relay's last batches arrive.
    await panel
      .waitForFunction(() => Number(/(\d+) pages/.exec(document.querySelector('.tags-view .summary')?.textContent ?? '')?.[1] ?? 0) >= 8, {
        timeout: 20_000,
      })
      .catch(async (e: unknown) => {
        const seen = await panel.evaluate(() => (document.body.textContent ?? '').slice(0, 1500));
        throw new Error(`the panel did not show the walked pages: ${String(e)}\n${seen}\nconsole: ${consoleErrors.join(' | ')}`);
      });
    await sleep(1000);
  }, 120_000);

  afterAll(async () => {
    await launched?.close();
    await site?.close();
  });

  it('Tags: every page in order, vendors per page, and the page that lost its tags', async () => {
    await open('tags');
    const vendors = await panel.$$eval('.vendor-row', (rows) => rows.map((r) => r.textContent ?? ''));
    expect(vendors.some((v) => /Ptengine.*\d+ hits? fired/.test(v))).toBe(true);
    // The list is windowed: the walk's last page (the delivery page) is at the bottom.
    const seen = new Set<string>();
    const problems = new Set<string>();
    for (let i = 0; i < 60; i++) {
      for (const u of await panel.$$eval('.page-row', (rows) => rows.map((r) => r.getAttribute('title') ?? ''))) seen.add(u);
      for (const p of await panel.$$eval('.problem-row', (rows) => rows.map((r) => r.getAttribute('title') ?? ''))) problems.add(p);
      const wasAtEnd = await panel.$eval('.vlist', (el) => {
        const end = el.scrollTop + el.clientHeight >= el.scrollHeight - 1;
        el.scrollTop += el.clientHeight;
        return end;
      });
      if (wasAtEnd) break;
      await sleep(80);
    }
    expect([...seen].join(' ')).toContain('/delivery');
    expect([...seen].some((u) => /example-checkout\.com(:\d+)?\/pay/.test(u))).toBe(true);
    expect([...problems].join(' | ')).toContain('/delivery');
    await panel.$eval('.vlist', (el) => (el.scrollTop = 0));
    await sleep(60);
    // Expand the first hit: its decoded parameters appear with readable names.
    const before = await panel.$$eval('.param-row', (r) => r.length);
    await panel.click('.entry-row');
    await panel.waitForSelector('.param-row');
    expect(await panel.$$eval('.param-row', (r) => r.length)).toBeGreaterThan(before);
    await shot('tags');
  });

  it('Sessions: the unlinked hop is a red break, the linked one green', async () => {
    await open('sessions');
    const breaks = await panel.$$eval('.hop.break', (h) => h.map((x) => x.textContent ?? ''));
    expect(breaks.length).toBeGreaterThanOrEqual(1);
    expect(breaks[0]).toMatch(/example-checkout\.com/);
    const visits = await panel.$$eval('.visit', (v) => v.length);
    expect(visits).toBeGreaterThanOrEqual(2);
    await shot('sessions');
  });

  it('Goals: the campaign goal reached before its experience is not counted, drawn in order', async () => {
    await open('goals');
    const goal = await panel.$('details[data-goal="cart-after-banner"]');
    expect(goal).not.toBeNull();
    const reasons = await panel.$$eval('details[data-goal="cart-after-banner"] .occurrence.not-counted', (r) =>
      r.map((x) => x.textContent ?? ''),
    );
    expect(reasons.some((r) => r.includes('before-experience'))).toBe(true);
    const strips = await panel.$$eval('details[data-goal="cart-after-banner"] .strip', (s) =>
      s.map((x) => Array.from(x.querySelectorAll('.mark')).map((m) => m.className)),
    );
    // Some visit shows the goal first (not counted) and the experience after it.
    expect(
      strips.some((marks) => {
        const goal = marks.findIndex((m) => m.includes('goal not-counted'));
        const exp = marks.findIndex((m) => m.includes('exp'));
        return goal !== -1 && exp > goal;
      }),
    ).toBe(true);
    await panel.$eval('details[data-goal="cart-after-banner"]', (d) => d.scrollIntoView());
    await shot('goals');
  });

  it('Diagnose: errors first, naming the missing tag and the cross-domain break', async () => {
    await open('diagnose');
    const codes = await panel.$$eval('.finding', (f) => f.map((x) => `${x.getAttribute('data-code')}:${x.className}`));
    expect(codes[0]).toMatch(/ error/);
    expect(codes.some((c) => c.startsWith('tag-missing'))).toBe(true);
    expect(codes.some((c) => c.startsWith('cross-domain-break'))).toBe(true);
    await shot('diagnose');
  });

  it('Editor: shows the stored goals and refuses an invalid edit with one sentence', async () => {
    await open('editor');
    const text = await panel.$eval('textarea.goals-text', (t) => (t as HTMLTextAreaElement).value);
    expect(text).toContain('cart-after-banner');
    await panel.$eval('textarea.goals-text', (t) => {
      const area = t as HTMLTextAreaElement;
      area.value = area.value.replace('"model": "ptengine"', '"model": "nope"');
      area.dispatchEvent(new Event('input', { bubbles: true }));
    });
    await sleep(100);
    const status = await panel.$eval('#goals-status', (s) => s.textContent ?? '');
    expect(status).toMatch(/model/);
    expect(status).toMatch(/saved goals stay in use/);
    expect(await panel.$eval('button.primary', (b) => (b as HTMLButtonElement).disabled)).toBe(true);
    await shot('editor');
  });

  it('logged no console errors', () => {
    expect(consoleErrors).toEqual([]);
  });
});
