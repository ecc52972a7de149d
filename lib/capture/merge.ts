/**
 * Merging the page hook's and the network's view of one request (and of one page load) into one
 * journey event. Pure functions over a tab's log: whichever view arrives first creates the event,
 * the other one fills it in; identical requests pair first-in first-out within a time window.
 */
import type { JourneyEvent, NavigationEvent, RequestEvent } from '../formats/journey';
import type { CaptureApi, PageRecord, PushRecord, RequestRecord } from './records';
import type { CapturedEvent, LogEntry, TabLog } from './tab-log';

/** Two views of one request are at most this far apart (a preloaded script is parsed later). */
export const PAIR_WINDOW_MS = 30_000;

/** webRequest resource types each capture API can show up as. */
const NET_TYPES: Record<CaptureApi, readonly string[]> = {
  fetch: ['xmlhttprequest', 'other'],
  xhr: ['xmlhttprequest', 'other'],
  beacon: ['ping', 'other'],
  image: ['image', 'imageset', 'other'],
  script: ['script', 'other'],
};

export function apiMatchesType(api: string, type: string): boolean {
  return (NET_TYPES[api as CaptureApi] ?? []).includes(type);
}

/** The network's view of one request as it starts (from webRequest.onBeforeRequest). */
export interface NetRequest {
  requestId: string;
  url: string;
  method: string;
  /** webRequest resource type. */
  type: string;
  t: number;
  body?: string;
  bodyNote?: string;
  /** Set when the URL was cut to the size limit. */
  urlNote?: string;
  /** The document that sent it, when the browser says (Firefox); else the tab's top URL. */
  pageUrl?: string;
  /** A later hop of a redirected request (the page never asked for this URL). */
  redirect?: boolean;
}

export interface NetOutcome {
  status?: number;
  error?: string;
  /** True when the request is over (completed or failed), false for a redirect hop. */
  final: boolean;
}

const stripHash = (url: string): string => {
  const i = url.indexOf('#');
  return i < 0 ? url : url.slice(0, i);
};

export function newEntry(
  log: TabLog,
  tab: number,
  ev: JourneyEvent & { bodyNote?: string; urlNote?: string },
  via: LogEntry['via'],
): LogEntry {
  const entry: LogEntry = { ev: { ...ev, id: `${tab}:${log.seq++}` } as CapturedEvent, via };
  const w = waitingOf(log);
  log.entries.push(entry);
  if (via !== 'both') wait(w, entry);
  return entry;
}

/**
 * Entries still waiting for the other view, per log (memory only: rebuilt from the entries
 * after a restart). Requests are filed by URL, so pairing one looks at the few with its URL:
 * a busy page leaves thousands unpaired (a beacon has no network view; the network keeps
 * pixels the hook never saw), and scanning them all for every request made pairing quadratic.
 * Navigations and routes, a few per page, share one list.
 */
interface Waiting {
  requests: Map<string, LogEntry[]>;
  /** Request entries filed, paired or not; the map is swept when this passes `sweepAt`. */
  filed: number;
  sweepAt: number;
  others: LogEntry[];
}

const waiting = new WeakMap<TabLog, Waiting>();
const MIN_SWEEP = 1_000;

/** Whether a waiting entry can still pair with a view from time `t` (not paired meanwhile, not too old). */
const canPair = (e: LogEntry, t: number): boolean => e.via !== 'both' && e.ev.t >= t - PAIR_WINDOW_MS * 2;

function wait(w: Waiting, entry: LogEntry): void {
  if (entry.ev.type !== 'request') {
    w.others.push(entry);
    return;
  }
  const list = w.requests.get(entry.ev.url);
  if (list) list.push(entry);
  else w.requests.set(entry.ev.url, [entry]);
  if (++w.filed > w.sweepAt) sweep(w, entry.ev.t);
}

/** Forgets requests that can no longer pair (paired meanwhile, or too old): amortised, one pass per doubling. */
function sweep(w: Waiting, t: number): void {
  let filed = 0;
  for (const [url, list] of w.requests) {
    const live = list.filter((e) => canPair(e, t));
    if (live.length === 0) w.requests.delete(url);
    else w.requests.set(url, live);
    filed += live.length;
  }
  w.filed = filed;
  w.sweepAt = Math.max(MIN_SWEEP, filed * 2);
}

function waitingOf(log: TabLog): Waiting {
  let w = waiting.get(log);
  if (!w) {
    w = { requests: new Map(), filed: 0, sweepAt: MIN_SWEEP, others: [] };
    waiting.set(log, w);
    for (const e of log.entries) if (e.via !== 'both') wait(w, e);
  }
  return w;
}

/**
 * The oldest (or `newest`) navigation or route seen only by the other view that `accept`s,
 * within the window of `t`.
 */
export function findUnpaired(
  log: TabLog,
  only: LogEntry['via'],
  t: number,
  accept: (e: LogEntry) => boolean,
  newest = false,
): LogEntry | undefined {
  const w = waitingOf(log);
  const list = w.others.filter((e) => canPair(e, t));
  if (list.length !== w.others.length) w.others = list;
  let found: LogEntry | undefined;
  for (const e of list) {
    if (e.via === only && Math.abs(e.ev.t - t) <= PAIR_WINDOW_MS && accept(e)) {
      found = e;
      if (!newest) break;
    }
  }
  return found;
}

