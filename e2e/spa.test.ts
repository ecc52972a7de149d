/**
 * Single-page apps in a real Chromium with the built extension: a pushState router and a hash
 * router (e2e/support/spa-sites.ts), each firing page views from two vendors, one of them twice
 * on one route and one missing on another. The recorded journey must hold each route change once,
 * with its kind; the report must attach hits to their virtual page, name the double count with
 * both hits and the missing vendor on its route; the panel must group the routes under their
 * document with the kind of each.
 */
import type { Page } from 'puppeteer-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchWithExtension, type LaunchedBrowser } from '../lib/browser/chromium';
import type { SiteServer } from '../lib/browser/site-server';
import type { Report } from '../lib/formats/report';
import { ExtensionClient, visit, type RecordedJourney } from './support/extension';
import { SPA_HOSTS, startSpaSites } from './support/spa-sites';

let server: SiteServer;
let launched: LaunchedBrowser;
let client: ExtensionClient;

beforeAll(async () => {
  server = await startSpaSites();
  launched = await launchWithExtension({ mapHosts: SPA_HOSTS });
  client = await ExtensionClient.open(launched);
}, 60_000);

afterAll(async () => {
  await launched?.close();
  await server?.close();
});

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
const routes = (j: RecordedJourney) =>
  j.events
    .filter((e) => e.type === 'route')
    .map((e) => (e.type === 'route' ? [e.kind, new URL(e.url).pathname + new URL(e.url).hash] : []));
const report = (tabId: number) => client.send<Report>({ type: 'goalpost:report', tabId });
const settled = async (tabId: number, done: (j: RecordedJourney) => boolean) => {
  const j = await client.waitForJourney(tabId, done, 15_000);
  // The relay batches on a short timer: let the last beacons land too.
  await sleep(400);
  return j;
};

describe('pushState router', () => {
  let page: Page;
  let tabId: number;
  let origin: string;

  beforeAll(async () => {
    origin = server.origin('shop.test');
    page = await visit(launched.browser, `${origin}/spa/`);
    tabId = await client.tabIdOf(`${origin}/spa/`);
    await page.click('a[href="/spa/products"]');
    await sleep(150);
    await page.click('a[href="/spa/cart"]');
    await sleep(150);
    await page.evaluate(() => (window as unknown as { checkout(): void }).checkout());
    await sleep(150);
    // The replaced entry is the cart's: back goes to the products, forward to the cart again.
    await page.goBack();
    await page.waitForFunction(() => location.pathname === '/spa/products');
    await page.goForward();
    await page.waitForFunction(() => location.search === '?step=1');
  }, 60_000);

  it('records each route change once, with its kind, merged from the hook and webNavigation', async () => {
    const j = await settled(tabId, (x) => routes(x).length >= 5);
    expect(j.format).toBe('goalpost.journey/2');
    expect(routes(j)).toEqual([
      ['push', '/spa/products'],
      ['push', '/spa/cart'],
      ['replace', '/spa/cart'],
      ['back-forward', '/spa/products'],
      ['back-forward', '/spa/cart'],
    ]);
    const first = j.events.find((e) => e.type === 'route');
    expect(first).toMatchObject({ from: `${origin}/spa/`, tab: tabId });
    expect(j.events.filter((e) => e.type === 'navigation')).toHaveLength(1);
    // The page's own history wrapper (the GA4 stand-in) still saw every change: a page view per route.
    const views = server.received.filter((r) => r.path.startsWith('/g/collect') && r.path.includes('%2Fspa%2F'));
    expect(views.length).toBeGreaterThanOrEqual(8);
  });

  it('attaches hits to their virtual page, names GA4 counting /spa/products twice and Ptengine missing on /spa/cart', async () => {
    const r = await report(tabId);
    const pages = r.pages.filter((p) => p.url.startsWith(`${origin}/spa/`));
    expect(
      pages.map((p) => [
        new URL(p.url).pathname + new URL(p.url).search,
        p.route ?? 'load',
        p.vendors.ga4?.hits ?? 0,
        p.vendors.ptengine?.hits ?? 0,
      ]),
    ).toEqual([
      ['/spa/', 'load', 1, 1],
      ['/spa/products', 'push', 2, 1],
      ['/spa/cart', 'push', 1, 0],
      ['/spa/cart?step=1', 'replace', 1, 0],
      ['/spa/products', 'back-forward', 2, 1],
      ['/spa/cart?step=1', 'back-forward', 1, 0],
    ]);
    const twice = r.findings.filter((f) => f.code === 'page-counted-twice');
    expect(twice.map((f) => [f.vendor, f.url])).toEqual([
      ['ga4', `${origin}/spa/products`],
      ['ga4', `${origin}/spa/products`],
    ]);
    // Both hits named: two GA4 requests, each with its time.
    expect(twice[0]!.message.match(/request to collect\.test:\d+\/g\/collect at \d{4}-\d\d-\d\dT[\d:.]+Z/g)).toHaveLength(2);
    const missing = r.findings.filter((f) => f.code === 'tag-missing');
    // Not on the replaceState: whether a tag counts one differs by tag.
    expect(missing.map((f) => [f.vendor, f.url])).toEqual([
      ['ptengine', `${origin}/spa/cart`],
      ['ptengine', `${origin}/spa/cart?step=1`],
    ]);
    expect(missing[0]!.message).toContain('history.pushState');
    expect(missing[1]!.message).toContain('a back/forward move');
  });

  it('the panel groups the routes under their document, each with how it was reached', async () => {
    const panel = await launched.browser.newPage();
    await panel.goto(`chrome-extension://${launched.extensionId}/panel.html?tabId=${tabId}`, { waitUntil: 'load' });
    await panel.waitForSelector('.page-row.virtual-page', { timeout: 15_000 });
    const rows = await panel.$$eval('.page-row', (els) =>
      els.map((el) => [
        el.classList.contains('virtual-page'),
        el.querySelector('.page-kind')?.textContent ?? '',
        el.getAttribute('title') ?? '',
      ]),
    );
    expect(rows.map(([virtual, kind, url]) => [virtual, kind, new URL(url as string).pathname])).toEqual([
      [false, 'load', '/spa/'],
      [true, 'push', '/spa/products'],
      [true, 'push', '/spa/cart'],
      [true, 'replace', '/spa/cart'],
      [true, 'back/forward', '/spa/products'],
      [true, 'back/forward', '/spa/cart'],
    ]);
    const problems = await panel.$$eval('.problem-row', (els) => els.map((el) => el.getAttribute('title') ?? ''));
    expect(problems.filter((p) => p.startsWith('Ptengine counted no page view'))).toHaveLength(2);
    expect(problems.filter((p) => p.startsWith('GA4 counted'))).toHaveLength(2);
    await panel.close();
  });

  it('a return from another document through the back/forward cache is a restore, not a new load', async () => {
    await page.evaluate(() => addEventListener('pageshow', (e) => ((window as unknown as { restored?: boolean }).restored = e.persisted)));
    await page.goto(`${origin}/elsewhere.html`, { waitUntil: 'load' });
    await page.goBack({ waitUntil: 'load' }).catch(() => undefined);
    const restored = await page.evaluate(() => (window as unknown as { restored?: boolean }).restored === true);
    const j = await settled(tabId, (x) => routes(x).some(([k]) => k === 'restore'));
    const navs = j.events.filter((e) => e.type === 'navigation').map((e) => (e.type === 'navigation' ? new URL(e.url).pathname : ''));
    // The extension does not keep the page out of the back/forward cache.
    expect(restored).toBe(true);
    expect(routes(j).at(-1)).toEqual(['restore', '/spa/cart']);
    expect(navs).toEqual(['/spa/', '/elsewhere.html']);
    const r = await report(tabId);
    expect(r.pages.at(-1)).toMatchObject({ url: `${origin}/spa/cart?step=1`, route: 'restore', vendors: {} });
    // No tag ran on the restore, and none is expected to.
    expect(r.findings.filter((f) => f.code === 'tag-missing' && f.url?.startsWith(`${origin}/spa/`))).toHaveLength(2);
  }, 30_000);
});

