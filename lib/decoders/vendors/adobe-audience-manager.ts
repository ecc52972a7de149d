/**
 * Adobe Audience Manager (demdex) calls: ID syncs `/ibs:<k=v&…>` (the parameters live in the
 * path after "ibs:") and DCS events `/event?…` (signals `c_*`, `p_*`, `d_*`). Neither is a
 * tracking hit in our model: audience data, not page views or conversions.
 * The ID service (`/id?…`) is the Experience Cloud ID decoder's.
 */
import type { RequestDecoder } from '../types';
import { decodedFields } from '../util/decoded';
import { parseQuery, urlFields } from '../util/fields';
import { hostIn } from '../util/match';
import type { Dictionary } from '../util/params';

const ID = 'adobe-audience-manager';
const NAME = 'Adobe Audience Manager';

const DICT: Dictionary = {
  d_dpid: { label: 'Data provider ID', group: 'General' },
  dpid: { label: 'Data provider ID', group: 'General' },
  d_dpuuid: { label: 'Data provider user ID', group: 'Visitor' },
  dpuuid: { label: 'Data provider user ID', group: 'Visitor' },
  d_uuid: { label: 'Audience Manager user ID', group: 'Visitor' },
  d_mid: { label: 'Experience Cloud ID', group: 'Visitor' },
  d_orgid: { label: 'Experience Cloud org ID', group: 'General' },
  d_cts: { label: 'Cross-device/response type', group: 'General' },
  d_rtbd: { label: 'Response format', group: 'General' },
  d_nsid: { label: 'Namespace ID', group: 'General' },
  'c_*': { label: 'Customer signal', group: 'Signals' },
  'p_*': { label: 'Private signal', group: 'Signals' },
  'h_*': { label: 'Header signal', group: 'Signals' },
};

function isIbs(path: string): boolean {
  return path.startsWith('/ibs:');
}

export const adobeAudienceManager: RequestDecoder = {
  id: ID,
  name: NAME,
  match: (url) => hostIn(url.hostname, ['.demdex.net']) && (isIbs(url.pathname) || /^\/event\/?$/.test(url.pathname)),
  decode: (url) => {
    const problems: string[] = [];
    const ibs = isIbs(url.pathname);
    const f = ibs ? parseQuery(url.pathname.slice('/ibs:'.length), problems).concat(urlFields(url, problems)) : urlFields(url, problems);
    const requestType = ibs ? 'ID Sync' : 'Event';
    const sub = url.hostname.toLowerCase().replace(/\.demdex\.net$/, '');
    // The partner subdomain names the customer; "dpm" is Adobe's shared sync host.
    const account = sub && sub !== 'dpm' ? sub : undefined;
    return decodedFields(ID, NAME, f, DICT, { role: 'other', account, requestType, problems });
  },
};
