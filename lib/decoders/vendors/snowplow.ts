/**
 * Snowplow tracker protocol: GET `/i` (pixel; on any collector host, recognised by the
 * tracker version `tv` and event `e`) and POST `…/com.snowplowanalytics.snowplow/tp2` with a
 * payload_data JSON `{ schema, data: [ {e, …}, … ] }`. Fields: aid app id, duid domain user id
 * (visitor), sid domain session id, url/refr page, e = pv page view, pp page ping (no hit),
 * se structured event (se_ca/se_ac), ue self-describing event (ue_pr JSON or ue_px base64,
 * named after its schema), tr transaction (tr_id, tr_tt, tr_cu), ti transaction item; eid is the
 * event id Snowplow's data models drop copies by (the pipeline delivers at least once).
 * The v4 ecommerce plugin (@snowplow/browser-plugin-snowplow-ecommerce) tracks every action as a
 * self-describing `snowplow_ecommerce_action` event whose `type` names it; `trackTransaction`
 * sends `type: transaction` with the order as an `ecommerce/transaction` context entity
 * (transaction_id, revenue, currency) in `co` (JSON) or `cx` (base64): an order, as `tr` is.
 */
import type { HitBody } from '../../formats/journey';
import type { RawRequest, RequestDecoder } from '../types';
import { decoded, hit, pageOf, transaction, transactionHit } from '../util/decoded';
import { Fields, urlFields } from '../util/fields';
import { isObject, num, parseJson, pick, str } from '../util/json';
import { describe, param, type Dictionary } from '../util/params';
import { fromBase64 } from './mixpanel';

const ID = 'snowplow';
const NAME = 'Snowplow';
const TP2 = /\/com\.snowplowanalytics\.snowplow\/tp2\/?$/;

const DICT: Dictionary = {
  e: { label: 'Event type', group: 'Event' },
  aid: { label: 'App ID', group: 'General' },
  p: { label: 'Platform', group: 'General' },
  tv: { label: 'Tracker version', group: 'General' },
  tna: { label: 'Tracker namespace', group: 'General' },
  duid: { label: 'Domain user ID', group: 'Visitor' },
  nuid: { label: 'Network user ID', group: 'Visitor' },
  uid: { label: 'User ID', group: 'Visitor' },
  sid: { label: 'Session ID', group: 'Session' },
  vid: { label: 'Session index', group: 'Session' },
  url: { label: 'Page URL', group: 'Page' },
  refr: { label: 'Referrer', group: 'Page' },
  page: { label: 'Page title', group: 'Page' },
  se_ca: { label: 'Category', group: 'Event' },
  se_ac: { label: 'Action', group: 'Event' },
  se_la: { label: 'Label', group: 'Event' },
  se_pr: { label: 'Property', group: 'Event' },
  se_va: { label: 'Value', group: 'Event' },
  tr_id: { label: 'Order ID', group: 'Ecommerce' },
  tr_tt: { label: 'Total', group: 'Ecommerce' },
  tr_cu: { label: 'Currency', group: 'Ecommerce' },
  ue_pr: { label: 'Self-describing event', group: 'Event' },
  ue_px: { label: 'Self-describing event (base64)', group: 'Event' },
  eid: { label: 'Event ID', group: 'Event' },
  co: { label: 'Contexts', group: 'Context' },
  cx: { label: 'Contexts (base64)', group: 'Context' },
};

/** `ue_pr`, else the base64 `ue_px`, as JSON: `{ schema: unstruct_event, data: { schema, data } }`. */
function selfDescribing(f: Fields, problems: string[]): unknown {
  const raw = f.get('ue_pr') ?? (f.get('ue_px') !== undefined ? fromBase64(f.get('ue_px') ?? '') : undefined);
  return raw === undefined ? undefined : parseJson(raw, problems, 'self-describing event');
}

/** The context entities: `co`, else the base64 `cx`, as `{ schema: contexts, data: [{ schema, data }] }`. */
function contexts(f: Fields, problems: string[]): unknown[] {
  const raw = f.get('co') ?? (f.get('cx') !== undefined ? fromBase64(f.get('cx') ?? '') : undefined);
  if (raw === undefined) return [];
  const data = pick(parseJson(raw, problems, 'contexts'), 'data');
  return Array.isArray(data) ? data : [];
}

