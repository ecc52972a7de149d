/**
 * Google Analytics 4 (gtag.js / GTM) measurement protocol as the browser sends it. The query
 * holds the fields shared by every hit; a POST body holds one hit per line (batching), and each
 * line's fields override the shared ones (a batch of `scroll` and `purchase` after a query
 * `en=page_view` is a scroll and a purchase).
 * Recognised by path on any host (`/g/collect`: google-analytics.com, analytics.google.com,
 * server-side containers) and by protocol on any other path: first-party mode and the Google tag
 * gateway serve collection under the site's own paths (`/metrics/g/collect`, `/<prefix>/ag/g/c`,
 * Omnibug issue 322), so a request whose fields say `v=2`, a `G-` measurement id and an event
 * name is GA4 wherever it goes. UA's own paths stay with the UA decoder, which reads v=2 there.
 * Facts: parameter names from Google's gtag.js traffic as documented by Google's Measurement
 * Protocol reference and widely published GA4 parameter lists (cid, sid, sct, seg, _ss, _fv,
 * dl, dr, dt, en, ep.*, epn.*, up.*, cu, pr1…, gcs, gcd).
 */
import type { HitBody } from '../../formats/journey';
import type { Decoded, DecodedParam, DecodeOptions, RawRequest, RequestDecoder } from '../types';
import { decoded, hit, pageOf, transactionHit } from '../util/decoded';
import { consentParams, hitConsent } from './google-consent';
import { Fields, parseQuery, urlFields } from '../util/fields';
import { num } from '../util/json';
import { describe, param, type Dictionary } from '../util/params';

export const GA4_ID = 'ga4';
const NAME = 'Google Analytics 4';

const DICT: Dictionary = {
  v: { label: 'Protocol version', group: 'General' },
  tid: { label: 'Measurement ID', group: 'General' },
  gtm: { label: 'GTM container hash', group: 'General' },
  _p: { label: 'Page load ID', group: 'General' },
  _s: { label: 'Hit sequence', group: 'General' },
  cid: { label: 'Client ID', group: 'Visitor' },
  uid: { label: 'User ID', group: 'Visitor' },
  sid: { label: 'Session ID', group: 'Session' },
  sct: { label: 'Session count', group: 'Session' },
  seg: { label: 'Session engaged', group: 'Session' },
  _ss: { label: 'Session start', group: 'Session' },
  _fv: { label: 'First visit', group: 'Session' },
  _nsi: { label: 'New session ID', group: 'Session' },
  _et: { label: 'Engagement time (ms)', group: 'Event' },
  en: { label: 'Event name', group: 'Event' },
  'ep.*': { label: 'Event parameter', group: 'Event' },
  'epn.*': { label: 'Event parameter (number)', group: 'Event' },
  'up.*': { label: 'User property', group: 'Visitor' },
  'upn.*': { label: 'User property (number)', group: 'Visitor' },
  dl: { label: 'Page URL', group: 'Page' },
  dr: { label: 'Referrer', group: 'Page' },
  dt: { label: 'Page title', group: 'Page' },
  ul: { label: 'Language', group: 'Page' },
  sr: { label: 'Screen resolution', group: 'Page' },
  cu: { label: 'Currency', group: 'Ecommerce' },
  'pr*': { label: 'Item', group: 'Ecommerce' },
  gcs: { label: 'Consent state (gcs)', group: 'Consent' },
  gcd: { label: 'Consent defaults (gcd)', group: 'Consent' },
  dma: { label: 'DMA flag', group: 'Consent' },
  npa: { label: 'Non-personalised ads', group: 'Consent' },
  _dbg: { label: 'Debug mode', group: 'General' },
  'cg*': { label: 'Content group', group: 'Page' },
};

const ITEM_KEYS: Record<string, string> = {
  id: 'id',
  nm: 'name',
  br: 'brand',
  ca: 'category',
  va: 'variant',
  pr: 'price',
  qt: 'quantity',
  cp: 'coupon',
  ds: 'discount',
  lp: 'list position',
  af: 'affiliation',
  ln: 'list name',
  li: 'list id',
};

