/**
 * Google's tags as they put things on the wire: GA4 collection on first-party paths, batch lines
 * over the shared query, purchase revenue, and Consent Mode's gcs / gcd. Each row is a protocol
 * fact (sources in docs/vendors.md).
 */
import { describe, expect, it } from 'vitest';
import { decodeRequest } from '../../lib/decoders/index';
import { describeSetting, hitConsent, parseGcd, parseGcdLetter, parseGcs } from '../../lib/decoders/vendors/google-consent';

const enc = encodeURIComponent;
const PAGE = 'https://shop.example/';
const GA4 = `v=2&tid=G-SHOP42&gtm=45je69u2v8&_p=1791212458528&cid=746406658.1791212460&ul=en-us&sid=1791212459&sct=1&seg=0&dl=${enc(PAGE)}`;

describe('GA4 is recognised by its protocol on any path', () => {
  it.each([
    ['first-party mode under /metrics', `https://shop.example/metrics/g/collect?${GA4}&en=page_view`, 'GET', undefined],
    ['Google tag gateway /<prefix>/ag/g/c', `https://shop.example/metrics/ag/g/c?${GA4}&en=page_view`, 'GET', undefined],
    ['a custom server-side client path', `https://data.shop.example/x7k2q?${GA4}&en=page_view`, 'GET', undefined],
    [
      'a batch whose event names are only in the body',
      `https://shop.example/gw/g/c?${GA4}`,
      'POST',
      'en=page_view\nen=scroll&epn.percent_scrolled=90',
    ],
  ])('%s', (_name, url, method, body) => {
    const d = decodeRequest(body === undefined ? { url, method } : { url, method, body });
    expect(d?.decoder).toBe('ga4');
    expect(d?.account).toBe('G-SHOP42');
    expect(d?.hits[0]).toMatchObject({
      vendor: 'ga4',
      kind: 'pageview',
      url: PAGE,
      clientId: '746406658.1791212460',
      sessionId: '1791212459',
    });
  });

  it.each([
    ['a UA property with v=2', `https://shop.example/metrics/g/c?v=2&tid=UA-1-1&en=page_view`],
    ['no event name anywhere', `https://shop.example/metrics/g/c?v=2&tid=G-SHOP42&cid=1.1`],
    ['protocol version 1', `https://shop.example/api/track?v=1&tid=G-SHOP42&en=page_view`],
    ['an ordinary page with a tid parameter', `https://shop.example/search?tid=G-SHOP42&q=shoes`],
  ])('is not claimed: %s', (_name, url) => {
    expect(decodeRequest({ url, method: 'GET' })?.decoder).not.toBe('ga4');
  });

  it("leaves a v=2 payload on UA's own paths to the UA decoder, as Omnibug does", () => {
    const d = decodeRequest({ url: 'https://www.google-analytics.com/collect', method: 'POST', body: `${GA4}&en=page_view` });
    expect(d?.decoder).toBe('ua');
    expect(d?.hits[0]?.vendor).toBe('ga4');
  });
});

describe('GA4 batches: each line overrides the shared query fields', () => {
  it('a query page_view does not turn the lines into page views', () => {
    const d = decodeRequest({
      url: `https://region1.google-analytics.com/g/collect?${GA4}&en=page_view&_et=10`,
      method: 'POST',
      body: `en=scroll&epn.percent_scrolled=90\nen=purchase&ep.transaction_id=T-9&epn.value=42.5&cu=EUR&dl=${enc('https://shop.example/thanks')}`,
    });
    expect(d?.hits.map((h) => [h.kind, h.name ?? '', h.url])).toEqual([
      ['event', 'scroll', PAGE],
      ['event', 'purchase', 'https://shop.example/thanks'],
      ['transaction', '', 'https://shop.example/thanks'],
    ]);
    expect(d?.hits[2]?.transaction).toEqual({ total: 42.5, currency: 'EUR', orderId: 'T-9' });
    expect(d?.requestType).toBe('scroll, purchase');
  });
});