/** The name part of an Iglu URI ("iglu:com.acme/add_to_cart/jsonschema/1-0-0" → "add_to_cart"). */
const schemaName = (schema: string | undefined): string | undefined => schema?.split('/')[1] ?? schema;

const ECOMMERCE_ACTION = /^iglu:com\.snowplowanalytics\.snowplow\.ecommerce\/snowplow_ecommerce_action\//;
const TRANSACTION_ENTITY = /^iglu:com\.snowplowanalytics\.snowplow\.ecommerce\/transaction\//;

/** The order of an ecommerce `transaction` action, from its transaction entity. */
function ecommerceOrder(f: Fields, event: unknown, problems: string[]): NonNullable<HitBody['transaction']> | undefined {
  if (!ECOMMERCE_ACTION.test(str(pick(event, 'data.schema')) ?? '') || str(pick(event, 'data.data.type')) !== 'transaction')
    return undefined;
  const entity = contexts(f, problems).find((c) => TRANSACTION_ENTITY.test(str(pick(c, 'schema')) ?? ''));
  if (!entity) {
    problems.push('The ecommerce transaction action carries no ecommerce/transaction context entity, so its order is unknown.');
    return undefined;
  }
  return transaction({
    total: num(pick(entity, 'data.revenue')) ?? 0,
    currency: str(pick(entity, 'data.currency')),
    orderId: str(pick(entity, 'data.transaction_id')),
  });
}

const TYPES: Record<string, string> = {
  pv: 'Page View',
  pp: 'Page Ping',
  se: 'Structured Event',
  ue: 'Self-describing Event',
  tr: 'Transaction',
  ti: 'Transaction Item',
};

function hitsOf(f: Fields, req: RawRequest, problems: string[]): HitBody[] {
  const e = f.get('e');
  const base = {
    vendor: ID,
    url: pageOf(f.get('url'), req.pageUrl),
    referrer: f.get('refr'),
    clientId: f.first('duid', 'nuid'),
    sessionId: f.first('sid'),
    account: f.get('aid'),
    eventId: f.get('eid'),
  };
  switch (e) {
    case 'pv':
      return [hit({ ...base, kind: 'pageview' })];
    case 'se':
      return [hit({ ...base, kind: 'event', name: [f.get('se_ca'), f.get('se_ac')].filter(Boolean).join(' / ') })];
    case 'ue': {
      const event = selfDescribing(f, problems);
      const hits = [hit({ ...base, kind: 'event', name: schemaName(str(pick(event, 'data.schema'))) ?? 'unstructured event' })];
      const order = ecommerceOrder(f, event, problems);
      if (order) hits.push(transactionHit(base, order));
      return hits;
    }
    case 'tr': {
      return [transactionHit(base, { total: num(f.get('tr_tt')) ?? 0, currency: f.get('tr_cu'), orderId: f.get('tr_id') })];
    }
    default:
      return [];
  }
}

export const snowplow: RequestDecoder = {
  id: ID,
  name: NAME,
  match: (url) => TP2.test(url.pathname) || (url.pathname === '/i' && url.searchParams.has('e') && url.searchParams.has('tv')),
  decode: (url, req) => {
    const problems: string[] = [];
    let events: Fields[] = [];
    if (TP2.test(url.pathname)) {
      const json = req.body ? parseJson(req.body, problems) : undefined;
      const data = pick(json, 'data');
      events = (Array.isArray(data) ? data : [])
        .filter(isObject)
        .map((o) => new Fields(Object.entries(o).map(([k, v]) => [k, str(v) ?? JSON.stringify(v)] as const)));
      if (req.body && events.length === 0) problems.push('The tp2 body holds no payload_data events.');
    } else events = [urlFields(url, problems)];
    const hits = events.flatMap((f) => hitsOf(f, req, problems));
    const types = events.map((f) => TYPES[f.get('e') ?? ''] ?? f.get('e') ?? '?');
    return decoded(ID, NAME, {
      account: events[0]?.get('aid'),
      requestType: types.join(', ') || undefined,
      hits,
      params: events
        .flatMap((f, i) => describe(f, DICT).map((p) => (events.length > 1 ? { ...p, group: `Event ${i + 1}` } : p)))
        .concat(events.length > 1 ? [param('count', 'Events in batch', String(events.length), 'General')] : []),
      problems,
    });
  },
};
