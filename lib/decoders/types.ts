/**
 * The one small interface every vendor decoder implements (one module per vendor).
 * Decoders are pure: no browser APIs, no clock; they never throw (the registry guards anyway)
 * and report what they could not read in `problems`.
 */
import type { HitBody } from '../formats/journey';

/** A captured request as a decoder sees it. */
export interface RawRequest {
  url: string;
  /** Upper-case; GET when unknown. */
  method: string;
  body?: string;
  /** `base64`: `body` is binary (gzip, deflate, …), inflated to text before any decoder reads it. */
  bodyEncoding?: 'base64';
  /** The page that sent it, used when the protocol does not carry the page URL. */
  pageUrl?: string;
}

/** One decoded parameter as the panel shows it: raw key, readable label, value. */
export interface DecodedParam {
  key: string;
  label: string;
  value: string;
  /** Section in the panel ("Page", "Event", "Ecommerce", "Custom", …). */
  group?: string;
}

/**
 * - `hit`: a tracking hit (may still yield zero hits, e.g. a consent ping);
 * - `library`: the tag's script or config loaded (shows the tag is installed);
 * - `other`: recognised vendor traffic that is neither (id syncs, config fetches).
 */
export type RequestRole = 'hit' | 'library' | 'other';

export interface Decoded {
  /** Decoder id, e.g. "ga4"; also the hits' vendor unless a custom endpoint renames it. */
  decoder: string;
  /** Display name, e.g. "Google Analytics 4". */
  vendorName: string;
  role: RequestRole;
  /** The vendor account (measurement id, report suite, pixel id, …). */
  account?: string;
  /** What the request is, in the vendor's words ("page_view", "Page View", "mbox", …). */
  requestType?: string;
  hits: HitBody[];
  params: DecodedParam[];
  /** Sentences about what could not be read (malformed body, undecodable escape, …). */
  problems?: string[];
}

export interface RequestDecoder {
  id: string;
  name: string;
  /** Cheap test on the parsed URL; must not throw. */
  match(url: URL, req: RawRequest): boolean;
  decode(url: URL, req: RawRequest, options?: DecodeOptions): Decoded;
}

export interface DecodeOptions {
  /**
   * False when only the hits and problems are wanted (a replay, which decodes hundreds of
   * thousands of requests and never shows their fields): a decoder may then leave `params`
   * empty. Everything else it returns is the same.
   */
  labels?: boolean;
}

/** Hits and problems only (a replay, or recognising a request): no labelled fields. */
export const HITS_ONLY: DecodeOptions = { labels: false };

/** A page API push (dataLayer.push, lpTag.sdes.push, _pt_sp_2.push, …). */
export interface RawPush {
  target: string;
  value: unknown;
  pageUrl?: string;
}

export interface PushDecoder {
  id: string;
  name: string;
  /** Push targets this decoder reads, e.g. ["lpTag.sdes"]. */
  targets: string[];
  /** null when the value is not something this vendor turns into a hit. */
  decode(push: RawPush): Decoded | null;
}
