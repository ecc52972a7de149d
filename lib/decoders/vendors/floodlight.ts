/**
 * Campaign Manager / DoubleClick Floodlight activities: `<src>.fls.doubleclick.net/activityi;src=…;type=…;cat=…;…`
 * (also `activity;` and `activityj;`). Parameters are `;`-separated in the path. The activity
 * is `DC-<src>/<type>/<cat>`. The counting method is inferred from the tag's shape, as
 * Floodlight's tag generator writes it: `cost`/`qty` = sales (transactions / items sold),
 * `ord=1` = unique, another `ord` = standard, no `ord` = per session.
 * Sales activities yield a transaction (cost = revenue, ord = order id); counters an event.
 */
import type { HitBody } from '../../formats/journey';
import type { RequestDecoder } from '../types';
import { decoded, hit, pageOf, transactionHit } from '../util/decoded';
import { Fields, type Pair } from '../util/fields';
import { num } from '../util/json';
import { hostIn } from '../util/match';
import { safeDecode } from '../util/percent';
import { describe, param, type Dictionary } from '../util/params';

const ID = 'floodlight';
const NAME = 'Google Campaign Manager Floodlight';
const PATH = /^\/activity[ij]?;/;

const DICT: Dictionary = {
  src: { label: 'Advertiser ID', group: 'General' },
  type: { label: 'Activity group', group: 'General' },
  cat: { label: 'Activity tag', group: 'General' },
  ord: { label: 'Order ID / cache buster', group: 'Ecommerce' },
  qty: { label: 'Quantity', group: 'Ecommerce' },
  cost: { label: 'Revenue', group: 'Ecommerce' },
  num: { label: 'Unique-count random number', group: 'General' },
  gtm: { label: 'Google tag version', group: 'General' },
  auiddc: { label: 'Click ID cookie (_gcl_au)', group: 'Visitor' },
  '~oref': { label: 'Page URL', group: 'Page' },
  'u*': { label: 'Custom variable u', group: 'Custom' },
  dc_lat: { label: 'Limit ad tracking', group: 'Consent' },
  npa: { label: 'Non-personalised ads', group: 'Consent' },
  gcs: { label: 'Consent state (gcs)', group: 'Consent' },
};

function pathFields(url: URL, problems: string[]): Fields {
  const pairs: Pair[] = [];
  for (const part of url.pathname.split(';').slice(1)) {
    if (part === '') continue;
    const eq = part.indexOf('=');
    const key = eq < 0 ? part : part.slice(0, eq);
    pairs.push([safeDecode(key, problems, false), safeDecode(eq < 0 ? '' : part.slice(eq + 1), problems, false)]);
  }
  return new Fields(pairs);
}

function countingMethod(f: Fields): string {
  if (f.has('cost') || f.has('qty')) return 'transactions / items_sold';
  const ord = f.get('ord');
  if (ord === undefined) return 'per_session';
  return ord === '1' ? 'unique' : 'standard';
}

export const floodlight: RequestDecoder = {
  id: ID,
  name: NAME,
  match: (url) => hostIn(url.hostname, ['.fls.doubleclick.net']) && PATH.test(url.pathname),
  decode: (url, req) => {
    const problems: string[] = [];
    const f = pathFields(url, problems);
    const src = f.first('src');
    const account = src ? `DC-${src}/${f.get('type') ?? ''}/${f.get('cat') ?? ''}` : undefined;
    if (!src) problems.push('No advertiser ID (src) in this Floodlight request.');
    const method = countingMethod(f);
    const base = { vendor: ID, url: pageOf(f.first('~oref'), req.pageUrl), account };
    const hits: HitBody[] = [];
    if (method === 'transactions / items_sold') {
      hits.push(transactionHit(base, { total: num(f.get('cost')) ?? 0, orderId: f.first('ord') }));
    } else hits.push(hit({ ...base, kind: 'event', name: f.first('cat') ?? 'floodlight' }));
    return decoded(ID, NAME, {
      account,
      requestType: f.first('cat'),
      hits,
      params: [
        ...(account ? [param('account', 'Floodlight activity', account, 'General')] : []),
        param('countingMethod', 'Counting method (inferred)', method, 'General'),
        ...describe(f, DICT),
      ],
      problems,
    });
  },
};
