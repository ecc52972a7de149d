/**
 * VWO (Visual Website Optimizer), on dev.visualwebsiteoptimizer.com.
 *
 * Confirmed: the SmartCode loads `/j.php?a=<account>` (and `/lib/…`, `/settings.js`) from this
 * host. The server-side SDKs (vwo-node-sdk 1.x, also built for the browser as
 * vwo-javascript-sdk; its `UrlEnum` and `ImpressionUtil`) send:
 * - `GET /server-side/track-user?experiment_id=<campaign>&combination=<variation>&u=<visitor
 *   uuid>&account_id=…&sId=<unix seconds>&ap=server&ed={"p":"server"}&env=<SDK key>&sdk=…`:
 *   the variation was shown;
 * - `GET /server-side/track-goal?…&goal_id=<goal>[&r=<revenue>]`: a conversion; its
 *   experiment_id and combination name the bucket it is credited to, not a display;
 * - `POST /server-side/batch-events?a=<account>&env=…` with `{ ev: [{ eT, e, c, u, sId, g, r }] }`,
 *   where eT 1 is track-user, 2 track-goal and 3 a custom-dimension push.
 * `sId` is the time of the call, new on every call, so it is no session.
 * The event API (`/events/t?en=<name>&a=<account>&env=…`, JSON `{ d: { msgId, visId, sessionId,
 * event: { name, props: { id, variation } } } }`) is what both SDK generations send when the
 * account uses it, and the FME SDK (vwo-fme-node-sdk) always: `vwo_variationShown` is a
 * display, another name a conversion of that custom event; FME batches the same payloads
 * to `/server-side/batch-events-v2` as `{ ev: [{ d }] }`. Names the SDK sends about itself
 * (init, usage stats, logs, debugging, attribute sync) are no hit.
 * Inferred from observed traffic, not from a published spec: the SmartCode's tracking pixel
 * `/c.gif` (or `/l.gif`), with the track-user / track-goal parameters.
 */
import type { HitBody } from '../../formats/journey';
import type { RawRequest, RequestDecoder } from '../types';
import { decoded, experienceHit, hit, pageOf, transactionHit } from '../util/decoded';
import { urlFields } from '../util/fields';
import { flatten, isObject, num, parseJson, pick, str } from '../util/json';
import { describe, type Dictionary } from '../util/params';

const ID = 'vwo';
const NAME = 'VWO';

/** Event names the SDKs send about themselves (FME `EventEnum`), not about the visitor. */
const SDK_EVENTS = new Set(['vwo_fmeSdkInit', 'vwo_sdkUsageStats', 'vwo_log', 'vwo_sdkDebug', 'vwo_syncVisitorProp']);

const PARAMS: Dictionary = {
  experiment_id: 'Campaign ID',
  combination: 'Variation',
  account_id: 'Account ID',
  a: 'Account ID',
  u: 'Visitor UUID',
  goal_id: 'Goal ID',
  r: 'Revenue',
  sId: 'Sent at (unix s)',
  ap: 'Platform',
  ed: 'Extra data',
  env: 'SDK key',
  sdk: 'SDK',
  'sdk-v': 'SDK version',
  en: 'Event',
  sn: 'SDK',
  sv: 'SDK version',
};

type Base = Omit<HitBody, 'kind'>;

/** A conversion of `goal`, and its order when `revenue` is a number; a sentence when it is not. */
function goalHits(base: Base, goal: string, revenue: string | undefined, problems: string[]): HitBody[] {
  const hits = [hit({ ...base, kind: 'event', name: `goal ${goal}` })];
  if (revenue === undefined || revenue === '') return hits;
  const total = num(revenue);
  if (total === undefined)
    problems.push(`VWO goal ${goal} has revenue "${revenue.slice(0, 40)}", which is not a number, so no order is counted.`);
  else hits.push(transactionHit(base, { total }));
  return hits;
}

/** One track-user or track-goal call, by query (c.gif, /server-side/track-*) or batched (e, c, g). */
function trackHits(
  base: Base,
  f: { experiment?: string; variation?: string; goal?: string; revenue?: string },
  problems: string[],
): HitBody[] {
  if (f.goal) return goalHits(base, f.goal, f.revenue, problems);
  return f.experiment ? [experienceHit(base, f.experiment, f.variation)] : [];
}

/** One event-API payload `{ d: … }`. */
function eventHits(body: unknown, name: string, req: RawRequest, account: string | undefined): HitBody[] {
  if (SDK_EVENTS.has(name)) return [];
  const session = str(pick(body, 'd.sessionId'));
  const base = {
    vendor: ID,
    url: pageOf(str(pick(body, 'd.event.props.page.url')) ?? str(pick(body, 'd.event.props.url')), req.pageUrl),
    clientId: str(pick(body, 'd.visId')),
    sessionId: session,
    account,
  };
  const props = pick(body, 'd.event.props');
  if (name === 'vwo_variationShown') {
    const id = str(pick(props, 'id'));
    const variant = str(pick(props, 'variation'));
    return id ? [experienceHit(base, id, variant)] : [];
  }
  if (name === 'vwo_pageView') return [hit({ ...base, kind: 'pageview' })];
  if (name === 'vwo_goalVisit') return [hit({ ...base, kind: 'event', name: `goal ${str(pick(props, 'id')) ?? ''}`.trim() })];
  return [hit({ ...base, kind: 'event', name })];
}

