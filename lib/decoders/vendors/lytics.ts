/**
 * Lytics collection: `c.lytics.io/c/<account id>?…` (jstag). `_e=pv` is a page view; `event`
 * names a custom event ("conversion" …); anything else is a data/identity update. `_uid` is the
 * visitor cookie; `url` is the page without its scheme.
 */
import type { HitBody } from '../../formats/journey';
import type { RequestDecoder } from '../types';
import { decoded, hit, pageOf } from '../util/decoded';
import { urlFields } from '../util/fields';
import { hostIn } from '../util/match';
import { describe, param, requestTypeParam, type Dictionary } from '../util/params';

const ID = 'lytics';
const NAME = 'Lytics';
const PATH = /^\/c\/([^/]+)\/?$/;

const DICT: Dictionary = {
  _e: { label: 'Event type', group: 'Event' },
  event: { label: 'Event', group: 'Event' },
  _uid: { label: 'Visitor ID', group: 'Visitor' },
  _ts: { label: 'Timestamp', group: 'General' },
  _v: { label: 'Tag version', group: 'General' },
  _ca: { label: 'Collector', group: 'General' },
  _sesstart: { label: 'Session start', group: 'Session' },
  _nmob: { label: 'Not mobile', group: 'General' },
  _device: { label: 'Device', group: 'General' },
  _tz: { label: 'Time zone offset', group: 'General' },
  _ul: { label: 'Language', group: 'General' },
  _sz: { label: 'Screen size', group: 'General' },
  _getid: { label: 'Requests ID', group: 'General' },
  url: { label: 'Page URL', group: 'Page' },
};

// Lytics' own reserved event names get a readable label; custom names are shown as sent.
const EVENT_LABELS: Record<string, string> = { conversion: 'Conversion' };

function withScheme(text: string | undefined): string | undefined {
  if (!text) return undefined;
  return /^[a-z][a-z0-9+.-]*:/i.test(text) ? text : `https://${text}`;
}

export const lytics: RequestDecoder = {
  id: ID,
  name: NAME,
  match: (url) => hostIn(url.hostname, ['c.lytics.io']) && PATH.test(url.pathname),
  decode: (url, req) => {
    const problems: string[] = [];
    const f = urlFields(url, problems);
    const account = PATH.exec(url.pathname)?.[1];
    const event = f.first('event');
    const isPage = f.get('_e') === 'pv';
    const requestType = isPage ? 'Page View' : event ? (EVENT_LABELS[event] ?? event) : 'Other';
    // Pages come without a scheme; the sending page's own URL is more exact when known.
    const base = { vendor: ID, url: pageOf(req.pageUrl, withScheme(f.first('url'))), clientId: f.first('_uid'), account };
    const hits: HitBody[] = [];
    if (isPage) hits.push(hit({ ...base, kind: 'pageview' }));
    if (event) hits.push(hit({ ...base, kind: 'event', name: event }));
    const params = describe(f, DICT);
    if (account) params.unshift(param('cid', 'Account ID', account, 'General'));
    params.unshift(requestTypeParam(requestType));
    return decoded(ID, NAME, { account, requestType, hits, params, problems });
  },
};
