/**
 * Outbrain pixel: `tr.outbrain.com/unifiedPixel?marketerId=<ids>&name=<event>&…`. `PAGE_VIEW`
 * is a page view; an event with `orderValue` is a conversion with revenue (a transaction with
 * `orderId`, `currency`); other names are events.
 */
import type { HitBody } from '../../formats/journey';
import type { RequestDecoder } from '../types';
import { decodedFields, hit, pageOf, transactionHit } from '../util/decoded';
import { urlFields } from '../util/fields';
import { num } from '../util/json';
import { hostIn } from '../util/match';
import type { Dictionary } from '../util/params';

const ID = 'outbrain';
const NAME = 'Outbrain';

const DICT: Dictionary = {
  marketerId: { label: 'Marketer ID(s)', group: 'General' },
  name: { label: 'Event name', group: 'Event' },
  dl: { label: 'Page URL', group: 'Page' },
  orderValue: { label: 'Order value', group: 'Ecommerce' },
  orderId: { label: 'Order ID', group: 'Ecommerce' },
  currency: { label: 'Currency', group: 'Ecommerce' },
  obApiVersion: { label: 'API version', group: 'General' },
  obtpVersion: { label: 'Pixel version', group: 'General' },
  optOut: { label: 'Opt-out', group: 'Consent' },
  bust: { label: 'Cache buster', group: 'General' },
};

export const outbrain: RequestDecoder = {
  id: ID,
  name: NAME,
  match: (url) => hostIn(url.hostname, ['tr.outbrain.com']) && /^\/unifiedPixel\/?$/i.test(url.pathname),
  decode: (url, req) => {
    const problems: string[] = [];
    const f = urlFields(url, problems);
    const name = f.first('name');
    const isPage = name === 'PAGE_VIEW';
    const requestType = isPage ? 'Page View' : name;
    const account = f.first('marketerId');
    const base = { vendor: ID, url: pageOf(f.first('dl'), req.pageUrl), account };
    const hits: HitBody[] = [];
    const value = num(f.get('orderValue'));
    if (isPage) hits.push(hit({ ...base, kind: 'pageview' }));
    else if (value !== undefined) {
      hits.push(transactionHit(base, { total: value, currency: f.first('currency'), orderId: f.first('orderId') }));
    } else if (name) hits.push(hit({ ...base, kind: 'event', name }));
    return decodedFields(ID, NAME, f, DICT, { account, requestType, hits, problems });
  },
};
