/**
 * Adobe Analytics (AppMeasurement) image requests: `/b/ss/<rsid>[,<rsid>…]/<version>/<code>/<rand>`
 * on any host (2o7.net, omtrdc.net, first-party CNAMEs such as smetrics.example.com), query or
 * POST body. Context data is nested with "name." … ".name" markers (c.=&a.=&page=x&.a=&.c=
 * means c.a.page=x). Visitor id priority as Adobe documents it: vid, aid (legacy s_vi), mid
 * (Experience Cloud ID), fid. `pe` lnk_o/lnk_d/lnk_e are link calls named by `pev2`; media
 * tracking uses pe values starting m_ or ms_. `events` with `purchase` plus `products` and `purchaseID` is an
 * order: the total is the sum of the products' price fields (Adobe's revenue definition).
 */
import type { HitBody } from '../../formats/journey';
import type { DecodedParam, RequestDecoder } from '../types';
import { decoded, hit, pageOf, transactionHit } from '../util/decoded';
import { Fields, looksLikeForm, parseQuery, urlFields, type Pair } from '../util/fields';
import { num } from '../util/json';
import { describe, param, requestTypeParam, type Dictionary } from '../util/params';

export const ADOBE_ID = 'adobe';
const NAME = 'Adobe Analytics';
const PATH = /^\/b\/ss\/([^/]*)(?:\/|$)/;

const DICT: Dictionary = {
  pageName: { label: 'Page name', group: 'Page' },
  g: { label: 'Page URL', group: 'Page' },
  r: { label: 'Referrer', group: 'Page' },
  ch: { label: 'Site section', group: 'Page' },
  server: { label: 'Server', group: 'Page' },
  pageType: { label: 'Page type', group: 'Page' },
  mid: { label: 'Experience Cloud ID', group: 'Visitor' },
  aid: { label: 'Analytics visitor ID (s_vi)', group: 'Visitor' },
  vid: { label: 'Custom visitor ID', group: 'Visitor' },
  fid: { label: 'Fallback visitor ID', group: 'Visitor' },
  events: { label: 'Events', group: 'Ecommerce' },
  products: { label: 'Products', group: 'Ecommerce' },
  purchaseID: { label: 'Purchase ID', group: 'Ecommerce' },
  cc: { label: 'Currency', group: 'Ecommerce' },
  pe: { label: 'Link type', group: 'Link' },
  pev1: { label: 'Link URL', group: 'Link' },
  pev2: { label: 'Link name', group: 'Link' },
  'v*': { label: 'eVar', group: 'Variables' },
  'c*': { label: 'prop', group: 'Variables' },
  'h*': { label: 'Hierarchy', group: 'Variables' },
  'l*': { label: 'List', group: 'Variables' },
  ns: { label: 'Namespace', group: 'General' },
  ce: { label: 'Character set', group: 'General' },
  t: { label: 'Browser time', group: 'General' },
};

/** Folds "c.=&a.=&k=v&.a=&.c=" markers into "c.a.k" keys; unbalanced markers are noted. */
export function foldContextData(pairs: readonly Pair[], problems: string[]): Pair[] {
  const out: Pair[] = [];
  const stack: string[] = [];
  for (const [k, v] of pairs) {
    if (k.endsWith('.') && k.length > 1 && v === '') {
      stack.push(k.slice(0, -1));
      continue;
    }
    if (k.startsWith('.') && k.length > 1 && v === '') {
      if (stack[stack.length - 1] === k.slice(1)) stack.pop();
      else problems.push(`Context data closes "${k.slice(1)}" that was not open.`);
      continue;
    }
    out.push([stack.length > 0 ? `${stack.join('.')}.${k}` : k, v]);
  }
  if (stack.length > 0) problems.push(`Context data "${stack.join('.')}" is never closed.`);
  return out;
}

const LINK_TYPES: Record<string, string> = { lnk_o: 'Other Click', lnk_d: 'Download Click', lnk_e: 'Exit Click' };

export function requestTypeOf(pe: string | undefined): string {
  if (!pe) return 'Page View';
  if (LINK_TYPES[pe]) return LINK_TYPES[pe];
  if (/^(m|ms)_/.test(pe)) return 'Media';
  return pe;
}

/** Sum of the price field of each ";category;product;quantity;price;…" entry. */
export function productsTotal(products: string | undefined): number | undefined {
  if (!products) return undefined;
  let total = 0;
  let any = false;
  for (const entry of products.split(',')) {
    const price = num(entry.split(';')[3]);
    if (price !== undefined) {
      total += price;
      any = true;
    }
  }
  return any ? Math.round(total * 100) / 100 : undefined;
}

function eventNames(events: string | undefined): string[] {
  if (!events) return [];
  return events
    .split(',')
    .map((e) => e.split(/[=:]/)[0]?.trim() ?? '')
    .filter((e) => e !== '');
}

export const adobeAnalytics: RequestDecoder = {
  id: ADOBE_ID,
  name: NAME,
  match: (url) => PATH.test(url.pathname),
  decode: (url, req) => {
    const problems: string[] = [];
    let raw = urlFields(url, problems);
    if (req.body && looksLikeForm(req.body)) raw = raw.concat(parseQuery(req.body, problems));
    const f = new Fields(foldContextData(raw.pairs, problems));
    const rsid = PATH.exec(url.pathname)?.[1] || undefined;
    const pe = f.get('pe');
    const requestType = requestTypeOf(pe);
    const base = {
      vendor: ADOBE_ID,
      url: pageOf(f.get('g'), req.pageUrl),
      clientId: f.first('vid', 'aid', 'mid', 'fid'),
      referrer: f.get('r'),
      account: rsid,
    };
    const hits: HitBody[] = [];
    if (!pe) hits.push(hit({ ...base, kind: 'pageview' }));
    else if (!/^(m|ms)_/.test(pe)) hits.push(hit({ ...base, kind: 'event', name: f.get('pev2') || requestType }));
    const events = eventNames(f.get('events'));
    for (const e of events) hits.push(hit({ ...base, kind: 'event', name: e }));
    if (events.includes('purchase')) {
      hits.push(
        transactionHit(base, {
          total: productsTotal(f.get('products')) ?? 0,
          currency: f.get('cc'),
          orderId: f.get('purchaseID'),
        }),
      );
    }
    const params: DecodedParam[] = [];
    if (rsid) params.push(param('rsid', 'Report suite', rsid, 'General'));
    params.push(requestTypeParam(requestType));
    params.push(...describe(f, DICT));
    if (!rsid) problems.push('The path names no report suite (/b/ss/<rsid>/…).');
    return decoded(ADOBE_ID, NAME, { account: rsid, requestType, hits, params, problems });
  },
};