/** The oldest request to `url` seen only by the other view that `accept`s, within the window of `t`. */
function findUnpairedRequest(
  log: TabLog,
  only: LogEntry['via'],
  t: number,
  url: string,
  accept: (e: LogEntry) => boolean,
): LogEntry | undefined {
  const w = waitingOf(log);
  const list = w.requests.get(url);
  if (!list) return undefined;
  let found: LogEntry | undefined;
  let stale = 0;
  for (const e of list) {
    if (!canPair(e, t)) stale++;
    else if (!found && e.via === only && Math.abs(e.ev.t - t) <= PAIR_WINDOW_MS && accept(e)) found = e;
  }
  if (stale > 0) {
    const live = list.filter((e) => canPair(e, t));
    if (live.length === 0) w.requests.delete(url);
    else w.requests.set(url, live);
  }
  return found;
}

/**
 * A document's hook runs after its commit, and both clocks are the system's: a page record
 * belongs to the latest commit of its URL at or before it, never to an earlier or later load of
 * the same URL (a reload, or a load whose commit the background missed while starting).
 */
const NAV_SKEW_MS = 1_000;

function requestMatches(e: LogEntry, url: string, method: string): boolean {
  return e.ev.type === 'request' && e.ev.url === url && (e.ev.method ?? 'GET') === method;
}

/** Whether the network's view of this hook record is already in the log, waiting for it. */
export function hasNetPartner(log: TabLog, rec: RequestRecord): boolean {
  return (
    findUnpairedRequest(
      log,
      'net',
      rec.t,
      rec.url,
      (e) => requestMatches(e, rec.url, rec.method) && apiMatchesType(rec.api, e.api ?? ''),
    ) !== undefined
  );
}

/** A hook request record into the log; `net` is the network's view when it was seen but not kept. */
export function addHookRequest(
  log: TabLog,
  tab: number,
  rec: RequestRecord,
  net?: { requestId: string; type: string; status?: number; error?: string; final: boolean },
): LogEntry {
  const partner = findUnpairedRequest(
    log,
    'net',
    rec.t,
    rec.url,
    (e) => requestMatches(e, rec.url, rec.method) && apiMatchesType(rec.api, e.api ?? ''),
  );
  if (partner) {
    const ev = partner.ev as RequestEvent & CapturedEvent;
    if (rec.body !== undefined) ev.body = rec.body;
    if (rec.bodyEncoding !== undefined) ev.bodyEncoding = rec.bodyEncoding;
    if (rec.bodyNote !== undefined) ev.bodyNote = rec.bodyNote;
    else if (rec.body !== undefined) delete ev.bodyNote;
    if (ev.error === undefined && rec.error !== undefined) ev.error = rec.error;
    ev.pageUrl = rec.pageUrl;
    ev.initiator = rec.api;
    partner.via = 'both';
    return partner;
  }
  const ev: RequestEvent & { bodyNote?: string; urlNote?: string } = {
    type: 'request',
    t: rec.t,
    url: rec.url,
    method: rec.method,
    pageUrl: rec.pageUrl,
    initiator: rec.api,
    tab,
  };
  if (rec.urlNote !== undefined) ev.urlNote = rec.urlNote;
  if (rec.body !== undefined) ev.body = rec.body;
  if (rec.bodyEncoding !== undefined) ev.bodyEncoding = rec.bodyEncoding;
  if (rec.bodyNote !== undefined) ev.bodyNote = rec.bodyNote;
  const status = net?.status ?? rec.status;
  const error = net?.error ?? rec.error;
  if (status !== undefined) ev.status = status;
  if (error !== undefined) ev.error = error;
  const entry = newEntry(log, tab, ev, net ? 'both' : 'hook');
  entry.api = rec.api;
  if (net && !net.final) entry.net = net.requestId;
  return entry;
}

/**
 * The network's view of a request starting. Pairs with a hook record already in the log;
 * otherwise creates an event only when `keep` (the caller's filter) says so.
 */
export function addNetRequest(log: TabLog, tab: number, req: NetRequest, keep: boolean): LogEntry | undefined {
  if (!req.redirect) {
    const partner = findUnpairedRequest(
      log,
      'hook',
      req.t,
      req.url,
      (e) => requestMatches(e, req.url, req.method) && apiMatchesType(e.api ?? '', req.type),
    );
    if (partner) {
      const ev = partner.ev as RequestEvent & CapturedEvent;
      if (ev.body === undefined && ev.bodyNote === undefined && req.body !== undefined) ev.body = req.body;
      partner.via = 'both';
      partner.net = req.requestId;
      return partner;
    }
  }
  if (!keep) return undefined;
  const ev: RequestEvent & { bodyNote?: string; urlNote?: string } = {
    type: 'request',
    t: req.t,
    url: req.url,
    method: req.method,
    initiator: req.redirect ? 'redirect' : req.type,
    tab,
  };
  const pageUrl = req.pageUrl ?? log.top;
  if (pageUrl !== undefined) ev.pageUrl = pageUrl;
  if (req.urlNote !== undefined) ev.urlNote = req.urlNote;
  if (req.body !== undefined) ev.body = req.body;
  if (req.bodyNote !== undefined) ev.bodyNote = req.bodyNote;
  const entry = newEntry(log, tab, ev, 'net');
  entry.api = req.type;
  entry.net = req.requestId;
  return entry;
}

