/**
 * Matomo (formerly Piwik) HTTP tracking API: `…/matomo.php` or `…/piwik.php` on any host,
 * query or form body, or a bulk POST `{ "requests": ["?idsite=1&…", …] }`. Hosts of Piwik PRO
 * (a different product with its own decoder) are not claimed.
 * Visitor: `cid` (forced) else `_id`; the protocol carries no session id. Request types follow
 * the tracking API: idgoal=0 with ec_id is an order (revenue, ec_id) and idgoal=0 without it a
 * cart update, idgoal>0 a goal, e_c/e_a an event, download/link outlinks, search, c_n/c_i
 * content tracking, ping=1 a heartbeat (no hit); otherwise a page view.
 */
import type { HitBody } from '../../formats/journey';
import type { DecodedParam, RawRequest, RequestDecoder } from '../types';
import { decoded, hit, pageOf, transactionHit } from '../util/decoded';
import { type Fields, looksLikeForm, parseQuery, urlFields } from '../util/fields';
import { hostIn } from '../util/match';
import { isObject, num, parseJson, pick, str } from '../util/json';
import { describe, param, requestTypeParam, type Dictionary } from '../util/params';

const ID = 'matomo';
const NAME = 'Matomo';
const PATH = /\/(matomo|piwik)\.php$/i;
const NOT_MATOMO = ['.piwik.pro', '.piwik.cloud', '.piwikpro.com'];

const DICT: Dictionary = {
  idsite: { label: 'Site ID', group: 'General' },
  rec: { label: 'Record', group: 'General' },
  url: { label: 'Page URL', group: 'Page' },
  urlref: { label: 'Referrer', group: 'Page' },
  action_name: { label: 'Page title', group: 'Page' },
  _id: { label: 'Visitor ID', group: 'Visitor' },
  cid: { label: 'Forced visitor ID', group: 'Visitor' },
  uid: { label: 'User ID', group: 'Visitor' },
  _idvc: { label: 'Visit count', group: 'Visitor' },
  _idts: { label: 'First visit time', group: 'Visitor' },
  _viewts: { label: 'Previous visit time', group: 'Visitor' },
  new_visit: { label: 'Force new visit', group: 'Visitor' },
  idgoal: { label: 'Goal ID', group: 'Goal' },
  revenue: { label: 'Revenue', group: 'Goal' },
  ec_id: { label: 'Order ID', group: 'Ecommerce' },
  ec_st: { label: 'Subtotal', group: 'Ecommerce' },
  ec_tx: { label: 'Tax', group: 'Ecommerce' },
  ec_sh: { label: 'Shipping', group: 'Ecommerce' },
  ec_dt: { label: 'Discount', group: 'Ecommerce' },
  ec_items: { label: 'Items', group: 'Ecommerce' },
  e_c: { label: 'Event category', group: 'Event' },
  e_a: { label: 'Event action', group: 'Event' },
  e_n: { label: 'Event name', group: 'Event' },
  e_v: { label: 'Event value', group: 'Event' },
  search: { label: 'Search keyword', group: 'Search' },
  search_cat: { label: 'Search category', group: 'Search' },
  search_count: { label: 'Search results', group: 'Search' },
  download: { label: 'Download URL', group: 'Link' },
  link: { label: 'Outlink URL', group: 'Link' },
  c_n: { label: 'Content name', group: 'Content' },
  c_p: { label: 'Content piece', group: 'Content' },
  c_t: { label: 'Content target', group: 'Content' },
  c_i: { label: 'Content interaction', group: 'Content' },
  'dimension*': { label: 'Custom dimension', group: 'Custom' },
  pv_id: { label: 'Page view ID', group: 'Page' },
};

export function requestType(f: Fields): string {
  const goal = f.get('idgoal');
  if (goal === '0') return 'Ecommerce';
  if (goal !== undefined && goal !== '') return 'Goal';
  if (f.get('ping') === '1') return 'Ping';
  if (f.has('e_c') || f.has('e_a')) return 'Custom Event';
  if (f.has('download')) return 'Download Click';
  if (f.has('link') || f.has('exit')) return 'Exit Click';
  if (f.has('search')) return 'Site Search';
  if (f.has('c_i')) return 'Content Interaction';
  if (f.has('c_n')) return 'Content Impression';
  return 'Page View';
}

