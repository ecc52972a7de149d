/**
 * Dynamic Yield personalisation calls on `px*.dynamicyield.com` (`/uia` user identification,
 * `/var` variation impressions, `/dpx` data events, …). The section id (`sec`) names the site.
 * Payload formats are not publicly documented, so these are shown as vendor traffic only.
 */
import type { RequestDecoder } from '../types';
import { decodedFields } from '../util/decoded';
import { urlFields } from '../util/fields';
import { hostIn } from '../util/match';
import type { Dictionary } from '../util/params';

const ID = 'dynamic-yield';
const NAME = 'Dynamic Yield';
const TYPES: Record<string, string> = {
  uia: 'User Identification',
  var: 'Variation Impression',
  dpx: 'Data Event',
  imp: 'Impression',
  clk: 'Click',
};

const DICT: Dictionary = {
  sec: { label: 'Section ID', group: 'General' },
  cnst: { label: 'Consent', group: 'Consent' },
  uid: { label: 'User ID', group: 'Visitor' },
  _: { label: 'Cache buster', group: 'General' },
};

export const dynamicYield: RequestDecoder = {
  id: ID,
  name: NAME,
  match: (url) => hostIn(url.hostname, ['.dynamicyield.com']) && /(^|\.|-)px/.test(url.hostname) && !url.pathname.endsWith('.js'),
  decode: (url) => {
    const problems: string[] = [];
    const f = urlFields(url, problems);
    const segment = url.pathname.split('/').filter(Boolean)[0] ?? '';
    const requestType = TYPES[segment] ?? (segment || undefined);
    return decodedFields(ID, NAME, f, DICT, { role: 'other', account: f.first('sec'), requestType, problems });
  },
};
