import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { replay } from '../../lib/engine/index';
import type { GoalsDoc } from '../../lib/formats/goals';
import type { JourneyEvent } from '../../lib/formats/journey';

const enc = encodeURIComponent;
const t0 = Date.parse('2026-03-01T10:00:00Z');
const min = 60_000;

function ga4(t: number, cid: string, sid: string, en: string, dl: string, extra = ''): JourneyEvent {
  return {
    type: 'request',
    t,
    method: 'GET',
    url: `https://www.google-analytics.com/g/collect?v=2&tid=G-1&cid=${cid}&sid=${sid}&en=${en}&dl=${enc(dl)}${extra}`,
  };
}

describe('raw vendor requests through the engine', () => {
  it('GA4: visitors from cid, sessions from sid, transactions with order ids', () => {
    const events: JourneyEvent[] = [
      ga4(t0, '1.1', '100', 'page_view', 'https://shop.example/'),
      ga4(t0 + min, '1.1', '100', 'purchase', 'https://shop.example/thanks', '&cu=USD&epn.value=20000&ep.transaction_id=A'),
      ga4(t0 + 2 * min, '1.1', '200', 'page_view', 'https://shop.example/again'),
      ga4(t0 + 3 * min, '2.2', '300', 'page_view', 'https://shop.example/'),
    ];
    const goals: GoalsDoc = { format: 'goalpost.goals/1', model: 'ga4', goals: [{ id: 'sale', when: { transaction: { moreThan: 100 } } }] };
    const report = replay(events, goals);
    expect(report.visitors.map((v) => v.id).sort()).toEqual(['1.1', '2.2']);
    expect(report.sessions.map((s) => s.id).sort()).toEqual(['100', '200', '300']);
    expect(report.goals[0]?.total).toBe(1);
  });

  describe('Optimizely: only an impression displays an experience', () => {
    const page = 'https://shop.example/thanks';
    const optimizely = (t: number, snapshot: unknown): JourneyEvent => ({
      type: 'request',
      t,
      method: 'POST',
      pageUrl: page,
      url: 'https://logx.optimizely.com/v1/events',
      body: JSON.stringify({ account_id: '1', visitors: [{ visitor_id: 'V', session_id: 'AUTO', snapshots: [snapshot] }] }),
    });
    const bucket = { campaign_id: 'camp-1', experiment_id: 'exp-1', variation_id: '2' };
    const goals: GoalsDoc = {
      format: 'goalpost.goals/1',
      model: 'ptengine',
      goals: [{ id: 'signup', when: { event: 'signup' }, experience: 'exp-1' }],
    };

    it('impression (campaign_activated) then conversion: experience before goal in one session', () => {
      const report = replay(
        [
          optimizely(t0, { decisions: [bucket], events: [{ key: 'campaign_activated', entity_id: 'camp-1', uuid: 'u-1' }] }),
          optimizely(t0 + min, { events: [{ key: 'signup', entity_id: 'ev-1', uuid: 'u-2' }] }),
        ],
        goals,
      );
      expect(report.visitors.map((v) => v.id)).toEqual(['V']);
      expect(report.goals[0]?.occurrences.map((o) => o.reason)).toEqual(['counted']);
    });

    it("a conversion carrying the visitor's buckets is no display: the goal was reached without the experience", () => {
      const report = replay([optimizely(t0, { decisions: [bucket], events: [{ key: 'signup', entity_id: 'ev-1', uuid: 'u-2' }] })], goals);
      expect(report.goals[0]?.occurrences.map((o) => o.reason)).toEqual(['experience-not-displayed']);
    });

    it('a conversion sent again with the same uuid is counted once, as Optimizely de-duplicates replays by it', () => {
      const buy = { events: [{ key: 'purchase', entity_id: 'ev-2', uuid: 'u-3', revenue: 4250 }] };
      const report = replay([optimizely(t0, buy), optimizely(t0 + 2_000, buy)], {
        format: 'goalpost.goals/1',
        model: 'ptengine',
        goals: [{ id: 'buy', when: { event: 'purchase' } }],
      });
      expect(report.goals[0]?.occurrences.map((o) => o.reason)).toEqual(['counted']);
    });
  });

  it('spec example 05: lpTag.sdes pushes become transactions deduplicated by order id', () => {
    const dir = 'tests/fixtures/spec-examples/';
    const journey = JSON.parse(readFileSync(`${dir}05-order-dedup.journey.json`, 'utf8')) as {
      events: (JourneyEvent & { t: string | number })[];
    };
    const goals = JSON.parse(readFileSync(`${dir}05-order-dedup.goals.json`, 'utf8')) as GoalsDoc;
    const events = journey.events.map((e) => ({ ...e, t: typeof e.t === 'string' ? Date.parse(e.t) : e.t })) as JourneyEvent[];
    const report = replay(events, goals);
    const goal = report.goals.find((g) => g.id === 'big-sale');
    expect(goal?.occurrences.map((o) => o.reason)).toEqual(['counted', 'duplicate-id', 'below-threshold', 'counted', 'counted']);
    expect([goal?.total, goal?.sessions, goal?.users]).toEqual([3, 2, 1]);
  });
});