/** Status, error or redirect of a request the log holds; undefined when it holds none. */
export function addNetOutcome(log: TabLog, requestId: string, out: NetOutcome): LogEntry | undefined {
  for (let i = log.entries.length - 1; i >= 0; i--) {
    const e = log.entries[i] as LogEntry;
    if (e.net !== requestId) continue;
    const ev = e.ev as RequestEvent;
    if (out.status !== undefined) ev.status = out.status;
    if (out.error !== undefined) ev.error = out.error;
    // A redirect ends this hop; the next hop is a new event with the same requestId.
    delete e.net;
    return e;
  }
  return undefined;
}

/** A top-level document committed (webNavigation). */
export function addNavigation(log: TabLog, tab: number, nav: { url: string; t: number; transition?: string }): LogEntry {
  log.top = nav.url;
  // A document restored from the back/forward cache commits again; the hook said so first.
  const restored = restoreOf(log, nav);
  if (restored) return restored;
  const url = stripHash(nav.url);
  const partner = findUnpaired(
    log,
    'hook',
    nav.t,
    (e) => e.ev.type === 'navigation' && e.ev.t >= nav.t - NAV_SKEW_MS && stripHash(e.ev.url) === url,
  );
  if (partner) {
    if (nav.transition) (partner.ev as NavigationEvent).transition = nav.transition;
    partner.via = 'both';
    return partner;
  }
  const ev: NavigationEvent = { type: 'navigation', t: nav.t, url: nav.url, tab };
  if (nav.transition) ev.transition = nav.transition;
  return newEntry(log, tab, ev, 'net');
}

/** The browser's user agent, language and time zone, which link checksums cover. */
function addFingerprint(ev: NavigationEvent, rec: PageRecord): void {
  if (rec.userAgent !== undefined) ev.userAgent = rec.userAgent;
  if (rec.language !== undefined) ev.language = rec.language;
  if (rec.timezoneOffset !== undefined) ev.timezoneOffset = rec.timezoneOffset;
}

/** The hook's record of a back/forward-cache restore waiting for this commit, if any. */
function restoreOf(log: TabLog, nav: { url: string; t: number }): LogEntry | undefined {
  const found = findUnpaired(
    log,
    'hook',
    nav.t,
    (e) => e.ev.type === 'route' && e.ev.kind === 'restore' && e.ev.url === nav.url && Math.abs(e.ev.t - nav.t) <= NAV_SKEW_MS * 2,
  );
  if (found) found.via = 'both';
  return found;
}

/** The page's own view of its load: adds the referrer webNavigation does not give. */
export function addPage(log: TabLog, tab: number, rec: PageRecord): LogEntry {
  const url = stripHash(rec.url);
  const partner = findUnpaired(
    log,
    'net',
    rec.t,
    (e) => e.ev.type === 'navigation' && e.ev.t <= rec.t + NAV_SKEW_MS && stripHash(e.ev.url) === url,
    true,
  );
  if (partner) {
    if (rec.referrer) (partner.ev as NavigationEvent).referrer = rec.referrer;
    addFingerprint(partner.ev as NavigationEvent, rec);
    partner.via = 'both';
    return partner;
  }
  if (log.top === undefined) log.top = rec.url;
  const ev: NavigationEvent = { type: 'navigation', t: rec.t, url: rec.url, tab };
  if (rec.referrer) ev.referrer = rec.referrer;
  addFingerprint(ev, rec);
  return newEntry(log, tab, ev, 'hook');
}

export function addPush(log: TabLog, tab: number, rec: PushRecord): LogEntry {
  return newEntry(log, tab, { type: 'push', t: rec.t, target: rec.target, value: rec.value, pageUrl: rec.pageUrl, tab }, 'hook');
}

/** Relays (documents) remembered per tab; one retrying after this many newer ones counts as new. */
export const MAX_DOCS = 200;

/**
 * How many records at the front of a relay's batch (sequence numbers `seq` to
 * `seq + count - 1`) are already stored, and notes the whole batch as stored: the caller applies
 * the rest in the same store update, so the note and the records are written together.
 */
export function takeBatch(log: TabLog, doc: string, seq: number, count: number): number {
  const next = log.docs?.[doc];
  const skip = next === undefined ? 0 : Math.min(count, Math.max(0, next - seq));
  const end = Math.max(next ?? 0, seq + count);
  if (end !== next) {
    const docs: Record<string, number> = { ...log.docs };
    // Most recent last, so the oldest relay is the one forgotten.
    delete docs[doc];
    docs[doc] = end;
    const keys = Object.keys(docs);
    if (keys.length > MAX_DOCS) delete docs[keys[0] as string];
    log.docs = docs;
  }
  return skip;
}