function hitsOf(f: Fields, req: RawRequest, account: string): HitBody[] {
  const type = requestType(f);
  const base = { vendor: ID, url: pageOf(f.get('url'), req.pageUrl), referrer: f.get('urlref'), clientId: f.first('cid', '_id'), account };
  switch (type) {
    case 'Page View':
      return [hit({ ...base, kind: 'pageview' })];
    case 'Ping':
      return [];
    case 'Ecommerce': {
      const orderId = f.get('ec_id');
      if (!orderId) return [hit({ ...base, kind: 'event', name: 'ecommerce cart update' })];
      return [transactionHit(base, { total: num(f.get('revenue')) ?? 0, orderId })];
    }
    case 'Goal':
      return [hit({ ...base, kind: 'event', name: `goal ${f.get('idgoal')}` })];
    case 'Custom Event':
      return [hit({ ...base, kind: 'event', name: [f.get('e_c'), f.get('e_a')].filter(Boolean).join(' / ') })];
    default:
      return [hit({ ...base, kind: 'event', name: type })];
  }
}

/** ec_items=[[sku,name,category|[categories],price,qty],…] → ec_item1s/n/c/p/q (Omnibug's keys). */
function itemParams(f: Fields, problems: string[]): DecodedParam[] {
  const raw = f.get('ec_items');
  if (!raw) return [];
  const items = parseJson(raw, problems, 'ec_items field');
  if (!Array.isArray(items)) return [];
  const out: DecodedParam[] = [];
  items.forEach((item, i) => {
    if (!Array.isArray(item)) return;
    const [sku, name, category, price, qty] = item as unknown[];
    const cat = Array.isArray(category) ? category.map((c) => str(c) ?? '').join(', ') : str(category);
    const n = i + 1;
    const add = (suffix: string, label: string, v: string | undefined) => {
      if (v !== undefined) out.push(param(`ec_item${n}${suffix}`, `Item ${n} ${label}`, v, 'Ecommerce'));
    };
    add('s', 'SKU', str(sku));
    add('n', 'name', str(name));
    add('c', 'category', cat);
    add('p', 'price', str(price));
    add('q', 'quantity', str(qty));
  });
  return out;
}

/** _cvar={"1":["name","value"]} → _cvar1n / _cvar1v. */
function cvarParams(f: Fields, problems: string[]): DecodedParam[] {
  const out: DecodedParam[] = [];
  for (const key of ['_cvar', 'cvar']) {
    const raw = f.get(key);
    if (!raw) continue;
    const json = parseJson(raw, problems, `${key} field`);
    if (!isObject(json)) continue;
    for (const [slot, pair] of Object.entries(json)) {
      if (!Array.isArray(pair)) continue;
      out.push(param(`${key}${slot}n`, `Custom variable ${slot} name`, str(pair[0]) ?? '', 'Custom'));
      out.push(param(`${key}${slot}v`, `Custom variable ${slot} value`, str(pair[1]) ?? '', 'Custom'));
    }
  }
  return out;
}

export const matomo: RequestDecoder = {
  id: ID,
  name: NAME,
  match: (url) => PATH.test(url.pathname) && !hostIn(url.hostname, NOT_MATOMO),
  decode: (url, req) => {
    const problems: string[] = [];
    const q = urlFields(url, problems);
    const account = url.hostname;
    let requests: Fields[] = [q];
    const body = req.body ?? '';
    if (body.trim().startsWith('{')) {
      const list = pick(parseJson(body, problems), 'requests');
      if (Array.isArray(list)) requests = list.map((r) => q.concat(parseQuery(str(r) ?? '', problems)));
    } else if (looksLikeForm(body)) requests = [q.concat(parseQuery(body, problems))];
    const hits = requests.flatMap((f) => hitsOf(f, req, account));
    const first = requests[0] ?? q;
    const params = [
      param('trackingServer', 'Tracking server', url.hostname, 'General'),
      requestTypeParam(requests.map(requestType).join(', ')),
      ...requests.flatMap((f) => [...describe(f, DICT), ...itemParams(f, problems), ...cvarParams(f, problems)]),
    ];
    return decoded(ID, NAME, { account, requestType: requests.map(requestType).join(', '), hits, params: first ? params : [], problems });
  },
};
