/**
 * Single-page apps: a route change loads no document, so tags count it as a *virtual* page view
 * (GA4 enhanced measurement on history events, GTM's History Change trigger, Ptengine's
 * `setPVTag`, LivePerson's `lpTag.newPage`, Segment's `analytics.page()`). These rules apply only
 * inside a document whose route changes were recorded (a `route` event follows its navigation):
 * without them a second page view cannot be told from a virtual page, so journeys recorded before
 * routes were captured replay exactly as they did.
 */
import { DEFAULT_BROWSER, type JourneyEvent, type NavigationEvent, type RouteEvent, type RouteKind } from '../formats/journey';
import { isoTime } from '../formats/time';
import { withoutFragment } from './domains';
import { type MessageRef, ref } from '../i18n/params';
import { findingText, type FindingText, vendorName } from './findings';
import type { EngineHit } from './hits';
import type { BrowserState, PageState } from './state';

/**
 * The navigations whose document changed route at least once. A route belongs to its tab's
 * latest navigation (or the browser's, when events name no tab), as pages do in the replay.
 */
export function documentsWithRoutes(sorted: readonly JourneyEvent[]): Set<NavigationEvent> {
  const out = new Set<NavigationEvent>();
  const last = new Map<string, NavigationEvent>();
  const byTab = new Map<string, NavigationEvent>();
  for (const e of sorted) {
    if (e.type !== 'navigation' && e.type !== 'route') continue;
    const browser = e.browser ?? DEFAULT_BROWSER;
    const tabKey = e.tab !== undefined ? `${browser}\n${String(e.tab)}` : undefined;
    if (e.type === 'navigation') {
      last.set(browser, e);
      if (tabKey) byTab.set(tabKey, e);
      continue;
    }
    const nav = (tabKey ? byTab.get(tabKey) : undefined) ?? last.get(browser);
    if (nav) out.add(nav);
  }
  return out;
}

/** The document page of a page (itself for a load). */
export function documentOf(p: PageState): PageState {
  return p.document ?? p;
}

/**
 * The document a route event belongs to: the current one, or for a restore from the
 * back/forward cache the latest earlier load of that URL (the document shown again).
 */
export function routeDocument(b: BrowserState, current: PageState | undefined, e: RouteEvent): PageState | undefined {
  if (e.kind === 'restore') {
    const url = withoutFragment(e.url);
    for (let i = b.pages.length - 1; i >= 0; i--) {
      const p = b.pages[i]!;
      if (!p.route && withoutFragment(p.url) === url) return p;
    }
  }
  return current ? documentOf(current) : undefined;
}

/**
 * The virtual page a hit was sent from: the latest page of the current document whose address
 * is the one the hit was sent from (a late beacon from the previous route stays there), else the
 * current page. The URL the vendor recorded may differ (a virtual URL in `setPVTag`); where the
 * hit was sent from decides.
 */
export function virtualPageFor(b: BrowserState, current: PageState, h: EngineHit): PageState {
  const from = h.sentFrom ?? h.url;
  const doc = documentOf(current);
  for (let i = current.seq; i >= doc.seq; i--) {
    const p = b.pages[i]!;
    if (documentOf(p) === doc && p.url === from) return p;
  }
  return current;
}

/**
 * A second delivered pageview from one vendor on one virtual page, for the same URL, is the
 * route counted twice (base tag plus SPA call, enhanced measurement plus a manual page_view).
 * Returns the first pageview when `h` repeats it; a pageview for another URL is a deliberate
 * virtual page (Ptengine's `setPVTag` with a made-up URL for content that changed in place).
 */
export function repeatedPageview(page: PageState, h: EngineHit): EngineHit | undefined {
  page.pageviews ??= new Map();
  const seen = page.pageviews;
  const first = seen.get(h.vendor);
  if (!first) {
    seen.set(h.vendor, h);
    return undefined;
  }
  return first.url === h.url ? first : undefined;
}

/**
 * Route pages on which a page-tracking vendor is expected to count a page view. A replaceState
 * rewrites the current entry (routers use it for redirects and URL clean-up) and whether a tag
 * counts it differs by tag; a document restored from the back/forward cache runs no tag again.
 * Neither is expected, both are shown.
 */
export function expectsPageviews(route: RouteKind): boolean {
  return route === 'push' || route === 'back-forward' || route === 'hash';
}

/** How the route was reached, per route kind. */
const HOW: Record<RouteKind, MessageRef> = {
  push: ref('route_push'),
  replace: ref('route_replace'),
  'back-forward': ref('route_back_forward'),
  hash: ref('route_hash'),
  restore: ref('route_restore'),
};

/** What each vendor's own documentation says to do for SPA page views. */
const SPA_FIX: Record<string, MessageRef> = {
  ga4: ref('spa_fix_ga4'),
  ptengine: ref('spa_fix_ptengine'),
  liveperson: ref('spa_fix_liveperson'),
  segment: ref('spa_fix_segment'),
};

/** How to stop a double count, per vendor (Ptengine's help page "spa-pv-duplicate" for Ptengine). */
const DOUBLE_FIX: Record<string, MessageRef> = {
  ga4: ref('double_fix_ga4'),
  ptengine: ref('double_fix_ptengine'),
};

export const spaMessages = {
  routeTagMissing: (vendor: string, page: PageState, domain: string): FindingText => {
    const params = {
      vendor: vendorName(vendor),
      url: page.url,
      how: HOW[page.route ?? 'push'],
      at: isoTime(page.t),
      domain,
      fix: SPA_FIX[vendor] ?? ref('spa_fix_default'),
    };
    return page.document
      ? findingText('finding_spa_tag_missing', { ...params, document: page.document.url })
      : findingText('finding_spa_tag_missing_no_document', params);
  },

  countedTwice: (vendor: string, url: string, first: EngineHit, second: EngineHit): FindingText =>
    findingText('finding_page_counted_twice', {
      vendor: vendorName(vendor),
      url,
      first_via: first.via ?? 'hit',
      first_at: isoTime(first.t),
      second_via: second.via ?? 'hit',
      second_at: isoTime(second.t),
      fix: DOUBLE_FIX[vendor] ?? ref('double_fix_default'),
    }),
};
