/**
 * Webtrends (OnDemand / Analytics) SmartSource hits: `/<dcs id>/dcs.gif?dcsuri=…&WT.*=…` on the
 * collection host (statse.webtrendslive.com, *.webtrends.com or a first-party host). The DCS id
 * in the path is the account. `WT.dl` is the hit type: 0 a page view, other codes link and
 * form events (documented codes get a readable name). `WT.co_f` is the visitor cookie.
 */
import type { HitBody } from '../../formats/journey';
import type { RequestDecoder } from '../types';
import { decoded, hit, pageOf } from '../util/decoded';
import { urlFields } from '../util/fields';
import { describe, param, requestTypeParam, type Dictionary } from '../util/params';

const ID = 'webtrends';
const NAME = 'Webtrends';
const PATH = /^(?:\/([^/]+))?\/dcs\.gif$/;
const DL: Record<string, string> = {
  '0': 'Page View',
  '20': 'Download Click',
  '21': 'Anchor Click',
  '22': 'JavaScript Click',
  '23': 'Mailto Click',
  '24': 'Exit Click',
  '25': 'Right Click',
  '26': 'Form Submit (GET)',
  '27': 'Form Submit (POST)',
};

const DICT: Dictionary = {
  dcssip: { label: 'Host', group: 'Page' },
  dcsuri: { label: 'Path', group: 'Page' },
  dcsqry: { label: 'Query', group: 'Page' },
  dcsref: { label: 'Referrer', group: 'Page' },
  dcsdat: { label: 'Cache buster', group: 'General' },
  'WT.ti': { label: 'Page title', group: 'Page' },
  'WT.dl': { label: 'Hit type', group: 'General' },
  'WT.co_f': { label: 'Visitor ID', group: 'Visitor' },
  'WT.vtid': { label: 'Visitor ID', group: 'Visitor' },
  'WT.vtvs': { label: 'Visit start', group: 'Session' },
  'WT.es': { label: 'Event source', group: 'Page' },
  'WT.seg_*': { label: 'Segment', group: 'Custom' },
  'WT.hdr.*': { label: 'Header', group: 'General' },
  'WT.*': { label: 'WT.', group: 'Other' },
};

export const webtrends: RequestDecoder = {
  id: ID,
  name: NAME,
  match: (url) => PATH.test(url.pathname) && (url.pathname.split('/').length === 3 || url.searchParams.has('dcsuri')),
  decode: (url, req) => {
    const problems: string[] = [];
    const f = urlFields(url, problems);
    const dcs = PATH.exec(url.pathname)?.[1];
    const account = dcs && /^dcs/i.test(dcs) ? dcs : undefined;
    const dl = f.first('WT.dl') ?? '0';
    const requestType = DL[dl] ?? `WT.dl ${dl}`;
    const host = f.first('dcssip');
    const path = f.first('dcsuri');
    const page = host && path ? `https://${host}${path.startsWith('/') ? '' : '/'}${path}` : undefined;
    const base = { vendor: ID, url: pageOf(page, req.pageUrl), clientId: f.first('WT.co_f', 'WT.vtid'), account };
    const hits: HitBody[] = [
      dl === '0' ? hit({ ...base, kind: 'pageview', referrer: f.first('dcsref') }) : hit({ ...base, kind: 'event', name: requestType }),
    ];
    const params = describe(f, DICT);
    if (account) params.unshift(param('accountID', 'Account (DCS ID)', account, 'General'));
    params.unshift(requestTypeParam(requestType));
    return decoded(ID, NAME, { account, requestType, hits, params, problems });
  },
};
