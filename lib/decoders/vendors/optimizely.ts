/**
 * Optimizely event API: `logx.optimizely.com/v1/events`, or `eu.logx.optimizely.com` for
 * EU data residency (both are the JS SDK's `logxEndpoint`, 6.x `event_builder/log_event`), JSON
 * `{ account_id, visitors: [{ visitor_id, session_id, snapshots: [{ decisions: [{ campaign_id,
 * experiment_id, variation_id, is_campaign_holdback }], events: [{ key, type, entity_id, uuid,
 * revenue, value, tags }] }] }] }`.
 *
 * A display is what the SDK sends as an impression: a snapshot whose events hold a
 * `campaign_activated` event (its entity_id is the decision's campaign). The Event API
 * reference calls a snapshot's decisions "the bucketing decisions made for the visitor for the
 * session thus far": a conversion carrying them (Optimizely Web does) is attributed to those
 * buckets, it does not show them again. Each event's `uuid` is the id Optimizely de-duplicates
 * replayed requests by. `revenue` is an integer number of cents (the SDK truncates the
 * `revenue` tag to one); anything else is a problem, not an order.
 *
 * The legacy endpoints of the 1.x SDKs: `/log/decision` (`{ accountId, visitorId, layerId,
 * decision: { experimentId, variationId, isLayerHoldback } }`) is an impression; `/log/event`
 * (`{ eventName, layerStates: [{ decision }], eventMetrics: [{ name: "revenue", value }] }`)
 * is a conversion, its layerStates the buckets it is attributed to.
 */
import type { HitBody } from '../../formats/journey';
import type { RawRequest, RequestDecoder } from '../types';
import { decoded, experienceHit, hit, pageOf, transactionHit } from '../util/decoded';
import { flatten, parseJson, pick, str } from '../util/json';
import { describe } from '../util/params';

const ID = 'optimizely';
const NAME = 'Optimizely';
const HOSTS = new Set(['logx.optimizely.com', 'eu.logx.optimizely.com']);
const ACTIVATION = 'campaign_activated';

function arr(value: unknown): unknown[] {
  return Array.isArray(value) ? value : [];
}

type Base = Omit<HitBody, 'kind'>;

/** The fields both endpoints give every hit; "AUTO" is the SDK's placeholder, not a session. */
function visitorBase(req: RawRequest, account: string | undefined, visitorId: unknown, sessionId: unknown): Base {
  const session = str(sessionId);
  return {
    vendor: ID,
    url: pageOf(undefined, req.pageUrl),
    clientId: str(visitorId),
    sessionId: session && session !== 'AUTO' ? session : undefined,
    account,
  };
}

/**
 * An order of `cents` / 100, or a sentence saying why there is none. The Event API's `revenue`
 * is an int64 of cents; a string or a fraction is not what any Optimizely client sends.
 */
function revenueOrder(base: Base, event: string, cents: unknown, problems: string[]): HitBody[] {
  if (cents === undefined || cents === null) return [];
  if (typeof cents === 'number' && Number.isSafeInteger(cents)) return [transactionHit(base, { total: cents / 100 })];
  const shown = typeof cents === 'string' ? `"${cents.slice(0, 40)}" (a string)` : (JSON.stringify(cents) ?? String(cents)).slice(0, 40);
  problems.push(
    `Optimizely event "${event}" has revenue ${shown}: the Event API takes revenue as a whole number of cents, so no order is counted; send e.g. 1250 for 12.50.`,
  );
  return [];
}

function isActivation(e: unknown): boolean {
  return pick(e, 'key') === ACTIVATION || pick(e, 'type') === ACTIVATION;
}

/**
 * The campaign_activated event that displays decision `d`: the one whose entity_id is the
 * decision's campaign (the SDK falls back to the experiment id when there is no layer); an
 * activation or a decision without ids pairs with any.
 */
function activationOf(d: unknown, activations: unknown[]): unknown {
  const ids = [str(pick(d, 'campaign_id')), str(pick(d, 'experiment_id'))];
  return activations.find((a) => {
    const entity = str(pick(a, 'entity_id'));
    return entity === undefined || ids[0] === undefined || ids.includes(entity);
  });
}

