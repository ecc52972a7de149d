/**
 * Page API capture as the real tags adopt their queues, in both browsers: the hook runs in the
 * page's own world in each, but what the page and its tags see of it (object identity, the
 * moments the hook looks) is each engine's own, so every check runs in Chromium and Firefox.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser } from 'puppeteer-core';
import { launchWithExtension, type ExtensionBrowser } from '../lib/browser/chromium';
import { launchFirefox, launchFirefoxWithExtension } from '../lib/browser/firefox';
import { startSiteServer, type SiteServer } from '../lib/browser/site-server';
import { ExtensionClient, launchPlain, pushesOf, visit, type RecordedJourney } from './support/extension';
import { pageApiPages, tagStandIns } from './support/page-api-sites';
import { HOSTS, fixtureHandlers } from './support/sites';

type Kind = ExtensionBrowser['kind'];

const values = (j: RecordedJourney, target: string) => pushesOf(j, target).map((p) => p.value);

describe.each<Kind>(['chromium', 'firefox'])('page API capture as the real tags adopt their queues (%s)', (kind) => {
  let server: SiteServer;
  let launched: ExtensionBrowser;
  let client: ExtensionClient;
  const tabs = new Map<string, number>();

  beforeAll(async () => {
    server = await startSiteServer([tagStandIns, ...fixtureHandlers(pageApiPages)]);
    launched = kind === 'chromium' ? await launchWithExtension({ mapHosts: HOSTS }) : await launchFirefoxWithExtension();
    client = await ExtensionClient.open(launched);
  }, 60_000);

  afterAll(async () => {
    await launched?.close();
    await server?.close();
  });

  /** Opens a page, waits for its script to finish, returns what the page itself saw. */
  async function run(browser: Browser, path: string, seen: string): Promise<unknown> {
    const page = await visit(browser, `${server.origin('shop.test')}${path}`);
    await page.waitForFunction('window.__done === true && (window.lpTag === undefined || window.__lpReady === true)', { timeout: 15_000 });
    const result = await page.evaluate(seen);
    if (browser !== launched.browser) await page.close();
    return result;
  }

  /** The same page in the same browser without the extension. */
  async function runWithoutExtension(path: string, seen: string): Promise<unknown> {
    const plain =
      kind === 'chromium' ? await launchPlain(HOSTS).then((b) => ({ browser: b, close: () => b.close() })) : await launchFirefox();
    try {
      return await run(plain.browser, path, seen);
    } finally {
      await plain.close();
    }
  }

  async function journeyOf(path: string, done: (j: RecordedJourney) => boolean): Promise<RecordedJourney> {
    let tab = tabs.get(path);
    if (tab === undefined) {
      tab = await client.tabIdOf(`${server.origin('shop.test')}${path}`);
      tabs.set(path, tab);
    }
    return client.waitForJourney(tab, done);
  }

  it('records Ptengine two-argument pushes once each, whether queued before pta.js or pushed after it replayed its queue', async () => {
    const seen = await run(launched.browser, '/ptengine.html', 'window.__ptSeen');
    const j = await journeyOf('/ptengine.html', (x) => values(x, '_pt_sp_2').length >= 6);
    // Give a late duplicate time to arrive before asserting there is none.
    await new Promise((r) => setTimeout(r, 400));
    const again = await journeyOf('/ptengine.html', () => true);
    expect(values(again, '_pt_sp_2')).toEqual([
      'setAccount,4387eec7',
      'setDomain,shop.test',
      ['setCustomVarV2', { key: 'plan', value: 'gold' }],
      ['setCustomEvent', { eventName: 'early' }],
      ['setCustomEvent', { eventName: 'late' }],
      'setPVTag,step2',
    ]);
    expect(values(j, '_pt_sp_2').length).toBe(6);
    // The tag saw its replay (each queued command, then the object commands) exactly as without the extension.
    expect(seen).toEqual(await runWithoutExtension('/ptengine.html', 'window.__ptSeen'));
    expect(seen).toEqual([
      'setAccount',
      'setDomain',
      'setCustomVarV2',
      'setCustomEvent',
      'setCustomVarV2:{"key":"plan","value":"gold"}',
      'setCustomEvent:{"eventName":"late"}',
      'setPVTag',
    ]);
  });

  it('records dataLayer items once when a tag puts its own push over the native one', async () => {
    const seen = await run(
      launched.browser,
      '/gtm-like.html',
      '[window.__gtmSeen, dataLayer.length, Object.getOwnPropertyNames(dataLayer).join()]',
    );
    const j = await journeyOf('/gtm-like.html', (x) => values(x, 'dataLayer').length >= 4);
    await new Promise((r) => setTimeout(r, 400));
    const again = await journeyOf('/gtm-like.html', () => true);
    expect(values(again, 'dataLayer')).toEqual([
      { event: 'before', n: 1 },
      { event: 'before', n: 2 },
      { event: 'gtm.js' },
      { event: 'after' },
    ]);
    expect(values(j, 'dataLayer').length).toBe(4);
    expect(seen).toEqual([4, 4, '0,1,2,3,length,push']);
  });

  it('records lpTag SDEs, sends, SPA pages and bus publications once, and the page sees the bus exactly as without the extension', async () => {
    const seen = await run(launched.browser, '/liveperson.html', 'window.__seen');
    const j = await journeyOf('/liveperson.html', (x) => values(x, 'lpTag.events').length >= 4);
    await new Promise((r) => setTimeout(r, 400));
    const again = await journeyOf('/liveperson.html', () => true);
    expect(values(again, 'lpTag.sdes')).toEqual([{ type: 'cart', total: 12 }]);
    expect(values(again, 'lpTag.sdes.send')).toEqual([{ type: 'purchase', total: 99 }]);
    expect(values(again, 'lpTag.newPage')).toEqual([{ url: '/spa/step2', options: { section: 'checkout' } }]);
    expect(values(again, 'lpTag.events')).toEqual([
      { appName: 'LP_SITE', eventName: 'PAGE_READY', data: { n: 1 } },
      { appName: 'LP_OFFERS', eventName: 'OFFER_CLICK', data: { engagementId: 7 } },
      { appName: 'LP_BROKEN', eventName: 'X', data: 1 },
      { appName: 'LP_OFFERS', eventName: 'OFFER_DISPLAY', data: { engagementId: 7 } },
    ]);
    expect(values(j, 'lpTag.events').length).toBe(4);
    expect(seen).toEqual(await runWithoutExtension('/liveperson.html', 'window.__seen'));
    expect(seen).toContainEqual(['clicked', 'OFFER_CLICK:7']);
    expect(seen).toContainEqual(['broken', 'TypeError: bus refused X true']);
    expect(seen).toContainEqual(['publish is trigger', true]);
  });

  it('records queued SDEs once when tag.js replays them through a push the hook already wrapped', async () => {
    const seen = await run(launched.browser, '/liveperson-late.html', 'window.__seen');
    const j = await journeyOf('/liveperson-late.html', (x) => values(x, 'lpTag.sdes').length >= 3);
    await new Promise((r) => setTimeout(r, 400));
    const again = await journeyOf('/liveperson-late.html', () => true);
    expect(values(again, 'lpTag.sdes')).toEqual([
      { type: 'cart', total: 12 },
      { type: 'prodView', products: [{ product: { sku: 'x' } }] },
      { type: 'purchase', total: 12, orderId: 'late-1' },
    ]);
    expect(values(j, 'lpTag.sdes').length).toBe(3);
    expect(seen).toEqual(['cart', 'prodView', 'purchase']);
  });
});
