/**
 * The Tags view's model: every tracking request, push and hit placed on the page it came from
 * (pages in navigation order, like DevTools' "Preserve log"), with a per-vendor summary. On a
 * single-page app each route change is a virtual page under its document, and hits go to the
 * virtual page whose address they were sent from.
 */
import type { Decoded, DecodedParam } from '../decoders/types';
import type { CustomEndpoint } from '../formats/goals';
import type { HitBody, HitConsent, JourneyEvent, RouteKind } from '../formats/journey';
import type { Finding } from '../formats/report';
import { resends, type Sent } from '../engine/resends';
import type { PanelEngine } from './engine';
import { getOrCreate } from '../util/maps';

export interface TagEntry {
  id: string;
  t: number;
  vendor: string;
  vendorName: string;
  account?: string;
  /** What it is, in the vendor's words ("page_view", "pageview", "library"). */
  label: string;
  role: 'hit' | 'library' | 'other';
  /** Hits it carried (a batched request carries several). */
  hits: HitBody[];
  delivered: boolean;
  status?: number;
  error?: string;
  /** The request URL, or the hit's page URL for decoded hits. */
  url: string;
  via: 'request' | 'push' | 'hit';
  /** What was sent, for requests: enough to copy it as cURL or a `goalpost decode` line. */
  request?: { method: string; body?: string; bodyEncoding?: 'base64' };
  params: DecodedParam[];
  problems: string[];
  /** How many of its hits repeat ones the vendor already had (same event id): counted once. */
  resent?: number;
}

export interface VendorSummary {
  vendor: string;
  vendorName: string;
  scriptLoaded: boolean;
  fired: number;
  failed: number;
  failures: { status?: number; error?: string }[];
  /** From the navigation to the vendor's first hit. */
  firstHitMs?: number;
  accounts: string[];
  /** The consent the vendor's last hit on the page was sent under (Google Consent Mode). */
  consent?: HitConsent;
}

export interface TagPage {
  key: string;
  t: number;
  url: string;
  browser: string;
  /** False for the bucket of events seen before any navigation. */
  navigated: boolean;
  /** How the page was reached: a document load, or the route change that made this virtual page. */
  kind: 'load' | RouteKind;
  /** A virtual page's document (its key). */
  document?: string;
  entries: TagEntry[];
  vendors: VendorSummary[];
  /** tag-missing / tag-not-fired findings about this page. */
  problems: Finding[];
}

export interface ExperienceDisplay {
  t: number;
  browser: string;
  id: string;
  variant?: string;
  vendor: string;
  delivered: boolean;
}

export interface TagModel {
  pages: TagPage[];
  experiences: ExperienceDisplay[];
  vendors: { id: string; name: string }[];
  accounts: string[];
  hitCount: number;
}

const decodeCache = new WeakMap<object, Decoded | null>();

function decodeOnce(engine: PanelEngine, e: JourneyEvent, endpoints?: readonly CustomEndpoint[]): Decoded | null {
  if (decodeCache.has(e)) return decodeCache.get(e) ?? null;
  let d: Decoded | null = null;
  try {
    if (e.type === 'request') {
      d = engine.decodeRequest(
        { url: e.url, method: (e.method ?? 'GET').toUpperCase(), body: e.body, bodyEncoding: e.bodyEncoding, pageUrl: e.pageUrl },
        endpoints,
      );
    } else if (e.type === 'push') {
      d = engine.decodePush({ target: e.target, value: e.value, pageUrl: e.pageUrl });
    }
  } catch {
    d = null; // a decoder bug must not take the panel down
  }
  decodeCache.set(e, d);
  return d;
}

const stripHash = (u: string) => u.split('#')[0] ?? u;

function addParam(p: DecodedParam[], key: string, label: string, value: unknown, group?: string): void {
  if (value !== undefined && value !== null && value !== '') p.push({ key, label, value: String(value), group });
}

