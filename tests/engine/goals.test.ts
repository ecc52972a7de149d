import { describe, expect, it } from 'vitest';
import { at, hit, nav, push, req, run } from './build';
import type { Goal } from '../../lib/formats/goals';

const reasons = (r: ReturnType<typeof run>, id = 'g') => r.goals.find((g) => g.id === id)!.occurrences.map((o) => o.reason);
const sale = (t: number, total: number, orderId?: string, extra = {}) =>
  hit(t, 'https://shop.example/thanks', {
    vendor: 'liveperson',
    kind: 'transaction',
    transaction: { total, currency: 'JPY', ...(orderId ? { orderId } : {}) },
    ...extra,
  });

describe('experiences before goals', () => {
  const goal: Goal = { id: 'g', when: { url: { contains: '/thanks' } }, experience: 'E' };
  const exp = (t: number) => hit(t, 'https://shop.example/', { kind: 'experience', experience: { id: 'E' } });
  it('an experience in an earlier visit does not count', () => {
    const r = run([exp(at(0)), hit(at(31), 'https://shop.example/thanks')], [goal]);
    expect(reasons(r)).toEqual(['experience-not-displayed']);
    expect(r.findings.find((f) => f.code === 'experience-not-displayed')?.message).toContain('experience E was not displayed');
  });
  it('before the experience in the same visit', () => {
    const r = run([hit(at(0), 'https://shop.example/thanks'), exp(at(1)), hit(at(2), 'https://shop.example/thanks')], [goal]);
    expect(reasons(r)).toEqual(['before-experience', 'counted']);
    expect(r.findings.find((f) => f.code === 'goal-before-experience')).toMatchObject({ severity: 'warning', goal: 'g' });
  });
  it('an undelivered experience hit is not a display', () => {
    const r = run([{ ...exp(at(0)), delivered: false }, hit(at(1), 'https://shop.example/thanks')], [goal]);
    expect(reasons(r)).toEqual(['experience-not-displayed']);
  });
  it('another experience id is not this one', () => {
    const r = run(
      [hit(at(0), 'https://shop.example/', { kind: 'experience', experience: { id: 'F' } }), hit(at(1), 'https://shop.example/thanks')],
      [goal],
    );
    expect(reasons(r)).toEqual(['experience-not-displayed']);
  });
});

describe('transactions: strict, currency-blind thresholds and order ids', () => {
  const goal: Goal = { id: 'g', when: { transaction: { moreThan: 10000 } } };
  it.each([
    [10000, 'below-threshold'],
    [10000.01, 'counted'],
    [9999, 'below-threshold'],
  ])('%d', (total, reason) => {
    expect(reasons(run([sale(at(0), total)], [goal], {}, 'liveengage'))).toEqual([reason]);
  });
  it('ignores the currency', () => {
    const r = run(
      [sale(at(0), 15000, 'A', { transaction: { total: 15000, currency: 'USD', orderId: 'A' } }), sale(at(1), 15000, 'B')],
      [goal],
    );
    expect(r.goals[0]!.total).toBe(2);
  });
  it('without moreThan any transaction counts', () => {
    expect(reasons(run([sale(at(0), 0)], [{ id: 'g', when: { transaction: {} } }]))).toEqual(['counted']);
  });
  it('a duplicate order id is deduplicated within a session, counted again in the next', () => {
    const r = run(
      [sale(at(0), 20000, 'O1'), sale(at(1), 20000, 'O1'), sale(at(2), 20000, 'O2'), sale(at(40), 20000, 'O1')],
      [goal],
      {},
      'liveengage',
    );
    expect(reasons(r)).toEqual(['counted', 'duplicate-id', 'counted', 'counted']);
    expect(r.goals[0]).toMatchObject({ total: 3, sessions: 2, users: 1 });
    expect(r.findings.find((f) => f.code === 'duplicate-id')?.message).toContain('Order O1');
  });
  it('a below-threshold order does not claim its id', () => {
    expect(reasons(run([sale(at(0), 5, 'O1'), sale(at(1), 20000, 'O1')], [goal]))).toEqual(['below-threshold', 'counted']);
  });
});

