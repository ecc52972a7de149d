/**
 * The relay's gate: the page's world is untrusted, so a batch is accepted only when every
 * field has exactly the expected type and size. Anything else is dropped whole; the caller
 * never sees a partially trusted object (records are rebuilt field by field).
 */
import {
  BATCH_VERSION,
  CAPTURE_APIS,
  LIMITS,
  PUSH_TARGETS,
  type CaptureApi,
  type CaptureRecord,
  type PageRecord,
  type PushRecord,
  type RequestRecord,
  type RouteRecord,
} from './records';
import { ROUTE_KINDS, type RouteKind } from '../formats/journey';

type Obj = Record<string, unknown>;

const METHOD = /^[A-Za-z]{1,16}$/;
const HTTP_URL = /^https?:\/\//i;

function isPlainObject(v: unknown): v is Obj {
  if (typeof v !== 'object' || v === null || Array.isArray(v)) return false;
  const proto = Object.getPrototypeOf(v) as unknown;
  return proto === Object.prototype || proto === null;
}

function onlyKeys(o: Obj, required: readonly string[], optional: readonly string[]): boolean {
  const keys = Object.keys(o);
  for (const k of required) if (!Object.hasOwn(o, k)) return false;
  return keys.every((k) => required.includes(k) || optional.includes(k));
}

const isTime = (v: unknown): v is number => typeof v === 'number' && Number.isFinite(v) && v > 0;
const isStr = (v: unknown, max: number): v is string => typeof v === 'string' && v.length <= max;
const isUrl = (v: unknown): v is string => isStr(v, LIMITS.url) && HTTP_URL.test(v);
/** Page URLs may also be about:blank / about:srcdoc frames. */
const isPageUrl = (v: unknown): v is string => isStr(v, LIMITS.url) && (HTTP_URL.test(v) || /^about:/.test(v) || /^file:/.test(v));

/** True when `v` is plain JSON (no cycles: JSON has none) within the depth limit. */
function isJsonValue(v: unknown, depth: number): boolean {
  if (v === null || typeof v === 'string' || typeof v === 'boolean') return true;
  if (typeof v === 'number') return Number.isFinite(v);
  if (depth <= 0) return false;
  if (Array.isArray(v)) return v.every((x) => isJsonValue(x, depth - 1));
  if (isPlainObject(v)) return Object.values(v).every((x) => isJsonValue(x, depth - 1));
  return false;
}

function requestRecord(o: Obj): RequestRecord | null {
  if (!onlyKeys(o, ['kind', 'api', 't', 'url', 'method', 'pageUrl'], ['urlNote', 'body', 'bodyEncoding', 'bodyNote', 'status', 'error']))
    return null;
  if (!(CAPTURE_APIS as readonly unknown[]).includes(o.api)) return null;
  if (!isTime(o.t) || !isUrl(o.url) || !isPageUrl(o.pageUrl)) return null;
  if (typeof o.method !== 'string' || !METHOD.test(o.method)) return null;
  if (o.body !== undefined && !isStr(o.body, LIMITS.body)) return null;
  if (o.bodyEncoding !== undefined && (o.bodyEncoding !== 'base64' || o.body === undefined)) return null;
  if (o.bodyNote !== undefined && !isStr(o.bodyNote, LIMITS.note)) return null;
  if (o.urlNote !== undefined && !isStr(o.urlNote, LIMITS.note)) return null;
  if (o.error !== undefined && !isStr(o.error, LIMITS.error)) return null;
  if (o.status !== undefined && !(Number.isInteger(o.status) && (o.status as number) >= 0 && (o.status as number) <= 999)) return null;
  const r: RequestRecord = {
    kind: 'request',
    api: o.api as CaptureApi,
    t: o.t,
    url: o.url,
    method: o.method.toUpperCase(),
    pageUrl: o.pageUrl,
  };
  if (o.urlNote !== undefined) r.urlNote = o.urlNote as string;
  if (o.body !== undefined) r.body = o.body as string;
  if (o.bodyEncoding !== undefined) r.bodyEncoding = 'base64';
  if (o.bodyNote !== undefined) r.bodyNote = o.bodyNote as string;
  if (o.status !== undefined) r.status = o.status as number;
  if (o.error !== undefined) r.error = o.error as string;
  return r;
}

function pushRecord(o: Obj): PushRecord | null {
  if (!onlyKeys(o, ['kind', 't', 'target', 'value', 'pageUrl'], [])) return null;
  if (!(PUSH_TARGETS as readonly unknown[]).includes(o.target)) return null;
  if (!isTime(o.t) || !isPageUrl(o.pageUrl)) return null;
  if (!isJsonValue(o.value, LIMITS.depth)) return null;
  if (JSON.stringify(o.value).length > LIMITS.value) return null;
  // Re-parsed so the stored value shares nothing with the page's object graph.
  return { kind: 'push', t: o.t, target: o.target as string, value: JSON.parse(JSON.stringify(o.value)) as unknown, pageUrl: o.pageUrl };
}

