/**
 * Pinterest tag: `ct.pinterest.com/v3/?tid=<tag id>&event=<name>&ed=<event data JSON>&pd=<hashed
 * user data JSON>&ad=<page data JSON>`. The JSON fields are shown flattened ("ed.value",
 * "ed.line_items.0.product_id"). `pagevisit` is a page view, `checkout` a transaction
 * (`value`, `currency`, `order_id`), `init` the tag's load call (no hit), others events.
 */
import type { HitBody } from '../../formats/journey';
import type { DecodedParam, RequestDecoder } from '../types';
import { decodedFields, hit, pageOf, transactionHit } from '../util/decoded';
import { urlFields } from '../util/fields';
import { flatten, isObject, num, parseJson, str, type JsonObject } from '../util/json';
import { hostIn } from '../util/match';
import { describe, type Dictionary } from '../util/params';

const ID = 'pinterest';
const NAME = 'Pinterest Tag';
const JSON_FIELDS = ['ed', 'pd', 'ad'];
const EVENTS: Record<string, string> = {
  init: 'Init',
  pagevisit: 'Page View',
  checkout: 'Checkout',
  addtocart: 'Add to Cart',
  signup: 'Signup',
  lead: 'Lead',
  search: 'Search',
  viewcategory: 'View Category',
  watchvideo: 'Watch Video',
  custom: 'Custom',
};

const DICT: Dictionary = {
  tid: { label: 'Tag ID', group: 'General' },
  event: { label: 'Event', group: 'Event' },
  ed: { label: 'Event data', group: 'Event' },
  pd: { label: 'Hashed user data', group: 'Visitor' },
  ad: { label: 'Page data', group: 'Page' },
  cb: { label: 'Cache buster', group: 'General' },
  'ed.*': { label: 'Event data', group: 'Event' },
  'pd.*': { label: 'User data', group: 'Visitor' },
  'ad.*': { label: 'Page data', group: 'Page' },
};

export const pinterest: RequestDecoder = {
  id: ID,
  name: NAME,
  match: (url) => hostIn(url.hostname, ['ct.pinterest.com']) && /^\/v3\/?$/.test(url.pathname),
  decode: (url, req) => {
    const problems: string[] = [];
    const f = urlFields(url, problems);
    const parsed: Record<string, JsonObject> = {};
    const nested: DecodedParam[] = [];
    for (const key of JSON_FIELDS) {
      const text = f.get(key);
      if (!text) continue;
      const value = parseJson(text, problems, `"${key}" parameter`);
      if (!isObject(value)) continue;
      parsed[key] = value;
      nested.push(...describe(flatten(value, key), DICT));
    }
    const event = f.first('event');
    const requestType = event ? (EVENTS[event.toLowerCase()] ?? event) : undefined;
    const account = f.first('tid');
    const ed = parsed.ed ?? {};
    const base = { vendor: ID, url: pageOf(str(parsed.ad?.loc), req.pageUrl), account };
    const hits: HitBody[] = [];
    const lower = event?.toLowerCase();
    if (lower === 'pagevisit') hits.push(hit({ ...base, kind: 'pageview', referrer: str(parsed.ad?.ref) }));
    else if (lower === 'checkout') {
      hits.push(
        transactionHit(base, {
          total: num(ed.value) ?? 0,
          currency: str(ed.currency),
          orderId: str(ed.order_id) ?? str(ed.transaction_id),
        }),
      );
    } else if (event && lower !== 'init') hits.push(hit({ ...base, kind: 'event', name: str(ed.event_name) ?? event }));
    return decodedFields(ID, NAME, f, DICT, { account, requestType, hits, problems }, nested);
  },
};