describe('GA4 marks the hit that opens a session', () => {
  const first = (extra: string) =>
    decodeRequest({ url: `https://www.google-analytics.com/g/collect?${GA4}&en=page_view${extra}`, method: 'GET' })!.hits[0]!;
  it.each([
    ['_ss (session start)', '&_ss=1', true],
    ['_nsi=1 (new session id)', '&_nsi=1', true],
    ['seg=0 alone: not yet engaged, not a start', '', undefined],
    ['a later hit of the session', '&seg=1&_s=4', undefined],
    ['a cookieless ping (analytics storage denied)', '&_ss=1&gcs=G100', undefined],
  ])('%s', (_name, extra, opens) => {
    expect(first(extra).opensVisit).toBe(opens);
  });
  it('in a batch, only the line that carries it', () => {
    const d = decodeRequest({
      url: `https://www.google-analytics.com/g/collect?${GA4}`,
      method: 'POST',
      body: 'en=page_view&_ss=1&_nsi=1\nen=scroll',
    })!;
    expect(d.hits.map((h) => h.opensVisit)).toEqual([true, undefined]);
  });
});

describe('GA4 purchase revenue is value; the items only when value is absent', () => {
  const purchase = (extra: string) =>
    decodeRequest({
      url: `https://www.google-analytics.com/g/collect?${GA4}&en=purchase&ep.transaction_id=O1&cu=USD${extra}`,
      method: 'GET',
    })!.hits.find((h) => h.kind === 'transaction')!.transaction;
  it.each([
    ['value wins over the items', '&epn.value=30&pr1=idA~pr10~qt5', 30],
    ['value 0 is a value', '&epn.value=0&pr1=idA~pr10~qt5', 0],
    ['value sent as a string parameter', '&ep.value=12.5&pr1=idA~pr10', 12.5],
    ['no value: price × quantity of the items', '&pr1=idA~pr10~qt5&pr2=idB~pr2.5', 52.5],
    ['nothing: 0', '', 0],
  ])('%s', (_name, extra, total) => {
    expect(purchase(extra)?.total).toBe(total);
  });
});

