/**
 * LivePerson (LiveEngage / Conversational Cloud): which LivePerson request is which.
 * - `lptag.liveperson.net/tag/tag.js?site=<account>`: the tag loads (library);
 * - `/api/js/<site>` page reports and the Monitoring / Engagement Attributes APIs: hits
 *   (liveperson-report.ts);
 * - any other *.liveperson.net / *.lpsnmedia.net traffic (taglet configuration, zones, the
 *   messaging window): vendor traffic with the account when the path names it.
 * Page pushes (`lpTag.sdes`, `lpTag.sdes.send`, `lpTag.newPage`, `lpTag.events`) are read by
 * liveperson-push.ts.
 */
import type { RequestDecoder } from '../types';
import { decoded } from '../util/decoded';
import { urlFields } from '../util/fields';
import { hostIn } from '../util/match';
import { describe } from '../util/params';
import { decodeMonitoringApi, decodePageReport } from './liveperson-report';
import { LIVEPERSON_ID, LIVEPERSON_NAME } from './liveperson-sdes';

export { LIVEPERSON_ID } from './liveperson-sdes';
export { livepersonPush } from './liveperson-push';

export const liveperson: RequestDecoder = {
  id: LIVEPERSON_ID,
  name: LIVEPERSON_NAME,
  match: (url) => hostIn(url.hostname, ['.liveperson.net', '.lpsnmedia.net']),
  decode: (url, req) => {
    const report = decodePageReport(url, req) ?? decodeMonitoringApi(url, req);
    if (report) return report;
    const problems: string[] = [];
    const q = urlFields(url, problems);
    const isTag = /\/tag\/tag\.js$/.test(url.pathname);
    const account = q.get('site') ?? /\/(?:api\/account|le_re|hc)\/(\d+)/.exec(url.pathname)?.[1];
    return decoded(LIVEPERSON_ID, LIVEPERSON_NAME, {
      role: isTag ? 'library' : 'other',
      account,
      requestType: isTag ? 'lpTag load' : 'Vendor traffic',
      params: describe(q, { site: 'Account ID' }),
      problems,
    });
  },
};