function hitParams(h: HitBody): DecodedParam[] {
  const p: DecodedParam[] = [];
  addParam(p, 'kind', 'Hit kind', h.kind);
  addParam(p, 'url', 'Page URL', h.url, 'Page');
  addParam(p, 'referrer', 'Referrer', h.referrer, 'Page');
  addParam(p, 'name', 'Event name', h.name, 'Event');
  addParam(p, 'clientId', 'Visitor id', h.clientId, 'Visitor');
  addParam(p, 'sessionId', 'Session id', h.sessionId, 'Visitor');
  addParam(p, 'account', 'Account', h.account);
  addParam(p, 'experience.id', 'Experience', h.experience?.id, 'Experience');
  addParam(p, 'experience.variant', 'Variant', h.experience?.variant, 'Experience');
  addParam(p, 'transaction.total', 'Revenue', h.transaction?.total, 'Ecommerce');
  addParam(p, 'transaction.currency', 'Currency', h.transaction?.currency, 'Ecommerce');
  addParam(p, 'transaction.orderId', 'Order id', h.transaction?.orderId, 'Ecommerce');
  addParam(p, 'lead.topic', 'Lead topic', h.lead?.topic, 'Lead');
  addParam(p, 'lead.leadId', 'Lead id', h.lead?.leadId, 'Lead');
  addParam(p, 'lead.value', 'Lead value', h.lead?.value, 'Lead');
  addParam(p, 'service.topic', 'Service topic', h.service?.topic, 'Service');
  addParam(p, 'service.status', 'Service status', h.service?.status, 'Service');
  addParam(p, 'service.serviceId', 'Service id', h.service?.serviceId, 'Service');
  addParam(p, 'source', 'Source', h.source);
  addParam(p, 'eventId', 'Event id', h.eventId);
  return p;
}

function hitLabel(h: HitBody): string {
  if (h.kind === 'event' && h.name) return h.name;
  if (h.kind === 'experience' && h.experience) return `experience ${h.experience.id}`;
  return h.kind;
}

function entryFor(
  e: JourneyEvent & { id?: string },
  index: number,
  engine: PanelEngine,
  endpoints?: readonly CustomEndpoint[],
): TagEntry | null {
  const id = e.id ?? `e${index}`;
  if (e.type === 'navigation' || e.type === 'route') return null;
  if (e.type === 'hit') {
    const delivered = e.delivered !== false;
    let params: DecodedParam[] | undefined;
    return {
      id,
      t: e.t,
      vendor: e.vendor,
      vendorName: e.vendor,
      account: e.account,
      label: hitLabel(e),
      role: 'hit',
      hits: [e],
      delivered,
      url: e.url,
      via: 'hit',
      // Built when a row is expanded, searched or exported: most of 100,000 hits never are.
      get params() {
        params ??= hitParams(e);
        return params;
      },
      problems: [],
    };
  }
  const d = decodeOnce(engine, e, endpoints);
  if (!d) return null;
  const failed = e.type === 'request' && ((e.status !== undefined && e.status >= 400) || !!e.error || e.status === 0);
  const first = d.hits[0];
  return {
    id,
    t: e.t,
    vendor: first?.vendor ?? d.decoder,
    vendorName: d.vendorName,
    account: d.account ?? first?.account,
    label: d.requestType ?? (first ? hitLabel(first) : d.role),
    role: d.role,
    hits: d.hits,
    delivered: !failed,
    status: e.type === 'request' ? e.status : undefined,
    error: e.type === 'request' ? e.error : undefined,
    url: e.type === 'request' ? e.url : (first?.url ?? e.pageUrl ?? e.target),
    via: e.type,
    request:
      e.type === 'request'
        ? { method: (e.method ?? 'GET').toUpperCase(), body: e.body, ...(e.bodyEncoding ? { bodyEncoding: e.bodyEncoding } : {}) }
        : undefined,
    params: d.params,
    problems: d.problems ?? [],
  };
}

const searchTexts = new WeakMap<TagEntry, string>();

/**
 * The lower-cased text the filter searches, made on the first search and kept: the first
 * render of a large recording does not pay for text nobody may ever filter.
 */
export function searchText(e: TagEntry): string {
  let text = searchTexts.get(e);
  if (text === undefined) {
    const parts = [e.vendor, e.vendorName, e.account ?? '', e.label, e.url, String(e.status ?? ''), e.error ?? ''];
    for (const p of e.params) parts.push(p.key, p.label, p.value);
    if (e.resent !== undefined) parts.push('resent');
    text = parts.join('\n').toLowerCase();
    searchTexts.set(e, text);
  }
  return text;
}

