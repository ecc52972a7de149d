/**
 * Ptengine's collection requests as its tag script pta.js (v1.65.0) builds them, read from the
 * tag's public source (see docs/vendors.md for where):
 *
 * - path: `/pn` a page view that opens a visit, `/pv` a page view in the visit (also a
 *   `setPVTag` virtual page), `/te` events, `/ec` e-commerce and user events, `/hb` heartbeat,
 *   `/oc` heatmap click, `/os` heatmap scroll, `/egg` Experience (engage) events;
 * - transport: an XHR POST whose body is `encodeURIComponent(JSON.stringify({sid, uid, vid, pid,
 *   peid, v, ts, …}))` (sent without a Content-Type, so as text/plain); when no XHR can be made,
 *   a GET (image or script) with `?id=<sid>.<uid>.<vid>.<pid>.<peid>&…&v=…&ts=…`;
 * - inside: `p` (page URL), `ref`, `vref` and `tl` (title) are themselves URI-encoded, with `&`
 *   in the URL sent as `*&*` (and `+` in the referrer as `*+*`); `ptif` starts with the terminal
 *   type (1 phone, 2 PC, 3 PC emulating a phone, 4 tablet, 0 unknown);
 * - `/te` carries `eid` (comma-separated `<name>:<type>:<flag>` entries, each followed by
 *   `|<key>:<type>:<value>` properties for setCustomVarV2) and/or `stat` = category.action.label.value
 *   (legacy setTrackEvent); `/ec` carries a `data` list (GET fallback: the list as JSON in `eid`);
 * - `/egg` (engage.js) carries `engagerId`, `engagerVerId`, `engagerType` view | click | close,
 *   `triggerCondition`, `variant`.
 */
import type { HitBody } from '../../formats/journey';
import { hit } from '../util/decoded';
import { isObject, parseJson, str } from '../util/json';
import { describe, param, type Dictionary } from '../util/params';
import { safeDecode } from '../util/percent';
import type { DecodedParam } from '../types';

export const PTENGINE = 'ptengine';

export type CollectPath = 'pn' | 'pv' | 'te' | 'ec' | 'hb' | 'oc' | 'os' | 'egg';

export const REQUEST_TYPES: Record<CollectPath, string> = {
  pn: 'Page view (opens a visit)',
  pv: 'Page view',
  te: 'Event',
  ec: 'E-commerce / user event',
  hb: 'Heartbeat',
  oc: 'Heatmap click',
  os: 'Heatmap scroll',
  egg: 'Experience event',
};

const DICT: Dictionary = {
  sid: { label: 'Account (sid)', group: 'General' },
  uid: { label: 'Visitor id (uid)', group: 'General' },
  vid: { label: 'Visit id (vid)', group: 'General' },
  pid: { label: 'Page id (pid)', group: 'General' },
  peid: { label: 'Page view id (peid)', group: 'General' },
  v: { label: 'Tag version', group: 'General' },
  ts: { label: 'Time stamp', group: 'General' },
  p: { label: 'Page URL', group: 'Page' },
  tl: { label: 'Title', group: 'Page' },
  ref: { label: 'Referrer', group: 'Page' },
  vref: { label: 'Visit referrer', group: 'Page' },
  stat: { label: 'Statistics', group: 'Page' },
  pvn: { label: 'Page view number', group: 'Page' },
  ptif: { label: 'Terminal and screen', group: 'Page' },
  eid: { label: 'Event', group: 'Event' },
  op: { label: 'A/B test (Optimizely)', group: 'Event' },
  pvid: { label: 'Page view variables', group: 'Custom' },
  engagerId: { label: 'Experience id', group: 'Experience' },
  engagerVerId: { label: 'Experience version id', group: 'Experience' },
  engagerType: { label: 'Experience event', group: 'Experience' },
  triggerCondition: { label: 'Trigger', group: 'Experience' },
};

/** The fields of one collection request, with their inner URI encoding still on. */
export interface CollectFields {
  /** Field -> value as the tag put it in (strings still URI-encoded where the tag encoded them). */
  raw: Map<string, unknown>;
  transport: 'POST' | 'GET';
}

