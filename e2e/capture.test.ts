import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { LaunchedBrowser } from '../lib/browser/chromium';
import type { SiteServer } from '../lib/browser/site-server';
import { launchWithExtension } from '../lib/browser/chromium';
import { decodeRequest } from '../lib/decoders';
import {
  CAPTURE_PATHS,
  capturePageRecorded,
  ExtensionClient,
  launchPlain,
  pushesOf,
  requestsTo,
  visit,
  type RecordedJourney,
} from './support/extension';
import { DEAD_HOSTS, HOSTS, startFixtureSites } from './support/sites';

let server: SiteServer;
let launched: LaunchedBrowser;

beforeAll(async () => {
  server = await startFixtureSites();
  launched = await launchWithExtension({ mapHosts: HOSTS, unreachableHosts: DEAD_HOSTS });
});

afterAll(async () => {
  await launched?.close();
  await server?.close();
});

describe('capture from the first byte', () => {
  let tabId: number;
  let client: ExtensionClient;
  let first: RecordedJourney;

  it('records every capture path exactly once, made before any extension page was open', async () => {
    const url = `${server.origin('shop.test')}/capture.html`;
    await visit(launched.browser, url);
    client = await ExtensionClient.open(launched);
    tabId = await client.tabIdOf(url);
    first = await client.waitForJourney(tabId, capturePageRecorded);

    const beacon = requestsTo(first, 'path=beacon');
    const fetched = requestsTo(first, 'path=fetch');
    const xhr = requestsTo(first, 'path=xhr');
    const image = requestsTo(first, 'path=image');
    const script = requestsTo(first, 'path=script');
    for (const list of [beacon, fetched, xhr, image, script]) expect(list).toHaveLength(1);
    // A beacon is recorded once, with its body; it reached the collector, so no error is set.
    expect(beacon[0]).toMatchObject({ method: 'POST', body: 'beacon=body', initiator: 'beacon', tab: tabId });
    expect(beacon[0]?.error).toBeUndefined();
    expect(fetched[0]).toMatchObject({ method: 'POST', body: '{"path":"fetch"}', initiator: 'fetch', status: 200 });
    expect(xhr[0]).toMatchObject({ method: 'POST', body: 'xhr=body', initiator: 'xhr', status: 200 });
    expect(image[0]).toMatchObject({ method: 'GET', initiator: 'image', status: 200 });
    expect(script[0]).toMatchObject({ initiator: 'script', status: 200, pageUrl: url });

    const dl = pushesOf(first, 'dataLayer').map((p) => p.value);
    expect(dl).toEqual([{ event: 'queued-before-tag', n: 1 }, { event: 'from-tag' }]);
    expect(pushesOf(first, 'lpTag.sdes').map((p) => p.value)).toEqual([{ type: 'cart', total: 12 }]);

    const navs = first.events.filter((e) => e.type === 'navigation');
    expect(navs, JSON.stringify(first.events.slice(0, 3))).toHaveLength(1);
    expect(navs[0]).toMatchObject({ url, tab: tabId, transition: expect.any(String) });

    // The collector received each once: the extension neither dropped nor repeated requests.
    for (const p of CAPTURE_PATHS) expect(server.received.filter((r) => r.path.includes(p))).toHaveLength(1);
  });

  it('keeps everything when the service worker is stopped', async () => {
    const worker = await launched.worker();
    await worker.close();
    const after = await client.journey(tabId);
    expect(after.events).toEqual(first.events);
    // And it keeps recording after the restart, into the same log.
    const again = await visit(launched.browser, `${server.origin('shop.test')}/capture.html?again=1`);
    const againTab = await client.tabIdOf(again.url());
    const j2 = await client.waitForJourney(againTab, capturePageRecorded);
    for (const p of CAPTURE_PATHS) expect(requestsTo(j2, p)).toHaveLength(1);
    const all = await client.journey();
    expect(all.events.length).toBe(first.events.length + j2.events.length);
  });

  it('ignores junk a page posts on the relay channel', async () => {
    const url = `${server.origin('shop.test')}/junk.html`;
    const before = await client.journey();
    await visit(launched.browser, url);
    const junkTab = await client.tabIdOf(url);
    // The hook's own batch has arrived once the beacon carries its body (the network view has none).
    const j = await client.waitForJourney(junkTab, (x) => requestsTo(x, 'after-junk')[0]?.body === 'ok=1');
    expect(requestsTo(j, 'after-junk')).toHaveLength(1);
    expect(j.events.filter((e) => e.type !== 'navigation' && !('url' in e && e.url.includes('after-junk')))).toEqual([]);
    expect(JSON.stringify(j)).not.toContain('evil.test');
    // Nothing else changed: earlier tabs' logs and the goals are as they were.
    const after = await client.journey();
    expect(after.events.filter((e) => e.tab !== junkTab)).toEqual(before.events);
    expect(await client.send({ type: 'goalpost:get-goals' })).toEqual({ format: 'goalpost.goals/1', goals: [] });
  });

  it('a page that checks fetch, sendBeacon and XHR results behaves identically without the extension', async () => {
    const path = '/behaviour.html';
    const run = async (browser: typeof launched.browser) => {
      const page = await visit(browser, `${server.origin('shop.test')}${path}`);
      await page.waitForFunction('window.__done === true', { timeout: 15_000 });
      const results = await page.evaluate('window.__results');
      await page.close();
      return results;
    };
    const withExtension = await run(launched.browser);
    const plain = await launchPlain(HOSTS);
    try {
      expect(withExtension).toEqual(await run(plain));
    } finally {
      await plain.close();
    }
    // …and the extension did see what that page sent, bodies of every type included.
    const tab = undefined;
    const j = await client.waitForJourney(tab, (x) => requestsTo(x, 'body=stream').length > 0);
    expect(requestsTo(j, 'body=blob')[0]).toMatchObject({ body: 'blob-body' });
    expect(requestsTo(j, 'body=buffer')[0]).toMatchObject({ body: 'bytes' });
    expect(requestsTo(j, 'body=form')[0]).toMatchObject({ body: 'k=v' });
    expect(requestsTo(j, 'body=request')[0]).toMatchObject({ body: 'request-body' });
    expect(requestsTo(j, 'body=stream')[0]?.bodyNote).toMatch(/stream/);
    expect(requestsTo(j, 'b=2')[0]).toMatchObject({ body: '{"a":1}' });
    expect(requestsTo(j, 'b=3')[0]?.error).toMatch(/returned false/);
    expect(requestsTo(j, 'kind=fetch&ok=1')).toHaveLength(1);
    // The page's own pushState became a route, through the wrapper that printed as native code.
    expect(j.events.filter((e) => e.type === 'route' && e.url.endsWith('/behaviour.html?route=2'))).toEqual([
      expect.objectContaining({ kind: 'push' }),
    ]);
  });

  it('marks a beacon that failed in the network, and records no ordinary traffic', async () => {
    const url = `${server.origin('shop.test')}/quiet.html`;
    const page = await visit(launched.browser, url);
    const quietTab = await client.tabIdOf(url);
    // The page's own fetch completed (so it was made) before the journey is read.
    await page.waitForFunction('document.title.length > 0', { timeout: 10_000 });
    expect(await page.title()).toBe('{"items":2}');
    const j = await client.waitForJourney(
      quietTab,
      (x) => requestsTo(x, 'path=dead')[0]?.error !== undefined && requestsTo(x, 'path=dead')[0]?.body !== undefined,
    );
    const dead = requestsTo(j, 'path=dead');
    expect(dead).toHaveLength(1);
    expect(dead[0]).toMatchObject({
      method: 'POST',
      body: 'en=lost',
      initiator: 'beacon',
      error: expect.stringMatching(/ERR_NAME_NOT_RESOLVED/),
    });
    expect(server.received.filter((r) => r.path === '/api/cart')).toHaveLength(1);
    expect(requestsTo(j, '/api/cart')).toEqual([]);
  });

  it('keeps compressed uploads whole, and they decode to the hits the page compressed', async () => {
    const url = `${server.origin('shop.test')}/compressed.html`;
    const page = await visit(launched.browser, url);
    await page.waitForFunction('document.title === "sent"', { timeout: 10_000 });
    const tab = await client.tabIdOf(url);
    const j = await client.waitForJourney(
      tab,
      (x) => requestsTo(x, 'path=gzip')[0]?.body !== undefined && requestsTo(x, 'path=deflate')[0]?.body !== undefined,
    );
    for (const [path, name] of [
      ['path=gzip', 'gzip_beacon'],
      ['path=deflate', 'deflate_fetch'],
    ] as const) {
      const [req] = requestsTo(j, path);
      expect(requestsTo(j, path)).toHaveLength(1);
      expect(req).toMatchObject({ method: 'POST', bodyEncoding: 'base64' });
      // The bytes the collector received, exactly.
      const got = server.received.find((r) => r.method === 'POST' && r.path.includes(path));
      expect(Buffer.from(req!.body!, 'base64').equals(got!.raw)).toBe(true);
      const decoded = decodeRequest({ url: req!.url, method: 'POST', body: req!.body!, bodyEncoding: 'base64' });
      expect(decoded?.problems ?? []).toEqual([]);
      expect(decoded?.hits.map((h) => h.name)).toEqual([name]);
    }
  });
});