describe('hash router', () => {
  let tabId: number;
  let origin: string;

  beforeAll(async () => {
    origin = server.origin('shop.test');
    const page = await visit(launched.browser, `${origin}/hash/`);
    tabId = await client.tabIdOf(`${origin}/hash/`);
    await page.click('a[href="#/plans"]');
    await sleep(150);
    await page.click('a[href="#/help"]');
    await sleep(150);
    await page.goBack();
    await page.waitForFunction(() => location.hash === '#/plans');
  }, 60_000);

  it('records fragment changes as hash routes and a back move as back/forward', async () => {
    const j = await settled(tabId, (x) => routes(x).length >= 3);
    expect(routes(j)).toEqual([
      ['hash', '/hash/#/plans'],
      ['hash', '/hash/#/help'],
      ['back-forward', '/hash/#/plans'],
    ]);
  });

  it('names Ptengine counting the landing route twice (base tag and setPVTag) and Segment missing on #/help', async () => {
    const r = await report(tabId);
    const pages = r.pages.filter((p) => p.url.startsWith(`${origin}/hash/`));
    expect(pages.map((p) => [new URL(p.url).hash, p.route ?? 'load', p.vendors.segment?.hits ?? 0, p.vendors.ptengine?.hits ?? 0])).toEqual(
      [
        ['', 'load', 1, 2],
        ['#/plans', 'hash', 1, 1],
        ['#/help', 'hash', 0, 1],
        ['#/plans', 'back-forward', 1, 1],
      ],
    );
    const twice = r.findings.filter((f) => f.code === 'page-counted-twice');
    expect(twice.map((f) => [f.vendor, f.url])).toEqual([['ptengine', `${origin}/hash/`]]);
    // The base tag's page view (a /pv: the pushState app's visit is still open) and the router's, each with its time.
    expect(twice[0]!.message.match(/request to collect\.ptengine\.jp:\d+\/p[nv] at \d{4}-\d\d-\d\dT[\d:.]+Z/g)).toHaveLength(2);
    expect(twice[0]!.message).toContain('pt_spa_trigger_mark');
    const missing = r.findings.filter((f) => f.code === 'tag-missing');
    expect(missing.map((f) => [f.vendor, f.url])).toEqual([['segment', `${origin}/hash/#/help`]]);
    expect(missing[0]!.message).toContain('analytics.page()');
  });
});
