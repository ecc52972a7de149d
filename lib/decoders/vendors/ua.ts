/**
 * Universal Analytics (analytics.js) measurement protocol v1: `/collect`, `/j/collect`,
 * `/r/collect` and `/batch` (one hit per body line). Hit types from `t`: pageview, event,
 * transaction (classic ecommerce: ti, tr, cu), item, social, timing, exception, screenview;
 * enhanced ecommerce `pa=purchase` on a pageview/event also yields a transaction.
 * On Google's hosts any such path is UA; on other hosts (first-party proxies) only when the hit
 * says `v=1` and a `UA-` property, so other vendors' `/collect` endpoints are not claimed.
 */
import type { HitBody } from '../../formats/journey';
import type { Decoded, DecodeOptions, RawRequest, RequestDecoder } from '../types';
import { decoded, hit, pageOf, transactionHit } from '../util/decoded';
import { type Fields, urlFields } from '../util/fields';
import { hostIn } from '../util/match';
import { num } from '../util/json';
import { describe, type Dictionary } from '../util/params';
import { bodyLines, decodeGa4Like } from './ga4';

export const UA_ID = 'ua';
const NAME = 'Google Universal Analytics';
const GOOGLE_HOSTS = ['.google-analytics.com', '.analytics.google.com'];
const PATH = /^\/(?:[jr]\/)?collect\/?$|^\/batch\/?$/;

const DICT: Dictionary = {
  v: { label: 'Protocol version', group: 'General' },
  tid: { label: 'Tracking ID', group: 'General' },
  t: { label: 'Hit type', group: 'General' },
  cid: { label: 'Client ID', group: 'Visitor' },
  uid: { label: 'User ID', group: 'Visitor' },
  sc: { label: 'Session control', group: 'Session' },
  dl: { label: 'Page URL', group: 'Page' },
  dh: { label: 'Host name', group: 'Page' },
  dp: { label: 'Page path', group: 'Page' },
  dt: { label: 'Page title', group: 'Page' },
  dr: { label: 'Referrer', group: 'Page' },
  ec: { label: 'Event category', group: 'Event' },
  ea: { label: 'Event action', group: 'Event' },
  el: { label: 'Event label', group: 'Event' },
  ev: { label: 'Event value', group: 'Event' },
  ti: { label: 'Transaction ID', group: 'Ecommerce' },
  ta: { label: 'Affiliation', group: 'Ecommerce' },
  tr: { label: 'Revenue', group: 'Ecommerce' },
  ts: { label: 'Shipping', group: 'Ecommerce' },
  tt: { label: 'Tax', group: 'Ecommerce' },
  cu: { label: 'Currency', group: 'Ecommerce' },
  pa: { label: 'Product action', group: 'Ecommerce' },
  in: { label: 'Item name', group: 'Ecommerce' },
  ip: { label: 'Item price', group: 'Ecommerce' },
  iq: { label: 'Item quantity', group: 'Ecommerce' },
  'cd*': { label: 'Custom dimension', group: 'Custom' },
  'cm*': { label: 'Custom metric', group: 'Custom' },
  'cg*': { label: 'Content group', group: 'Page' },
  'pr*': { label: 'Product', group: 'Ecommerce' },
  ni: { label: 'Non-interaction', group: 'Event' },
};

function isUaHit(f: Fields): boolean {
  return f.get('v') === '1' && /^UA-\d+-\d+$/i.test(f.get('tid') ?? '');
}

function pageUrl(f: Fields, req: RawRequest): string {
  const dl = f.get('dl');
  if (dl) return dl;
  const dh = f.get('dh');
  const dp = f.get('dp');
  if (dh && dp) return `https://${dh}${dp.startsWith('/') ? '' : '/'}${dp}`;
  return pageOf(undefined, req.pageUrl);
}

function uaHits(f: Fields, req: RawRequest): HitBody[] {
  const base = {
    vendor: UA_ID,
    url: pageUrl(f, req),
    clientId: f.first('cid'),
    referrer: f.first('dr'),
    account: f.first('tid'),
  };
  const t = f.get('t') ?? '';
  const hits: HitBody[] = [];
  if (t === 'pageview' || t === 'screenview') hits.push(hit({ ...base, kind: 'pageview' }));
  else if (t === 'event') {
    hits.push(hit({ ...base, kind: 'event', name: [f.get('ec'), f.get('ea')].filter(Boolean).join(' / ') || 'event' }));
  }
  if (t === 'transaction' || f.get('pa') === 'purchase') {
    hits.push(transactionHit(base, { total: num(f.get('tr')) ?? 0, currency: f.first('cu'), orderId: f.first('ti') }));
  }
  return hits;
}

const LABELS: Record<string, string> = {
  pageview: 'Page View',
  event: 'Event',
  transaction: 'Transaction',
  item: 'Item',
  social: 'Social',
  timing: 'Timing',
  exception: 'Exception',
  screenview: 'Screen View',
};

function decodeUa(url: URL, req: RawRequest, options?: DecodeOptions): Decoded {
  const problems: string[] = [];
  const shared = urlFields(url, problems);
  const lines = bodyLines(req.body, problems);
  const all = lines.length === 0 ? [shared] : lines.map((l) => shared.concat(l));
  // A v=2 (GA4) payload sent to a UA path: read it as GA4, still reported by this decoder.
  if (all.some((f) => f.get('v') === '2' || f.has('en'))) {
    return decodeGa4Like(url, req, UA_ID, NAME, 'ga4', (e) => e.replace(/_/g, ' '), options);
  }
  const hits = all.flatMap((f) => uaHits(f, req));
  const params = [...describe(shared, DICT), ...lines.flatMap((l) => describe(l, DICT))];
  const types = all.map((f) => f.get('t')).filter((t): t is string => !!t);
  if (types.length === 0) problems.push('No hit type (t) in this request, so it yields no hit.');
  return decoded(UA_ID, NAME, {
    account: all.map((f) => f.first('tid')).find(Boolean),
    requestType: types.map((t) => LABELS[t] ?? t).join(', ') || undefined,
    hits,
    params,
    problems,
  });
}

export const ua: RequestDecoder = {
  id: UA_ID,
  name: NAME,
  match: (url, req) => {
    if (!PATH.test(url.pathname)) return false;
    if (hostIn(url.hostname, GOOGLE_HOSTS)) return true;
    if (isUaHit(urlFields(url))) return true;
    return bodyLines(req.body, []).some((l) => isUaHit(urlFields(url).concat(l)));
  },
  decode: decodeUa,
};