function pageRecord(o: Obj): PageRecord | null {
  if (!onlyKeys(o, ['kind', 't', 'url', 'referrer'], ['userAgent', 'language', 'timezoneOffset'])) return null;
  if (!isTime(o.t) || !isUrl(o.url)) return null;
  if (!(o.referrer === '' || isUrl(o.referrer))) return null;
  if (o.userAgent !== undefined && !isStr(o.userAgent, LIMITS.note * 4)) return null;
  if (o.language !== undefined && !isStr(o.language, LIMITS.note)) return null;
  const tz = o.timezoneOffset;
  if (tz !== undefined && !(Number.isInteger(tz) && Math.abs(tz as number) <= 24 * 60)) return null;
  const r: PageRecord = { kind: 'page', t: o.t, url: o.url, referrer: o.referrer as string };
  if (o.userAgent !== undefined) r.userAgent = o.userAgent as string;
  if (o.language !== undefined) r.language = o.language as string;
  if (tz !== undefined) r.timezoneOffset = tz as number;
  return r;
}

function routeRecord(o: Obj): RouteRecord | null {
  if (!onlyKeys(o, ['kind', 't', 'url', 'from', 'how'], [])) return null;
  if (!isTime(o.t) || !isUrl(o.url)) return null;
  if (!(o.from === '' || isUrl(o.from))) return null;
  if (!(ROUTE_KINDS as readonly unknown[]).includes(o.how)) return null;
  return { kind: 'route', t: o.t, url: o.url, from: o.from as string, how: o.how as RouteKind };
}

/** One record rebuilt from untrusted input, or null. */
export function validateRecord(value: unknown): CaptureRecord | null {
  if (!isPlainObject(value)) return null;
  switch (value.kind) {
    case 'request':
      return requestRecord(value);
    case 'push':
      return pushRecord(value);
    case 'page':
      return pageRecord(value);
    case 'route':
      return routeRecord(value);
    default:
      return null;
  }
}

/** Every record valid (and within the count limit), or null: one bad record drops the batch. */
export function validateRecords(value: unknown): CaptureRecord[] | null {
  if (!Array.isArray(value) || value.length === 0 || value.length > LIMITS.records) return null;
  const out: CaptureRecord[] = [];
  for (const v of value) {
    const r = validateRecord(v);
    if (!r) return null;
    out.push(r);
  }
  return out;
}

/** A hook event's `detail` (the batch's JSON text) to records, or null for anything else. */
export function parseBatch(detail: unknown): CaptureRecord[] | null {
  if (typeof detail !== 'string' || detail.length === 0 || detail.length > LIMITS.batch) return null;
  let parsed: unknown;
  try {
    parsed = JSON.parse(detail);
  } catch {
    return null;
  }
  if (!isPlainObject(parsed) || !onlyKeys(parsed, ['v', 'records'], []) || parsed.v !== BATCH_VERSION) return null;
  return validateRecords(parsed.records);
}

/** How far a record's time may be from its arrival: a relay retries for seconds, not hours. */
export const MAX_AGE_MS = 15 * 60_000;
export const MAX_AHEAD_MS = 60_000;

/** The origin a page or frame URL belongs to (about:blank frames: "about:"). */
function originOf(url: string): string {
  if (!HTTP_URL.test(url)) return url.slice(0, url.indexOf(':') + 1);
  try {
    return new URL(url).origin;
  } catch {
    return '';
  }
}

/**
 * Whether a record can have come from the frame that sent it: it names that frame's origin as
 * its page (a page or route record, as its URL) and a time near its arrival. A relay only forwards what
 * its own document's hook saw, so anything else is refused.
 */
export function fromSender(rec: CaptureRecord, senderUrl: string, now: number): boolean {
  if (rec.t > now + MAX_AHEAD_MS || rec.t < now - MAX_AGE_MS) return false;
  // A route's address stays in its document's origin (the history API cannot leave it).
  const page = rec.kind === 'page' || rec.kind === 'route' ? rec.url : rec.pageUrl;
  return originOf(page) === originOf(senderUrl);
}

const DOC_ID = /^[A-Za-z0-9-]{8,64}$/;

/**
 * A relay's `goalpost:capture` message to its numbered records: each record rebuilt, or
 * undefined where it is malformed or `accept` refuses it (its number stays used, so the rest of
 * the batch is still stored). Null when the envelope itself is malformed.
 */
export function validateRelayBatch(
  m: { doc?: unknown; seq?: unknown; records?: unknown },
  accept: (rec: CaptureRecord) => boolean,
): { doc: string; seq: number; records: (CaptureRecord | undefined)[] } | null {
  if (typeof m.doc !== 'string' || !DOC_ID.test(m.doc)) return null;
  if (!Number.isSafeInteger(m.seq) || (m.seq as number) < 0) return null;
  if (!Array.isArray(m.records) || m.records.length === 0 || m.records.length > LIMITS.records) return null;
  const records = m.records.map((v) => {
    const r = validateRecord(v);
    return r && accept(r) ? r : undefined;
  });
  return { doc: m.doc, seq: m.seq as number, records };
}
