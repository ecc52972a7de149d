/**
 * Reddit pixel: `alb.reddit.com/rp.gif?id=<pixel id>&event=<name>&m.*=<metadata>`. PageVisit is
 * a page view, Purchase a transaction (`m.valueDecimal`, `m.currency`, `m.transactionId`),
 * other events (AddToCart, Lead, SignUp, Custom…) events. `uuid` is the visitor cookie.
 */
import type { HitBody } from '../../formats/journey';
import type { RequestDecoder } from '../types';
import { decodedFields, hit, pageOf, transactionHit } from '../util/decoded';
import { urlFields } from '../util/fields';
import { num } from '../util/json';
import { hostIn } from '../util/match';
import type { Dictionary } from '../util/params';

const ID = 'reddit';
const NAME = 'Reddit Pixel';

const DICT: Dictionary = {
  id: { label: 'Pixel ID', group: 'General' },
  event: { label: 'Event', group: 'Event' },
  uuid: { label: 'Visitor ID', group: 'Visitor' },
  'm.customEventName': { label: 'Custom event name', group: 'Event' },
  'm.itemCount': { label: 'Item count', group: 'Ecommerce' },
  'm.value': { label: 'Value', group: 'Ecommerce' },
  'm.valueDecimal': { label: 'Value', group: 'Ecommerce' },
  'm.currency': { label: 'Currency', group: 'Ecommerce' },
  'm.transactionId': { label: 'Transaction ID', group: 'Ecommerce' },
  'm.conversionId': { label: 'Conversion ID (dedup)', group: 'Event' },
  'm.*': { label: 'Metadata', group: 'Event' },
  em: { label: 'Hashed email', group: 'Visitor' },
  external_id: { label: 'External ID', group: 'Visitor' },
  opt_out: { label: 'Opt-out', group: 'Consent' },
  ts: { label: 'Timestamp', group: 'General' },
  v: { label: 'Pixel version', group: 'General' },
};

export const reddit: RequestDecoder = {
  id: ID,
  name: NAME,
  match: (url) => hostIn(url.hostname, ['alb.reddit.com']) && /^\/rp\.gif$/.test(url.pathname),
  decode: (url, req) => {
    const problems: string[] = [];
    const f = urlFields(url, problems);
    const event = f.first('event');
    const custom = f.first('m.customEventName');
    const requestType = event === 'Custom' && custom ? custom : event;
    const account = f.first('id');
    const base = { vendor: ID, url: pageOf(undefined, req.pageUrl), clientId: f.first('uuid'), account };
    const hits: HitBody[] = [];
    if (event === 'PageVisit') hits.push(hit({ ...base, kind: 'pageview' }));
    else if (event === 'Purchase') {
      hits.push(
        transactionHit(base, {
          total: num(f.get('m.valueDecimal')) ?? num(f.get('m.value')) ?? 0,
          currency: f.first('m.currency'),
          orderId: f.first('m.transactionId'),
        }),
      );
    } else if (requestType) hits.push(hit({ ...base, kind: 'event', name: requestType }));
    return decodedFields(ID, NAME, f, DICT, { account, requestType, hits, problems });
  },
};
