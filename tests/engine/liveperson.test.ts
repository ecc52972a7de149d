/**
 * LivePerson counted as LiveEngage counts it: SDEs count when a delivered page report carried
 * them (semantics.md §4), visitors and visits come from LivePerson's own `vid`/`sid`, and the
 * liveengage goals (thresholds, order/lead/service ids, service topics and statuses, engagements,
 * campaign goals after the engagement was shown) apply to what LivePerson received.
 */
import { describe, expect, it } from 'vitest';
import type { PushEvent, RequestEvent } from '../../lib/formats/journey';
import { at, nav, push, req, run } from './build';

const SITE = '90412079';
const THANKS = 'https://jewels.example/thanks';
const TAG = `https://lptag.liveperson.net/tag/tag.js?site=${SITE}`;
const purchase = { type: 'purchase', total: 20000, currency: 'JPY', orderId: 'O1' };

/** A page report as the web tag sends it (`/api/js/<site>?…`), from page `page`. */
function report(
  t: number,
  page: string,
  o: { type?: string; vid?: string; sid?: string; sdes?: unknown[] } = {},
  extra: Partial<RequestEvent> = {},
): RequestEvent {
  const q = new URLSearchParams();
  if (o.sid) q.set('sid', o.sid);
  q.set('cb', `lpCb${t % 100000}x1`);
  q.set('t', o.type ?? 'sp');
  q.set('ts', String(t));
  if (o.vid) q.set('vid', o.vid);
  if ((o.type ?? 'sp') === 'sp') q.set('u', page);
  if (o.sdes) q.set('sdes', JSON.stringify(o.sdes));
  return req(t, `https://va.v.liveperson.net/api/js/${SITE}?${q.toString()}`, { pageUrl: page, status: 200, ...extra });
}
const tag = (t: number, page: string, extra: Partial<RequestEvent> = {}) => req(t, TAG, { pageUrl: page, status: 200, ...extra });
const sde = (t: number, value: unknown, page = THANKS, target = 'lpTag.sdes'): PushEvent => push(t, value, { pageUrl: page, target });
const sale = { id: 'sale', when: { transaction: { moreThan: 10000 } } };

