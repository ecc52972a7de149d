/**
 * What the page-world hook reports through the relay. The relay accepts only records of
 * exactly these shapes (see validate.ts); everything else a page could post is dropped.
 */
import type { RouteKind } from '../formats/journey';

export type CaptureApi = 'fetch' | 'xhr' | 'beacon' | 'image' | 'script';
export const CAPTURE_APIS: readonly CaptureApi[] = ['fetch', 'xhr', 'beacon', 'image', 'script'];

/** Page API queues the hook watches (push targets as decoders name them). */
export const PUSH_TARGETS = ['dataLayer', 'lpTag.sdes', '_pt_sp_2', 'lpTag.sdes.send', 'lpTag.newPage', 'lpTag.events'] as const;
export type PushTarget = (typeof PUSH_TARGETS)[number];

export interface RequestRecord {
  kind: 'request';
  api: CaptureApi;
  /** Epoch ms in the page's clock. */
  t: number;
  url: string;
  /** Set when the URL was cut to the size limit: says so, with its full length. */
  urlNote?: string;
  method: string;
  body?: string;
  /** `base64`: `body` holds a binary body's bytes (a gzip upload, …), whole, as base64. */
  bodyEncoding?: 'base64';
  /** Set when the body was not text (Blob, ArrayBuffer, …) or was cut to the size limit. */
  bodyNote?: string;
  pageUrl: string;
  /** Known to the page for fetch/xhr; the network view fills it otherwise. */
  status?: number;
  error?: string;
}

export interface PushRecord {
  kind: 'push';
  t: number;
  target: string;
  value: unknown;
  pageUrl: string;
}

/** A top-level document as the page sees it: carries what webNavigation does not (the referrer). */
export interface PageRecord {
  kind: 'page';
  t: number;
  url: string;
  referrer: string;
  /** navigator.userAgent, navigator.language and the time-zone offset: gtag's linker checksum covers them. */
  userAgent?: string;
  language?: string;
  timezoneOffset?: number;
}

/**
 * The address bar changed without a new document (history API, back/forward within the
 * document, a fragment, the Navigation API), or a document came back from the back/forward cache.
 */
export interface RouteRecord {
  kind: 'route';
  t: number;
  url: string;
  /** The address before the change; '' when unknown (a restore) or too long. */
  from: string;
  how: RouteKind;
}

export type CaptureRecord = RequestRecord | PushRecord | PageRecord | RouteRecord;

/**
 * The hook and the relay talk over a channel the page cannot see, reach or imitate: a
 * MessagePort that only the two of them hold, used as a private event target (no message is
 * ever posted on it). At document_start the hook (listed first in the manifest, so it runs
 * first) listens on the window for CHANNEL_EVENT; the relay, next and still before any page
 * script, dispatches that event once, a MessageEvent carrying the port, and the hook takes the
 * port and stops listening. A platform object such as a port is the same object in both
 * worlds, so events dispatched on it reach the other world's listeners, synchronously.
 */
export const CHANNEL_EVENT = 'goalpost:channel';
/**
 * Hook → relay, on the port: a CustomEvent whose `detail` is the JSON text of a `CaptureBatch`.
 * Dispatch is synchronous, so a batch flushed on pagehide reaches the relay before the document
 * goes away.
 */
export const HOOK_EVENT = 'goalpost:hook';
/** Relay → hook, on the port: the source of a regular expression over the goals' custom endpoint URLs. */
export const ENDPOINTS_EVENT = 'goalpost:endpoints';
export const BATCH_VERSION = 1;

/**
 * Relay → background (`goalpost:capture`): records numbered per document, so the background
 * can store each exactly once however often a batch is sent (relay-outbox.ts). `records[i]` has
 * sequence number `seq + i` in relay `doc`; the answer `{ ok: true, next }` means every record
 * numbered below `next` is in storage.
 */
export interface RelayBatch {
  doc: string;
  seq: number;
  records: CaptureRecord[];
}

export interface CaptureBatch {
  v: typeof BATCH_VERSION;
  records: CaptureRecord[];
}

/** Size limits shared by the hook (cuts to them) and the relay (refuses what exceeds them). */
export const LIMITS = {
  url: 16_384,
  body: 32_768,
  note: 200,
  error: 200,
  records: 500,
  /** Characters of one batch's JSON text. */
  batch: 4_000_000,
  /** JSON nesting of a pushed value. */
  depth: 8,
  /** Characters of one pushed value's JSON text. */
  value: 32_768,
} as const;

/** A URL within the size limit: cut, with a note giving its full length, never refused whole. */
export function cutUrl(url: string): { url: string; urlNote?: string } {
  if (url.length <= LIMITS.url) return { url };
  return { url: url.slice(0, LIMITS.url), urlNote: `URL cut to ${LIMITS.url} of ${url.length} characters` };
}
