/**
 * A copy of a hit the vendor already received (same vendor, event id and hit) is not counted
 * again: the vendors drop such copies by their own event id (docs/counting.md, "Copies on the wire").
 */
import { describe, expect, it } from 'vitest';
import { resends, type Sent } from '../../lib/engine/resends';
import { MIXPANEL_TRACK, mixpanelBatchBody } from '../decoders/wire-cases';
import { at, nav, req, run } from './build';

const HOUR = 60;
const PAGE = 'https://shop.example/checkout/thanks';

const sent = (minutes: number, vendor: string, eventId: string | undefined, extra: Partial<Sent> = {}): Sent => ({
  t: at(minutes),
  vendor,
  kind: 'event',
  name: 'Purchased',
  eventId,
  ...extra,
});

describe('resends (table)', () => {
  const cases: { name: string; hits: Sent[]; copies: number[] }[] = [
    {
      name: 'the same vendor and event id again: the second is a copy',
      hits: [sent(0, 'mixpanel', 'a'), sent(0.1, 'mixpanel', 'a')],
      copies: [1],
    },
    { name: 'a third copy too', hits: [sent(0, 'segment', 'a'), sent(1, 'segment', 'a'), sent(2, 'segment', 'a')], copies: [1, 2] },
    { name: 'no event id: never a copy', hits: [sent(0, 'mixpanel', undefined), sent(0, 'mixpanel', undefined)], copies: [] },
    { name: 'another vendor with the same id is another event', hits: [sent(0, 'segment', 'a'), sent(0, 'rudderstack', 'a')], copies: [] },
    {
      name: 'two hits made from one event (an event and its transaction) are not copies of each other',
      hits: [sent(0, 'amplitude', 'a'), sent(0, 'amplitude', 'a', { kind: 'transaction', name: undefined })],
      copies: [],
    },
    {
      name: 'two experiences from one event are not copies of each other',
      hits: [
        sent(0, 'x', 'a', { kind: 'experience', name: undefined, experience: { id: '1' } }),
        sent(0, 'x', 'a', { kind: 'experience', name: undefined, experience: { id: '2' } }),
      ],
      copies: [],
    },
    {
      name: 'a copy after an undelivered first send is the one that counts: the lost send is the copy',
      hits: [sent(0, 'mixpanel', 'a', { delivered: false }), sent(0.2, 'mixpanel', 'a')],
      copies: [0],
    },
    {
      name: 'an undelivered copy of a delivered hit is a copy',
      hits: [sent(0, 'mixpanel', 'a'), sent(0.2, 'mixpanel', 'a', { delivered: false })],
      copies: [1],
    },
    {
      name: 'an undelivered send never followed by a delivered one stays',
      hits: [sent(0, 'mixpanel', 'a', { delivered: false }), sent(1, 'mixpanel', 'a', { delivered: false })],
      copies: [],
    },
    {
      name: 'Segment remembers a messageId for 24 hours: 23 h later a copy',
      hits: [sent(0, 'segment', 'a'), sent(23 * HOUR, 'segment', 'a')],
      copies: [1],
    },
    { name: 'Segment, 25 hours later: counted again', hits: [sent(0, 'segment', 'a'), sent(25 * HOUR, 'segment', 'a')], copies: [] },
    {
      name: 'Segment, a copy of the recount 1 hour after it',
      hits: [sent(0, 'segment', 'a'), sent(25 * HOUR, 'segment', 'a'), sent(26 * HOUR, 'segment', 'a')],
      copies: [2],
    },
    {
      name: 'Amplitude keeps insert_id 7 days: 6 days later a copy, 8 days later not',
      hits: [sent(0, 'amplitude', 'a'), sent(6 * 24 * HOUR, 'amplitude', 'a'), sent(8 * 24 * HOUR, 'amplitude', 'a')],
      copies: [1],
    },
    {
      name: 'Mixpanel has no window: 30 days later still a copy',
      hits: [sent(0, 'mixpanel', 'a'), sent(30 * 24 * HOUR, 'mixpanel', 'a')],
      copies: [1],
    },
  ];
  it.each(cases.map((c) => [c.name, c] as const))('%s', (_name, c) => {
    const found = resends(c.hits);
    expect(c.hits.map((h, i) => (found.has(h) ? i : -1)).filter((i) => i >= 0)).toEqual(c.copies);
  });
});

describe('copies in a replay', () => {
  const goals = [{ id: 'buy', when: { event: 'Purchased' } }];
  const mixpanel = { vendors: ['mixpanel'] };

  it("mixpanel-browser's batch by XHR, then the same batch by sendBeacon on visibilitychange: counted once", () => {
    const report = run(
      [
        nav(at(0), PAGE),
        req(at(0, 2), MIXPANEL_TRACK, { method: 'POST', body: mixpanelBatchBody, pageUrl: PAGE, status: 200, initiator: 'xhr' }),
        req(at(0, 9), MIXPANEL_TRACK, { method: 'POST', body: mixpanelBatchBody, pageUrl: PAGE, initiator: 'beacon' }),
      ],
      goals,
      mixpanel,
    );
    expect(report.goals[0]!.total).toBe(1);
    expect(report.pages[0]!.vendors.mixpanel).toEqual({ hits: 2, delivered: 2 });
    expect(report.sessions[0]!.hits).toBe(2);
  });

  it('the XHR cut off by the page hiding (status 0), the beacon delivered: one delivered purchase, no failed occurrence', () => {
    const report = run(
      [
        nav(at(0), PAGE),
        req(at(0, 2), MIXPANEL_TRACK, { method: 'POST', body: mixpanelBatchBody, pageUrl: PAGE, status: 0, initiator: 'xhr' }),
        req(at(0, 3), MIXPANEL_TRACK, { method: 'POST', body: mixpanelBatchBody, pageUrl: PAGE, initiator: 'beacon' }),
      ],
      goals,
      mixpanel,
    );
    expect(report.goals[0]!.occurrences.map((o) => o.reason)).toEqual(['counted']);
    expect(report.goals[0]!.total).toBe(1);
  });

  it('the same events sent again without event ids (another library) are counted twice, as the vendor would', () => {
    const withoutIds = mixpanelBatchBody.replace(/%22%24insert_id%22%3A%22[^%]*%22%2C/g, '');
    expect(withoutIds).not.toBe(mixpanelBatchBody);
    const report = run(
      [
        nav(at(0), PAGE),
        req(at(0, 2), MIXPANEL_TRACK, { method: 'POST', body: withoutIds, pageUrl: PAGE, status: 200 }),
        req(at(0, 9), MIXPANEL_TRACK, { method: 'POST', body: withoutIds, pageUrl: PAGE }),
      ],
      goals,
      mixpanel,
    );
    expect(report.goals[0]!.total).toBe(2);
  });
});
