/**
 * Demandbase Engagement (company identification) lookups: `api.company-target.com/api/v2/ip.json?key=<key>`.
 * An IP-to-company lookup, not a tracking hit.
 */
import type { RequestDecoder } from '../types';
import { decoded } from '../util/decoded';
import { urlFields } from '../util/fields';
import { hostIn } from '../util/match';
import { describe, type Dictionary } from '../util/params';

const ID = 'demandbase';
const NAME = 'Demandbase Engagement';

const DICT: Dictionary = {
  key: { label: 'API key', group: 'General' },
  page: { label: 'Page URL', group: 'Page' },
  page_title: { label: 'Page title', group: 'Page' },
  referrer: { label: 'Referrer', group: 'Page' },
  src: { label: 'Source', group: 'General' },
};

export const demandbase: RequestDecoder = {
  id: ID,
  name: NAME,
  match: (url) => hostIn(url.hostname, ['api.company-target.com']) && /^\/api\/v\d+\/ip\.json$/.test(url.pathname),
  decode: (url) => {
    const problems: string[] = [];
    const f = urlFields(url, problems);
    return decoded(ID, NAME, { role: 'other', account: f.first('key'), requestType: 'IP Lookup', params: describe(f, DICT), problems });
  },
};
