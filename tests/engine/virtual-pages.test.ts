/**
 * Single-page apps (docs/counting.md "Single-page apps"): route changes make virtual pages, hits
 * attach to the one they were sent from, a page-tracking tag silent after a route change is
 * missing there, one vendor counting a route twice is named with both hits, and URL goals match
 * what the vendor recorded. Requests are in the vendors' wire formats, as the decoders read them.
 */
import { describe, expect, it } from 'vitest';
import type { JourneyEvent, RouteEvent, RouteKind } from '../../lib/formats/journey';
import { renderReport } from '../../lib/cli/report-text';
import { at, nav, req, run } from './build';

const APP = 'https://shop.example/app/';
const route = (t: number, url: string, kind: RouteKind = 'push', from?: string): RouteEvent => ({
  t,
  type: 'route',
  url,
  kind,
  ...(from ? { from } : {}),
});

/** GA4 as gtag.js sends it: the page in `dl`, the page that sent it in pageUrl. */
const ga4 = (t: number, dl: string, en = 'page_view', sentFrom = dl) =>
  req(t, `https://region1.google-analytics.com/g/collect?v=2&tid=G-SPA1&cid=111.222&sid=1700000000&en=${en}&dl=${encodeURIComponent(dl)}`, {
    method: 'POST',
    pageUrl: sentFrom,
  });
/**
 * Ptengine's page views as pta.js sends them: an XHR POST to /pn (the base tag, opening a visit)
 * or /pv (`_pt_sp_2.push('setPVTag,<url>,replace')`) whose body is the URI-encoded JSON of the
 * ids and `p`, itself URI-encoded.
 */
const ptView = (t: number, url: string, path: 'pn' | 'pv', sentFrom = url) =>
  req(t, `https://collect.ptengine.jp/${path}`, {
    method: 'POST',
    pageUrl: sentFrom,
    body: encodeURIComponent(
      JSON.stringify({
        sid: 'spa12345',
        uid: 'u-1',
        vid: 'v-1',
        pid: 'p-1',
        peid: `e-${t}`,
        v: 'v1.65.0',
        ts: t,
        ref: '',
        p: encodeURIComponent(url),
      }),
    ),
  });
const setPVTag = (t: number, url: string, sentFrom = url) => ptView(t, url, 'pv', sentFrom);
/** Segment's analytics.page(): POST /v1/p with the page in context.page.url. */
const segmentPage = (t: number, url: string) =>
  req(t, 'https://api.segment.io/v1/p', {
    method: 'POST',
    pageUrl: url,
    body: JSON.stringify({ type: 'page', anonymousId: 'anon-1', writeKey: 'wk1', context: { page: { url } } }),
  });

const codes = (events: JourneyEvent[], model: 'ga4' | 'ptengine' = 'ga4') =>
  run(events, [], {}, model).findings.map((f) => `${f.code} ${f.vendor ?? ''} ${f.url ?? ''}`.trim());

