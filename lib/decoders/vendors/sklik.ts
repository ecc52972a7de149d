/**
 * Seznam Sklik: retargeting `c.seznam.cz/retargeting?id=<id>` (one per page: a page view) and
 * conversions `c.seznam.cz/conv?id=<id>&value=…&orderId=…` (a transaction when it carries a
 * value, else an event). A request without `id` is not a valid hit and is not claimed.
 */
import type { HitBody } from '../../formats/journey';
import type { RequestDecoder } from '../types';
import { decodedFields, hit, pageOf, transactionHit } from '../util/decoded';
import { urlFields } from '../util/fields';
import { num } from '../util/json';
import { hostIn } from '../util/match';
import type { Dictionary } from '../util/params';

const ID = 'sklik';
const NAME = 'Seznam Sklik';
const PATH = /^\/(retargeting|conv)\/?$/;

const DICT: Dictionary = {
  id: { label: 'Retargeting / conversion ID', group: 'General' },
  value: { label: 'Conversion value', group: 'Ecommerce' },
  orderId: { label: 'Order ID', group: 'Ecommerce' },
  url: { label: 'Page URL', group: 'Page' },
  consent: { label: 'Consent', group: 'Consent' },
  conversionHitId: { label: 'Conversion hit ID', group: 'General' },
  ids: { label: 'Identifiers', group: 'Visitor' },
  itemId: { label: 'Item ID', group: 'Ecommerce' },
  category: { label: 'Category', group: 'Page' },
  pageType: { label: 'Page type', group: 'Page' },
};

export const sklik: RequestDecoder = {
  id: ID,
  name: NAME,
  match: (url) => hostIn(url.hostname, ['c.seznam.cz']) && PATH.test(url.pathname) && url.searchParams.has('id'),
  decode: (url, req) => {
    const problems: string[] = [];
    const f = urlFields(url, problems);
    const conv = PATH.exec(url.pathname)?.[1] === 'conv';
    const requestType = conv ? 'Conversion' : 'Retargeting';
    const account = f.first('id');
    const base = { vendor: ID, url: pageOf(f.first('url'), req.pageUrl), account };
    const hits: HitBody[] = [];
    const value = num(f.get('value'));
    if (!conv) hits.push(hit({ ...base, kind: 'pageview' }));
    else if (value !== undefined) {
      hits.push(transactionHit(base, { total: value, orderId: f.first('orderId') }));
    } else hits.push(hit({ ...base, kind: 'event', name: 'conversion' }));
    return decodedFields(ID, NAME, f, DICT, { account, requestType, hits, problems });
  },
};
