/**
 * The counting rules of semantics.md §1–2 as Ptengine's real requests exercise them: the
 * vendor's visit id and `/pn` decide the visit (and a disagreement with the model's rules is a
 * finding), per-device timeouts, the full source rule, `_pt_link`, and a model tag that cannot
 * be read. Requests are built the way pta.js v1.65.0 builds them.
 */
import { describe, expect, it } from 'vitest';
import { parseJourneyText } from '../../lib/formats/parse';
import { validateGoals } from '../../lib/formats/validate-goals';
import type { RequestEvent } from '../../lib/formats/journey';
import { at, hit, nav, req, run } from './build';

const SID = '4a5b6c7d';
const IPHONE = 'Mozilla/5.0 (iPhone; CPU iPhone OS 17_0 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Mobile/15E148';
const DESKTOP = 'Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/120.0 Safari/537.36';

/** A /pn or /pv as pta.js posts it: URI-encoded JSON, "&" in URLs as "*&*". */
function ptView(t: number, path: 'pn' | 'pv', page: string, uid: string, vid: string, ref = ''): RequestEvent {
  const body = {
    sid: SID,
    uid,
    vid,
    pid: 'P',
    peid: `E${t}`,
    v: 'v1.65.0',
    ts: t,
    stat: '1.0.0.0.0.0',
    ref: encodeURIComponent(ref.replace(/&/g, '*&*')),
    p: encodeURIComponent(page.replace(/&/g, '*&*')),
    tl: 'T',
    ptif: '2',
  };
  return req(t, `https://collect.ptengine.jp/${path}`, { method: 'POST', body: encodeURIComponent(JSON.stringify(body)), pageUrl: page });
}

describe("the vendor's own visit wins, and a disagreement is a finding", () => {
  it('/pn opens a visit where the model would continue; both are named', () => {
    const r = run([
      ptView(at(0), 'pn', 'https://shop.example/a', 'U1', 'VID1'),
      ptView(at(2), 'pv', 'https://shop.example/b', 'U1', 'VID1'),
      ptView(at(5), 'pn', 'https://shop.example/c', 'U1', 'VID2'),
    ]);
    expect(r.sessions.map((s) => [s.id, s.reason, s.hits])).toEqual([
      ['VID1', 'first', 2],
      ['VID2', 'vendor', 1],
    ]);
    const f = r.findings.filter((x) => x.code === 'vendor-visit-differs');
    expect(f).toHaveLength(1);
    expect(f[0]!.message).toMatch(
      /^Ptengine started a new visit on https:\/\/shop\.example\/c .*visit id changed from VID1 to VID2.*rules would continue visit VID1/,
    );
  });

  it("the same vid after a long gap keeps the visit, with the model's timeout named", () => {
    const r = run([
      ptView(at(0), 'pn', 'https://shop.example/a', 'U1', 'VID1'),
      ptView(at(45), 'pv', 'https://shop.example/b', 'U1', 'VID1'),
    ]);
    expect(r.sessions.map((s) => s.id)).toEqual(['VID1']);
    const f = r.findings.find((x) => x.code === 'vendor-visit-differs');
    expect(f?.message).toMatch(
      /kept the visit .*kept visit id VID1.*timeout: 45 min since the previous hit, more than the 30-minute PC timeout/,
    );
    expect(r.findings.some((x) => x.code === 'session-timeout')).toBe(false);
  });

  it("generic: any vendor's sessionId wins the same way", () => {
    const r = run(
      [
        hit(at(0), 'https://shop.example/a', { vendor: 'ga4', clientId: 'C', sessionId: '1' }),
        hit(at(50), 'https://shop.example/b', { vendor: 'ga4', clientId: 'C', sessionId: '1' }),
      ],
      [],
      {},
      'ga4',
    );
    expect(r.sessions).toHaveLength(1);
    expect(r.findings.map((f) => f.code)).toContain('vendor-visit-differs');
  });

  it('where vendor and rules agree there is no finding', () => {
    const r = run([
      ptView(at(0), 'pn', 'https://shop.example/a', 'U1', 'VID1'),
      ptView(at(40), 'pn', 'https://shop.example/b', 'U1', 'VID2'),
    ]);
    expect(r.sessions.map((s) => s.reason)).toEqual(['first', 'timeout']);
    expect(r.findings.some((f) => f.code === 'vendor-visit-differs')).toBe(false);
  });

  it("a /pn right after another counted tag's hit on the same page joins that visit", () => {
    const r = run(
      [
        nav(at(0), 'https://shop.example/a'),
        { t: at(0), type: 'push', target: 'lpTag.sdes', value: { type: 'cart', total: 1 }, pageUrl: 'https://shop.example/a' },
        ptView(at(0, 1), 'pn', 'https://shop.example/a', 'U1', 'VID1'),
      ],
      [],
      { vendors: ['ptengine', 'liveperson'] },
    );
    expect(r.sessions).toHaveLength(1);
    expect(r.findings.some((f) => f.code === 'vendor-visit-differs')).toBe(false);
  });

  it('opensVisit is validated in the journey format', () => {
    const text = (v: unknown) =>
      JSON.stringify({
        format: 'goalpost.journey/1',
        events: [{ t: 0, type: 'hit', vendor: 'ptengine', kind: 'pageview', url: 'https://a.example/', opensVisit: v }],
      });
    expect(parseJourneyText(text(true), 'j.json').events[0]).toMatchObject({ opensVisit: true });
    expect(() => parseJourneyText(text('yes'), 'j.json')).toThrow(/opensVisit/);
  });
});

