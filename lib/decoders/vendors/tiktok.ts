/**
 * TikTok pixel: `analytics.tiktok.com/api/v<n>/(track|pixel)[/…]`, JSON body `{ event,
 * context: { pixel: { code }, page: { url, referrer }, user: { anonymous_id } }, properties }`
 * (a `batch` array when batched). Page URLs in the context are percent-encoded by the pixel.
 * CompletePayment / PlaceAnOrder / Purchase with properties.value are orders.
 */
import type { HitBody } from '../../formats/journey';
import type { RawRequest, RequestDecoder } from '../types';
import { decoded, hit, pageOf, transactionHit } from '../util/decoded';
import { flatten, isObject, num, parseJson, pick, str } from '../util/json';
import { safeDecode } from '../util/percent';
import { describe } from '../util/params';

const ID = 'tiktok';
const NAME = 'TikTok Pixel';
const ORDER_EVENTS = new Set(['CompletePayment', 'PlaceAnOrder', 'Purchase']);

function hitsOf(e: unknown, req: RawRequest, problems: string[]): HitBody[] {
  const event = str(pick(e, 'event')) ?? '';
  const rawUrl = str(pick(e, 'context.page.url'));
  const base = {
    vendor: ID,
    url: pageOf(rawUrl ? safeDecode(rawUrl, problems, false) : undefined, req.pageUrl),
    referrer: str(pick(e, 'context.page.referrer')) ? safeDecode(str(pick(e, 'context.page.referrer')) ?? '', problems, false) : undefined,
    clientId: str(pick(e, 'context.user.anonymous_id')) || str(pick(e, 'context.user.device_id')) || undefined,
    account: str(pick(e, 'context.pixel.code')),
  };
  if (!event) return [];
  const hits: HitBody[] = [
    hit({ ...base, kind: event === 'Pageview' ? 'pageview' : 'event', name: event === 'Pageview' ? undefined : event }),
  ];
  if (ORDER_EVENTS.has(event) && num(pick(e, 'properties.value')) !== undefined) {
    hits.push(
      transactionHit(base, {
        total: num(pick(e, 'properties.value')) ?? 0,
        currency: str(pick(e, 'properties.currency')),
        orderId: str(pick(e, 'properties.order_id')) ?? str(pick(e, 'event_id')),
      }),
    );
  }
  return hits;
}

export const tiktok: RequestDecoder = {
  id: ID,
  name: NAME,
  match: (url) => url.hostname === 'analytics.tiktok.com' && /^\/api\/v\d+\/(track|pixel)(\/|$)/.test(url.pathname),
  decode: (_url, req) => {
    const problems: string[] = [];
    const body = req.body ? parseJson(req.body, problems) : undefined;
    const batch = pick(body, 'batch');
    const events = Array.isArray(batch) ? batch : isObject(body) ? [body] : [];
    const hits = events.flatMap((e) => hitsOf(e, req, problems));
    const first = events[0];
    const params = [
      ...describe(
        flatten(body),
        { event: { label: 'Event', group: 'Event' }, 'context.pixel.code': { label: 'Pixel code', group: 'General' } },
        'Body',
      ),
    ].filter((p) => p.key !== '');
    return decoded(ID, NAME, {
      account: str(pick(first, 'context.pixel.code')),
      requestType: events.length === 1 ? str(pick(first, 'event')) : events.map((e) => str(pick(e, 'event'))).join(', ') || undefined,
      hits,
      params,
      problems,
    });
  },
};
