/**
 * Google's counting rules as the engine replays them: GA4's session id and order dedup, UA's
 * campaign and midnight breaks, gtag's link checksum on cross-domain hops, and Consent Mode.
 */
import { describe, expect, it } from 'vitest';
import { makeGl, type Fingerprint } from '../../lib/engine/google-linker';
import type { JourneyEvent } from '../../lib/formats/journey';
import { at, hit, nav, req, run } from './build';

const enc = encodeURIComponent;
const ga4 = (t: number, page: string, cid: string | undefined, sid: string, en: string, extra = ''): JourneyEvent =>
  req(
    t,
    `https://www.google-analytics.com/g/collect?v=2&tid=G-SHOP42${cid ? `&cid=${cid}` : ''}&sid=${sid}&en=${en}&dl=${enc(page)}${extra}`,
  );

describe('GA4: a transaction id counts once per user, across visits', () => {
  const sale = [{ id: 'sale', when: { transaction: {} } }];
  const purchase = (t: number, cid: string, sid: string, order: string) =>
    ga4(t, 'https://shop.example/thanks', cid, sid, 'purchase', `&ep.transaction_id=${order}&epn.value=50&cu=EUR`);

  it('the same order in a later visit of the same user is a duplicate', () => {
    const r = run([purchase(at(0), '1.1', '100', 'O-1'), purchase(at(90), '1.1', '200', 'O-1')], sale, {}, 'ga4');
    expect(r.sessions).toHaveLength(2);
    expect(r.goals[0]).toMatchObject({ total: 1, sessions: 1, users: 1 });
    expect(r.goals[0]!.occurrences.map((o) => o.reason)).toEqual(['counted', 'duplicate-id']);
    expect(r.findings.find((f) => f.code === 'duplicate-id')?.message).toContain(
      'once per visitor, in any of their visits (GA4 deduplicates purchases by transaction_id per user)',
    );
  });

  it('the same order id from another user counts again', () => {
    const r = run([purchase(at(0), '1.1', '100', 'O-1'), purchase(at(1), '2.2', '300', 'O-1')], sale, {}, 'ga4');
    expect(r.goals[0]).toMatchObject({ total: 2, users: 2 });
  });

  it('other models keep the contract: a new visit counts the id again', () => {
    const hits = [
      hit(at(0), 'https://shop.example/thanks', { kind: 'transaction', clientId: 'A', transaction: { total: 5, orderId: 'O-1' } }),
      hit(at(40), 'https://shop.example/thanks', { kind: 'transaction', clientId: 'A', transaction: { total: 5, orderId: 'O-1' } }),
    ];
    expect(run(hits, sale, {}, 'ptengine').goals[0]!.total).toBe(2);
  });
});

describe("GA4: the session is the tag's sid", () => {
  it("the same sid after 5 hours is one visit; past a 30-minute timer the report says the property's timeout is longer", () => {
    const events = [
      ga4(at(0), 'https://shop.example/', '1.1', '100', 'page_view'),
      ga4(at(300), 'https://shop.example/b', '1.1', '100', 'page_view'),
    ];
    const long = run(events, [], { session: { timeoutMinutes: 475 } }, 'ga4');
    expect(long.sessions).toHaveLength(1);
    expect(long.findings.filter((f) => f.code === 'vendor-visit-differs')).toEqual([]);
    const short = run(events, [], {}, 'ga4');
    expect(short.sessions).toHaveLength(1);
    expect(short.findings.find((f) => f.code === 'vendor-visit-differs')?.message).toContain('100');
  });
  it("without sid the goals file's timeout decides", () => {
    const events = [
      ga4(at(0), 'https://shop.example/', '1.1', '', 'page_view'),
      ga4(at(300), 'https://shop.example/b', '1.1', '', 'page_view'),
    ];
    expect(run(events, [], { session: { timeoutMinutes: 475 } }, 'ga4').sessions).toHaveLength(1);
    expect(run(events, [], {}, 'ga4').sessions.map((x) => x.reason)).toEqual(['first', 'timeout']);
  });
  it('a new sid is a new visit even within the timeout', () => {
    const r = run(
      [
        ga4(at(0), 'https://shop.example/', '1.1', '100', 'page_view'),
        ga4(at(2), 'https://shop.example/b', '1.1', '101', 'page_view', '&_ss=1&seg=0'),
      ],
      [],
      {},
      'ga4',
    );
    expect(r.sessions.map((s) => [s.id, s.reason])).toEqual([
      ['100', 'first'],
      ['101', 'vendor'],
    ]);
  });
});

