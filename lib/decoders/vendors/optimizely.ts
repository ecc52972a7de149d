/**
 * Optimizely event API: `logx.optimizely.com/v1/events` (Web and Full Stack SDKs), JSON
 * `{ account_id, visitors: [{ visitor_id, session_id, snapshots: [{ decisions: [{ campaign_id,
 * experiment_id, variation_id, is_campaign_holdback }], events: [{ key, entity_id, revenue,
 * value, tags }] }] }] }`. Each decision is an `experience` hit (id = experiment_id, variant =
 * variation_id); each event with a key other than "campaign_activated" is an `event` hit.
 * Revenue is in cents in this API, so a revenue-bearing event is an order of revenue / 100.
 * The legacy Optimizely X endpoint `/log/event` (one visitorId, layerStates with decisions)
 * is read the same way.
 */
import type { HitBody } from '../../formats/journey';
import type { RawRequest, RequestDecoder } from '../types';
import { decoded, experienceHit, hit, pageOf, transactionHit } from '../util/decoded';
import { flatten, num, parseJson, pick, str } from '../util/json';
import { describe } from '../util/params';

const ID = 'optimizely';
const NAME = 'Optimizely';

function arr(value: unknown): unknown[] {
  return Array.isArray(value) ? value : [];
}

/** The fields both endpoints give every hit; "AUTO" is the SDK's placeholder, not a session. */
function visitorBase(req: RawRequest, account: string | undefined, visitorId: unknown, sessionId: unknown) {
  const session = str(sessionId);
  return {
    vendor: ID,
    url: pageOf(undefined, req.pageUrl),
    clientId: str(visitorId),
    sessionId: session && session !== 'AUTO' ? session : undefined,
    account,
  };
}

function v1Hits(body: unknown, req: RawRequest, account: string | undefined): HitBody[] {
  const hits: HitBody[] = [];
  for (const visitor of arr(pick(body, 'visitors'))) {
    const base = visitorBase(req, account, pick(visitor, 'visitor_id'), pick(visitor, 'session_id'));
    for (const snap of arr(pick(visitor, 'snapshots'))) {
      for (const d of arr(pick(snap, 'decisions'))) {
        const id = str(pick(d, 'experiment_id'));
        if (!id || pick(d, 'is_campaign_holdback') === true) continue;
        const variant = str(pick(d, 'variation_id'));
        hits.push(experienceHit(base, id, variant));
      }
      for (const e of arr(pick(snap, 'events'))) {
        const key = str(pick(e, 'key'));
        if (!key || key === 'campaign_activated') continue;
        hits.push(hit({ ...base, kind: 'event', name: key }));
        const cents = num(pick(e, 'revenue')) ?? num(pick(e, 'tags.revenue'));
        if (cents !== undefined) {
          hits.push(transactionHit(base, { total: cents / 100 }));
        }
      }
    }
  }
  return hits;
}

function legacyHits(body: unknown, req: RawRequest, account: string | undefined): HitBody[] {
  const base = visitorBase(req, account, pick(body, 'visitorId'), pick(body, 'sessionId'));
  const hits: HitBody[] = [];
  for (const layer of arr(pick(body, 'layerStates'))) {
    const id = str(pick(layer, 'decision.experimentId'));
    if (!id || pick(layer, 'decision.isLayerHoldback') === true) continue;
    const variant = str(pick(layer, 'decision.variationId'));
    hits.push(experienceHit(base, id, variant));
  }
  const name = str(pick(body, 'eventName'));
  if (name && str(pick(body, 'eventType')) !== 'client_activation') hits.push(hit({ ...base, kind: 'event', name }));
  return hits;
}

export const optimizely: RequestDecoder = {
  id: ID,
  name: NAME,
  match: (url) => url.hostname === 'logx.optimizely.com' && /^\/(v1\/events|log\/event)\/?$/.test(url.pathname),
  decode: (url, req) => {
    const problems: string[] = [];
    const body = req.body ? parseJson(req.body, problems) : undefined;
    const legacy = url.pathname.startsWith('/log/');
    const account = str(pick(body, legacy ? 'accountId' : 'account_id'));
    const hits = legacy ? legacyHits(body, req, account) : v1Hits(body, req, account);
    return decoded(ID, NAME, {
      account,
      requestType: legacy ? str(pick(body, 'eventType')) ?? 'event' : 'events',
      hits,
      params: describe(flatten(body), { account_id: 'Account ID', accountId: 'Account ID', project_id: 'Project ID', projectId: 'Project ID' }, 'Body').filter((p) => p.key !== ''),
      problems,
    });
  },
};
