/**
 * What LivePerson receives over the network, by request shape:
 *
 * - The web tag's page reports, `GET https://<zone>.v.liveperson.net/api/js/<site>?sid=…&vid=…
 *   &t=sp|pl|ip&ts=…&pid=…&tid=…&u=…&pt=…&r=…&sdes=[…]` (JSONP, `cb=lpCb…`). Confirmed from
 *   public recordings of real sites (`va.v`/`sy.v`, sites 58507821, 48719195, 48853463,
 *   15532512): `sp` starts a page and carries the page URL, title, referrer, sections (`sec`) and
 *   the SDEs pushed so far; `pl` follows when the page has loaded and `ip` polls about every 10 s,
 *   both with ids only. A first visit's `sp` has no `sid`/`vid` (the response assigns them), so
 *   its hits have no ids and join the ones read later on the same page.
 *   Only `sp` is a page view: `pl` and `ip` report the same page again.
 * - The Monitoring API (apps and servers), `PUT /api/account/<site>/app/<app>/report?v=…&vid=…&sid=…`
 *   and `POST …/engagement`, a JSON body with `engagementAttributes` (developer center, Monitoring
 *   API "Report" and "Engagement"), including the impression events `impDisplay`/`impAccept`.
 * - The Engagement Attributes API, `POST /api/account/<site>/monitoring/visitors/<vid>/visits/current/events?v=1&sid=…`
 *   whose body is the SDE array itself.
 */
import type { HitBody } from '../../formats/journey';
import type { Decoded, RawRequest } from '../types';
import { decoded, hit, pageOf } from '../util/decoded';
import { urlFields, type Fields } from '../util/fields';
import { flatten, isObject, parseJson } from '../util/json';
import { safeDecode } from '../util/percent';
import { describe, param, requestTypeParam, type Dictionary } from '../util/params';
import { LIVEPERSON_ID, LIVEPERSON_NAME, sdeHits, sdeTypes, type SdeBase } from './liveperson-sdes';

const PAGE_REPORT = /^\/api\/js\/([^/]+)\/?$/;
const MONITORING = /^\/api\/account\/([^/]+)\/app\/([^/]+)\/(report|engagement)\/?$/;
const ATTRIBUTES = /^\/api\/account\/([^/]+)\/monitoring\/visitors\/([^/]+)\/visits\/current\/events\/?$/;

const REPORT_TYPES: Record<string, string> = { sp: 'Page start (sp)', pl: 'Page loaded (pl)', ip: 'In-page poll (ip)' };

const DICT: Dictionary = {
  sid: { label: 'Session ID', group: 'General' },
  vid: { label: 'Visitor ID', group: 'General' },
  t: { label: 'Report type', group: 'General' },
  ts: { label: 'Timestamp', group: 'General' },
  pid: { label: 'Page ID', group: 'Page' },
  tid: { label: 'Tab ID', group: 'Page' },
  u: { label: 'Page URL', group: 'Page' },
  pt: { label: 'Page title', group: 'Page' },
  r: { label: 'Referrer', group: 'Page' },
  sec: { label: 'Sections', group: 'Page' },
  rvt: { label: 'Last visit time', group: 'General' },
  cb: { label: 'JSONP callback', group: 'General' },
  v: { label: 'API version', group: 'General' },
  sdes: { label: 'Engagement attributes', group: 'Engagement attributes' },
  identities: { label: 'Identities', group: 'General' },
};

/** The base every hit of one request shares: the page, and LivePerson's ids when sent. */
function base(url: string, account: string, vid: string | undefined, sid: string | undefined): SdeBase {
  const b: SdeBase = { vendor: LIVEPERSON_ID, url, account };
  if (vid) b.clientId = vid;
  if (sid) b.sessionId = sid;
  return b;
}

function sdeParams(value: unknown, group: string): ReturnType<typeof describe> {
  return describe(flatten(value), {}, group).filter((p) => p.key !== '');
}

