/**
 * Every decoder's real-format request fixture, replayed as a raw `request` event: the engine must
 * make the vendor's client id the visitor, its session id the visit, and count the pageviews,
 * events and transactions the decoder read — and none of them when the request failed.
 */
import { describe, expect, it } from 'vitest';
import { replay } from '../../lib/engine';
import type { Condition, Goal, GoalsDoc } from '../../lib/formats/goals';
import type { HitBody, RequestEvent } from '../../lib/formats/journey';
import { requestCases } from '../decoders/request-cases';

const T0 = Date.parse('2026-03-01T10:00:00Z');
const PAGE = 'https://shop.example/checkout/thanks';

function goalsFor(vendor: string, hits: HitBody[]): { doc: GoalsDoc; expected: Record<string, number> } {
  const goals: Goal[] = [];
  const expected: Record<string, number> = {};
  const add = (id: string, when: Condition, count: number) => {
    goals.push({ id, when });
    expected[id] = count;
  };
  const web = hits.filter((h) => h.source !== 'mobile');
  const views = web.filter((h) => h.kind === 'pageview');
  if (views.length) add('pageview', { pageviews: { atLeast: 1 } }, 1);
  for (const name of new Set(hits.filter((h) => h.kind === 'event' && h.name).map((h) => h.name!))) {
    add(`event:${name}`, { event: name }, hits.filter((h) => h.kind === 'event' && h.name === name).length);
  }
  const orders = hits.filter((h) => h.kind === 'transaction');
  if (orders.length) {
    // Within one visit an order id counts once.
    const ids = new Set(orders.map((h) => h.transaction?.orderId).filter(Boolean));
    add('transaction', { transaction: {} }, ids.size + orders.filter((h) => !h.transaction?.orderId).length);
  }
  return { doc: { format: 'goalpost.goals/1', vendors: [vendor], goals }, expected };
}

const cases = requestCases.filter((c) => c.hits.length > 0);

describe('each vendor request through replay', () => {
  it.each(cases.map((c) => [c.name, c] as const))('%s', (_name, c) => {
    const vendor = c.hits[0]!.vendor;
    const { doc, expected } = goalsFor(vendor, c.hits);
    const event: RequestEvent = {
      type: 'request',
      t: T0,
      url: c.req.url,
      method: c.req.method,
      pageUrl: c.req.pageUrl ?? PAGE,
      status: 200,
    };
    if (c.req.body !== undefined) event.body = c.req.body;
    const report = replay([event], doc);

    expect(report.counted).toEqual([vendor]);
    const clientIds = [...new Set(c.hits.map((h) => h.clientId).filter((x): x is string => !!x))];
    for (const id of clientIds) expect(report.visitors.map((v) => v.id)).toContain(id);
    if (clientIds.length === 0) expect(report.visitors.map((v) => v.id)).toEqual(['v1']);
    const sessionIds = [...new Set(c.hits.map((h) => h.sessionId).filter((x): x is string => !!x))];
    for (const id of sessionIds) expect(report.sessions.map((s) => s.id)).toContain(id);
    for (const g of report.goals) expect([g.id, g.total]).toEqual([g.id, expected[g.id]]);

    // The same request blocked: nothing counts, and the finding names the vendor and the error.
    const blocked = replay([{ ...event, status: undefined, error: 'net::ERR_BLOCKED_BY_CLIENT' }], doc);
    for (const g of blocked.goals) expect([g.id, g.total]).toEqual([g.id, 0]);
    expect(blocked.findings.some((f) => f.code === 'tag-failed' && /ERR_BLOCKED_BY_CLIENT/.test(f.message))).toBe(true);
  });

  it('covers every vendor that makes hits from requests', () => {
    const vendors = new Set(cases.map((c) => c.hits[0]!.vendor));
    expect(vendors.size).toBeGreaterThanOrEqual(15);
  });
});
