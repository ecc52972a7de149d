import { describe, expect, it, vi } from 'vitest';
import { defaultEngine } from '../../lib/panel/default-engine';
import { buildTagModel, filterTagPages, prepareSearch, searchText, tagFilterer, tagRowKey, tagRows } from '../../lib/panel/tags';
import type { JourneyEvent, RequestEvent } from '../../lib/formats/journey';
import { MIXPANEL_TRACK, mixpanelBatchBody } from '../decoders/wire-cases';
import { fixtureEvents, fixtureReport } from './helpers';
import { replay } from '../../lib/engine';

describe('tags model', () => {
  const model = buildTagModel(fixtureEvents(), defaultEngine, fixtureReport().findings);

  it('groups hits by the page they came from, in navigation order', () => {
    expect(model.pages.map((p) => p.url)).toEqual([
      'http://shop.test/',
      'http://shop.test/about',
      'http://shop.test/cart',
      'http://pay.test/checkout',
      'http://pay.test/thanks',
    ]);
    expect(model.pages[1]?.entries.map((e) => e.vendor)).toEqual(['ga4']);
  });

  it('summarises each vendor per page: hits, failures and time to first hit', () => {
    const home = model.pages[0];
    expect(home?.vendors.find((v) => v.vendor === 'ptengine')).toMatchObject({ fired: 1, failed: 0, firstHitMs: 300 });
    expect(home?.vendors.find((v) => v.vendor === 'ga4')).toMatchObject({ fired: 1, failed: 0, firstHitMs: 450, accounts: ['G-SHOP1'] });
    const cart = model.pages[2];
    expect(cart?.vendors.find((v) => v.vendor === 'ga4')).toMatchObject({ fired: 1, failed: 1 });
    expect(cart?.vendors.find((v) => v.vendor === 'ga4')?.firstHitMs).toBeUndefined();
  });

  it("shows each page's consent: the state the vendor's last hit there was sent under", () => {
    const events = [
      { type: 'navigation' as const, t: 1_000, url: 'https://shop.example/' },
      {
        type: 'request' as const,
        t: 1_100,
        url: 'https://www.google-analytics.com/g/collect?v=2&tid=G-1&cid=1.1&en=page_view&gcs=G100&dl=https%3A%2F%2Fshop.example%2F',
      },
      {
        type: 'request' as const,
        t: 1_200,
        url: 'https://www.google-analytics.com/g/collect?v=2&tid=G-1&cid=1.1&en=scroll&gcs=G101&dl=https%3A%2F%2Fshop.example%2F',
      },
      { type: 'navigation' as const, t: 2_000, url: 'https://shop.example/b' },
      {
        type: 'request' as const,
        t: 2_100,
        url: 'https://www.google-analytics.com/g/collect?v=2&tid=G-1&cid=1.1&en=page_view&dl=https%3A%2F%2Fshop.example%2Fb',
      },
    ];
    const pages = buildTagModel(events, defaultEngine, []).pages;
    expect(pages[0]?.vendors.find((v) => v.vendor === 'ga4')?.consent).toEqual({ ads: 'denied', analytics: 'granted' });
    expect(pages[1]?.vendors.find((v) => v.vendor === 'ga4')?.consent).toBeUndefined();
  });

  it('attaches tag-missing findings to their page', () => {
    expect(model.pages[1]?.problems.map((f) => f.code)).toEqual(['tag-missing']);
    expect(model.pages[0]?.problems).toEqual([]);
  });

  it('collects experience displays for the goal timelines', () => {
    expect(model.experiences).toEqual([
      expect.objectContaining({ id: 'exp-42', variant: 'B', delivered: true, t: Date.parse('2026-03-01T10:03:05Z') }),
    ]);
  });

  it('filters by vendor, account and text without losing the page headers', () => {
    const ga4 = filterTagPages(model.pages, { vendor: 'ga4' });
    expect(ga4).toHaveLength(5);
    expect(ga4.flatMap((p) => p.entries).every((e) => e.vendor === 'ga4')).toBe(true);
    const text = filterTagPages(model.pages, { text: 'ADD_TO' });
    expect(text.flatMap((p) => p.entries).map((e) => e.label)).toEqual(['add_to_cart']);
    const account = filterTagPages(model.pages, { account: 'pt-shop' });
    expect(account.flatMap((p) => p.entries)).toHaveLength(5);
  });

  it('expands a hit into one row per readable parameter', () => {
    const entry = model.pages[2]?.entries.find((e) => e.label === 'add_to_cart');
    if (!entry) throw new Error('no add_to_cart');
    const closed = tagRows(model.pages, new Set());
    const open = tagRows(model.pages, new Set([entry.id]));
    const params = open.filter((r) => r.kind === 'param');
    expect(open.length - closed.length).toBe(params.length);
    expect(params.map((r) => (r.kind === 'param' ? r.param.label : ''))).toContain('Event name');
  });

  it('places a late request on the page named by its pageUrl', () => {
    const m = buildTagModel(
      [
        { type: 'navigation', t: 0, url: 'https://a.test/one' },
        { type: 'navigation', t: 10, url: 'https://a.test/two' },
        { type: 'hit', t: 11, vendor: 'ga4', kind: 'event', name: 'late', url: 'https://a.test/one' },
      ],
      defaultEngine,
    );
    expect(m.pages[0]?.entries.map((e) => e.label)).toEqual(['late']);
    expect(m.pages[1]?.entries).toEqual([]);
  });
});

