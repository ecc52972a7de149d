import { describe, expect, it } from 'vitest';
import { at, hit, nav, run } from './build';
import type { ModelName } from '../../lib/formats/goals';

describe('session timeout is strictly more than the timeout', () => {
  it.each([
    ['29:59', at(29, 59), 1],
    ['30:00', at(30), 1],
    ['30:01', at(30, 1), 2],
  ])('a gap of %s gives %i session(s)', (_label, second, count) => {
    const r = run([hit(at(0), 'https://shop.example/a', { clientId: 'A' }), hit(second, 'https://shop.example/b', { clientId: 'A' })]);
    expect(r.sessions).toHaveLength(count);
    if (count === 2) {
      expect(r.sessions[1]!.reason).toBe('timeout');
      const f = r.findings.find((x) => x.code === 'session-timeout');
      expect(f?.message).toMatch(/30 min 1 s/);
      expect(f?.session).toBe(r.sessions[1]!.id);
    }
  });

  it('honours session.timeoutMinutes', () => {
    const events = [hit(at(0), 'https://shop.example/a'), hit(at(10, 1), 'https://shop.example/b')];
    expect(run(events, [], { session: { timeoutMinutes: 10 } }).sessions.map((s) => s.reason)).toEqual(['first', 'timeout']);
    expect(run(events, [], { session: { timeoutMinutes: 11 } }).sessions).toHaveLength(1);
  });
});

describe('midnight breaks only the ua model, in session.timezone', () => {
  const utc = [
    hit(Date.parse('2026-03-01T23:50:00Z'), 'https://shop.example/a'),
    hit(Date.parse('2026-03-02T00:10:00Z'), 'https://shop.example/b'),
  ];
  it.each<[ModelName, string[]]>([
    ['ua', ['first', 'midnight']],
    ['ptengine', ['first']],
    ['ga4', ['first']],
    ['liveengage', ['first']],
  ])('%s', (model, reasons) => {
    expect(run(utc, [], {}, model).sessions.map((s) => s.reason)).toEqual(reasons);
  });

  it('uses the configured time zone, not UTC', () => {
    // 15:00Z is midnight in Tokyo.
    const tokyo = [
      hit(Date.parse('2026-03-01T14:50:00Z'), 'https://shop.example/a'),
      hit(Date.parse('2026-03-01T15:10:00Z'), 'https://shop.example/b'),
    ];
    expect(run(tokyo, [], { session: { timezone: 'Asia/Tokyo' } }, 'ua').sessions.map((s) => s.reason)).toEqual(['first', 'midnight']);
    expect(run(tokyo, [], {}, 'ua').sessions).toHaveLength(1);
    expect(run(utc, [], { session: { timezone: 'Asia/Tokyo' } }, 'ua').sessions).toHaveLength(1);
  });
});

describe('campaign (traffic source) change', () => {
  const events = [
    hit(at(0), 'https://shop.example/?utm_source=google&utm_medium=cpc&utm_campaign=spring'),
    hit(at(5), 'https://shop.example/?utm_source=newsletter&utm_medium=email'),
  ];
  it.each<[ModelName, number]>([
    ['ptengine', 2],
    ['ua', 2],
    ['ga4', 1],
    ['liveengage', 1],
  ])('%s gives %i session(s) for a new utm source', (model, n) => {
    const r = run(events, [], {}, model);
    expect(r.sessions).toHaveLength(n);
    if (n === 2) {
      expect(r.sessions[1]!.reason).toBe('campaign');
      expect(r.sessions[0]!.source).toBe('google / cpc / spring');
      expect(r.sessions[1]!.source).toBe('newsletter / email');
    }
  });

  it('direct traffic never breaks, the same source continues', () => {
    const r = run([
      hit(at(0), 'https://shop.example/?utm_source=google'),
      hit(at(1), 'https://shop.example/b'),
      hit(at(2), 'https://shop.example/c?utm_source=google'),
    ]);
    expect(r.sessions).toHaveLength(1);
  });

  it('an external referrer breaks, a referrer of the session or of crossDomain does not', () => {
    const events = [
      nav(at(0), 'https://shop.example/'),
      hit(at(0, 1), 'https://shop.example/'),
      nav(at(1), 'https://shop.example/b', { referrer: 'https://www.shop.example/' }),
      hit(at(1, 1), 'https://shop.example/b'),
      nav(at(2), 'https://shop.example/c', { referrer: 'https://partner.example/deal' }),
      hit(at(2, 1), 'https://shop.example/c'),
    ];
    const r = run(events);
    expect(r.sessions.map((s) => s.reason)).toEqual(['first', 'campaign']);
    expect(r.sessions[1]!.source).toBe('partner.example');
    expect(run(events, [], { crossDomain: { domains: ['partner.example'] } }).sessions).toHaveLength(1);
  });
});