function summarise(page: TagPage): VendorSummary[] {
  const by = new Map<string, VendorSummary>();
  for (const e of page.entries) {
    let v = by.get(e.vendor);
    if (!v) {
      v = { vendor: e.vendor, vendorName: e.vendorName, scriptLoaded: false, fired: 0, failed: 0, failures: [], accounts: [] };
      by.set(e.vendor, v);
    }
    if (e.vendorName !== e.vendor) v.vendorName = e.vendorName;
    if (e.account && !v.accounts.includes(e.account)) v.accounts.push(e.account);
    if (e.role === 'library') {
      v.scriptLoaded ||= e.delivered;
      if (!e.delivered) v.failures.push({ status: e.status, error: e.error });
      continue;
    }
    if (e.role !== 'hit') continue;
    const n = Math.max(1, e.hits.length);
    v.fired += n;
    const consent = e.hits.find((h) => h.consent)?.consent;
    if (consent) v.consent = consent;
    if (!e.delivered) {
      v.failed += n;
      v.failures.push({ status: e.status, error: e.error });
    } else if (page.navigated && v.firstHitMs === undefined) {
      v.firstHitMs = e.t - page.t;
    }
  }
  return [...by.values()];
}

/** Marks the entries whose hits the vendor drops as copies, by the engine's own rule, so the view says so. */
function markResent(sends: readonly (Sent & { entry: TagEntry })[]): void {
  for (const copy of resends(sends)) {
    const e = copy.entry;
    e.resent = (e.resent ?? 0) + 1;
  }
}

/** Builds the Tags model. Events may be in any order; ties keep input order. */
export function buildTagModel(
  events: readonly (JourneyEvent & { id?: string })[],
  engine: PanelEngine,
  findings: readonly Finding[] = [],
  endpoints?: readonly CustomEndpoint[],
): TagModel {
  const order = timeOrder(events);
  const documentOf = (p: TagPage) => p.document ?? p.key;
  const pages: TagPage[] = [];
  // The current page per browser (and per tab when known), to place events on.
  const current = new Map<string, TagPage>();
  const pageOf = (browser: string, tab: unknown) => current.get(`${browser}\u0000${tab ?? ''}`) ?? current.get(`${browser}\u0000`);
  const experiences: ExperienceDisplay[] = [];
  const vendorNames = new Map<string, string>();
  const accounts = new Set<string>();
  const sends: (Sent & { entry: TagEntry })[] = [];
  let hitCount = 0;
  // The latest page so far by address, so a late hit finds its page without a walk over every
  // page (which made 100,000 hits take seconds): per browser, by document and exact URL; by URL
  // without its fragment; and by the same among document loads.
  const byDocumentUrl = new Map<string, TagPage>();
  const byUrl = new Map<string, TagPage>();
  const loadsByUrl = new Map<string, TagPage>();
  const urlKey = (browser: string, url: string) => `${browser}\u0000${stripHash(url)}`;
  /**
   * A new page in navigation order, current for its browser from now on (and for its tab when
   * a navigation names one). The bucket of events seen before any navigation is not `navigated`.
   */
  const openPage = (
    t: number,
    url: string,
    browser: string,
    kind: TagPage['kind'],
    navigated: boolean,
    tab?: unknown,
    document?: string,
  ): TagPage => {
    const page: TagPage = { key: `p${pages.length}`, t, url, browser, navigated, kind, entries: [], vendors: [], problems: [] };
    if (document !== undefined) page.document = document;
    pages.push(page);
    if (navigated) current.set(`${browser}\u0000${tab ?? ''}`, page);
    current.set(`${browser}\u0000`, page);
    byDocumentUrl.set(`${browser}\u0000${documentOf(page)}\u0000${url}`, page);
    byUrl.set(urlKey(browser, url), page);
    if (kind === 'load' && navigated) loadsByUrl.set(urlKey(browser, url), page);
    return page;
  };

  for (const i of order) {
    const e = events[i] as JourneyEvent & { id?: string };
    const browser = e.browser ?? 'default';
    if (e.type === 'navigation') {
      openPage(e.t, e.url, browser, 'load', true, e.tab);
      continue;
    }
    if (e.type === 'route') {
      const now = pageOf(browser, e.tab);
      // A restore shows an earlier document again: the virtual page goes under that one.
      const restored = e.kind === 'restore' ? loadsByUrl.get(urlKey(browser, e.url)) : undefined;
      const doc = restored ?? now;
      openPage(e.t, e.url, browser, e.kind, true, e.tab, doc ? documentOf(doc) : undefined);
      continue;
    }
    const entry = entryFor(e, i, engine, endpoints);
    if (!entry) continue;
    const tab = 'tab' in e ? e.tab : undefined;
    const pageUrl = e.type === 'hit' ? e.url : e.pageUrl;
    let page = pageOf(browser, tab);
    if (pageUrl && page && page.url !== pageUrl) {
      // A late hit from a route or a page the browser already left belongs to that one.
      const route = byDocumentUrl.get(`${browser}\u0000${documentOf(page)}\u0000${pageUrl}`);
      const earlier = route ?? (stripHash(page.url) !== stripHash(pageUrl) ? byUrl.get(urlKey(browser, pageUrl)) : undefined);
      if (earlier) page = earlier;
    }
    if (!page) page = openPage(e.t, pageUrl ?? '', browser, 'load', false);
    page.entries.push(entry);
    vendorNames.set(entry.vendor, entry.vendorName);
    if (entry.account) accounts.add(entry.account);
    if (entry.role === 'hit') hitCount += Math.max(1, entry.hits.length);
    for (const h of entry.hits) {
      // Only hits with the vendor's event id can be copies (resends.ts).
      if (h.eventId) sends.push({ ...h, t: entry.t, delivered: entry.delivered, entry });
      if (h.kind === 'experience' && h.experience) {
        experiences.push({
          t: entry.t,
          browser,
          id: h.experience.id,
          variant: h.experience.variant,
          vendor: h.vendor,
          delivered: entry.delivered,
        });
      }
    }
  }
  markResent(sends);
  for (const p of pages) p.vendors = summarise(p);
  const pagesOf = findingPages(pages);
  for (const f of findings) {
    if (f.code !== 'tag-missing' && f.code !== 'tag-not-fired-on-goal-page' && f.code !== 'page-counted-twice') continue;
    for (const p of pagesOf(f)) p.problems.push(f);
  }
  return {
    pages,
    experiences,
    vendors: [...vendorNames].map(([id, name]) => ({ id, name })).sort((a, b) => a.name.localeCompare(b.name)),
    accounts: [...accounts].sort(),
    hitCount,
  };
}

