/**
 * Segment (analytics.js): `api.segment.io/v1/<call>` with a JSON body, call p/page, t/track,
 * i/identify, g/group, a/alias, s/screen, b/batch (`{ batch: [...] }`). The visitor is
 * anonymousId, the account the writeKey; "Order Completed" is an order (properties.total,
 * else revenue or value; order_id; currency) per Segment's e-commerce spec. Every message carries
 * the messageId Segment drops copies by (at least 24 hours of them are kept).
 */
import type { HitBody } from '../../formats/journey';
import type { RawRequest, RequestDecoder } from '../types';
import { decoded, hit, pageOf, transactionHit } from '../util/decoded';
import { flatten, isObject, num, parseJson, pick, str } from '../util/json';
import { hostIn } from '../util/match';
import { describe } from '../util/params';

const ID = 'segment';
const NAME = 'Segment';
const PATH = /^\/v1\/(p|page|t|track|i|identify|g|group|a|alias|s|screen|b|batch|m)\/?$/;
const CALLS: Record<string, string> = {
  p: 'Page',
  page: 'Page',
  t: 'Track',
  track: 'Track',
  i: 'Identify',
  identify: 'Identify',
  g: 'Group',
  group: 'Group',
  a: 'Alias',
  alias: 'Alias',
  s: 'Screen',
  screen: 'Screen',
  b: 'Batch',
  batch: 'Batch',
  m: 'Metrics',
};

function hitsOf(msg: unknown, req: RawRequest, pathType: string): HitBody[] {
  const type = str(pick(msg, 'type')) ?? pathType;
  const base = {
    vendor: ID,
    url: pageOf(str(pick(msg, 'context.page.url')) ?? str(pick(msg, 'properties.url')), req.pageUrl),
    referrer: str(pick(msg, 'context.page.referrer')),
    clientId: str(pick(msg, 'anonymousId')) ?? str(pick(msg, 'userId')),
    account: str(pick(msg, 'writeKey')),
    eventId: str(pick(msg, 'messageId')),
  };
  if (type === 'page' || type === 'screen') return [hit({ ...base, kind: 'pageview' })];
  if (type !== 'track') return [];
  const event = str(pick(msg, 'event')) ?? '';
  const hits: HitBody[] = [hit({ ...base, kind: 'event', name: event })];
  if (event === 'Order Completed') {
    const total = num(pick(msg, 'properties.total')) ?? num(pick(msg, 'properties.revenue')) ?? num(pick(msg, 'properties.value')) ?? 0;
    hits.push(
      transactionHit(base, {
        total,
        currency: str(pick(msg, 'properties.currency')),
        orderId: str(pick(msg, 'properties.order_id')),
      }),
    );
  }
  return hits;
}

const TYPE_OF: Record<string, string> = {
  Page: 'page',
  Track: 'track',
  Identify: 'identify',
  Group: 'group',
  Alias: 'alias',
  Screen: 'screen',
};

export const segment: RequestDecoder = {
  id: ID,
  name: NAME,
  match: (url) => hostIn(url.hostname, ['api.segment.io', 'api.segment.com', '.segmentapis.com']) && PATH.test(url.pathname),
  decode: (url, req) => {
    const problems: string[] = [];
    const call = CALLS[PATH.exec(url.pathname)?.[1] ?? ''] ?? 'Unknown';
    const body = req.body ? parseJson(req.body, problems) : undefined;
    const batch = pick(body, 'batch');
    const msgs = Array.isArray(batch) ? batch : isObject(body) ? [body] : [];
    const hits = msgs.flatMap((m) => hitsOf(m, req, TYPE_OF[call] ?? ''));
    return decoded(ID, NAME, {
      account: str(pick(msgs[0], 'writeKey')) ?? str(pick(body, 'writeKey')),
      requestType: call,
      hits,
      params: describe(
        flatten(body),
        { anonymousId: 'Anonymous ID', userId: 'User ID', event: 'Event', type: 'Call type', writeKey: 'Write key' },
        'Body',
      ).filter((p) => p.key !== ''),
      problems,
    });
  },
};