describe('virtual pages', () => {
  it('each route change is a page of its own, with its kind, and hits go to the route they were sent from', () => {
    const r = run(
      [
        nav(at(0), APP),
        ga4(at(0, 1), APP),
        setPVTag(at(0, 1), APP),
        route(at(1), `${APP}products`, 'push', APP),
        ga4(at(1, 1), `${APP}products`),
        setPVTag(at(1, 1), `${APP}products`),
        route(at(2), `${APP}cart`, 'push'),
        // A late event from the products route, sent before the router changed the address.
        ga4(at(2, 1), `${APP}products`, 'scroll'),
        ga4(at(2, 2), `${APP}cart`),
        setPVTag(at(2, 2), `${APP}cart`),
        route(at(3), `${APP}products`, 'back-forward'),
        ga4(at(3, 1), `${APP}products`),
        setPVTag(at(3, 1), `${APP}products`),
      ],
      [],
      {},
      'ga4',
    );
    expect(r.pages.map((p) => [p.url, p.route, p.vendors.ga4?.hits, p.vendors.ptengine?.hits])).toEqual([
      [APP, undefined, 1, 1],
      [`${APP}products`, 'push', 2, 1],
      [`${APP}cart`, 'push', 1, 1],
      [`${APP}products`, 'back-forward', 1, 1],
    ]);
    expect(r.findings).toEqual([]);
    // One GA4 visit across the routes: virtual pages are pages of the same visit.
    expect(r.sessions).toHaveLength(1);
    expect(r.sessions[0]).toMatchObject({ pages: 4, hits: 5 });
  });

  it.each<[string, RouteKind, boolean]>([
    ['a pushState route', 'push', true],
    ['a back/forward move', 'back-forward', true],
    ['a fragment change (hash router)', 'hash', true],
    ['a replaceState (redirects and URL clean-up: counted or not depending on the tag)', 'replace', false],
    ['a restore from the back/forward cache (no tag runs again)', 'restore', false],
  ])('tag-missing after %s: %s', (_label, kind, expected) => {
    const to = kind === 'hash' ? `${APP}#/cart` : kind === 'restore' ? APP : `${APP}cart`;
    const events = [nav(at(0), APP), ga4(at(0, 1), APP), setPVTag(at(0, 1), APP), route(at(1), to, kind), ga4(at(1, 1), to)];
    const found = run(events, [], {}, 'ga4').findings.filter((f) => f.code === 'tag-missing');
    if (!expected) {
      expect(found).toEqual([]);
      return;
    }
    expect(found).toHaveLength(1);
    expect(found[0]).toMatchObject({ vendor: 'ptengine', url: to, severity: 'error' });
    // Names the route, its document, how it was reached, and the vendor's own SPA call.
    expect(found[0]!.message).toContain(`Ptengine counted no page view for ${to}, a route of ${APP}`);
    expect(found[0]!.message).toContain('setPVTag');
  });

  it('a vendor that sent only an event on the route (no page view) still did not count the route', () => {
    const f = codes(
      [
        nav(at(0), APP),
        ga4(at(0, 1), APP),
        setPVTag(at(0, 1), APP),
        route(at(1), `${APP}cart`),
        ga4(at(1, 1), `${APP}cart`),
        ga4(at(1, 2), `${APP}cart`, 'scroll'),
      ],
      'ptengine',
    );
    expect(f).toEqual([`tag-missing ptengine ${APP}cart`]);
  });

  it('GA4 counting a route twice (enhanced measurement plus a manual page_view) is one finding naming both hits', () => {
    const r = run(
      [
        nav(at(0), APP),
        ga4(at(0, 1), APP),
        route(at(1), `${APP}products`),
        ga4(at(1, 1), `${APP}products`),
        ga4(at(1, 2), `${APP}products`),
      ],
      [],
      {},
      'ga4',
    );
    const twice = r.findings.filter((f) => f.code === 'page-counted-twice');
    expect(twice).toHaveLength(1);
    expect(twice[0]).toMatchObject({ vendor: 'ga4', url: `${APP}products`, severity: 'warning' });
    const m = twice[0]!.message;
    expect(m).toContain(`counted ${APP}products twice`);
    expect(m).toContain('request to region1.google-analytics.com/g/collect at 2026-03-01T10:01:01.000Z');
    expect(m).toContain('request to region1.google-analytics.com/g/collect at 2026-03-01T10:01:02.000Z');
    expect(m).toContain('enhanced measurement');
    // The vendor does count both: the replay shows what GA4 will report.
    expect(r.pages[1]!.vendors.ga4).toEqual({ hits: 2, delivered: 2 });
  });

  it('Ptengine base tag plus setPVTag on the landing route (help page "spa-pv-duplicate") names the /pn and the /pv', () => {
    const f = run(
      [nav(at(0), APP), ptView(at(0, 1), APP, 'pn'), setPVTag(at(0, 2), APP), route(at(1), `${APP}cart`), setPVTag(at(1, 1), `${APP}cart`)],
      [],
      {},
      'ptengine',
    ).findings;
    expect(f.map((x) => x.code)).toEqual(['page-counted-twice']);
    expect(f[0]!.message).toContain('request to collect.ptengine.jp/pn at 2026-03-01T10:00:01.000Z');
    expect(f[0]!.message).toContain('request to collect.ptengine.jp/pv at 2026-03-01T10:00:02.000Z');
    expect(f[0]!.message).toContain('pt_spa_trigger_mark');
  });

  it('a second page view for another URL on the same route is a deliberate virtual page, not a double count', () => {
    const f = codes(
      [
        nav(at(0), APP),
        setPVTag(at(0, 1), APP),
        route(at(1), `${APP}form`),
        setPVTag(at(1, 1), `${APP}form`),
        setPVTag(at(1, 30), `${APP}form/step-2`, `${APP}form`),
      ],
      'ptengine',
    );
    expect(f).toEqual([]);
  });

  it('a failed page view does not make a double count: only what reached the vendor is counted', () => {
    const failed = { ...ga4(at(1, 1), `${APP}products`), status: 503 };
    const f = codes([nav(at(0), APP), ga4(at(0, 1), APP), route(at(1), `${APP}products`), failed, ga4(at(1, 2), `${APP}products`)]);
    expect(f.filter((c) => c.startsWith('page-counted-twice'))).toEqual([]);
  });

  it('hash router: routes that differ only in the fragment are separate pages, Segment and GA4 on each', () => {
    const a = `${APP}#/`;
    const b = `${APP}#/plans`;
    const r = run([nav(at(0), a), ga4(at(0, 1), a), segmentPage(at(0, 1), a), route(at(1), b, 'hash', a), ga4(at(1, 1), b)], [], {}, 'ga4');
    expect(r.pages.map((p) => [p.url, p.route, Object.keys(p.vendors).sort()])).toEqual([
      [a, undefined, ['ga4', 'segment']],
      [b, 'hash', ['ga4']],
    ]);
    expect(r.findings.map((f) => `${f.code} ${f.vendor} ${f.url}`)).toEqual([`tag-missing segment ${b}`]);
    expect(r.findings[0]!.message).toContain('analytics.page()');
  });

  it('URL goals match the URL the vendor recorded; the occurrence names the address bar when it differs', () => {
    const goal = { id: 'thanks', when: { url: { contains: '/virtual/thanks' } } };
    const r = run(
      [
        nav(at(0), APP),
        setPVTag(at(0, 1), APP),
        route(at(1), `${APP}checkout/done`),
        setPVTag(at(1, 1), 'https://shop.example/virtual/thanks', `${APP}checkout/done`),
      ],
      [goal],
      {},
      'ptengine',
    );
    expect(r.goals[0]!.occurrences).toEqual([
      expect.objectContaining({
        url: 'https://shop.example/virtual/thanks',
        pageUrl: `${APP}checkout/done`,
        counted: true,
        reason: 'counted',
      }),
    ]);
    // The address bar alone does not meet the goal: the vendor never recorded that URL.
    const byAddress = run(
      [
        nav(at(0), APP),
        setPVTag(at(0, 1), APP),
        route(at(1), `${APP}checkout/done`),
        setPVTag(at(1, 1), 'https://shop.example/virtual/thanks', `${APP}checkout/done`),
      ],
      [{ id: 'done', when: { url: { contains: '/checkout/done' } } }],
      {},
      'ptengine',
    );
    expect(byAddress.goals[0]!.total).toBe(0);
  });

  it('a URL goal reached by a route on which no tag sent a page view is tag-not-fired there', () => {
    const r = run(
      [nav(at(0), APP), ga4(at(0, 1), APP), route(at(1), `${APP}thanks`)],
      [{ id: 'thanks', when: { url: { contains: '/thanks' } } }],
      {},
      'ga4',
    );
    expect(r.goals[0]!.occurrences).toEqual([expect.objectContaining({ url: `${APP}thanks`, reason: 'tag-not-fired', counted: false })]);
    expect(r.findings.map((f) => f.code)).toContain('tag-not-fired-on-goal-page');
  });

  it('a restore from the back/forward cache goes under the document it shows again and expects nothing', () => {
    const other = 'https://shop.example/help';
    const r = run(
      [nav(at(0), APP), ga4(at(0, 1), APP), nav(at(1), other), ga4(at(1, 1), other), route(at(2), APP, 'restore')],
      [{ id: 'home', when: { url: { equals: APP } } }],
      {},
      'ga4',
    );
    expect(r.pages.map((p) => [p.url, p.route])).toEqual([
      [APP, undefined],
      [other, undefined],
      [APP, 'restore'],
    ]);
    expect(r.findings).toEqual([]);
    // The home goal was reached once, by the load: the restore sent nothing and is not a visit to the goal page.
    expect(r.goals[0]!.occurrences).toHaveLength(1);
  });

  it('without route events (journeys and HAR files recorded before) a second page view is a page of its own and no double count', () => {
    const events = [nav(at(0), APP), ga4(at(0, 1), APP), ga4(at(0, 5), `${APP}products`), ga4(at(0, 6), `${APP}products`)];
    const r = run(events, [], {}, 'ga4');
    expect(r.pages.map((p) => p.url)).toEqual([APP, `${APP}products`, `${APP}products`]);
    expect(r.pages.every((p) => p.route === undefined)).toBe(true);
    expect(r.findings).toEqual([]);
    // Another tab's routes do not turn this document into a single-page app.
    const withOther = run(
      [
        ...events.map((e) => ({ ...e, tab: 1 })),
        nav(at(0), 'https://shop.example/b', { tab: 2 }),
        route(at(0, 2), 'https://shop.example/b#x', 'hash'),
      ].map((e) => (e.type === 'route' ? { ...e, tab: 2 } : e)),
      [],
      {},
      'ga4',
    );
    expect(withOther.pages.filter((p) => p.url.startsWith(`${APP}products`))).toHaveLength(2);
  });
});

describe('virtual pages in the command line report', () => {
  it('the pages table names the route change that made each virtual page', () => {
    const text = renderReport(
      run([nav(at(0), APP), ga4(at(0, 1), APP), route(at(1), `${APP}cart`), ga4(at(1, 1), `${APP}cart`)], [], {}, 'ga4'),
    );
    expect(text).toContain(`push: ${APP}cart`);
    expect(text).not.toContain(`load: ${APP}`);
  });
});
