/**
 * GA4 as first-party mode and the Google tag gateway serve it, in Chromium with the built
 * extension: collection under the site's own path is captured with its batch body, ordinary
 * same-site traffic is not, each navigation carries the browser's user agent, language and time
 * zone, and a `_gl` link made by the page (the linker's checksum, as gtag computes it) is judged
 * by the engine from what the capture recorded: fresh is linked, a link made minutes before is not.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { LaunchedBrowser } from '../lib/browser/chromium';
import { launchWithExtension } from '../lib/browser/chromium';
import { startSiteServer, type SiteServer } from '../lib/browser/site-server';
import { decodeRequest } from '../lib/decoders/index';
import { replay } from '../lib/engine/index';
import { ExtensionClient, requestsTo, visit, type RecordedJourney } from './support/extension';

const HOSTS = ['*.test'];
let server: SiteServer;
let launched: LaunchedBrowser;

const html = (body: string): string => `<!doctype html><html><head><meta charset="utf-8"></head><body>${body}</body></html>`;

/** A stand-in for gtag's linker: `_gl` for the ids, as if made `minutesAgo` minutes before now. */
const LINKER = `
function crc32(s) {
  var c, t = [], crc = -1;
  for (var n = 0; n < 256; n++) { c = n; for (var k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1; t[n] = c; }
  for (var i = 0; i < s.length; i++) crc = (crc >>> 8) ^ t[(crc ^ s.charCodeAt(i)) & 0xff];
  return ((crc ^ -1) >>> 0);
}
function gl(cid, minutesAgo) {
  var ids = '_ga*' + btoa(cid).replace(/=/g, '.');
  var minute = Math.floor(Date.now() / 60000) - minutesAgo;
  var sum = crc32([navigator.userAgent, new Date().getTimezoneOffset(), navigator.language, minute, ids].join('*')).toString(36);
  return '1*' + sum + '*' + ids;
}`;

/** GA4 hits without a client id: the link alone decides whether the visitor carries over. */
const ga4 = (en: string) =>
  `navigator.sendBeacon('/metrics/ag/g/c?v=2&tid=G-E2E1&gtm=45je&_p=1&sid=77&dl=' + encodeURIComponent(location.href), '${en}');`;

beforeAll(async () => {
  server = await startSiteServer([
    ({ host, path, url }) => {
      if (path === '/metrics/ag/g/c' || path === '/api/items') return { status: 204 };
      const minutesAgo = Number(url.searchParams.get('ago') ?? '0');
      if (host === 'shop.test' && path === '/cart.html') {
        return {
          body: html(`<a id="go" href="#">pay</a><script>${LINKER}
  ${ga4('en=page_view\\nen=scroll&epn.percent_scrolled=90')}
  fetch('/api/items?v=2&tid=X');
  document.getElementById('go').href = 'http://pay.test:${url.port}/pay.html?_gl=' + gl('111.222', ${minutesAgo});
</script>`),
        };
      }
      if (host === 'pay.test' && path === '/pay.html') return { body: html(`<script>${ga4('en=page_view')}</script>`) };
      return undefined;
    },
  ]);
  launched = await launchWithExtension({ mapHosts: HOSTS });
});

afterAll(async () => {
  await launched?.close();
  await server?.close();
});

const landed = (j: RecordedJourney) =>
  j.events.some((e) => e.type === 'navigation' && e.url.includes('pay.html')) && requestsTo(j, '/metrics/ag/g/c').length >= 2;

async function walk(client: ExtensionClient, minutesAgo: number): Promise<{ journey: RecordedJourney; fingerprint: unknown }> {
  const url = `${server.origin('shop.test')}/cart.html?ago=${minutesAgo}`;
  const page = await visit(launched.browser, url);
  const fingerprint = await page.evaluate(() => ({
    userAgent: navigator.userAgent,
    language: navigator.language,
    timezoneOffset: new Date().getTimezoneOffset(),
  }));
  const tabId = await client.tabIdOf(url);
  await Promise.all([page.waitForNavigation({ waitUntil: 'load' }), page.click('#go')]);
  const journey = await client.waitForJourney(tabId, landed);
  await page.close();
  return { journey, fingerprint };
}

describe('GA4 through the Google tag gateway', () => {
  let client: ExtensionClient;

  it("captures first-party collection with its batch, not the site's own traffic, and the browser's fingerprint", async () => {
    client = await ExtensionClient.open(launched);
    const { journey, fingerprint } = await walk(client, 0);
    const hits = requestsTo(journey, '/metrics/ag/g/c');
    expect(hits).toHaveLength(2);
    expect(hits[0]).toMatchObject({ method: 'POST', body: 'en=page_view\nen=scroll&epn.percent_scrolled=90', initiator: 'beacon' });
    expect(requestsTo(journey, '/api/items')).toEqual([]);
    expect(server.received.filter((r) => r.path.startsWith('/api/items'))).toHaveLength(1);

    const decoded = decodeRequest({ url: hits[0]!.url, method: 'POST', body: hits[0]!.body });
    expect(decoded?.decoder).toBe('ga4');
    expect(decoded?.hits.map((h) => [h.kind, h.name ?? ''])).toEqual([
      ['pageview', ''],
      ['event', 'scroll'],
    ]);

    const navs = journey.events.filter((e) => e.type === 'navigation');
    expect(navs).toHaveLength(2);
    for (const n of navs) expect(n).toMatchObject(fingerprint as object);
  });

  it('a fresh _gl links the hop; one made five minutes earlier is stale, and the finding says so', async () => {
    const fresh = await walk(client, 0);
    const fr = replay(fresh.journey.events, { format: 'goalpost.goals/1', goals: [] }, { model: 'ga4' });
    expect(fr.hops).toEqual([expect.objectContaining({ from: 'shop.test', to: 'pay.test', linked: true, param: '_gl' })]);

    const old = await walk(client, 5);
    const or = replay(old.journey.events, { format: 'goalpost.goals/1', goals: [] }, { model: 'ga4' });
    expect(or.hops).toEqual([expect.objectContaining({ linked: false, param: '_gl' })]);
    expect(or.findings.find((f) => f.code === 'cross-domain-break')?.message).toMatch(
      /it was stale: its checksum matches [56] minutes before the landing page loaded/,
    );
  });
});