describe('Consent Mode', () => {
  it.each([
    ['G111', { ads: 'granted', analytics: 'granted' }],
    ['G100', { ads: 'denied', analytics: 'denied' }],
    ['G110', { ads: 'granted', analytics: 'denied' }],
    ['G101', { ads: 'denied', analytics: 'granted' }],
    ['G1-1', { analytics: 'granted' }],
    ['G1--', {}],
  ])('gcs %s', (gcs, state) => {
    expect(parseGcs(gcs)).toEqual(state);
  });
  it.each(['G2', 'G11', 'G1x1', 'g111', ''])('gcs %j is not a consent state', (gcs) => {
    expect(parseGcs(gcs)).toBeUndefined();
  });

  it.each([
    ['l', 'not set (behaves as granted)', 'granted'],
    ['p', 'denied by default', 'denied'],
    ['q', 'denied by default, then denied by an update', 'denied'],
    ['r', 'denied by default, then granted by an update', 'granted'],
    ['t', 'granted by default', 'granted'],
    ['u', 'granted by default, then denied by an update', 'denied'],
    ['v', 'granted by default, then granted by an update', 'granted'],
    ['m', 'denied by an update', 'denied'],
    ['n', 'granted by an update', 'granted'],
  ])('gcd letter %s: %s', (code, words, effective) => {
    const s = parseGcdLetter(code)!;
    expect(describeSetting(s)).toBe(words);
    expect(s.effective).toBe(effective);
  });

  it('reads the four v2 signals of a recorded gcd, in order', () => {
    const d = parseGcd('13p3t3r3u5l1')!;
    expect([d.ad_storage.code, d.analytics_storage.code, d.ad_user_data.code, d.ad_personalization.code]).toEqual(['p', 't', 'r', 'u']);
    expect(parseGcd('13r3r3r3r5l1')!.analytics_storage.effective).toBe('granted');
    expect(parseGcd('13p3p3p3p5l1')!.ad_user_data.effective).toBe('denied');
    for (const bad of ['', '1', '23r3r3r3r5', '13r3r3r3', '13r3r3r3*5l1']) expect(parseGcd(bad)).toBeUndefined();
  });

  it('a hit carries the state it was sent under: gcs first, else the effective gcd signals', () => {
    expect(hitConsent('G110', '13r3r3r3r5l1')).toEqual({ ads: 'granted', analytics: 'denied' });
    expect(hitConsent(undefined, '13q3r3r3r5l1')).toEqual({ ads: 'denied', analytics: 'granted' });
    expect(hitConsent('G1--', undefined)).toBeUndefined();
    expect(hitConsent(undefined, undefined)).toBeUndefined();
  });

  it('shows consent per hit in the decoded parameters, and says what it could not read', () => {
    const d = decodeRequest({
      url: `https://www.google-analytics.com/g/collect?${GA4}&en=page_view&gcs=G101&gcd=13p3r3q3v5l1`,
      method: 'GET',
    })!;
    const consent = Object.fromEntries(d.params.filter((p) => p.group === 'Consent').map((p) => [p.key, p.value]));
    expect(consent).toMatchObject({
      'gcs.ad_storage': 'denied',
      'gcs.analytics_storage': 'granted',
      'gcd.ad_storage': 'denied by default [p]',
      'gcd.analytics_storage': 'denied by default, then granted by an update [r]',
      'gcd.ad_user_data': 'denied by default, then denied by an update [q]',
      'gcd.ad_personalization': 'granted by default, then granted by an update [v]',
    });
    expect(d.hits[0]?.consent).toEqual({ ads: 'denied', analytics: 'granted' });
    const bad = decodeRequest({ url: `https://www.google-analytics.com/g/collect?${GA4}&en=page_view&gcs=X9&gcd=zz`, method: 'GET' })!;
    expect(bad.problems).toEqual([
      'The consent state gcs "X9" is not of the form G1xy, so it was not decoded.',
      'The consent defaults gcd "zz" do not have the four-signal shape, so they were not decoded.',
    ]);
    expect(bad.hits).toHaveLength(1);
  });

  it('Google Ads conversions carry their consent too', () => {
    const d = decodeRequest({
      url: `https://googleads.g.doubleclick.net/pagead/viewthroughconversion/998877/?gcd=13r3r3r3r5l1&data=event%3Dgtag.config&url=${enc(PAGE)}`,
      method: 'GET',
    })!;
    expect(d.hits[0]).toMatchObject({ vendor: 'google-ads', kind: 'pageview', consent: { ads: 'granted', analytics: 'granted' } });
  });
});

describe('a hits-only decoding (labels: false) is the same decoding without the panel fields', () => {
  it.each([
    ['a page view', `https://www.google-analytics.com/g/collect?${GA4}&en=page_view`, undefined],
    ['unreadable consent, whose problems stay', `https://www.google-analytics.com/g/collect?${GA4}&en=page_view&gcs=X9&gcd=zz`, undefined],
    ['a cookieless ping', `https://www.google-analytics.com/g/collect?${GA4}&en=page_view&gcs=G100`, undefined],
    ['a purchase with items', `https://www.google-analytics.com/g/collect?${GA4}&en=purchase&cu=EUR&pr1=idSKU1~nmShoe~pr10~qt2`, undefined],
    ['a batch', `https://shop.example/gw/g/c?${GA4}`, 'en=page_view\nen=scroll&epn.percent_scrolled=90'],
    ['GA4 on a Universal Analytics path', `https://www.google-analytics.com/collect?${GA4}&en=page_view`, undefined],
    ['no event name', `https://www.google-analytics.com/g/collect?${GA4}`, undefined],
  ])('%s', (_name, url, body) => {
    const req = body === undefined ? { url, method: 'GET' } : { url, method: 'POST', body };
    const full = decodeRequest(req)!;
    const hitsOnly = decodeRequest(req, undefined, { labels: false })!;
    expect(full.params.length).toBeGreaterThan(0);
    expect(hitsOnly.params).toEqual([]);
    expect(hitsOnly).toEqual({ ...full, params: [] });
    expect(decodeRequest(req, undefined, { labels: true })).toEqual(full);
  });
});