describe('timeouts per device', () => {
  const doc = { session: { timeoutMinutes: { pc: 30, smartphone: 5 } } };
  it.each([
    ['smartphone, 6 min idle: new visit', IPHONE, 6, ['first', 'timeout']],
    ['smartphone, 5 min idle: same visit', IPHONE, 5, ['first']],
    ['PC, 6 min idle: same visit', DESKTOP, 6, ['first']],
    ['PC, 31 min idle: new visit', DESKTOP, 31, ['first', 'timeout']],
  ])('%s', (_n, ua, gap, reasons) => {
    const r = run(
      [
        nav(at(0), 'https://shop.example/a', { userAgent: ua }),
        hit(at(0, 1), 'https://shop.example/a'),
        nav(at(gap, 1), 'https://shop.example/b', { userAgent: ua }),
        hit(at(gap, 1), 'https://shop.example/b'),
      ],
      [],
      doc,
    );
    expect(r.sessions.map((s) => s.reason)).toEqual(reasons);
  });

  it('the goals file takes a number or { pc, smartphone } and says what is wrong otherwise', () => {
    const g = (timeoutMinutes: unknown) => ({ format: 'goalpost.goals/1', session: { timeoutMinutes }, goals: [] });
    expect(validateGoals(g({ pc: 30, smartphone: 5 })).session?.timeoutMinutes).toEqual({ pc: 30, smartphone: 5 });
    expect(validateGoals(g(20)).session?.timeoutMinutes).toBe(20);
    expect(() => validateGoals(g({ pc: 30 }))).toThrow(/session\.timeoutMinutes\.smartphone/);
    expect(() => validateGoals(g({ pc: 0, smartphone: 5 }))).toThrow(/session\.timeoutMinutes\.pc must be more than 0/);
    expect(() => validateGoals(g('30'))).toThrow(/session\.timeoutMinutes must be a number or/);
  });
});

describe('the source rule', () => {
  it.each([
    ['utm_term alone is a campaign', 'https://shop.example/?utm_term=ring', undefined, 2],
    ['utm_content alone is a campaign', 'https://shop.example/?utm_content=banner', undefined, 2],
    ['a search engine referrer is a new non-direct source', 'https://shop.example/', 'https://www.google.co.jp/search?q=ring', 2],
    ['an internal referrer is not', 'https://shop.example/', 'https://shop.example/x', 1],
  ])('%s', (_n, url, referrer, sessions) => {
    const r = run([
      nav(at(0), 'https://shop.example/a'),
      hit(at(0), 'https://shop.example/a'),
      nav(at(3), url, referrer ? { referrer } : {}),
      hit(at(3), url),
    ]);
    expect(r.sessions).toHaveLength(sessions);
  });

  it('returning from the same search engine (another country domain) within the timeout continues', () => {
    const r = run([
      nav(at(0), 'https://shop.example/a', { referrer: 'https://www.google.co.jp/' }),
      hit(at(0), 'https://shop.example/a'),
      nav(at(5), 'https://shop.example/b', { referrer: 'https://www.google.com/' }),
      hit(at(5), 'https://shop.example/b'),
    ]);
    expect(r.sessions.map((s) => s.source)).toEqual(['search: google']);
  });

  it('returning from the same campaign within the timeout continues', () => {
    const u = 'https://shop.example/?utm_source=news&utm_medium=email';
    const r = run([
      nav(at(0), u),
      hit(at(0), u),
      nav(at(1), 'https://shop.example/b'),
      hit(at(1), 'https://shop.example/b'),
      nav(at(4), u),
      hit(at(4), u),
    ]);
    expect(r.sessions).toHaveLength(1);
  });
});

