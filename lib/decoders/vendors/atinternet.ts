/**
 * AT Internet (Piano Analytics' predecessor) hits: `<collect host>/hit.xiti?s=<site>&…` on any
 * host (collection domains are often first-party, e.g. `a1.api.bbc.co.uk`). No `type` means a
 * page display; otherwise `type` names the hit (click, play, …: its first value, since rich
 * media hits repeat it).
 */
import type { HitBody } from '../../formats/journey';
import type { RequestDecoder } from '../types';
import { decoded, hit, pageOf } from '../util/decoded';
import { urlFields } from '../util/fields';
import { describe, param, requestTypeParam, type Dictionary } from '../util/params';

const ID = 'atinternet';
const NAME = 'AT Internet';

const DICT: Dictionary = {
  s: { label: 'Site ID', group: 'General' },
  s2: { label: 'Level 2 site', group: 'General' },
  type: { label: 'Hit type', group: 'General' },
  vtag: { label: 'Tag version', group: 'General' },
  ptag: { label: 'Tag platform', group: 'General' },
  ts: { label: 'Timestamp', group: 'General' },
  idclient: { label: 'Visitor ID', group: 'Visitor' },
  an: { label: 'Visitor numeric ID', group: 'Visitor' },
  p: { label: 'Page name (chapters::page)', group: 'Page' },
  ref: { label: 'Referrer', group: 'Page' },
  r: { label: 'Screen', group: 'Page' },
  re: { label: 'Window size', group: 'Page' },
  lng: { label: 'Language', group: 'Page' },
  hl: { label: 'Local time', group: 'Page' },
  idp: { label: 'Page view ID', group: 'Page' },
  click: { label: 'Click type', group: 'Event' },
  'x*': { label: 'Site custom variable', group: 'Custom' },
  'f*': { label: 'Page custom variable', group: 'Custom' },
  'm*': { label: 'Rich media field', group: 'Media' },
  cmd: { label: 'Order ID', group: 'Ecommerce' },
  roimt: { label: 'Order amount (ex. tax)', group: 'Ecommerce' },
  mc: { label: 'Internal search keyword', group: 'Page' },
};

export const atinternet: RequestDecoder = {
  id: ID,
  name: NAME,
  match: (url) => url.pathname.endsWith('/hit.xiti'),
  decode: (url, req) => {
    const problems: string[] = [];
    const f = urlFields(url, problems);
    const type = f.first('type');
    const base = { vendor: ID, url: pageOf(undefined, req.pageUrl), clientId: f.first('idclient'), account: f.first('s') };
    const hits: HitBody[] = type
      ? [hit({ ...base, kind: 'event', name: type })]
      : [hit({ ...base, kind: 'pageview', referrer: f.first('ref') })];
    const requestType = type ?? 'Page View';
    return decoded(ID, NAME, {
      account: f.first('s'),
      requestType,
      hits,
      params: [
        requestTypeParam(requestType),
        // Collection hosts are often first-party, so which one received the hit matters.
        param('trackingServer', 'Tracking server', url.hostname, 'General'),
        ...describe(f, DICT),
      ],
      problems,
    });
  },
};