/** The `ev` list of a batch body, or a sentence saying the body holds none. */
function batchOf(body: unknown, problems: string[]): unknown[] {
  const ev = pick(body, 'ev');
  if (Array.isArray(ev)) return ev;
  if (body !== undefined) problems.push('The batch body has no "ev" list of events, so none is read.');
  return [];
}

const BATCH_KINDS: Record<string, string> = { '1': 'track user', '2': 'track goal', '3': 'push' };

export const vwo: RequestDecoder = {
  id: ID,
  name: NAME,
  match: (url) => url.hostname === 'dev.visualwebsiteoptimizer.com' || url.hostname.endsWith('.visualwebsiteoptimizer.com'),
  decode: (url, req) => {
    const problems: string[] = [];
    const q = urlFields(url, problems);
    const path = url.pathname.replace(/\/+$/, '');
    if (path === '/j.php' || path.startsWith('/lib/') || path.endsWith('.js')) {
      return decoded(ID, NAME, {
        role: 'library',
        account: q.first('a', 'account_id'),
        requestType: 'SmartCode load',
        params: describe(q, { a: 'Account ID', u: 'Page URL' }),
        problems,
      });
    }
    if (/^\/server-side\/(v2-)?(settings|pull)$/.test(path)) {
      return decoded(ID, NAME, {
        role: 'library',
        account: q.first('a', 'account_id'),
        requestType: 'SDK settings',
        params: describe(q, PARAMS),
        problems,
      });
    }
    const track = /^\/(?:([cl])\.gif|server-side\/track-(user|goal))$/.exec(path);
    if (track) {
      const account = q.get('account_id');
      const base = { vendor: ID, url: pageOf(undefined, req.pageUrl), clientId: q.get('u'), account };
      const goal = q.get('goal_id');
      const hits = trackHits(
        base,
        { experiment: q.get('experiment_id'), variation: q.get('combination'), goal, revenue: q.get('r') },
        problems,
      );
      const requestType = track[2] ? `Track ${track[2]}` : goal ? 'Conversion' : 'Variation shown';
      return decoded(ID, NAME, { account, requestType, hits, params: describe(q, PARAMS), problems });
    }
    if (path === '/server-side/batch-events') {
      const account = q.get('a');
      const body = req.body ? parseJson(req.body, problems) : undefined;
      const hits = batchOf(body, problems).flatMap((e) => {
        const base = { vendor: ID, url: pageOf(undefined, req.pageUrl), clientId: str(pick(e, 'u')), account };
        const kind = str(pick(e, 'eT'));
        if (kind !== '1' && kind !== '2') return [];
        return trackHits(
          base,
          {
            experiment: str(pick(e, 'e')),
            variation: str(pick(e, 'c')),
            goal: kind === '2' ? str(pick(e, 'g')) : undefined,
            revenue: str(pick(e, 'r')),
          },
          problems,
        );
      });
      const kinds = [...new Set(batchOf(body, []).map((e) => BATCH_KINDS[str(pick(e, 'eT')) ?? ''] ?? 'event'))];
      return decoded(ID, NAME, {
        account,
        requestType: `Batch: ${kinds.join(', ') || 'empty'}`,
        hits,
        params: [...describe(q, PARAMS), ...describe(flatten(body), {}, 'Body')].filter((p) => p.key !== ''),
        problems,
      });
    }
    if (path === '/server-side/batch-events-v2') {
      const account = q.get('a');
      const body = req.body ? parseJson(req.body, problems) : undefined;
      const list = batchOf(body, problems).filter(isObject);
      const names = list.map((e) => str(pick(e, 'd.event.name')) ?? '');
      const hits = list.flatMap((e, i) => (names[i] ? eventHits(e, names[i]!, req, account) : []));
      return decoded(ID, NAME, {
        account,
        requestType: `Batch: ${[...new Set(names.filter(Boolean))].join(', ') || 'empty'}`,
        hits,
        params: [...describe(q, PARAMS), ...describe(flatten(body), {}, 'Body')].filter((p) => p.key !== ''),
        problems,
      });
    }
    if (path.startsWith('/events/')) {
      const body = req.body ? parseJson(req.body, problems) : undefined;
      const name = q.get('en') ?? str(pick(body, 'd.event.name')) ?? '';
      const account = q.get('a');
      return decoded(ID, NAME, {
        account,
        role: SDK_EVENTS.has(name) ? 'other' : 'hit',
        requestType: name || undefined,
        hits: name ? eventHits(body, name, req, account) : [],
        params: [...describe(q, PARAMS), ...describe(flatten(body), {}, 'Body')].filter((p) => p.key !== ''),
        problems,
      });
    }
    return decoded(ID, NAME, { role: 'other', account: q.first('a', 'account_id'), params: describe(q, {}), problems });
  },
};
