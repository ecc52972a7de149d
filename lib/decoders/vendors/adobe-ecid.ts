/**
 * Adobe Experience Cloud ID service (visitor API) calls: `/id?d_visid_ver=…` on demdex.net or
 * an Adobe collection host (`*.omtrdc.net`, CNAMEs keep the same query). Returns the visitor's
 * ECID (`mid`); the org is `d_orgid` or `mcorgid`. Not a tracking hit.
 */
import type { RequestDecoder } from '../types';
import { decoded } from '../util/decoded';
import { urlFields } from '../util/fields';
import { hostIn } from '../util/match';
import { describe, param, type Dictionary } from '../util/params';

const ID = 'adobe-ecid';
const NAME = 'Adobe Experience Cloud ID';

const DICT: Dictionary = {
  d_orgid: { label: 'Experience Cloud org ID', group: 'General' },
  mcorgid: { label: 'Experience Cloud org ID', group: 'General' },
  d_visid_ver: { label: 'Visitor API version', group: 'General' },
  d_fieldgroup: { label: 'Field group', group: 'General' },
  d_rtbd: { label: 'Response format', group: 'General' },
  d_ver: { label: 'API version', group: 'General' },
  d_nsid: { label: 'Namespace ID', group: 'General' },
  mid: { label: 'Experience Cloud ID (ECID)', group: 'Visitor' },
  d_mid: { label: 'Experience Cloud ID (ECID)', group: 'Visitor' },
  ts: { label: 'Timestamp', group: 'General' },
};

export const adobeEcid: RequestDecoder = {
  id: ID,
  name: NAME,
  match: (url) =>
    /^\/id\/?$/.test(url.pathname) &&
    hostIn(url.hostname, ['.demdex.net', '.omtrdc.net']) &&
    (url.searchParams.has('d_visid_ver') || url.searchParams.has('d_fieldgroup')),
  decode: (url) => {
    const problems: string[] = [];
    const f = urlFields(url, problems);
    const org = f.first('d_orgid', 'mcorgid');
    const params = describe(f, DICT);
    if (org) params.unshift(param('orgId', 'Experience Cloud org ID', org, 'General'));
    else problems.push('No Experience Cloud org ID (d_orgid or mcorgid) in this request.');
    return decoded(ID, NAME, { role: 'other', account: org, requestType: 'ID Service', params, problems });
  },
};