describe('leads and services', () => {
  it('lead topic filter and lead id dedup', () => {
    const lead = (t: number, topic: string, leadId: string) =>
      hit(t, 'https://shop.example/form', { kind: 'lead', lead: { topic, leadId } });
    const r = run(
      [lead(at(0), 'newsletter', 'L1'), lead(at(1), 'Newsletter', 'L1'), lead(at(2), 'catalogue', 'L2')],
      [{ id: 'g', when: { lead: { topic: 'newsletter' } } }],
    );
    expect(reasons(r)).toEqual(['counted', 'duplicate-id']);
  });
  it.each<[(number | string)[], number | string, boolean]>([
    [['Approved'], 2, true],
    [[2], 'Approved', true],
    [[2], 'approved', true],
    [['In Progress'], 1, true],
    [[0], 'Complete', true],
    [['Approved'], 'Closed', false],
    [[2], 3, false],
  ])('goal statuses %j vs hit status %j', (statuses, status, counted) => {
    const r = run(
      [hit(at(0), 'https://shop.example/', { kind: 'service', service: { topic: 'gold card', status } })],
      [{ id: 'g', when: { service: { topics: [{ topic: 'gold card', statuses }] } } }],
    );
    expect(r.goals[0]!.total).toBe(counted ? 1 : 0);
  });
  it('a service repeated with the same id, topic and status is a duplicate; another status is not', () => {
    const svc = (t: number, status: string | number) =>
      hit(t, 'https://shop.example/', { kind: 'service', service: { topic: 'card', status, serviceId: 'S1' } });
    const r = run(
      [svc(at(0), 'Approved'), svc(at(1), 2), svc(at(2), 'Complete')],
      [{ id: 'g', when: { service: { topics: [{ topic: 'card', statuses: [2, 0] }] } } }],
    );
    expect(reasons(r)).toEqual(['counted', 'duplicate-id', 'counted']);
  });
});

describe('once per visit, pageviews and engagement', () => {
  it('oncePerVisit counts one occurrence per session', () => {
    const events = [
      hit(at(0), 'https://shop.example/thanks'),
      hit(at(1), 'https://shop.example/thanks'),
      hit(at(40), 'https://shop.example/thanks'),
    ];
    const r = run(events, [{ id: 'g', when: { url: '/thanks' }, oncePerVisit: true }]);
    expect(reasons(r)).toEqual(['counted', 'once-per-visit', 'counted']);
    expect(run(events, [{ id: 'g', when: { url: '/thanks' } }]).goals[0]!.total).toBe(3);
  });
  it('pageviews: the atLeast-th matching pageview of a session', () => {
    const pages = [0, 1, 2, 3].map((m) => hit(at(m), `https://shop.example/p${m}`));
    const r = run([...pages, hit(at(50), 'https://shop.example/p9')], [{ id: 'g', when: { pageviews: { atLeast: 3 } } }]);
    expect(r.goals[0]!.occurrences.map((o) => [o.url, o.reason])).toEqual([['https://shop.example/p2', 'counted']]);
    const filtered = run(pages, [{ id: 'g', when: { pageviews: { atLeast: 2, url: { regex: 'p[13]$' } } } }]);
    expect(filtered.goals[0]!.occurrences.map((o) => o.url)).toEqual(['https://shop.example/p3']);
  });
  it('engagement counts at most once per session', () => {
    const e = (t: number) => hit(t, 'https://shop.example/', { kind: 'engagement' });
    expect(reasons(run([e(at(0)), e(at(1))], [{ id: 'g', when: { engagement: true } }]))).toEqual(['counted', 'once-per-visit']);
  });
  it('anyOf and event conditions', () => {
    const r = run(
      [
        hit(at(0), 'https://shop.example/', { kind: 'event', name: 'signup' }),
        hit(at(1), 'https://shop.example/thanks'),
        hit(at(2), 'https://shop.example/', { kind: 'event', name: 'other' }),
      ],
      [{ id: 'g', when: { anyOf: [{ event: 'signup' }, { url: { startsWith: 'https://shop.example/thanks' } }] } }],
    );
    expect(r.goals[0]!.total).toBe(2);
  });
  it.each([
    [{ equals: 'https://shop.example/thanks' }, 'https://shop.example/thanks#top', 1],
    [{ equals: 'https://shop.example/thanks' }, 'https://shop.example/thanks?x=1', 0],
    [{ regex: '#top' }, 'https://shop.example/thanks#top', 0],
    [{ contains: 'thanks' }, 'https://shop.example/THANKS', 0],
  ])('url match %j on %s', (match, url, total) => {
    expect(run([hit(at(0), url)], [{ id: 'g', when: { url: match } }]).goals[0]!.total).toBe(total);
  });
});

