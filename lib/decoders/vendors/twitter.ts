/**
 * X (Twitter) conversion pixel: `analytics.twitter.com/i/adsct?txn_id=<pixel id>&events=[["pageview",null]]&…`.
 * `events` is JSON: [[name, data], …]. pageview is a page view, purchase a transaction
 * (`value`, `currency` in the event data; `tw_sale_amount` and `tw_order_id` otherwise).
 */
import type { HitBody } from '../../formats/journey';
import type { RequestDecoder } from '../types';
import { decodedFields, hit, pageOf, transactionHit } from '../util/decoded';
import { urlFields } from '../util/fields';
import { isObject, num, parseJson, str } from '../util/json';
import { hostIn } from '../util/match';
import type { Dictionary } from '../util/params';

const ID = 'twitter';
const NAME = 'X (Twitter) Pixel';

const DICT: Dictionary = {
  txn_id: { label: 'Pixel ID', group: 'General' },
  p_id: { label: 'Pixel type', group: 'General' },
  p_user_id: { label: 'User ID', group: 'Visitor' },
  events: { label: 'Events', group: 'Event' },
  tw_sale_amount: { label: 'Sale amount', group: 'Ecommerce' },
  tw_order_quantity: { label: 'Order quantity', group: 'Ecommerce' },
  tw_order_id: { label: 'Order ID', group: 'Ecommerce' },
  tw_document_href: { label: 'Page URL', group: 'Page' },
  tw_iframe_status: { label: 'In iframe', group: 'General' },
  tpx_cb: { label: 'Callback', group: 'General' },
};

export const twitter: RequestDecoder = {
  id: ID,
  name: NAME,
  match: (url) => hostIn(url.hostname, ['analytics.twitter.com']) && /^(?:\/1)?\/i\/adsct\/?$/.test(url.pathname),
  decode: (url, req) => {
    const problems: string[] = [];
    const f = urlFields(url, problems);
    const raw = f.get('events');
    const list = raw ? parseJson(raw, problems, '"events" parameter') : undefined;
    const events = Array.isArray(list) ? list.filter(Array.isArray) : [];
    const names = events.map((e) => str(e[0])).filter((n): n is string => !!n);
    const requestType = names.map((n) => (n === 'pageview' ? 'Page View' : n)).join(', ') || undefined;
    const account = f.first('txn_id');
    const base = { vendor: ID, url: pageOf(f.first('tw_document_href'), req.pageUrl), account };
    const hits: HitBody[] = events.flatMap((e): HitBody[] => {
      const name = str(e[0]);
      const data = isObject(e[1]) ? e[1] : {};
      if (!name) return [];
      if (name === 'pageview') return [hit({ ...base, kind: 'pageview' })];
      if (name === 'purchase') {
        return [
          transactionHit(base, {
            total: num(data.value) ?? num(f.get('tw_sale_amount')) ?? 0,
            currency: str(data.currency),
            orderId: str(data.order_id) ?? f.first('tw_order_id'),
          }),
        ];
      }
      return [hit({ ...base, kind: 'event', name })];
    });
    return decodedFields(ID, NAME, f, DICT, { account, requestType, hits, problems });
  },
};