function v1Hits(body: unknown, req: RawRequest, account: string | undefined, problems: string[]): HitBody[] {
  const hits: HitBody[] = [];
  for (const visitor of arr(pick(body, 'visitors'))) {
    const base = visitorBase(req, account, pick(visitor, 'visitor_id'), pick(visitor, 'session_id'));
    for (const snap of arr(pick(visitor, 'snapshots'))) {
      const events = arr(pick(snap, 'events'));
      const activations = events.filter(isActivation);
      for (const d of arr(pick(snap, 'decisions'))) {
        const id = str(pick(d, 'experiment_id'));
        if (!id || pick(d, 'is_campaign_holdback') === true) continue;
        const activation = activationOf(d, activations);
        if (activation === undefined) continue; // a conversion's bucket, not a display
        hits.push(experienceHit({ ...base, eventId: str(pick(activation, 'uuid')) }, id, str(pick(d, 'variation_id'))));
      }
      for (const e of events) {
        const key = str(pick(e, 'key'));
        if (!key || isActivation(e)) continue;
        const own = { ...base, eventId: str(pick(e, 'uuid')) };
        hits.push(hit({ ...own, kind: 'event', name: key }));
        hits.push(...revenueOrder(own, key, pick(e, 'revenue'), problems));
        if (pick(e, 'revenue') === undefined && pick(e, 'tags.revenue') !== undefined) {
          problems.push(
            `Optimizely event "${key}" has a revenue tag but no revenue field: the SDK could not read the tag as a number, so Optimizely records no revenue; pass revenue as integer cents.`,
          );
        }
      }
    }
  }
  return hits;
}

function legacyDecisionHits(body: unknown, req: RawRequest, account: string | undefined): HitBody[] {
  const base = visitorBase(req, account, pick(body, 'visitorId'), pick(body, 'sessionId'));
  const id = str(pick(body, 'decision.experimentId'));
  if (!id || pick(body, 'decision.isLayerHoldback') === true) return [];
  return [experienceHit(base, id, str(pick(body, 'decision.variationId')))];
}

function legacyEventHits(body: unknown, req: RawRequest, account: string | undefined, problems: string[]): HitBody[] {
  const base = visitorBase(req, account, pick(body, 'visitorId'), pick(body, 'sessionId'));
  const name = str(pick(body, 'eventName'));
  // Optimizely X Web's own activation ping, not a conversion.
  if (!name || str(pick(body, 'eventType')) === 'client_activation') return [];
  const revenue = arr(pick(body, 'eventMetrics')).find((m) => pick(m, 'name') === 'revenue');
  return [hit({ ...base, kind: 'event', name }), ...revenueOrder(base, name, pick(revenue, 'value'), problems)];
}

function requestTypeOf(body: unknown): string {
  const keys = new Set<string>();
  for (const visitor of arr(pick(body, 'visitors'))) {
    for (const snap of arr(pick(visitor, 'snapshots'))) {
      for (const e of arr(pick(snap, 'events'))) {
        const key = str(pick(e, 'key')) ?? str(pick(e, 'type'));
        if (key) keys.add(key);
      }
    }
  }
  return [...keys].join(', ') || 'events';
}

export const optimizely: RequestDecoder = {
  id: ID,
  name: NAME,
  match: (url) => HOSTS.has(url.hostname) && /^\/(v1\/events|log\/event|log\/decision)\/?$/.test(url.pathname),
  decode: (url, req) => {
    const problems: string[] = [];
    const body = req.body ? parseJson(req.body, problems) : undefined;
    const legacy = url.pathname.startsWith('/log/');
    const account = str(pick(body, legacy ? 'accountId' : 'account_id'));
    let hits: HitBody[];
    let requestType: string;
    if (url.pathname.startsWith('/log/decision')) {
      hits = legacyDecisionHits(body, req, account);
      requestType = 'decision';
    } else if (legacy) {
      hits = legacyEventHits(body, req, account, problems);
      requestType = str(pick(body, 'eventType')) ?? 'event';
    } else {
      hits = v1Hits(body, req, account, problems);
      requestType = requestTypeOf(body);
    }
    return decoded(ID, NAME, {
      account,
      requestType,
      hits,
      params: describe(
        flatten(body),
        { account_id: 'Account ID', accountId: 'Account ID', project_id: 'Project ID', projectId: 'Project ID' },
        'Body',
      ).filter((p) => p.key !== ''),
      problems,
    });
  },
};
