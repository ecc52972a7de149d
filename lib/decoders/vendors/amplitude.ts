/**
 * Amplitude: HTTP API v2 (`api2.amplitude.com/2/httpapi`, JSON `{ api_key, events: [...] }`,
 * the Browser SDK 2.x) and the legacy form upload (`api.amplitude.com/`, `client=<key>&e=<JSON
 * events>`, amplitude-js). Events carry device_id (visitor), session_id (a start timestamp:
 * Amplitude's session), event_type and insert_id (the id Amplitude drops copies by, for 7 days);
 * "[Amplitude] Page Viewed" is a page view. Revenue, as Amplitude reads it: `$revenue`, else
 * `$price` × `$quantity` (1 when absent) in event_properties, which the SDK's Revenue class
 * (event type "revenue_amount") writes with `$currency` and `$productId`; or the HTTP API's
 * top-level `revenue` / `price` × `quantity`. Such an event is also a transaction; its order id
 * is the `order_id` event property when the page sets one (Revenue has no order id field).
 */
import type { HitBody } from '../../formats/journey';
import type { RawRequest, RequestDecoder } from '../types';
import { decoded, hit, pageOf, transactionHit } from '../util/decoded';
import { looksLikeForm, parseQuery } from '../util/fields';
import { flatten, isObject, num, parseJson, pick, str } from '../util/json';
import { hostIn } from '../util/match';
import { describe } from '../util/params';

const ID = 'amplitude';
const NAME = 'Amplitude';

/** Amplitude's revenue of one event: `$revenue`, else `$price` × `$quantity`; the HTTP API's top-level fields likewise. */
function revenueOf(e: unknown): number | undefined {
  for (const prefix of ['event_properties.$', '']) {
    const revenue = num(pick(e, `${prefix}revenue`));
    if (revenue !== undefined) return revenue;
    const price = num(pick(e, `${prefix}price`));
    if (price !== undefined) return price * (num(pick(e, `${prefix}quantity`)) ?? 1);
  }
  return undefined;
}

function hitsOf(e: unknown, req: RawRequest, account: string | undefined): HitBody[] {
  const type = str(pick(e, 'event_type'));
  if (!type) return [];
  const session = num(pick(e, 'session_id'));
  const base = {
    vendor: ID,
    url: pageOf(str(pick(e, 'event_properties.[Amplitude] Page URL')) ?? str(pick(e, 'event_properties.page_url')), req.pageUrl),
    clientId: str(pick(e, 'device_id')) ?? str(pick(e, 'user_id')),
    sessionId: session !== undefined && session > 0 ? String(session) : undefined,
    account,
    eventId: str(pick(e, 'insert_id')),
  };
  if (type === '[Amplitude] Page Viewed' || type === 'Page View') return [hit({ ...base, kind: 'pageview' })];
  const hits: HitBody[] = [hit({ ...base, kind: 'event', name: type })];
  const revenue = revenueOf(e);
  if (revenue !== undefined) {
    hits.push(
      transactionHit(base, {
        total: revenue,
        currency: str(pick(e, 'event_properties.$currency')) ?? str(pick(e, 'currency')) ?? str(pick(e, 'event_properties.currency')),
        orderId: str(pick(e, 'event_properties.order_id')) ?? str(pick(e, 'event_properties.orderId')),
      }),
    );
  }
  return hits;
}

export const amplitude: RequestDecoder = {
  id: ID,
  name: NAME,
  match: (url) =>
    hostIn(url.hostname, ['api.amplitude.com', 'api2.amplitude.com', 'api.eu.amplitude.com', 'api.lab.amplitude.com']) &&
    /^\/(2\/httpapi|batch)?\/?$/.test(url.pathname),
  decode: (_url, req) => {
    const problems: string[] = [];
    let account: string | undefined;
    let events: unknown[] = [];
    let flat: [string, string][] = [];
    const body = req.body ?? '';
    if (looksLikeForm(body)) {
      const f = parseQuery(body, problems);
      account = f.get('client');
      const e = parseJson(f.get('e') ?? '', problems, 'events (e) field');
      events = Array.isArray(e) ? e : isObject(e) ? [e] : [];
      flat = [...f.pairs.filter(([k]) => k !== 'e').map(([k, v]) => [k, v] as [string, string]), ...flatten(e, 'e')];
    } else if (body.trim() !== '') {
      const json = parseJson(body, problems);
      account = str(pick(json, 'api_key'));
      const e = pick(json, 'events');
      events = Array.isArray(e) ? e : [];
      flat = flatten(json);
    }
    const hits = events.flatMap((e) => hitsOf(e, req, account));
    return decoded(ID, NAME, {
      account,
      requestType:
        events
          .map((e) => str(pick(e, 'event_type')))
          .filter(Boolean)
          .join(', ') || undefined,
      hits,
      params: describe(flat, { client: 'API key', api_key: 'API key', v: 'Version', upload_time: 'Upload time' }, 'Body').filter(
        (p) => p.key !== '',
      ),
      problems,
    });
  },
};
