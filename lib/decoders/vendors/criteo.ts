/**
 * Criteo OneTag events: `*.criteo.com/event?a=<account>&p0=e%3Dvh&p1=…`. Each `pN` is a small
 * query string of one tag event (`e` = event code). The page-type event names the request:
 * vh home, vl listing, vp product, vb basket, vc purchase (transaction: `id`, currency `c`,
 * items `p=[i=..&pr=..&q=..,…]` whose price × quantity sum is the total).
 */
import type { HitBody } from '../../formats/journey';
import type { DecodedParam, RequestDecoder } from '../types';
import { decodedFields, hit, pageOf, transactionHit } from '../util/decoded';
import { parseQuery, urlFields, type Fields } from '../util/fields';
import { num } from '../util/json';
import { hostIn } from '../util/match';
import { param, type Dictionary } from '../util/params';

const ID = 'criteo';
const NAME = 'Criteo OneTag';

const PAGE_EVENTS: Record<string, string> = {
  vh: 'Homepage',
  vl: 'Listing',
  vp: 'Product',
  vb: 'Basket',
  vc: 'Purchase',
};
const EVENT_LABELS: Record<string, string> = {
  ...PAGE_EVENTS,
  exd: 'Extra data',
  ce: 'Hashed email',
  dis: 'Display',
  sc: 'Site type',
  vs: 'Search',
};

const DICT: Dictionary = {
  a: { label: 'Account', group: 'General' },
  v: { label: 'Tag version', group: 'General' },
  'p*': { label: 'Event', group: 'Event' },
  tld: { label: 'Site domain', group: 'Page' },
  adce: { label: 'Ad cookies enabled', group: 'Consent' },
};

/** "[i=A1&pr=4.5&q=2,i=B&pr=1&q=1]" → total of price × quantity; undefined if unreadable. */
function basketTotal(items: string | undefined, problems: string[]): number | undefined {
  if (!items) return undefined;
  const inner = items.replace(/^\[|\]$/g, '');
  let total = 0;
  for (const part of inner.split(',')) {
    if (part === '') continue;
    const item = parseQuery(part, problems);
    const price = num(item.get('pr'));
    if (price === undefined) return undefined;
    total += price * (num(item.get('q')) ?? 1);
  }
  return Math.round(total * 100) / 100;
}

export const criteo: RequestDecoder = {
  id: ID,
  name: NAME,
  match: (url) => hostIn(url.hostname, ['.criteo.com']) && /^\/event\/?$/.test(url.pathname),
  decode: (url, req) => {
    const problems: string[] = [];
    const f = urlFields(url, problems);
    const events: Fields[] = f.pairs.filter(([k]) => /^p\d+$/.test(k)).map(([, v]) => parseQuery(v, problems));
    const main = events.find((e) => PAGE_EVENTS[e.get('e') ?? ''] !== undefined);
    const code = main?.get('e');
    const requestType = code ? PAGE_EVENTS[code] : events[0]?.get('e');
    const account = f.first('a');
    const base = { vendor: ID, url: pageOf(undefined, req.pageUrl), account };
    const hits: HitBody[] = [];
    if (main && code === 'vc') {
      const total = basketTotal(main.get('p'), problems);
      if (total === undefined) problems.push('The purchase items (p) have no readable prices, so the total is 0.');
      hits.push(transactionHit(base, { total: total ?? 0, currency: main.first('c'), orderId: main.first('id') }));
    } else if (main && code) hits.push(hit({ ...base, kind: 'event', name: PAGE_EVENTS[code] }));
    const eventParams: DecodedParam[] = events.flatMap((e, i) =>
      e.pairs.map(([k, v]) =>
        param(`p${i}.${k}`, `Event ${i} ${k === 'e' ? 'type' : k}`, k === 'e' ? `${v} (${EVENT_LABELS[v] ?? v})` : v, 'Event'),
      ),
    );
    return decodedFields(ID, NAME, f, DICT, { account, requestType, hits, problems }, eventParams);
  },
};
