import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { replay } from '../../lib/engine';
import type { Goal, GoalsDoc } from '../../lib/formats/goals';
import { HIT_KINDS, type JourneyEvent } from '../../lib/formats/journey';
import { MODEL_NAMES } from '../../lib/formats/goals';

const T0 = Date.parse('2026-03-01T00:00:00Z');
const url = fc.oneof(
  fc.constantFrom(
    'https://shop.example/',
    'https://www.shop.example/thanks',
    'https://pay.example/pay#_pt_link=1',
    'https://a.co.uk/x?_gl=1',
    'https://b.co.uk/?utm_source=g',
    'not a url',
    '',
    '%E0%A4%A',
    'http://[::1]:8080/thanks',
  ),
  fc.webUrl(),
  fc.string(),
);
const base = { t: fc.integer({ min: T0, max: T0 + 3 * 86_400_000 }), browser: fc.option(fc.constantFrom('a', 'b'), { nil: undefined }) };
const event: fc.Arbitrary<JourneyEvent> = fc.oneof(
  fc.record(
    {
      ...base,
      type: fc.constant('navigation' as const),
      url,
      referrer: fc.option(url, { nil: undefined }),
      tab: fc.option(fc.integer({ min: 1, max: 2 }), { nil: undefined }),
    },
    { requiredKeys: ['t', 'type', 'url'] },
  ),
  fc.record(
    {
      ...base,
      type: fc.constant('hit' as const),
      vendor: fc.constantFrom('ptengine', 'ga4', 'liveperson'),
      kind: fc.constantFrom(...HIT_KINDS),
      url,
      clientId: fc.option(fc.constantFrom('A', 'B', 'v1'), { nil: undefined }),
      sessionId: fc.option(fc.constantFrom('1', '2'), { nil: undefined }),
      name: fc.option(fc.constantFrom('buy', 'x'), { nil: undefined }),
      experience: fc.option(fc.record({ id: fc.constantFrom('E', 'F') }), { nil: undefined }),
      transaction: fc.option(
        fc.record(
          { total: fc.double({ noNaN: false }), orderId: fc.option(fc.constantFrom('O1', 'O2'), { nil: undefined }) },
          { requiredKeys: ['total'] },
        ),
        { nil: undefined },
      ),
      service: fc.option(
        fc.record({
          topic: fc.constantFrom('card', 'loan'),
          status: fc.oneof(fc.integer({ min: -1, max: 12 }), fc.constantFrom('Approved', 'bogus')),
          serviceId: fc.constantFrom('S1', 'S2'),
        }),
        { nil: undefined },
      ),
      lead: fc.option(fc.record({ topic: fc.constantFrom('news'), leadId: fc.constantFrom('L1') }), { nil: undefined }),
      source: fc.option(fc.constantFrom('web' as const, 'mobile' as const), { nil: undefined }),
      delivered: fc.option(fc.boolean(), { nil: undefined }),
    },
    { requiredKeys: ['t', 'type', 'vendor', 'kind', 'url'] },
  ),
  fc.record(
    {
      ...base,
      type: fc.constant('request' as const),
      url: fc.oneof(url, fc.constant('https://www.google-analytics.com/g/collect?v=2&tid=G-1&cid=1.2&en=page_view&dl=x')),
      body: fc.option(fc.string(), { nil: undefined }),
      status: fc.option(fc.integer({ min: 0, max: 600 }), { nil: undefined }),
      error: fc.option(fc.string(), { nil: undefined }),
    },
    { requiredKeys: ['t', 'type', 'url'] },
  ),
  fc.record(
    {
      ...base,
      type: fc.constant('push' as const),
      target: fc.constantFrom('lpTag.sdes', 'dataLayer', 'x'),
      value: fc.jsonValue(),
      pageUrl: fc.option(url, { nil: undefined }),
    },
    { requiredKeys: ['t', 'type', 'target', 'value'] },
  ),
) as fc.Arbitrary<JourneyEvent>;

const goals: Goal[] = [
  { id: 'url', when: { url: '/thanks' } },
  { id: 'exp', when: { url: { regex: 'thanks$' } }, experience: 'E', oncePerVisit: true },
  { id: 'tx', when: { transaction: { moreThan: 100 } } },
  { id: 'svc', when: { service: { topics: [{ topic: 'card', statuses: ['Approved', 0] }] } } },
  { id: 'pv', when: { pageviews: { atLeast: 2 } } },
  { id: 'any', when: { anyOf: [{ engagement: true }, { lead: {} }, { event: 'buy' }] } },
];

describe('random journeys', () => {
  it('never crash and keep users <= sessions <= total for every goal', () => {
    fc.assert(
      fc.property(fc.array(event, { maxLength: 60 }), fc.constantFrom(...MODEL_NAMES), fc.boolean(), (events, model, cross) => {
        const doc: GoalsDoc = {
          format: 'goalpost.goals/1',
          model,
          goals,
          ...(cross ? { crossDomain: { domains: ['shop.example', 'pay.example'] } } : {}),
        };
        const r = replay(events, doc);
        for (const g of r.goals) {
          expect(g.users).toBeLessThanOrEqual(g.sessions);
          expect(g.sessions).toBeLessThanOrEqual(g.total);
          expect(g.total).toBe(g.occurrences.filter((o) => o.counted).length);
          const ts = g.occurrences.map((o) => o.t);
          expect([...ts].sort()).toEqual(ts);
        }
        const sessionIds = new Set(r.sessions.map((s) => s.id));
        expect(sessionIds.size).toBe(r.sessions.length);
        expect(new Set(r.visitors.map((v) => v.id)).size).toBe(r.visitors.length);
        for (const s of r.sessions) expect(s.start <= s.end).toBe(true);
        for (const f of r.findings) expect(f.message).not.toMatch(/undefined|NaN|\[object/);
        expect(() => JSON.stringify(r)).not.toThrow();
      }),
      { numRuns: 300 },
    );
  });

  it('do not depend on input order beyond ties (sorted by t)', () => {
    fc.assert(
      fc.property(fc.uniqueArray(event, { maxLength: 30, selector: (e) => e.t }), (events) => {
        const doc: GoalsDoc = { format: 'goalpost.goals/1', goals };
        expect(replay([...events].reverse(), doc)).toEqual(replay(events, doc));
      }),
      { numRuns: 100 },
    );
  });
});