/** Splits `?a=b&c=d` without decoding: the tag encoded each value once, on purpose. */
function rawQuery(search: string): Map<string, unknown> {
  const out = new Map<string, unknown>();
  for (const part of search.replace(/^\?/, '').split('&')) {
    if (part === '') continue;
    const eq = part.indexOf('=');
    const key = eq < 0 ? part : part.slice(0, eq);
    if (!out.has(key)) out.set(key, eq < 0 ? '' : part.slice(eq + 1));
  }
  return out;
}

/**
 * The request's fields: the POST body (URI-encoded JSON, also read when sent unencoded) over
 * the query. The GET fallback packs sid.uid.vid.pid.peid into `id`.
 */
export function collectFields(url: URL, body: string | undefined, problems: string[]): CollectFields {
  const raw = rawQuery(url.search);
  let transport: CollectFields['transport'] = 'GET';
  const text = body?.trim();
  if (text) {
    const json = text.startsWith('{') ? text : safeDecode(text, problems, false);
    const parsed = parseJson(json, problems, 'body (URI-encoded JSON)');
    if (isObject(parsed)) {
      transport = 'POST';
      for (const [k, v] of Object.entries(parsed)) raw.set(k, v);
    } else if (parsed !== undefined) problems.push("The body is JSON but not an object, which Ptengine's tag never sends.");
  }
  const id = str(raw.get('id'));
  if (id !== undefined) {
    const parts = id.split('.');
    ['sid', 'uid', 'vid', 'pid', 'peid'].forEach((k, i) => {
      if (!raw.has(k) && parts[i]) raw.set(k, parts[i]);
    });
    if (parts.length !== 5) problems.push(`The id "${id.slice(0, 80)}" does not have the five parts sid.uid.vid.pid.peid.`);
  }
  return { raw, transport };
}

/** A value the tag URI-encoded (p, ref, vref, tl, eid pieces), decoded, with its `*&*` undone. */
export function inner(value: unknown, problems: string[]): string | undefined {
  const s = str(value);
  if (s === undefined) return undefined;
  return safeDecode(s, problems, false)
    .replace(/\*&\*/g, '&')
    .replace(/\*\+\*/g, '+');
}

/** The page URL the tag reported; a relative one (setPVTag with replace) resolved against the page. */
export function pageUrlOf(fields: CollectFields, pageUrl: string | undefined, problems: string[]): string | undefined {
  const p = inner(fields.raw.get('p'), problems);
  if (!p) return undefined;
  if (/^[a-z][a-z0-9+.-]*:/i.test(p) || !pageUrl) return p;
  try {
    return new URL(p, pageUrl).href;
  } catch {
    return p;
  }
}

export interface TeEvent {
  name: string;
  properties: [string, string][];
}

/** `/te` eid: `name:type:flag[|key:type:value…]`, entries comma-separated, each piece URI-encoded. */
export function teEvents(eid: string, problems: string[]): TeEvent[] {
  const out: TeEvent[] = [];
  for (const entry of eid.split(',')) {
    if (entry === '') continue;
    const [head = '', ...props] = entry.split('|');
    const name = safeDecode(head.split(':')[0] ?? '', problems, false);
    if (name === '') continue;
    out.push({
      name,
      properties: props.map((p) => {
        const [key = '', type = '', ...value] = p.split(':');
        return [`${safeDecode(key, problems, false)} (${type})`, safeDecode(value.join(':'), problems, false)] as [string, string];
      }),
    });
  }
  return out;
}

/** Legacy setTrackEvent `stat` = category.action.label.value (dots inside were sent as %2E). */
export function trackEvent(stat: string, problems: string[]): { name: string; label?: string; value?: string } | undefined {
  const [cat, action, label, value] = stat.split('.').map((s) => safeDecode(s, problems, false));
  if (!cat) return undefined;
  const out: { name: string; label?: string; value?: string } = { name: action ? `${cat} / ${action}` : cat };
  if (label) out.label = label;
  if (value && value !== '0') out.value = value;
  return out;
}

/** `/ec` data: the POST's list, or the GET fallback's JSON in `eid`. */
export function ecItems(fields: CollectFields, problems: string[]): Record<string, unknown>[] {
  let data = fields.raw.get('data');
  if (data === undefined && fields.transport === 'GET') {
    const eid = str(fields.raw.get('eid'));
    if (eid) data = parseJson(safeDecode(eid, problems, false), problems, 'eid (e-commerce data)');
  }
  const list = Array.isArray(data) ? data : data === undefined ? [] : [data];
  return list.filter(isObject);
}