describe('an SDE counts when a delivered LivePerson report carried it', () => {
  it('pushed before the tag loaded and carried by the page start: counted once, not once per push and report', () => {
    const r = run(
      [
        nav(at(0), THANKS),
        sde(at(0, 1), purchase),
        tag(at(0, 2), THANKS),
        report(at(0, 3), THANKS, { vid: 'V1', sid: 'S1', sdes: [purchase] }),
      ],
      [sale],
      {},
      'liveengage',
    );
    expect(r.goals[0]!.occurrences.map((o) => [o.reason, o.visitor, o.session])).toEqual([['counted', 'V1', 'S1']]);
  });

  it('pushed on a page whose tag.js was blocked: not delivered, and the finding names the push, the page and the block', () => {
    const r = run(
      [nav(at(0), THANKS), sde(at(0, 1), purchase), tag(at(0, 2), THANKS, { status: undefined, error: 'net::ERR_BLOCKED_BY_CLIENT' })],
      [sale],
      {},
      'liveengage',
    );
    const [occ] = r.goals[0]!.occurrences;
    expect(occ).toMatchObject({ reason: 'not-delivered', counted: false });
    expect(occ!.detail).toMatch(/transaction O1 20000 JPY, not delivered \(tag\.js blocked: net::ERR_BLOCKED_BY_CLIENT\)/);
    const finding = r.findings.find((f) => f.code === 'tag-failed' && f.message.startsWith('The lpTag.sdes'));
    expect(finding?.message).toBe(
      'The lpTag.sdes purchase (order O1) pushed on https://jewels.example/thanks never reached LivePerson: the lpTag tag.js was blocked there (net::ERR_BLOCKED_BY_CLIENT) and no LivePerson report was delivered from that page, so LivePerson did not count it; visitors with blockers are not measured.',
    );
    expect(r.goals[0]!.total).toBe(0);
  });

  it('pushed on a page that never loaded the tag (the network was recorded): not delivered', () => {
    const r = run(
      [
        nav(at(0), 'https://jewels.example/'),
        tag(at(0, 1), 'https://jewels.example/'),
        report(at(0, 2), 'https://jewels.example/', { vid: 'V1', sid: 'S1' }),
        nav(at(1), THANKS),
        sde(at(1, 1), purchase),
      ],
      [sale],
      {},
      'liveengage',
    );
    expect(r.goals[0]!.occurrences.map((o) => o.reason)).toEqual(['not-delivered']);
    expect(r.findings.map((f) => f.message).join('\n')).toMatch(
      /no LivePerson request left that page \(the lpTag was never loaded there\)/,
    );
  });

  it('carried by a report that failed: one not-delivered occurrence, from the report', () => {
    const r = run(
      [
        nav(at(0), THANKS),
        sde(at(0, 1), purchase),
        tag(at(0, 2), THANKS),
        report(at(0, 3), THANKS, { vid: 'V1', sid: 'S1', sdes: [purchase] }, { status: 503 }),
      ],
      [sale],
      {},
      'liveengage',
    );
    expect(r.goals[0]!.occurrences.map((o) => o.reason)).toEqual(['not-delivered']);
  });

  it('pushed after the page start and the page left before the tag reported again: not delivered', () => {
    const r = run(
      [
        nav(at(0), THANKS),
        sde(at(0, 1), { type: 'cart', total: 1 }),
        tag(at(0, 2), THANKS),
        report(at(0, 3), THANKS, { vid: 'V1', sid: 'S1', sdes: [{ type: 'cart', total: 1 }] }),
        report(at(0, 4), THANKS, { type: 'pl', vid: 'V1', sid: 'S1' }),
        sde(at(0, 20), purchase),
        nav(at(1), 'https://jewels.example/'),
      ],
      [sale],
      {},
      'liveengage',
    );
    expect(r.goals[0]!.occurrences.map((o) => o.reason)).toEqual(['not-delivered']);
    expect(r.findings.map((f) => f.message).join('\n')).toMatch(/no LivePerson report from that page carried it .* lpTag\.sdes\.send/);
  });

  it('lpTag.sdes.send: carried by the in-page report it triggered, counted once', () => {
    const lead = { type: 'lead', lead: { topic: 'chat', leadId: 'L1' } };
    const r = run(
      [
        nav(at(0), THANKS),
        tag(at(0, 1), THANKS),
        report(at(0, 2), THANKS, { vid: 'V1', sid: 'S1' }),
        sde(at(0, 30), lead, THANKS, 'lpTag.sdes.send'),
        report(at(0, 30), THANKS, { type: 'ip', vid: 'V1', sid: 'S1', sdes: [lead] }),
      ],
      [{ id: 'lead', when: { lead: { topic: 'chat' } } }],
      {},
      'liveengage',
    );
    expect(r.goals[0]!.occurrences.map((o) => o.reason)).toEqual(['counted']);
  });

  it('reports whose SDEs cannot be read: a push counts when a report left the page after it', () => {
    const r = run(
      [nav(at(0), THANKS), sde(at(0, 1), purchase), tag(at(0, 2), THANKS), report(at(0, 3), THANKS, { vid: 'V1', sid: 'S1' })],
      [sale],
      {},
      'liveengage',
    );
    expect(r.goals[0]!.occurrences.map((o) => [o.reason, o.visitor])).toEqual([['counted', 'V1']]);
  });

  it('a journey of pushes with no network recorded is taken as it is (spec example 05)', () => {
    const r = run([sde(at(0), purchase)], [sale], {}, 'liveengage');
    expect(r.goals[0]!.occurrences.map((o) => o.reason)).toEqual(['counted']);
  });

  it('lpTag.newPage in a single-page app: its SDEs are matched to the report of the new page, counted once', () => {
    const SPA = 'https://jewels.example/app';
    const r = run(
      [
        nav(at(0), SPA),
        tag(at(0, 1), SPA),
        report(at(0, 2), SPA, { vid: 'V1', sid: 'S1' }),
        push(at(1), { url: THANKS, options: { sdes: [purchase] } }, { target: 'lpTag.newPage', pageUrl: SPA }),
        // The report names the new page in `u`; the page the request was sent from may still read as the old URL.
        report(at(1, 1), THANKS, { vid: 'V1', sid: 'S1', sdes: [purchase] }, { pageUrl: SPA }),
      ],
      [sale],
      {},
      'liveengage',
    );
    expect(r.goals[0]!.occurrences.map((o) => [o.reason, o.url])).toEqual([['counted', THANKS]]);
  });

  it('a report filed under two spellings of its page still carries each SDE once', () => {
    const r = run(
      [
        nav(at(0), THANKS),
        sde(at(0, 1), purchase),
        sde(at(0, 1), purchase),
        tag(at(0, 2), THANKS),
        report(at(0, 3), `${THANKS}#top`, { vid: 'V1', sid: 'S1', sdes: [purchase] }, { pageUrl: THANKS }),
      ],
      [sale],
      {},
      'liveengage',
    );
    // The push no report carried (at 0:01) is not delivered; the report's purchase (at 0:03) counts.
    expect(r.goals[0]!.occurrences.map((o) => [o.reason, o.t])).toEqual([
      ['not-delivered', new Date(at(0, 1)).toISOString()],
      ['counted', new Date(at(0, 3)).toISOString()],
    ]);
  });

  it('SDEs pushed twice and carried once: the second push is not delivered', () => {
    const r = run(
      [
        nav(at(0), THANKS),
        sde(at(0, 1), purchase),
        tag(at(0, 2), THANKS),
        report(at(0, 3), THANKS, { vid: 'V1', sid: 'S1', sdes: [purchase] }),
        sde(at(0, 5), purchase),
      ],
      [sale],
      {},
      'liveengage',
    );
    expect(r.goals[0]!.occurrences.map((o) => o.reason)).toEqual(['counted', 'not-delivered']);
  });
});

