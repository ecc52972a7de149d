/**
 * Snap Pixel: `tr.snapchat.com/p` POSTed as a form body: `pid` (pixel id), `ev` (PAGE_VIEW,
 * PURCHASE, ADD_CART, SIGN_UP, …), `pl` (page URL), `e_*` event data, `u_*` hashed user data.
 * PAGE_VIEW is a page view, other events are events. The purchase amount field is not
 * publicly documented, so purchases are not turned into transactions.
 */
import type { HitBody } from '../../formats/journey';
import type { RequestDecoder } from '../types';
import { decoded, hit, pageOf } from '../util/decoded';
import { looksLikeForm, parseQuery, urlFields } from '../util/fields';
import { hostIn } from '../util/match';
import { describe, requestTypeParam, type Dictionary } from '../util/params';

const ID = 'snapchat';
const NAME = 'Snap Pixel';

const DICT: Dictionary = {
  pid: { label: 'Pixel ID', group: 'General' },
  ev: { label: 'Event', group: 'Event' },
  pl: { label: 'Page URL', group: 'Page' },
  rf: { label: 'Referrer', group: 'Page' },
  ts: { label: 'Timestamp', group: 'General' },
  v: { label: 'Pixel version', group: 'General' },
  if: { label: 'In iframe', group: 'General' },
  bt: { label: 'Build', group: 'General' },
  e_desc: { label: 'Description', group: 'Event' },
  'e_*': { label: 'Event data', group: 'Event' },
  u_hem: { label: 'Hashed email', group: 'Visitor' },
  u_hpn: { label: 'Hashed phone', group: 'Visitor' },
  u_c1: { label: 'Cookie 1 (visitor)', group: 'Visitor' },
  'u_*': { label: 'User data', group: 'Visitor' },
  'm_*': { label: 'Timing', group: 'Performance' },
};

/** "ADD_CART" → "Add Cart". */
function readable(ev: string): string {
  return ev
    .toLowerCase()
    .split('_')
    .filter(Boolean)
    .map((w) => w.charAt(0).toUpperCase() + w.slice(1))
    .join(' ');
}

export const snapchat: RequestDecoder = {
  id: ID,
  name: NAME,
  match: (url) => hostIn(url.hostname, ['tr.snapchat.com', 'tr-shadow.snapchat.com']) && /^\/p\/?$/.test(url.pathname),
  decode: (url, req) => {
    const problems: string[] = [];
    let f = urlFields(url, problems);
    if (req.body && looksLikeForm(req.body)) f = f.concat(parseQuery(req.body, problems));
    else if (req.body) problems.push('The body is not a form body, so its fields were not read.');
    const ev = f.first('ev');
    const requestType = ev ? readable(ev) : undefined;
    const account = f.first('pid');
    const base = { vendor: ID, url: pageOf(f.first('pl'), req.pageUrl), clientId: f.first('u_c1'), account };
    const hits: HitBody[] = [];
    if (ev === 'PAGE_VIEW') hits.push(hit({ ...base, kind: 'pageview', referrer: f.first('rf') }));
    else if (ev) hits.push(hit({ ...base, kind: 'event', name: ev }));
    if (!ev) problems.push('No event (ev): the pixel sends its fields in the POST body, which this capture lacks.');
    return decoded(ID, NAME, {
      account,
      requestType,
      hits,
      params: [...(requestType ? [requestTypeParam(requestType)] : []), ...describe(f, DICT)],
      problems,
    });
  },
};
