/**
 * Adobe media tracking: legacy Heartbeat calls (`<ns>.hb.omtrdc.net/?s:event:type=…`, the
 * report suite in `s:sc:rsid`) and the Media Collection API (`/api/v1/sessions[/<id>/events]`,
 * JSON bodies with `eventType`, `playerTime`, `params`), often proxied through a first-party
 * host. Media pings arrive every few seconds, so they are shown but yield no hits: counting
 * them as events would swamp every goal.
 */
import type { RequestDecoder } from '../types';
import { decoded } from '../util/decoded';
import { urlFields } from '../util/fields';
import { flatten, isObject, parseJson, str } from '../util/json';
import { hostIn } from '../util/match';
import { describe, param, type Dictionary } from '../util/params';

const ID = 'adobe-heartbeat';
const NAME = 'Adobe Heartbeat';
const API = /^\/api\/v\d+\/sessions(?:\/([^/]+)\/events)?\/?$/;

const DICT: Dictionary = {
  's:sc:rsid': { label: 'Report suite', group: 'General' },
  's:sc:tracking_server': { label: 'Tracking server', group: 'General' },
  's:event:type': { label: 'Event type', group: 'Event' },
  's:event:sid': { label: 'Session ID', group: 'Session' },
  's:user:mid': { label: 'Experience Cloud ID', group: 'Visitor' },
  's:user:aid': { label: 'Analytics visitor ID', group: 'Visitor' },
  's:asset:name': { label: 'Asset name', group: 'Media' },
  's:asset:video_id': { label: 'Video ID', group: 'Media' },
  'l:event:playhead': { label: 'Playhead', group: 'Media' },
  'l:asset:length': { label: 'Asset length', group: 'Media' },
  's:meta:*': { label: 'Metadata', group: 'Custom' },
  eventType: { label: 'Event type', group: 'Event' },
  'playerTime.playhead': { label: 'Playhead', group: 'Media' },
  'playerTime.ts': { label: 'Player timestamp', group: 'Media' },
  'params.*': { label: 'Parameter', group: 'Media' },
  'customMetadata.*': { label: 'Metadata', group: 'Custom' },
};

export const adobeHeartbeat: RequestDecoder = {
  id: ID,
  name: NAME,
  match: (url) => hostIn(url.hostname, ['.hb.omtrdc.net']) || API.test(url.pathname),
  decode: (url, req) => {
    const problems: string[] = [];
    const m = API.exec(url.pathname);
    if (!m) {
      const f = urlFields(url, problems);
      return decoded(ID, NAME, {
        role: 'other',
        account: f.first('s:sc:rsid'),
        requestType: f.first('s:event:type'),
        params: describe(f, DICT),
        problems,
      });
    }
    const body = req.body ? parseJson(req.body, problems) : undefined;
    const params = describe(flatten(body ?? {}), DICT).filter((p) => p.key !== '');
    if (m[1]) params.unshift(param('sessionId', 'Media session ID', m[1], 'Session'));
    const eventType = isObject(body) ? str(body.eventType) : undefined;
    return decoded(ID, NAME, {
      role: 'other',
      account: isObject(body) && isObject(body.params) ? str(body.params['analytics.reportSuite']) : undefined,
      requestType: eventType ?? (m[1] ? 'Event' : 'Session Start'),
      params,
      problems,
    });
  },
};