describe('tags model: copies on the wire', () => {
  const PAGE = 'https://shop.example/checkout/thanks';
  const xhr: RequestEvent & { id: string } = {
    id: 'xhr',
    t: 2000,
    type: 'request',
    url: MIXPANEL_TRACK,
    method: 'POST',
    body: mixpanelBatchBody,
    pageUrl: PAGE,
    status: 200,
  };
  const beacon: RequestEvent & { id: string } = { ...xhr, id: 'beacon', t: 9000, status: undefined };
  const events = [{ id: 'n', t: 1000, type: 'navigation' as const, url: PAGE }, xhr, beacon];

  it("marks the beacon that repeats the XHR's batch as resent, and not the XHR", () => {
    const entries = buildTagModel(events, defaultEngine).pages[0]!.entries;
    expect(entries.map((e) => [e.id, e.resent])).toEqual([
      ['xhr', undefined],
      ['beacon', 2],
    ]);
  });

  it('finds the resent entries by the filter text "resent"', () => {
    const pages = filterTagPages(buildTagModel(events, defaultEngine).pages, { text: 'resent' });
    expect(pages[0]!.entries.map((e) => e.id)).toEqual(['beacon']);
  });

  it('marks nothing when the two batches hold other events', () => {
    const other = mixpanelBatchBody.replace(/ins-/g, 'other-');
    const entries = buildTagModel([events[0]!, xhr, { ...beacon, body: other }], defaultEngine).pages[0]!.entries;
    expect(entries.map((e) => e.resent)).toEqual([undefined, undefined]);
  });

  it("lists a decoded hit's event id among its parameters", () => {
    const model = buildTagModel(
      [{ id: 'h', t: 1, type: 'hit', vendor: 'segment', kind: 'event', name: 'x', url: PAGE, eventId: 'msg-1' }],
      defaultEngine,
    );
    expect(model.pages[0]!.entries[0]!.params).toContainEqual({ key: 'eventId', label: 'Event id', value: 'msg-1', group: undefined });
  });
});