describe('Universal Analytics: any campaign value change starts a session', () => {
  const ua = (t: number, page: string) =>
    req(t, `https://www.google-analytics.com/collect?v=1&t=pageview&tid=UA-1-1&cid=5.5&dl=${enc(page)}`);
  it.each([
    ['utm_term', 'https://shop.example/?utm_source=g&utm_term=boots'],
    ['utm_content', 'https://shop.example/?utm_source=g&utm_content=banner-b'],
    ['utm_id', 'https://shop.example/?utm_source=g&utm_id=42'],
    ['gclid', 'https://shop.example/?utm_source=g&gclid=Cj0KCQ'],
    ['dclid', 'https://shop.example/?utm_source=g&dclid=CKr2'],
  ])('%s', (_param, second) => {
    const r = run([ua(at(0), 'https://shop.example/?utm_source=g'), ua(at(5), second)], [], {}, 'ua');
    expect(r.sessions.map((s) => s.reason)).toEqual(['first', 'campaign']);
  });
  it('the same campaign again continues the visit, and a gclid alone is a source', () => {
    const r = run(
      [
        ua(at(0), 'https://shop.example/?gclid=A'),
        ua(at(5), 'https://shop.example/p?gclid=A'),
        ua(at(6), 'https://shop.example/q?gclid=B'),
      ],
      [],
      {},
      'ua',
    );
    expect(r.sessions.map((s) => s.reason)).toEqual(['first', 'campaign']);
    expect(r.sessions[0]!.source).not.toBe(r.sessions[1]!.source);
  });
  it('Ptengine does not read click ids as a campaign', () => {
    const r = run([hit(at(0), 'https://shop.example/?gclid=A'), hit(at(5), 'https://shop.example/?gclid=B')], [], {}, 'ptengine');
    expect(r.sessions).toHaveLength(1);
  });
  it("midnight is in the goals file's time zone", () => {
    // 14:50 and 15:10 UTC straddle midnight in Tokyo (UTC+9), not in UTC.
    const events = [
      ua(Date.parse('2026-03-01T14:50:00Z'), 'https://shop.example/'),
      ua(Date.parse('2026-03-01T15:10:00Z'), 'https://shop.example/b'),
    ];
    expect(run(events, [], { session: { timezone: 'Asia/Tokyo' } }, 'ua').sessions.map((s) => s.reason)).toEqual(['first', 'midnight']);
    expect(run(events, [], { session: { timezone: 'UTC' } }, 'ua').sessions).toHaveLength(1);
  });
});

describe('cross-domain: gtag accepts a _gl only in the minute it was made and the next', () => {
  const fp: Fingerprint = { userAgent: 'Mozilla/5.0 (Windows NT 10.0; Win64; x64) Chrome/131.0.0.0', language: 'en-GB', timezoneOffset: 0 };
  /** Simulated cookies (no client ids): the link alone decides whether the visitor carries over. */
  function hop(linkMadeAt: number, landedAt: number, readerFp: Fingerprint = fp): JourneyEvent[] {
    const gl = makeGl({ _ga: '111.222' }, fp, linkMadeAt);
    const landing = `https://pay.example/p?_gl=${gl}`;
    return [
      nav(at(0), 'https://shop.example/cart', { ...fp }),
      hit(at(0, 1), 'https://shop.example/cart', { vendor: 'ga4' }),
      nav(landedAt, landing, { referrer: 'https://shop.example/cart', ...readerFp }),
      hit(landedAt + 1000, landing, { vendor: 'ga4' }),
    ];
  }

  it('a link read the next minute is linked', () => {
    const r = run(hop(at(0, 30), at(1, 10)), [], {}, 'ga4');
    expect(r.hops).toEqual([expect.objectContaining({ linked: true, param: '_gl' })]);
    expect(r.visitors).toHaveLength(1);
  });

  it('a redirect that took minutes: stale, not linked, and the finding says so', () => {
    const r = run(hop(at(0, 30), at(4)), [], {}, 'ga4');
    expect(r.hops).toEqual([expect.objectContaining({ linked: false, param: '_gl' })]);
    const f = r.findings.find((x) => x.code === 'cross-domain-break');
    expect(f?.message).toContain('it was stale: its checksum matches 4 minutes before the landing page loaded');
    expect(f?.message).toContain('in the minute it was made and the next');
  });

  it('a link copied into another browser: altered, not linked', () => {
    const r = run(hop(at(0, 30), at(1), { ...fp, userAgent: 'Mozilla/5.0 (iPhone; CPU iPhone OS 17_0 like Mac OS X)' }), [], {}, 'ga4');
    expect(r.hops?.[0]?.linked).toBe(false);
    expect(r.findings.find((x) => x.code === 'cross-domain-break')?.message).toContain(
      'matches no minute for this browser (user agent, language, time zone)',
    );
  });

  it("without the browser's fingerprint (HAR files, older journeys) a present link is honoured as before", () => {
    const events = hop(at(0, 30), at(30)).map((e) => (e.type === 'navigation' ? { t: e.t, type: e.type, url: e.url } : e));
    expect(run(events, [], {}, 'ga4').hops?.[0]?.linked).toBe(true);
  });
});

describe('Consent Mode', () => {
  it('denied analytics storage explains a hit without a client id, once per page, and shows per page', () => {
    const r = run(
      [
        ga4(at(0), 'https://shop.example/', '9.9', '1', 'page_view', '&gcs=G100'),
        ga4(at(0, 5), 'https://shop.example/', '9.9', '1', 'scroll', '&gcs=G100'),
      ],
      [],
      {},
      'ga4',
    );
    const found = r.findings.filter((f) => f.code === 'consent-denied');
    expect(found).toHaveLength(1);
    expect(found[0]).toMatchObject({ severity: 'info', url: 'https://shop.example/', vendor: 'ga4' });
    expect(found[0]!.message).toContain('analytics storage denied (Consent Mode), so they carry no client id');
    expect(r.pages[0]!.vendors.ga4).toEqual({ hits: 2, delivered: 2, consent: { ads: 'denied', analytics: 'denied' } });
  });

  it('a hop from a page where analytics storage was denied: the break says gtag does not decorate links then', () => {
    const r = run(
      [
        nav(at(0), 'https://shop.example/cart'),
        ga4(at(0, 1), 'https://shop.example/cart', undefined, '1', 'page_view', '&gcs=G100'),
        nav(at(1), 'https://pay.example/p', { referrer: 'https://shop.example/cart' }),
        ga4(at(1, 1), 'https://pay.example/p', '7.7', '2', 'page_view', '&gcs=G111'),
      ],
      [],
      {},
      'ga4',
    );
    expect(r.findings.find((f) => f.code === 'cross-domain-break')?.message).toContain(
      'because analytics storage was denied on https://shop.example/cart (Consent Mode), and the Google tag does not decorate links with _gl while it is denied',
    );
  });
});