/** "id12~nmShirt~pr10.5~qt2" → {id, nm, pr, qt}. */
export function parseItem(text: string): Record<string, string> {
  const out: Record<string, string> = {};
  for (const part of text.split('~')) {
    const key = part.slice(0, 2);
    if (part.length >= 2) out[key] = part.slice(2);
  }
  return out;
}

function itemsTotal(fields: Fields): number | undefined {
  let total = 0;
  let any = false;
  for (const [k, v] of fields.pairs) {
    if (!/^pr\d+$/.test(k)) continue;
    const item = parseItem(v);
    const price = num(item.pr);
    if (price === undefined) continue;
    total += price * (num(item.qt) ?? 1);
    any = true;
  }
  return any ? Math.round(total * 100) / 100 : undefined;
}

/** Denied analytics storage (gcs "G1x0"): GA4 sends cookieless pings whose ids are not the visitor's. */
export function analyticsDenied(gcs: string | undefined): boolean {
  return gcs !== undefined && /^G1[01-]0$/.test(gcs);
}

/** The hits of one protocol line; `vendor` lets UA's v=2 fallback reuse this. */
export function ga4Hits(fields: Fields, req: RawRequest, vendor = GA4_ID): HitBody[] {
  const t = fields.get('t');
  const event = fields.first('en') ?? (t === 'pageview' ? 'page_view' : t);
  const denied = analyticsDenied(fields.get('gcs'));
  const base = {
    vendor,
    url: pageOf(fields.get('dl'), req.pageUrl),
    clientId: denied ? undefined : fields.first('cid'),
    sessionId: denied ? undefined : fields.first('sid'),
    // `_ss` (session start) and `_nsi` (new session id) ride on a session's first hit; `seg=0`
    // alone does not: it stays 0 until the session is engaged. Cookieless pings open nothing.
    opensVisit: !denied && (fields.has('_ss') || fields.get('_nsi') === '1') ? true : undefined,
    referrer: fields.first('dr'),
    account: fields.first('tid'),
    consent: hitConsent(fields.get('gcs'), fields.get('gcd')),
  };
  if (!event) return [];
  if (event === 'page_view') return [hit({ ...base, kind: 'pageview' })];
  const hits: HitBody[] = [hit({ ...base, kind: 'event', name: event })];
  if (event === 'purchase') {
    hits.push(
      transactionHit(base, {
        total: num(fields.first('epn.value', 'ep.value')) ?? itemsTotal(fields) ?? 0,
        currency: fields.first('cu', 'ep.currency'),
        orderId: fields.first('ep.transaction_id', 'epn.transaction_id'),
      }),
    );
  }
  return hits;
}

function itemParams(fields: Fields, suffix: string): DecodedParam[] {
  const out: DecodedParam[] = [];
  for (const [k, v] of fields.pairs) {
    const m = /^pr(\d+)$/.exec(k);
    if (!m) continue;
    for (const [ik, iv] of Object.entries(parseItem(v))) {
      out.push(param(`${k}.${ik}${suffix}`, `Item ${m[1]} ${ITEM_KEYS[ik] ?? ik}`, iv, 'Ecommerce'));
    }
  }
  return out;
}

/** One batched line over the shared query: the line's own fields win, the rest are inherited. */
export function overlay(line: Fields, shared: Fields): Fields {
  const own = new Set(line.pairs.map(([k]) => k));
  return new Fields([...line.pairs, ...shared.pairs.filter(([k]) => !own.has(k))]);
}

/** Batched lines: a body split on whitespace (form encoding never carries a raw space). */
export function bodyLines(body: string | undefined, problems: string[]): Fields[] {
  if (!body || body.trim() === '') return [];
  return body
    .split(/\s+/)
    .filter((l) => l !== '')
    .map((l) => parseQuery(l, problems));
}

/** Omnibug-compatible key of a batched line's field: "en[1]", "epn[1].percent_scrolled". */
function batchKey(key: string, index: number): string {
  const dot = key.indexOf('.');
  return dot < 0 ? `${key}[${index}]` : `${key.slice(0, dot)}[${index}]${key.slice(dot)}`;
}