describe('_pt_link carries the uid and vid across domains', () => {
  const link = 'UID1.0.VID1.1764400000000.1.3.';
  it('a decorated hop the tag read: one visitor, one visit', () => {
    const landing = `https://pay.example/pay?x=1#_pt_link=${link}`;
    const r = run(
      [
        nav(at(0), 'https://shop.example/cart'),
        ptView(at(0, 1), 'pn', 'https://shop.example/cart', 'UID1', 'VID1'),
        nav(at(1), landing),
        ptView(at(1, 1), 'pv', 'https://pay.example/pay?x=1', 'UID1', 'VID1', 'https://shop.example/cart'),
      ],
      [],
      { crossDomain: { domains: ['shop.example', 'pay.example'] } },
    );
    expect(r.visitors.map((v) => v.id)).toEqual(['UID1']);
    expect(r.sessions.map((s) => s.id)).toEqual(['VID1']);
    expect(r.hops?.[0]).toMatchObject({ linked: true, param: '_pt_link' });
  });

  it('a decorated hop the tag did not read (setDomain lists one domain): a break, "not honoured"', () => {
    const r = run([
      nav(at(0), 'https://shop.example/cart'),
      ptView(at(0, 1), 'pn', 'https://shop.example/cart', 'UID1', 'VID1'),
      nav(at(1), `https://pay.example/pay#_pt_link=${link}`),
      ptView(at(1, 1), 'pn', 'https://pay.example/pay', 'UID9', 'VID9', 'https://shop.example/cart'),
    ]);
    const f = r.findings.find((x) => x.code === 'cross-domain-break');
    expect(f?.message).toMatch(/although the link parameter _pt_link was on the landing URL: the tag on pay\.example did not honour it/);
  });
});

describe('a model tag that cannot be read is reported, and no other vendor counts in its place', () => {
  it('an unreadable /pv beside GA4 hits', () => {
    const r = run(
      [
        nav(at(0), 'https://shop.example/thanks'),
        req(at(0, 1), 'https://js.ptengine.jp/4a5b6c7d.js'),
        req(at(0, 2), 'https://collect.ptengine.jp/pv', { method: 'POST', body: '%7Bbroken', pageUrl: 'https://shop.example/thanks' }),
        hit(at(0, 3), 'https://shop.example/thanks', { vendor: 'ga4', clientId: 'G1' }),
      ],
      [{ id: 'thanks', when: { url: { contains: '/thanks' } } }],
    );
    expect(r.counted).toEqual(['ptengine']);
    expect(r.goals[0]!.total).toBe(0);
    const f = r.findings.find((x) => x.code === 'tag-unreadable');
    expect(f?.severity).toBe('error');
    expect(f?.message).toMatch(
      /^The Ptengine Page view request https:\/\/collect\.ptengine\.jp\/pv from https:\/\/shop\.example\/thanks could not be read \(The body \(URI-encoded JSON\) is not valid JSON/,
    );
    expect(r.findings.some((x) => x.code === 'tag-missing' && x.vendor === 'ga4')).toBe(false);
  });

  it('without any Ptengine request the other vendors still count (nothing to blame)', () => {
    const r = run([hit(at(0), 'https://shop.example/a', { vendor: 'ga4', clientId: 'G1' })]);
    expect(r.counted).toEqual(['ga4']);
  });
});