/**
 * The pages a finding is about: the latest virtual page of its exact URL by its time, else the
 * documents of its URL, fragment aside. Indexed once, since a long recording has many of both.
 */
function findingPages(pages: readonly TagPage[]): (f: Finding) => TagPage[] {
  const routes = new Map<string, TagPage[]>();
  const loads = new Map<string, TagPage[]>();
  for (const p of pages) {
    if (p.kind === 'load') getOrCreate(loads, stripHash(p.url), () => []).push(p);
    else getOrCreate(routes, p.url, () => []).push(p);
  }
  return (f) => {
    const url = f.url;
    if (url === undefined) return [];
    const at = f.t !== undefined ? Date.parse(f.t) : Infinity;
    const candidates = routes.get(url) ?? [];
    for (let k = candidates.length - 1; k >= 0; k--) {
      const route = candidates[k] as TagPage;
      if (route.t <= at) return [route];
    }
    return loads.get(stripHash(url)) ?? [];
  };
}

/** Indexes of the events in time order, ties in input order; recordings arrive sorted, so usually no sort. */
function timeOrder(events: readonly JourneyEvent[]): number[] {
  const order = Array.from({ length: events.length }, (_, i) => i);
  for (let i = 1; i < events.length; i++) {
    if ((events[i] as JourneyEvent).t < (events[i - 1] as JourneyEvent).t) {
      return order.sort((a, b) => (events[a] as JourneyEvent).t - (events[b] as JourneyEvent).t || a - b);
    }
  }
  return order;
}

export interface TagFilter {
  text?: string;
  vendor?: string;
  account?: string;
}

const needle = (f: TagFilter) => f.text?.trim().toLowerCase() ?? '';

/** Pages keep their header even when no entry matches, so the navigation stays visible. */
export function filterTagPages(pages: readonly TagPage[], f: TagFilter): TagPage[] {
  const text = needle(f);
  if (!text && !f.vendor && !f.account) return pages as TagPage[];
  return pages.map((p) => {
    const entries = p.entries.filter(
      (e) => (!f.vendor || e.vendor === f.vendor) && (!f.account || e.account === f.account) && (!text || searchText(e).includes(text)),
    );
    const vendors = p.vendors.filter((v) => (!f.vendor || v.vendor === f.vendor) && (!f.account || v.accounts.includes(f.account)));
    // A page the filter leaves whole stays the same object, so its rows are not made again.
    return entries.length === p.entries.length && vendors.length === p.vendors.length ? p : { ...p, entries, vendors };
  });
}

/**
 * `filterTagPages` for someone typing: a filter that only adds characters to the last one's text
 * (same vendor and account) can only narrow its result, so it searches that result instead of
 * every hit again.
 */