describe('LiveEngage goals on what LivePerson received', () => {
  const page = (n: number, vid: string, sid: string, sdes: unknown[], t = at(n)) => [
    nav(t, `https://bank.example/p${n}`),
    report(t + 1000, `https://bank.example/p${n}`, { vid, sid, sdes }),
  ];

  it('visitors are LivePerson vids and visits its sids; a first report without ids joins the id read on the same page', () => {
    const r = run(
      [
        nav(at(0), 'https://bank.example/'),
        report(at(0, 1), 'https://bank.example/', {}),
        report(at(0, 2), 'https://bank.example/', { type: 'pl', vid: 'V1', sid: 'S1' }),
        ...page(1, 'V1', 'S1', []),
        ...page(50, 'V1', 'S2', []),
      ],
      [],
      {},
      'liveengage',
    );
    expect(r.visitors.map((v) => [v.id, v.sessions])).toEqual([['V1', [r.sessions[0]!.id, 'S2']]]);
    expect(r.sessions.map((s) => s.pages)).toEqual([2, 1]);
  });

  it('thresholds, and an order id counted once per visit and again in a new visit', () => {
    const buy = (id: string, total: number) => ({ type: 'purchase', total, currency: 'USD', orderId: id });
    const r = run(
      [
        ...page(0, 'V1', 'S1', [buy('O1', 12000)]),
        ...page(1, 'V1', 'S1', [buy('O1', 12000)]),
        ...page(2, 'V1', 'S1', [buy('O2', 9000)]),
        ...page(60, 'V1', 'S2', [buy('O1', 12000)]),
      ],
      [sale],
      {},
      'liveengage',
    );
    expect(r.goals[0]!.occurrences.map((o) => o.reason)).toEqual(['counted', 'duplicate-id', 'below-threshold', 'counted']);
    expect([r.goals[0]!.total, r.goals[0]!.sessions, r.goals[0]!.users]).toEqual([2, 2, 1]);
  });

  it('service goals: listed topics and statuses (by number or name), the same service id, topic and status once per visit', () => {
    const svc = (topic: string, status: unknown, serviceId = 'S-1') => ({ type: 'service', service: { topic, status, serviceId } });
    const r = run(
      [
        ...page(0, 'V1', 'S1', [svc('gold card', 1)]),
        ...page(1, 'V1', 'S1', [svc('gold card', 2)]),
        ...page(2, 'V1', 'S1', [svc('gold card', 'Approved')]),
        ...page(3, 'V1', 'S1', [svc('loan', 2, 'S-2')]),
      ],
      [{ id: 'card', when: { service: { topics: [{ topic: 'gold card', statuses: [2, 'Complete'] }] } } }],
      {},
      'liveengage',
    );
    expect(r.goals[0]!.occurrences.map((o) => o.reason)).toEqual(['counted', 'duplicate-id']);
  });

  it('a once-per-visit lead goal counts the first lead of each visit', () => {
    const lead = (id: string) => ({ type: 'lead', lead: { topic: 'newsletter', leadId: id } });
    const r = run(
      [...page(0, 'V1', 'S1', [lead('L1')]), ...page(1, 'V1', 'S1', [lead('L2')]), ...page(60, 'V1', 'S2', [lead('L3')])],
      [{ id: 'nl', when: { lead: { topic: 'newsletter' } }, oncePerVisit: true }],
      {},
      'liveengage',
    );
    expect(r.goals[0]!.occurrences.map((o) => o.reason)).toEqual(['counted', 'once-per-visit', 'counted']);
  });

  it('engagements from accepted offers count once per visit; a campaign goal counts only after its engagement was shown', () => {
    const P = 'https://bank.example/loans';
    const offer = (t: number, eventName: string) =>
      push(
        t,
        { appName: 'LP_OFFERS', eventName, data: { engagementId: 3115242810, campaignId: 3115242510 } },
        { target: 'lpTag.events', pageUrl: P },
      );
    const lead = { type: 'lead', lead: { topic: 'loan', leadId: 'L9' } };
    const r = run(
      [
        nav(at(0), P),
        tag(at(0, 1), P),
        report(at(0, 2), P, { vid: 'V1', sid: 'S1', sdes: [lead] }),
        offer(at(0, 3), 'OFFER_DISPLAY'),
        offer(at(0, 4), 'OFFER_IMPRESSION'),
        offer(at(0, 10), 'OFFER_CLICK'),
        offer(at(0, 20), 'OFFER_CLICK'),
        sde(at(0, 30), lead, P, 'lpTag.sdes.send'),
        report(at(0, 30), P, { type: 'ip', vid: 'V1', sid: 'S1', sdes: [lead] }),
      ],
      [
        { id: 'chat', when: { engagement: true } },
        { id: 'loan-lead', when: { lead: { topic: 'loan' } }, experience: '3115242810' },
      ],
      {},
      'liveengage',
    );
    expect(r.goals[0]!.occurrences.map((o) => o.reason)).toEqual(['counted', 'once-per-visit']);
    expect(r.goals[1]!.occurrences.map((o) => o.reason)).toEqual(['before-experience', 'counted']);
  });
});

describe('LivePerson counted beside the model tag', () => {
  it('joins the Ptengine visitor and visit, and its page views do not count the page a second time', () => {
    const r = run(
      [
        nav(at(0), THANKS),
        req(at(0, 1), `https://collect.ptengine.jp/pv?id=x`, { pageUrl: THANKS, status: 200 }),
        { t: at(0, 1), type: 'hit', vendor: 'ptengine', kind: 'pageview', url: THANKS, clientId: 'PT-1' },
        sde(at(0, 2), purchase),
        tag(at(0, 2), THANKS),
        report(at(0, 3), THANKS, { vid: 'LP-1', sid: 'LPS-1', sdes: [purchase] }),
      ],
      [{ id: 'thanks', when: { url: { contains: '/thanks' } } }, sale],
      { vendors: ['ptengine', 'liveperson'] },
    );
    expect(r.visitors.map((v) => v.id)).toEqual(['PT-1']);
    expect(r.sessions).toHaveLength(1);
    expect(r.goals.map((g) => [g.id, g.total])).toEqual([
      ['thanks', 1],
      ['sale', 1],
    ]);
    expect(r.pages[0]!.vendors.liveperson).toEqual({ hits: 2, delivered: 2 });
  });
});
