/**
 * Comscore (Scorecard Research) beacons: `*.scorecardresearch.com/p|b?c1=<type>&c2=<client id>`.
 * `c1=2` is the web page-tag type; `c7` carries the page URL when the tag sends it.
 */
import type { RequestDecoder } from '../types';
import { decoded, hit, pageOf } from '../util/decoded';
import { urlFields } from '../util/fields';
import { hostIn } from '../util/match';
import { describe, type Dictionary } from '../util/params';

const ID = 'comscore';
const NAME = 'Comscore';
const TAG_TYPES: Record<string, string> = { '1': 'Ad tag', '2': 'Page view tag', '19': 'Application tag' };

const DICT: Dictionary = {
  c1: { label: 'Tag type', group: 'General' },
  c2: { label: 'Client ID', group: 'General' },
  c3: { label: 'Client-defined 3', group: 'Custom' },
  c4: { label: 'Client-defined 4 / URL', group: 'Custom' },
  c5: { label: 'Client-defined 5', group: 'Custom' },
  c6: { label: 'Client-defined 6', group: 'Custom' },
  c7: { label: 'Page URL', group: 'Page' },
  c8: { label: 'Page title', group: 'Page' },
  c9: { label: 'Referrer', group: 'Page' },
  c12: { label: 'Visitor ID', group: 'Visitor' },
  cv: { label: 'Tag version', group: 'General' },
  cj: { label: 'JavaScript tag', group: 'General' },
  ns_type: { label: 'Hit type', group: 'General' },
  rn: { label: 'Cache buster', group: 'General' },
  cs_ucfr: { label: 'Consent (ucfr)', group: 'Consent' },
};

export const comscore: RequestDecoder = {
  id: ID,
  name: NAME,
  match: (url) => hostIn(url.hostname, ['.scorecardresearch.com']) && /^\/[pb]2?\/?$/.test(url.pathname),
  decode: (url, req) => {
    const problems: string[] = [];
    const f = urlFields(url, problems);
    const c1 = f.first('c1');
    const requestType = c1 ? (TAG_TYPES[c1] ?? `Tag type ${c1}`) : undefined;
    const account = f.first('c2');
    return decoded(ID, NAME, {
      account,
      requestType,
      hits: [
        hit({
          vendor: ID,
          kind: 'pageview',
          url: pageOf(f.first('c7'), req.pageUrl),
          referrer: f.first('c9'),
          clientId: f.first('c12'),
          account,
        }),
      ],
      params: describe(f, DICT),
      problems,
    });
  },
};
