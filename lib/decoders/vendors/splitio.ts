/**
 * Split (feature flags and experiments) SDK telemetry on `events.split.io/api/…`:
 * - `events/bulk|beacon`: JSON array of tracked events (`eventTypeId`, `key`, `properties`) → events;
 * - `testImpressions/bulk|beacon`: JSON array of `{ f: flag, i: [{ k: key, t: treatment }] }`
 *   → one experience hit per impression (id = flag, variant = treatment);
 * - `testImpressions/count/beacon`: aggregated impression counts (`entries.pf[].f`), no hit.
 * Beacon bodies wrap the array as `{ entries, token, sdk }`.
 */
import type { HitBody } from '../../formats/journey';
import type { RequestDecoder } from '../types';
import { decoded, hit, pageOf } from '../util/decoded';
import { flatten, isObject, parseJson, pick, str } from '../util/json';
import { hostIn } from '../util/match';
import { describe, type Dictionary } from '../util/params';

const ID = 'splitio';
const NAME = 'Split';
const PATH = /^\/api\/(events|testImpressions)(?:\/(count))?\/(bulk|beacon)\/?$/;

const DICT: Dictionary = {
  token: { label: 'SDK token', group: 'General' },
  sdk: { label: 'SDK', group: 'General' },
};

function list(body: unknown): unknown[] {
  if (Array.isArray(body)) return body;
  const entries = pick(body, 'entries');
  if (Array.isArray(entries)) return entries;
  return [];
}

export const splitio: RequestDecoder = {
  id: ID,
  name: NAME,
  match: (url) => hostIn(url.hostname, ['events.split.io']) && PATH.test(url.pathname),
  decode: (url, req) => {
    const problems: string[] = [];
    const [, kind, count] = PATH.exec(url.pathname) ?? [];
    const body = req.body ? parseJson(req.body, problems) : undefined;
    if (!req.body) problems.push('No body: Split sends its payload in the POST body, which this capture lacks.');
    const page = pageOf(undefined, req.pageUrl);
    const hits: HitBody[] = [];
    let requestType: string;
    if (count) requestType = 'Impression Counts';
    else if (kind === 'events') {
      requestType = 'Events';
      for (const e of list(body)) {
        const name = str(pick(e, 'eventTypeId'));
        if (name) hits.push(hit({ vendor: ID, kind: 'event', name, url: page, clientId: str(pick(e, 'key')) }));
      }
    } else {
      requestType = 'Impressions';
      for (const group of list(body)) {
        const flag = str(pick(group, 'f'));
        const impressions = pick(group, 'i');
        if (!flag || !Array.isArray(impressions)) continue;
        for (const imp of impressions) {
          if (!isObject(imp)) continue;
          const variant = str(imp.t);
          const experience: NonNullable<HitBody['experience']> = { id: flag };
          if (variant) experience.variant = variant;
          hits.push(hit({ vendor: ID, kind: 'experience', experience, url: page, clientId: str(imp.k) }));
        }
      }
    }
    return decoded(ID, NAME, {
      role: count ? 'other' : 'hit',
      requestType,
      hits,
      params: describe(flatten(body ?? {}), DICT, 'Body').filter((p) => p.key !== ''),
      problems,
    });
  },
};