describe('tags model on a single-page app', () => {
  const APP = 'https://shop.example/app/';
  const ga4 = (t: number, dl: string, sentFrom = dl) => ({
    t,
    type: 'request' as const,
    method: 'POST',
    pageUrl: sentFrom,
    url: `https://region1.google-analytics.com/g/collect?v=2&tid=G-SPA1&cid=1.2&en=page_view&dl=${encodeURIComponent(dl)}`,
  });
  const events: JourneyEvent[] = [
    { t: 1_000, type: 'navigation', url: APP, tab: 1 },
    ga4(1_100, APP),
    { t: 2_000, type: 'route', url: `${APP}#/plans`, kind: 'hash', tab: 1 },
    ga4(2_050, `${APP}#/plans`),
    ga4(2_060, `${APP}#/plans`),
    { t: 3_000, type: 'route', url: `${APP}#/help`, kind: 'hash', tab: 1 },
    // Sent from the plans route after the address had moved on: stays with plans.
    ga4(3_010, `${APP}#/plans`),
    { t: 4_000, type: 'navigation', url: 'https://shop.example/other', tab: 1 },
    { t: 5_000, type: 'route', url: `${APP}#/help`, kind: 'restore', tab: 1 },
  ];
  const report = replay(events, undefined, { model: 'ga4' });
  const model = buildTagModel(events, defaultEngine, report.findings);

  it('puts each route under its document with its kind, and hits on the route they were sent from', () => {
    expect(model.pages.map((p) => [p.kind, p.url.replace('https://shop.example', ''), p.document, p.entries.length])).toEqual([
      ['load', '/app/', undefined, 1],
      ['hash', '/app/#/plans', 'p0', 3],
      ['hash', '/app/#/help', 'p0', 0],
      ['load', '/other', undefined, 0],
      ['restore', '/app/#/help', 'p0', 0],
    ]);
  });

  it('shows a route’s findings on that route only (by URL and time), not on its document or the other routes', () => {
    expect(model.pages.map((p) => p.problems.map((f) => f.code))).toEqual([
      [],
      ['page-counted-twice', 'page-counted-twice'],
      ['tag-missing'],
      ['tag-missing'],
      [],
    ]);
    const rows = tagRows(model.pages, new Set()).filter((r) => r.kind === 'page');
    expect(rows).toHaveLength(5);
  });
});

describe('tags filter while typing', () => {
  const events: JourneyEvent[] = [{ type: 'navigation', t: 0, url: 'https://big.test/' }];
  for (let i = 0; i < 300; i++) {
    events.push({
      type: 'hit',
      t: i + 1,
      vendor: i % 2 ? 'ga4' : 'ptengine',
      kind: 'event',
      name: `step_${i}`,
      url: 'https://big.test/',
      account: `A${i % 3}`,
    });
  }
  const pages = buildTagModel(events, defaultEngine).pages;
  const ids = (ps: readonly { entries: { id: string }[] }[]) => ps.flatMap((p) => p.entries.map((e) => e.id));

  it('narrows from its last result and always agrees with filtering every hit', () => {
    const filter = tagFilterer();
    const steps = [
      { text: 's' },
      { text: 'st' },
      { text: 'step_1' },
      { text: 'step_12' },
      { text: 'step_1' },
      { text: 'step_1', vendor: 'ga4' },
      { text: 'step_12', vendor: 'ga4', account: 'A0' },
      { text: 'x' },
      { text: '' },
    ];
    for (const f of steps) expect(ids(filter(pages, f))).toEqual(ids(filterTagPages(pages, f)));
    expect(ids(filterTagPages(pages, { text: 'step_12' }))).toHaveLength(11);
  });

  it('starts over when the model changes', () => {
    const filter = tagFilterer();
    filter(pages, { text: 'step_1' });
    const other = buildTagModel(
      [...events, { type: 'hit', t: 999, vendor: 'ga4', kind: 'event', name: 'step_999', url: 'https://big.test/' }],
      defaultEngine,
    ).pages;
    expect(ids(filter(other, { text: 'step_9' }))).toHaveLength(12);
  });

  it('makes the search texts in slices before anyone types', () => {
    vi.useFakeTimers();
    try {
      const fresh = buildTagModel(events, defaultEngine).pages;
      const last = fresh[0]?.entries.at(-1);
      if (!last) throw new Error('no entry');
      const read = vi.spyOn(last, 'params', 'get');
      const stop = prepareSearch(fresh, 0);
      expect(read).not.toHaveBeenCalled();
      vi.runAllTimers();
      stop();
      expect(read).toHaveBeenCalledTimes(1);
      // Made once: the filter's own call finds it ready.
      expect(searchText(last)).toContain('step_299');
      expect(read).toHaveBeenCalledTimes(1);
    } finally {
      vi.useRealTimers();
    }
  });

  it('gives every row a distinct key', () => {
    const open = new Set(pages[0]?.entries.slice(0, 3).map((e) => e.id));
    const keys = tagRows(pages, open).map(tagRowKey);
    expect(new Set(keys).size).toBe(keys.length);
  });
});