describe('vendor session id', () => {
  it('a new sessionId starts a session, named by it', () => {
    const r = run(
      [
        hit(at(0), 'https://shop.example/a', { vendor: 'ga4', clientId: 'C1', sessionId: '100' }),
        hit(at(1), 'https://shop.example/b', { vendor: 'ga4', clientId: 'C1', sessionId: '100' }),
        hit(at(2), 'https://shop.example/c', { vendor: 'ga4', clientId: 'C1', sessionId: '200' }),
      ],
      [],
      {},
      'ga4',
    );
    expect(r.sessions.map((s) => [s.id, s.reason, s.hits])).toEqual([
      ['100', 'first', 2],
      ['200', 'vendor', 1],
    ]);
    expect(r.visitors).toEqual([{ id: 'C1', browser: 'default', sessions: ['100', '200'] }]);
  });
});

describe('untagged page ends a Ptengine visit', () => {
  const events = [
    nav(at(0), 'https://shop.example/a'),
    hit(at(0, 1), 'https://shop.example/a'),
    nav(at(1), 'https://shop.example/untagged'),
    nav(at(2), 'https://shop.example/c'),
    hit(at(2, 1), 'https://shop.example/c'),
  ];
  it('ptengine starts a new visit after the untagged page', () => {
    const r = run(events);
    expect(r.sessions.map((s) => s.reason)).toEqual(['first', 'untagged-page']);
    expect(r.sessions[1]!.detail).toContain('https://shop.example/untagged');
    expect(r.findings.some((f) => f.code === 'tag-missing' && f.url === 'https://shop.example/untagged')).toBe(true);
  });
  it('other models continue the visit', () => {
    for (const model of ['ga4', 'ua', 'liveengage'] as const) expect(run(events, [], {}, model).sessions).toHaveLength(1);
  });
  it('an undelivered hit does not tag the page', () => {
    const withFailed = [...events.slice(0, 3), hit(at(1, 1), 'https://shop.example/untagged', { delivered: false }), ...events.slice(3)];
    expect(run(withFailed).sessions.map((s) => s.reason)).toEqual(['first', 'untagged-page']);
  });
  it('a page outside the site does not end the visit', () => {
    const r = run([
      nav(at(0), 'https://shop.example/a'),
      hit(at(0, 1), 'https://shop.example/a'),
      nav(at(1), 'https://elsewhere.example/'),
      nav(at(2), 'https://shop.example/c'),
      hit(at(2, 1), 'https://shop.example/c'),
    ]);
    expect(r.sessions).toHaveLength(1);
  });
});

describe('ids and ordering', () => {
  it('generates v1, s1 in order of first appearance and writes ISO UTC times', () => {
    const r = run([hit(at(5), 'https://b.example/', { browser: 'two' }), hit(at(1), 'https://a.example/', { browser: 'one' })]);
    expect(r.visitors.map((v) => [v.id, v.browser])).toEqual([
      ['v1', 'one'],
      ['v2', 'two'],
    ]);
    expect(r.sessions.map((s) => s.id)).toEqual(['s1', 's2']);
    expect(r.sessions[0]!.start).toBe('2026-03-01T10:01:00.000Z');
  });
  it('sorts by t and keeps input order on ties', () => {
    const r = run([hit(at(1), 'https://shop.example/x', { clientId: 'B' }), hit(at(1), 'https://shop.example/y', { clientId: 'A' })]);
    expect(r.visitors.map((v) => v.id)).toEqual(['B', 'A']);
  });
  it('counts pages and hits per session, and per page per vendor', () => {
    const r = run([
      nav(at(0), 'https://shop.example/a'),
      hit(at(0, 1), 'https://shop.example/a'),
      hit(at(0, 2), 'https://shop.example/a', { vendor: 'ga4' }),
      hit(at(0, 3), 'https://shop.example/a', { vendor: 'ga4', kind: 'event', name: 'x', delivered: false }),
      nav(at(1), 'https://shop.example/b'),
      hit(at(1, 1), 'https://shop.example/b'),
    ]);
    expect(r.pages.map((p) => p.vendors)).toEqual([
      { ptengine: { hits: 1, delivered: 1 }, ga4: { hits: 2, delivered: 1 } },
      { ptengine: { hits: 1, delivered: 1 } },
    ]);
    // Sessions count the model's own tag (Ptengine); GA4's hits show on the page only.
    expect(r.sessions[0]).toMatchObject({ hits: 2, pages: 2 });
    expect(r.counted).toEqual(['ptengine']);
  });
});