/** `sdes=[…]` of a page report: JSON (the tag's JSON.stringify), or a problem sentence. */
function reportSdes(q: Fields, problems: string[]): unknown {
  const raw = q.get('sdes');
  if (raw === undefined || raw === '') return undefined;
  return parseJson(raw, problems, 'sdes parameter');
}

export function decodePageReport(url: URL, req: RawRequest): Decoded | null {
  const m = PAGE_REPORT.exec(url.pathname);
  if (!m) return null;
  const problems: string[] = [];
  const q = urlFields(url, problems);
  const type = q.get('t') ?? '';
  const page = pageOf(q.get('u'), req.pageUrl);
  const account = segment(m[1]!);
  const b = base(page, account, q.get('vid'), q.get('sid'));
  const hits: HitBody[] = [];
  if (type === 'sp') {
    const referrer = q.get('r');
    hits.push(hit({ ...b, kind: 'pageview', ...(referrer ? { referrer } : {}) }));
  }
  const sdes = reportSdes(q, problems);
  if (sdes !== undefined) hits.push(...sdeHits(sdes, b, problems));
  const requestType = REPORT_TYPES[type] ?? (type ? `Report (t=${type})` : 'Report');
  return decoded(LIVEPERSON_ID, LIVEPERSON_NAME, {
    account,
    requestType,
    hits,
    params: [
      requestTypeParam(requestType),
      ...describe(
        q.pairs.filter(([k]) => k !== 'sdes'),
        DICT,
      ),
      ...(sdes !== undefined ? sdeParams(sdes, 'Engagement attributes') : []),
    ],
    problems,
  });
}

/** A path segment as written, percent-decoded where it decodes. */
function segment(s: string): string {
  return safeDecode(s, undefined, false);
}

function withoutKey(o: Record<string, unknown>, key: string): Record<string, unknown> {
  const { [key]: _drop, ...rest } = o;
  return rest;
}

function jsonBody(req: RawRequest, problems: string[]): unknown {
  if (req.body === undefined || req.body === '') {
    problems.push('The request has no body, so its engagement attributes could not be read.');
    return undefined;
  }
  return parseJson(req.body, problems);
}

export function decodeMonitoringApi(url: URL, req: RawRequest): Decoded | null {
  const monitoring = MONITORING.exec(url.pathname);
  const attributes = monitoring ? null : ATTRIBUTES.exec(url.pathname);
  if (!monitoring && !attributes) return null;
  const problems: string[] = [];
  const q = urlFields(url, problems);
  const body = jsonBody(req, problems);
  const vid = attributes ? segment(attributes[2]!) : q.get('vid');
  const account = segment((monitoring ?? attributes)![1]!);
  const b = base(pageOf(undefined, req.pageUrl), account, vid, q.get('sid'));
  // Monitoring API: {engagementAttributes: […]}; Engagement Attributes API: the array itself.
  const sdes = monitoring ? (isObject(body) ? body.engagementAttributes : undefined) : body;
  if (body !== undefined && sdes === undefined) problems.push('The body has no engagementAttributes.');
  const requestType = attributes
    ? 'Engagement Attributes API'
    : monitoring![3] === 'report'
      ? 'Monitoring API report'
      : 'Monitoring API engagement';
  const types = sdes !== undefined ? sdeTypes(sdes) : '';
  return decoded(LIVEPERSON_ID, LIVEPERSON_NAME, {
    account,
    requestType: types ? `${requestType}: ${types}` : requestType,
    hits: sdes !== undefined ? sdeHits(sdes, b, problems) : [],
    params: [
      requestTypeParam(requestType),
      ...(monitoring ? [param('app', 'App installation ID', segment(monitoring[2]!), 'General')] : []),
      ...(attributes ? [param('vid', 'Visitor ID', vid ?? '', 'General')] : []),
      ...describe(q, DICT),
      ...(isObject(body) ? sdeParams(withoutKey(body, 'engagementAttributes'), 'Body') : []),
      ...(sdes !== undefined ? sdeParams(sdes, 'Engagement attributes') : []),
    ],
    problems,
  });
}
