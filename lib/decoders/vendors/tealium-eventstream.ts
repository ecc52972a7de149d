/**
 * Tealium EventStream / Collect: `collect.tealiumiq.com/event` (and `/event/…`) with the utag
 * data layer as a JSON body. Account is `tealium_account / tealium_profile`, the request type
 * `tealium_event` ("view" is a page view, anything else an event named by it); the visitor
 * and session are `tealium_visitor_id` and `tealium_session_id`.
 */
import type { HitBody } from '../../formats/journey';
import type { RequestDecoder } from '../types';
import { decoded, hit, pageOf } from '../util/decoded';
import { urlFields } from '../util/fields';
import { flatten, isObject, parseJson, str, type JsonObject } from '../util/json';
import { hostIn } from '../util/match';
import { describe, param, type Dictionary } from '../util/params';

const ID = 'tealium-eventstream';
const NAME = 'Tealium EventStream';

const DICT: Dictionary = {
  tealium_account: { label: 'Account', group: 'General' },
  tealium_profile: { label: 'Profile', group: 'General' },
  tealium_environment: { label: 'Environment', group: 'General' },
  tealium_event: { label: 'Event', group: 'Event' },
  tealium_visitor_id: { label: 'Visitor ID', group: 'Visitor' },
  tealium_session_id: { label: 'Session ID', group: 'Session' },
  tealium_datasource: { label: 'Data source key', group: 'General' },
  'dom.*': { label: 'Page', group: 'Page' },
  'meta.*': { label: 'Meta tag', group: 'Page' },
  'browser.*': { label: 'Browser', group: 'General' },
  'js_page.*': { label: 'Page variable', group: 'Custom' },
};

export const tealiumEventstream: RequestDecoder = {
  id: ID,
  name: NAME,
  match: (url) =>
    hostIn(url.hostname, ['collect.tealiumiq.com', 'collect-eu-central-1.tealiumiq.com']) && /^\/event(?:\/.*)?$/.test(url.pathname),
  decode: (url, req) => {
    const problems: string[] = [];
    const query = urlFields(url, problems);
    const parsed = req.body ? parseJson(req.body, problems) : undefined;
    const body: JsonObject = isObject(parsed) ? parsed : {};
    const read = (key: string): string | undefined => str(body[key]) || query.first(key);
    const acct = read('tealium_account');
    const profile = read('tealium_profile');
    const account = acct ? `${acct} / ${profile ?? 'main'}` : undefined;
    const event = read('tealium_event');
    const base = {
      vendor: ID,
      url: pageOf(read('dom.url'), req.pageUrl),
      referrer: read('dom.referrer'),
      clientId: read('tealium_visitor_id'),
      sessionId: read('tealium_session_id'),
      account,
    };
    const hits: HitBody[] = [];
    if (event === 'view') hits.push(hit({ ...base, kind: 'pageview' }));
    else if (event) hits.push(hit({ ...base, kind: 'event', name: event }));
    if (!req.body) problems.push('No body: EventStream sends its data layer in the POST body, which this capture lacks.');
    return decoded(ID, NAME, {
      account,
      requestType: event,
      hits,
      params: [
        ...(account ? [param('account', 'Account / profile', account, 'General')] : []),
        ...describe(query, DICT),
        ...describe(flatten(body), DICT, 'Data layer').filter((p) => p.key !== ''),
      ],
      problems,
    });
  },
};