describe('sources and delivery', () => {
  it('mobile hits cannot meet web-only conditions but meet others', () => {
    const r = run(
      [hit(at(0), 'app://shop/thanks', { source: 'mobile' }), hit(at(1), 'app://shop/', { source: 'mobile', kind: 'event', name: 'buy' })],
      [
        { id: 'web', when: { url: '/thanks' } },
        { id: 'ev', when: { event: 'buy' } },
      ],
    );
    expect(reasons(r, 'web')).toEqual(['unsupported-source']);
    expect(reasons(r, 'ev')).toEqual(['counted']);
  });
  it('an undelivered hit is an occurrence not-delivered and starts no session', () => {
    const r = run([hit(at(0), 'https://shop.example/thanks', { delivered: false })], [{ id: 'g', when: { url: '/thanks' } }]);
    expect(reasons(r)).toEqual(['not-delivered']);
    expect(r.sessions).toEqual([]);
    expect(r.findings.find((f) => f.code === 'tag-failed')?.message).toContain('never reached Ptengine');
  });
  it('a failed or blocked request: tag-failed names the status or error, hits are not delivered', () => {
    const ga4 =
      'https://www.google-analytics.com/g/collect?v=2&tid=G-ABC123&cid=111.222&en=page_view&dl=https%3A%2F%2Fshop.example%2Fthanks';
    const r = run(
      [
        req(at(0), ga4, { method: 'POST', status: 503, pageUrl: 'https://shop.example/thanks' }),
        req(at(1), ga4, { method: 'POST', error: 'net::ERR_BLOCKED_BY_CLIENT', pageUrl: 'https://shop.example/thanks' }),
        req(at(2), ga4, { method: 'POST', status: 204, pageUrl: 'https://shop.example/thanks' }),
      ],
      [{ id: 'g', when: { url: '/thanks' } }],
      {},
      'ga4',
    );
    expect(reasons(r)).toEqual(['not-delivered', 'not-delivered', 'counted']);
    const failed = r.findings.filter((f) => f.code === 'tag-failed').map((f) => f.message);
    expect(failed[0]).toContain('HTTP 503');
    expect(failed[1]).toContain('blocked');
    expect(failed[1]).toContain('net::ERR_BLOCKED_BY_CLIENT');
    expect(r.visitors.map((v) => v.id)).toEqual(['111.222']);
  });
  it('tag-not-fired: a goal page visited without a delivered pageview', () => {
    const r = run(
      [nav(at(0), 'https://shop.example/cart'), hit(at(0, 1), 'https://shop.example/cart'), nav(at(1), 'https://shop.example/thanks')],
      [{ id: 'g', when: { url: '/thanks' } }],
    );
    expect(r.goals[0]!.occurrences).toEqual([
      expect.objectContaining({
        reason: 'tag-not-fired',
        counted: false,
        visitor: 'v1',
        session: 's1',
        url: 'https://shop.example/thanks',
      }),
    ]);
    expect(r.findings.find((f) => f.code === 'tag-not-fired-on-goal-page')?.message).toContain('https://shop.example/thanks');
  });
  it('LivePerson pushes become transactions through the push decoder', () => {
    const r = run(
      [push(at(0), { type: 'purchase', total: 12000, orderId: 'O1' }, { pageUrl: 'https://jewels.example/thanks' })],
      [{ id: 'g', when: { transaction: {} } }],
      {},
      'liveengage',
    );
    expect(r.goals[0]!.occurrences).toEqual([expect.objectContaining({ reason: 'counted', url: 'https://jewels.example/thanks' })]);
  });
});

describe('counts and findings', () => {
  it('sessions, users and total; conversion-goal-mismatch explains them', () => {
    const r = run(
      [
        hit(at(0), 'https://s.example/thanks', { clientId: 'A' }),
        hit(at(60), 'https://s.example/thanks', { clientId: 'A' }),
        hit(at(0), 'https://s.example/thanks', { clientId: 'B' }),
      ],
      [{ id: 'g', name: 'Thanks', when: { url: '/thanks' } }],
    );
    expect(r.goals[0]).toMatchObject({ sessions: 3, users: 2, total: 3 });
    expect(r.findings.find((f) => f.code === 'conversion-goal-mismatch')?.message).toMatch(
      /^Goal "Thanks" \(g\) has 3 conversions but 2 users/,
    );
  });
  it('tag-missing names the vendor and page', () => {
    const r = run([
      nav(at(0), 'https://shop.example/a'),
      hit(at(0, 1), 'https://shop.example/a', { vendor: 'ga4' }),
      hit(at(0, 1), 'https://shop.example/a'),
      nav(at(1), 'https://shop.example/b'),
      hit(at(1, 1), 'https://shop.example/b', { vendor: 'ga4' }),
    ]);
    const missing = r.findings.filter((f) => f.code === 'tag-missing');
    expect(missing).toHaveLength(1);
    expect(missing[0]).toMatchObject({ vendor: 'ptengine', url: 'https://shop.example/b' });
    expect(missing[0]!.message).toMatch(/^Ptengine sent no hit from https:\/\/shop\.example\/b/);
  });
  it('findings are in time order', () => {
    const r = run([
      hit(at(0), 'https://shop.example/thanks', { delivered: false }),
      hit(at(5), 'https://shop.example/x'),
      hit(at(50), 'https://shop.example/y'),
    ]);
    const times = r.findings.map((f) => f.t ?? '');
    expect([...times].sort()).toEqual(times);
  });
});
