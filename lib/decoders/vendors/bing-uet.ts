/**
 * Microsoft Advertising Universal Event Tracking: `bat.bing.com/action/0?ti=<tag id>&…`.
 * `evt=pageLoad` (or no `evt`, as single-page-app page calls send) is a page view; `evt=custom`
 * an event named by `ea` (event action), with `ec`/`el`/`ev` and goal revenue `gv`/`gc`.
 * `vid`/`sid` are UET's visitor and session ids when the tag sends them.
 */
import type { HitBody } from '../../formats/journey';
import type { RequestDecoder } from '../types';
import { decodedFields, hit, pageOf } from '../util/decoded';
import { urlFields } from '../util/fields';
import { hostIn } from '../util/match';
import type { Dictionary } from '../util/params';

const ID = 'bing-uet';
const NAME = 'Microsoft Advertising UET';

const DICT: Dictionary = {
  ti: { label: 'Tag ID', group: 'General' },
  Ver: { label: 'Tag version', group: 'General' },
  evt: { label: 'Event type', group: 'Event' },
  mid: { label: 'Message ID', group: 'General' },
  vid: { label: 'Visitor ID', group: 'Visitor' },
  sid: { label: 'Session ID', group: 'Session' },
  msclkid: { label: 'Click ID (msclkid)', group: 'Visitor' },
  p: { label: 'Page URL', group: 'Page' },
  r: { label: 'Referrer', group: 'Page' },
  tl: { label: 'Page title', group: 'Page' },
  kw: { label: 'Meta keywords', group: 'Page' },
  page_path: { label: 'Page path (SPA)', group: 'Page' },
  spa: { label: 'Single-page app', group: 'Page' },
  lg: { label: 'Language', group: 'Page' },
  ec: { label: 'Event category', group: 'Event' },
  ea: { label: 'Event action', group: 'Event' },
  el: { label: 'Event label', group: 'Event' },
  ev: { label: 'Event value', group: 'Event' },
  gv: { label: 'Goal revenue', group: 'Ecommerce' },
  gc: { label: 'Goal currency', group: 'Ecommerce' },
};

export const bingUet: RequestDecoder = {
  id: ID,
  name: NAME,
  match: (url) => hostIn(url.hostname, ['bat.bing.com', 'bat.bing.net']) && url.pathname.startsWith('/action/'),
  decode: (url, req) => {
    const problems: string[] = [];
    const f = urlFields(url, problems);
    const evt = f.first('evt');
    const isPage = evt === undefined || evt === 'pageLoad';
    const requestType = isPage ? 'Page View' : evt === 'custom' ? 'Custom' : evt;
    const base = {
      vendor: ID,
      url: pageOf(f.first('p'), req.pageUrl),
      clientId: f.first('vid'),
      sessionId: f.first('sid'),
      account: f.first('ti'),
    };
    const hits: HitBody[] = [];
    if (isPage) hits.push(hit({ ...base, kind: 'pageview', referrer: f.first('r') }));
    else if (evt === 'custom') hits.push(hit({ ...base, kind: 'event', name: f.first('ea', 'ec', 'el') ?? 'custom' }));
    return decodedFields(ID, NAME, f, DICT, { account: f.first('ti'), requestType, hits, problems });
  },
};