/** GA4's request type for the panel: page views in words, other events as sent. */
export function ga4Label(event: string): string {
  return event === 'page_view' || event === 'pageview' ? 'Page View' : event;
}

export function decodeGa4Like(
  url: URL,
  req: RawRequest,
  id: string,
  name: string,
  vendor: string,
  label: (event: string) => string = ga4Label,
  options: DecodeOptions = {},
): Decoded {
  const problems: string[] = [];
  const shared = urlFields(url, problems);
  const lines = bodyLines(req.body, problems);
  const hitsFields = lines.length === 0 ? [shared] : lines.map((l) => overlay(l, shared));
  const hits = hitsFields.flatMap((f) => ga4Hits(f, req, vendor));
  const labels = options.labels !== false;
  const params = labels ? [...describe(shared, DICT), ...itemParams(shared, '')] : [];
  if (labels) {
    lines.forEach((line, i) => {
      const keyed = lines.length > 1 ? line.pairs.map(([k, v]) => [batchKey(k, i), v] as const) : line.pairs;
      params.push(
        ...describe(new Fields([...keyed]), DICT).map((p) => ({ ...p, group: lines.length > 1 ? `Hit ${i + 1}` : (p.group ?? 'Other') })),
      );
      params.push(...itemParams(line, lines.length > 1 ? `[${i}]` : ''));
    });
  }
  const events = hitsFields.map((f) => f.first('en') ?? f.get('t')).filter((e): e is string => !!e);
  const gcs = shared.get('gcs') ?? lines.find((l) => l.has('gcs'))?.get('gcs');
  const gcd = shared.get('gcd') ?? lines.find((l) => l.has('gcd'))?.get('gcd');
  // Read even without labels: the consent fields may add problems, which are part of the decoding.
  const consent = consentParams(gcs, gcd, problems);
  if (labels) params.push(...consent);
  if (labels && analyticsDenied(gcs)) {
    params.push(param('gcs.analytics', 'Analytics storage', "denied: cookieless ping, client id not the visitor's", 'Consent'));
  }
  if (hits.length === 0) problems.push('No event name (en) in this request, so it yields no hit.');
  return decoded(id, name, {
    account: shared.first('tid') ?? hitsFields.map((f) => f.first('tid')).find(Boolean),
    requestType: events.map(label).join(', ') || undefined,
    hits,
    params,
    problems,
  });
}

const MEASUREMENT_ID = /^G-[A-Z0-9]+$/i;
/** Universal Analytics' paths: a v=2 payload there is read by the UA decoder (as Omnibug does). */
const UA_PATH = /^\/(?:[jr]\/)?collect\/?$|^\/batch\/?$/;

/** GA4's shape: protocol v=2, a G- measurement id, and an event name in the query or a body line. */
export function looksLikeGa4(url: URL, body: string | undefined): boolean {
  const q = url.searchParams;
  const shared = { v: q.get('v'), tid: q.get('tid'), en: q.has('en') };
  if (shared.v === '2' && MEASUREMENT_ID.test(shared.tid ?? '') && shared.en) return true;
  if (!body || body.length > 64 * 1024 || !/(^|&|\s)en=/.test(body)) return false;
  return bodyLines(body, []).some((l) => {
    const f = overlay(l, urlFields(url));
    return f.get('v') === '2' && MEASUREMENT_ID.test(f.get('tid') ?? '') && f.has('en');
  });
}

export const ga4: RequestDecoder = {
  id: GA4_ID,
  name: NAME,
  match: (url, req) => {
    if (/^\/g\/collect\/?$/.test(url.pathname)) return url.hostname !== 'stats.g.doubleclick.net';
    return !UA_PATH.test(url.pathname) && looksLikeGa4(url, req.body);
  },
  decode: (url, req, options) => decodeGa4Like(url, req, GA4_ID, NAME, GA4_ID, ga4Label, options),
};