export function tagFilterer(): (pages: readonly TagPage[], f: TagFilter) => TagPage[] {
  let last: { pages: readonly TagPage[]; text: string; vendor?: string; account?: string; result: TagPage[] } | undefined;
  return (pages, f) => {
    const text = needle(f);
    const narrower =
      last !== undefined &&
      last.pages === pages &&
      last.vendor === f.vendor &&
      last.account === f.account &&
      last.text !== '' &&
      text.startsWith(last.text);
    const result = filterTagPages(narrower && last ? last.result : pages, f);
    last = { pages, text, vendor: f.vendor, account: f.account, result };
    return result;
  };
}

/**
 * Makes every entry's search text in slices of about `sliceMs` between other work, so the first
 * keystroke in the filter does not pay for 100,000 of them. Returns the function that stops it.
 */
export function prepareSearch(pages: readonly TagPage[], sliceMs = 8): () => void {
  let page = 0;
  let entry = 0;
  let timer: ReturnType<typeof setTimeout> | undefined;
  const step = () => {
    const until = performance.now() + sliceMs;
    while (page < pages.length) {
      const entries = (pages[page] as TagPage).entries;
      while (entry < entries.length) {
        searchText(entries[entry++] as TagEntry);
        if ((entry & 255) === 0 && performance.now() > until) {
          timer = setTimeout(step, 0);
          return;
        }
      }
      page++;
      entry = 0;
    }
    timer = undefined;
  };
  timer = setTimeout(step, 0);
  return () => {
    if (timer) clearTimeout(timer);
  };
}

/** One fixed-height row of the virtualised Tags list. */
export type TagRow =
  | { kind: 'page'; page: TagPage }
  | { kind: 'problem'; page: TagPage; index: number; finding: Finding }
  | { kind: 'vendor'; page: TagPage; vendor: VendorSummary }
  | { kind: 'entry'; page: TagPage; entry: TagEntry; expanded: boolean }
  | { kind: 'param'; entry: TagEntry; index: number; param: DecodedParam }
  | { kind: 'actions'; entry: TagEntry }
  | { kind: 'note'; entry: TagEntry; text: string };

/** A row's stable key, made only for the rows on screen (a keystroke rebuilds 100,000 rows). */
export function tagRowKey(row: TagRow): string {
  switch (row.kind) {
    case 'page':
      return row.page.key;
    case 'problem':
      return `${row.page.key}/x${row.index}`;
    case 'vendor':
      return `${row.page.key}/v/${row.vendor.vendor}`;
    case 'entry':
      return `${row.page.key}/e/${row.entry.id}`;
    case 'param':
      return `${row.entry.id}/p${row.index}`;
    case 'actions':
      return `${row.entry.id}/actions`;
    case 'note':
      return `${row.entry.id}/n/${row.text}`;
  }
}

/** A page's rows with nothing expanded, kept while the page object lives (filtering keeps whole pages). */
const closedRows = new WeakMap<TagPage, TagRow[]>();

export function tagRows(pages: readonly TagPage[], expanded: ReadonlySet<string>): TagRow[] {
  const rows: TagRow[] = [];
  for (const page of pages) {
    const closed = expanded.size === 0 || !page.entries.some((e) => expanded.has(e.id));
    const cached = closed ? closedRows.get(page) : undefined;
    if (cached) {
      for (const row of cached) rows.push(row);
      continue;
    }
    const from = rows.length;
    pageRows(rows, page, expanded);
    if (closed) closedRows.set(page, rows.slice(from));
  }
  return rows;
}

function pageRows(rows: TagRow[], page: TagPage, expanded: ReadonlySet<string>): void {
  rows.push({ kind: 'page', page });
  for (const [index, finding] of page.problems.entries()) rows.push({ kind: 'problem', page, index, finding });
  for (const vendor of page.vendors) rows.push({ kind: 'vendor', page, vendor });
  for (const entry of page.entries) {
    const open = expanded.size > 0 && expanded.has(entry.id);
    rows.push({ kind: 'entry', page, entry, expanded: open });
    if (!open) continue;
    if (entry.request) rows.push({ kind: 'actions', entry });
    for (const text of entry.problems) rows.push({ kind: 'note', entry, text });
    for (const [index, param] of entry.params.entries()) rows.push({ kind: 'param', entry, index, param });
    if (entry.params.length === 0 && entry.problems.length === 0) rows.push({ kind: 'note', entry, text: 'No parameters.' });
  }
}
