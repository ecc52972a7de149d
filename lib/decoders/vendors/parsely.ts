/**
 * Parse.ly tracker: `p1[-irl].parsely.com/plogger/` and `/px/` with `action` = pageview,
 * heartbeat, videostart, vheartbeat, conversion… and `idsite` = the site. Heartbeats measure
 * engaged time and yield no hit; conversions are events named by `data._conversion_type`.
 */
import type { HitBody } from '../../formats/journey';
import type { RequestDecoder } from '../types';
import { decodedFields, hit, pageOf } from '../util/decoded';
import { urlFields } from '../util/fields';
import { isObject, parseJson, str } from '../util/json';
import type { Dictionary } from '../util/params';

const ID = 'parsely';
const NAME = 'Parse.ly';
const HOST = /^p1(?:-irl)?\.parsely\.com$/i;
const PATH = /^\/(?:plogger|px)\/?$/;
const ACTIONS: Record<string, string> = {
  pageview: 'Page View',
  heartbeat: 'Heartbeat',
  videostart: 'Video Start',
  vheartbeat: 'Video Heartbeat',
  conversion: 'Conversion',
};

const DICT: Dictionary = {
  action: { label: 'Action', group: 'General' },
  idsite: { label: 'Site ID', group: 'General' },
  url: { label: 'Page URL', group: 'Page' },
  urlref: { label: 'Referrer', group: 'Page' },
  surl: { label: 'Session landing page', group: 'Session' },
  sref: { label: 'Session referrer', group: 'Session' },
  sid: { label: 'Session number', group: 'Session' },
  sts: { label: 'Session start time', group: 'Session' },
  slts: { label: 'Last session start time', group: 'Session' },
  pvid: { label: 'Page view ID', group: 'Page' },
  vsid: { label: 'Video session ID', group: 'Media' },
  u: { label: 'Visitor ID', group: 'Visitor' },
  plid: { label: 'Pixel load ID', group: 'General' },
  data: { label: 'Extra data', group: 'Custom' },
  metadata: { label: 'Metadata', group: 'Custom' },
  inc: { label: 'Engaged seconds increment', group: 'Engagement' },
  tt: { label: 'Total engaged time (ms)', group: 'Engagement' },
  screen: { label: 'Screen', group: 'General' },
  date: { label: 'Client date', group: 'General' },
  rand: { label: 'Cache buster', group: 'General' },
};

export const parsely: RequestDecoder = {
  id: ID,
  name: NAME,
  match: (url) => HOST.test(url.hostname) && PATH.test(url.pathname),
  decode: (url, req) => {
    const problems: string[] = [];
    const f = urlFields(url, problems);
    const action = f.first('action');
    const requestType = action ? (ACTIONS[action] ?? action.charAt(0).toUpperCase() + action.slice(1)) : undefined;
    const account = f.first('idsite');
    const base = { vendor: ID, url: pageOf(f.first('url'), req.pageUrl), clientId: f.first('u'), account };
    const hits: HitBody[] = [];
    if (action === 'pageview') hits.push(hit({ ...base, kind: 'pageview', referrer: f.first('urlref') }));
    else if (action === 'conversion') {
      const data = f.first('data');
      const extra = data ? parseJson(data, problems, 'data parameter') : undefined;
      const type = isObject(extra) ? str(extra._conversion_type) : undefined;
      hits.push(hit({ ...base, kind: 'event', name: type ?? 'conversion' }));
    } else if (action === 'videostart') hits.push(hit({ ...base, kind: 'event', name: 'videostart' }));
    return decodedFields(ID, NAME, f, DICT, { account, requestType, hits, problems });
  },
};