const TERMINALS: Record<string, string> = { '0': 'unknown', '1': 'smartphone', '2': 'PC', '3': 'PC (emulating a phone)', '4': 'tablet' };

/** The rows the panel shows, in the tag's own field names, decoded. */
export function collectParams(fields: CollectFields, path: CollectPath, problems: string[]): DecodedParam[] {
  const pairs: [string, string][] = [];
  for (const [k, v] of fields.raw) {
    if (k === 'id' || k === 'data' || k === 'variant') continue;
    const text = ['p', 'ref', 'vref', 'tl'].includes(k) ? inner(v, problems) : str(v);
    if (text !== undefined) pairs.push([k, text]);
  }
  const params = [
    param('requestType', 'Request type', REQUEST_TYPES[path], 'General'),
    param('transport', 'Transport', fields.transport === 'POST' ? 'XHR POST (URI-encoded JSON)' : 'GET fallback', 'General'),
  ];
  params.push(...describe(pairs, DICT));
  const ptif = str(fields.raw.get('ptif'));
  if (ptif) params.push(param('terminal', 'Terminal type', TERMINALS[ptif[0] ?? ''] ?? ptif[0] ?? '', 'Page'));
  const variant = fields.raw.get('variant');
  if (isObject(variant))
    for (const [k, v] of Object.entries(variant))
      params.push(param(`variant.${k}`, `Variant ${k}`, str(v) ?? JSON.stringify(v) ?? '', 'Experience'));
  return params;
}

/** The hits of one collection request (none for heartbeats and heatmap data). */
export function collectHits(path: CollectPath, fields: CollectFields, pageUrl: string | undefined, problems: string[]): HitBody[] {
  const r = fields.raw;
  const page = pageUrlOf(fields, pageUrl, problems) ?? pageUrl ?? '';
  const base: Omit<HitBody, 'kind'> = {
    vendor: PTENGINE,
    url: page,
    clientId: str(r.get('uid')),
    sessionId: str(r.get('vid')),
    account: str(r.get('sid')),
  };
  switch (path) {
    case 'pn':
    case 'pv': {
      if (!str(r.get('p'))) {
        problems.push(`This /${path} page view names no page URL (p).`);
        return [];
      }
      const referrer = inner(r.get('ref'), problems);
      return [hit({ ...base, kind: 'pageview', referrer: referrer || undefined, ...(path === 'pn' ? { opensVisit: true } : {}) })];
    }
    case 'te': {
      const out: HitBody[] = [];
      const eid = str(r.get('eid'));
      if (eid) for (const e of teEvents(eid, problems)) out.push(hit({ ...base, url: pageUrl ?? '', kind: 'event', name: e.name }));
      const stat = str(r.get('stat'));
      const legacy = stat ? trackEvent(stat, problems) : undefined;
      if (legacy) out.push(hit({ ...base, url: pageUrl ?? '', kind: 'event', name: legacy.name }));
      if (out.length === 0) problems.push('This /te request names no event (neither eid nor stat).');
      return out;
    }
    case 'ec': {
      const out: HitBody[] = [];
      for (const item of ecItems(fields, problems)) {
        const name = str(item.pt_category) ?? str(item.eventName);
        if (name) out.push(hit({ ...base, url: pageUrl ?? '', kind: 'event', name }));
      }
      if (out.length === 0) problems.push('This /ec request carries no item with a pt_category.');
      return out;
    }
    case 'egg': {
      const id = str(r.get('engagerId'));
      const type = str(r.get('engagerType'));
      const at = { ...base, url: pageUrl ?? '' };
      if (!id) {
        problems.push('This /egg request names no experience (engagerId).');
        return [];
      }
      if (type === 'view') return [hit({ ...at, kind: 'experience', experience: withVariant(id, str(r.get('engagerVerId'))) })];
      if (type === 'click') return [hit({ ...at, kind: 'engagement', experience: withVariant(id, str(r.get('engagerVerId'))) })];
      return [];
    }
    default:
      return [];
  }
}

function withVariant(id: string, variant: string | undefined): { id: string; variant?: string } {
  return variant ? { id, variant } : { id };
}
