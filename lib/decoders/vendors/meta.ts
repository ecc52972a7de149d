/**
 * Meta (Facebook) pixel: `facebook.com/tr` image/beacon requests (query or form body): `id`
 * pixel id, `ev` event, `dl`/`rl` page and referrer, `cd[…]` custom data (value, currency,
 * contents as JSON), `fbp` browser id (_fbp cookie), `eid` event id (Meta's dedup key).
 * `ev=Microdata` is the pixel's page-metadata ping, not an event, and is not claimed.
 */
import type { HitBody } from '../../formats/journey';
import type { DecodedParam, RequestDecoder } from '../types';
import { decoded, hit, pageOf, transactionHit } from '../util/decoded';
import { looksLikeForm, parseQuery, urlFields, type Pair } from '../util/fields';
import { hostIn } from '../util/match';
import { flatten, num } from '../util/json';
import { describe, type Dictionary } from '../util/params';

const ID = 'meta';
const NAME = 'Meta Pixel';

const DICT: Dictionary = {
  id: { label: 'Pixel ID', group: 'General' },
  ev: { label: 'Event', group: 'Event' },
  eid: { label: 'Event ID', group: 'Event' },
  dl: { label: 'Page URL', group: 'Page' },
  rl: { label: 'Referrer', group: 'Page' },
  fbp: { label: 'Browser ID (_fbp)', group: 'Visitor' },
  fbc: { label: 'Click ID (_fbc)', group: 'Visitor' },
  'cd[*': { label: 'Custom data [', group: 'Custom data' },
  'ud[*': { label: 'User data [', group: 'User data' },
  v: { label: 'Pixel version', group: 'General' },
  ts: { label: 'Timestamp', group: 'General' },
};

const LABELS: Record<string, string> = { PageView: 'Page View' };

/** cd[contents]=[{…}] → cd[contents][0][id]=…; values that are not JSON stay as sent. */
function expandJson(pairs: readonly Pair[]): Pair[] {
  const out: Pair[] = [];
  for (const [k, v] of pairs) {
    const t = v.trim();
    if (/^cd\[/.test(k) && (t.startsWith('[') || t.startsWith('{'))) {
      try {
        const parsed: unknown = JSON.parse(t);
        for (const [path, value] of flatten(parsed)) {
          if (path === '') continue;
          out.push([
            `${k}${path
              .split('.')
              .map((p) => `[${p}]`)
              .join('')}`,
            value,
          ]);
        }
        continue;
      } catch {
        // not JSON after all: keep it raw
      }
    }
    out.push([k, v]);
  }
  return out;
}

export const meta: RequestDecoder = {
  id: ID,
  name: NAME,
  match: (url) => hostIn(url.hostname, ['.facebook.com']) && /^\/tr\/?$/.test(url.pathname) && url.searchParams.get('ev') !== 'Microdata',
  decode: (url, req) => {
    const problems: string[] = [];
    let f = urlFields(url, problems);
    if (req.body && looksLikeForm(req.body)) f = f.concat(parseQuery(req.body, problems));
    const ev = f.get('ev') ?? '';
    const account = f.get('id');
    const base = { vendor: ID, url: pageOf(f.get('dl'), req.pageUrl), referrer: f.get('rl'), clientId: f.get('fbp'), account };
    const hits: HitBody[] = [];
    if (ev === 'PageView') hits.push(hit({ ...base, kind: 'pageview' }));
    else if (ev) hits.push(hit({ ...base, kind: 'event', name: ev }));
    if (ev === 'Purchase') {
      hits.push(
        transactionHit(base, {
          total: num(f.get('cd[value]')) ?? 0,
          currency: f.get('cd[currency]'),
          orderId: f.get('cd[order_id]') || f.get('eid'),
        }),
      );
    }
    if (!ev) problems.push('No event (ev) in this request, so it yields no hit.');
    const params: DecodedParam[] = describe(expandJson(f.pairs), DICT);
    return decoded(ID, NAME, { account, requestType: LABELS[ev] ?? (ev || undefined), hits, params, problems });
  },
};
