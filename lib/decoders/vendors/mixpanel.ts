/**
 * Mixpanel (mixpanel-js): `api[-js|-eu].mixpanel.com/track` (also /engage, /groups) with
 * `data` = base64 JSON (older) or plain JSON (newer, POST form), one event or an array.
 * Events carry properties.token (project), distinct_id / $device_id, $current_url;
 * `$mp_web_page_view` is the page view event. mixpanel-browser gives each event a `$insert_id`
 * and, batching, flushes the queue again by sendBeacon when the page hides: Mixpanel drops the
 * copies (same event, distinct_id, time and $insert_id).
 */
import type { HitBody } from '../../formats/journey';
import type { RawRequest, RequestDecoder } from '../types';
import { base64Bytes } from '../util/base64';
import { decoded, hit, pageOf } from '../util/decoded';
import { looksLikeForm, parseQuery, urlFields } from '../util/fields';
import { flatten, isObject, parseJson, pick, str } from '../util/json';
import { hostIn } from '../util/match';
import { describe } from '../util/params';

const ID = 'mixpanel';
const NAME = 'Mixpanel';

/** base64 (standard or URL-safe) → UTF-8 text; undefined when it is not base64. */
export function fromBase64(text: string): string | undefined {
  const bytes = base64Bytes(text);
  return bytes && new TextDecoder('utf-8', { fatal: false }).decode(bytes);
}

/** A `data` value as JSON: plain JSON, else base64 JSON. */
export function dataJson(data: string, problems: string[]): unknown {
  const t = data.trim();
  if (t.startsWith('{') || t.startsWith('[')) return parseJson(t, problems, 'data parameter');
  const decodedText = fromBase64(t);
  if (decodedText === undefined) {
    problems.push('The data parameter is neither JSON nor base64.');
    return undefined;
  }
  return parseJson(decodedText, problems, 'base64 data parameter');
}

function hitOf(e: unknown, req: RawRequest): HitBody[] {
  const event = str(pick(e, 'event'));
  if (!event) return [];
  const base = {
    vendor: ID,
    url: pageOf(str(pick(e, 'properties.$current_url')), req.pageUrl),
    referrer: str(pick(e, 'properties.$referrer')),
    clientId: str(pick(e, 'properties.$device_id')) ?? str(pick(e, 'properties.distinct_id')),
    account: str(pick(e, 'properties.token')),
    eventId: str(pick(e, 'properties.$insert_id')),
  };
  return [event === '$mp_web_page_view' ? hit({ ...base, kind: 'pageview' }) : hit({ ...base, kind: 'event', name: event })];
}

export const mixpanel: RequestDecoder = {
  id: ID,
  name: NAME,
  match: (url) => hostIn(url.hostname, ['.mixpanel.com']) && /^\/(track|engage|groups|import)\/?$/.test(url.pathname),
  decode: (url, req) => {
    const problems: string[] = [];
    let f = urlFields(url, problems);
    if (req.body && looksLikeForm(req.body)) f = f.concat(parseQuery(req.body, problems));
    let json: unknown;
    const data = f.get('data');
    if (data !== undefined) json = dataJson(data, problems);
    else if (req.body) json = parseJson(req.body, problems);
    const events = Array.isArray(json) ? json : isObject(json) ? [json] : [];
    const kind = url.pathname.replace(/\//g, '');
    const hits = kind === 'track' ? events.flatMap((e) => hitOf(e, req)) : [];
    return decoded(ID, NAME, {
      account: str(pick(events[0], 'properties.token')) ?? str(pick(events[0], '$token')),
      requestType:
        kind === 'track'
          ? events
              .map((e) => str(pick(e, 'event')))
              .filter(Boolean)
              .join(', ') || 'track'
          : kind,
      hits,
      params: [
        ...describe(
          f.pairs.filter(([k]) => k !== 'data'),
          { ip: 'IP flag', verbose: 'Verbose', _: 'Cache buster' },
          'Query',
        ),
        ...describe(flatten(json), {}, 'Data'),
      ].filter((p) => p.key !== ''),
      problems,
    });
  },
};
