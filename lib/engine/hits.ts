/**
 * Journey events to the engine's hit stream: `hit` events as they are, requests and pushes
 * through the vendor decoders. A request that did not reach the vendor makes undelivered hits.
 */
import { decodePush, decodeRequest, type Decoded, type RawRequest } from '../decoders/index';
import { HITS_ONLY } from '../decoders/types';
import type { CustomEndpoint } from '../formats/goals';
import type { FindingText } from './findings';
import type { HitBody, HitEvent, PushEvent, RequestEvent } from '../formats/journey';
import { Interned } from '../util/interned';

/** A hit as the engine walks it; `failure` says why an undelivered hit did not arrive. */
export interface EngineHit extends HitEvent {
  failure?: string;
  /** The request it came from, for tag-failed sentences. */
  requestUrl?: string;
  /** Why a page push never reached its vendor, as the finding says it (sde-delivery.ts). */
  notDelivered?: FindingText;
  /** Shown on its page but not counted: a page view of a vendor counted beside the model's own. */
  tallyOnly?: boolean;
  /** The address bar when it was sent (the request's or push's pageUrl). */
  sentFrom?: string;
  /** How it was sent, for sentences naming it ("request to collect.test/g/collect", "_pt_sp_2 push"). */
  via?: string;
}

/** A recognised vendor request that did not reach the vendor. */
export interface FailedRequest {
  t: number;
  browser: string | undefined;
  url: string;
  pageUrl: string | undefined;
  vendor: string;
  vendorName: string;
  what: string;
  failure: string;
  blocked: boolean;
}

/** A request of a recognised vendor that should carry hits but from which none could be read. */
export interface UnreadRequest {
  t: number;
  url: string;
  pageUrl: string | undefined;
  vendor: string;
  what: string;
  problem: string;
}

export function requestFailure(req: RequestEvent): { failure: string; blocked: boolean } | undefined {
  if (req.error !== undefined && req.error !== '') {
    return { failure: req.error, blocked: /BLOCKED/i.test(req.error) };
  }
  if (req.status === 0) return { failure: 'no response (status 0)', blocked: false };
  if (req.status !== undefined && req.status >= 400) return { failure: `HTTP ${req.status}`, blocked: false };
  return undefined;
}

function safe<T>(fn: () => T): T | null {
  try {
    return fn();
  } catch {
    return null;
  }
}

/** Text decoded afresh from every request that repeats from one to the next. */
const SHARED_FIELDS = ['clientId', 'sessionId', 'account', 'name'] as const;
const interned = new Interned(1 << 16);

function toHit(body: HitBody, base: { t: number; browser?: string; tab?: string | number }, fallbackUrl: string): EngineHit {
  const hit: EngineHit = { ...body, type: 'hit', t: base.t, url: typeof body.url === 'string' && body.url !== '' ? body.url : fallbackUrl };
  // A million decoded hits would otherwise each hold their own copy of the same few ids.
  for (const key of SHARED_FIELDS) {
    const v = hit[key];
    if (typeof v === 'string' && v.length <= 64) hit[key] = interned.get(v);
  }
  if (base.browser !== undefined) hit.browser = base.browser;
  if (base.tab !== undefined) hit.tab = base.tab;
  return hit;
}

function validBodies(decoded: Decoded | null): HitBody[] {
  if (!decoded || !Array.isArray(decoded.hits)) return [];
  return decoded.hits.filter((h) => h && typeof h === 'object' && typeof h.vendor === 'string' && typeof h.kind === 'string');
}

/** The engine reads a decoding's hits and problems, never the fields labelled for the panel. */

export function requestHits(
  req: RequestEvent,
  endpoints: readonly CustomEndpoint[] | undefined,
  onFailed: (f: FailedRequest) => void,
  /** Every request a decoder recognised (the vendor's tag is on the page), with what could not be read. */
  onRecognised?: (vendor: string, unread?: UnreadRequest) => void,
  onDecoded?: (decoded: Decoded | null, hits: readonly EngineHit[]) => void,
): EngineHit[] {
  const method = req.method ? req.method.toUpperCase() : 'GET';
  const raw: RawRequest = req.body === undefined ? { url: req.url, method } : { url: req.url, method, body: req.body };
  if (req.bodyEncoding !== undefined) raw.bodyEncoding = req.bodyEncoding;
  const decoded = safe(() => decodeRequest(req.pageUrl === undefined ? raw : { ...raw, pageUrl: req.pageUrl }, endpoints, HITS_ONLY));
  if (!decoded) {
    onDecoded?.(null, []);
    return [];
  }
  const failed = requestFailure(req);
  const bodies = validBodies(decoded);
  if (onRecognised) {
    const problem = decoded.problems?.[0];
    const unread = decoded.role === 'hit' && bodies.length === 0 && problem !== undefined && !failed;
    onRecognised(
      decoded.decoder,
      unread
        ? { t: req.t, url: req.url, pageUrl: req.pageUrl, vendor: decoded.decoder, what: decoded.requestType ?? 'collection', problem }
        : undefined,
    );
  }
  if (failed) {
    onFailed({
      t: req.t,
      browser: req.browser,
      url: req.url,
      pageUrl: req.pageUrl,
      vendor: bodies[0]?.vendor ?? decoded.decoder,
      vendorName: decoded.vendorName || decoded.decoder,
      what: decoded.requestType ?? (decoded.role === 'library' ? 'tag script' : decoded.role === 'hit' ? 'hit' : 'request'),
      failure: failed.failure,
      blocked: failed.blocked,
    });
  }
  const fallback = req.pageUrl ?? req.url;
  const via = viaRequest(req.url);
  const hits = bodies.map((b) => {
    const hit = toHit(b, req, fallback);
    // The page URL the tag reports is most often the page's own: one string for both, not a copy per hit.
    if (hit.url === req.pageUrl) hit.url = req.pageUrl;
    hit.requestUrl = req.url;
    hit.via = via;
    if (req.pageUrl !== undefined) hit.sentFrom = req.pageUrl;
    if (failed) {
      hit.delivered = false;
      hit.failure = failed.failure;
    } else hit.delivered = true;
    return hit;
  });
  onDecoded?.(decoded, hits);
  return hits;
}

export function pushHits(push: PushEvent): EngineHit[] {
  const decoded = safe(() =>
    decodePush(
      push.pageUrl === undefined
        ? { target: push.target, value: push.value }
        : { target: push.target, value: push.value, pageUrl: push.pageUrl },
    ),
  );
  const fallback = push.pageUrl ?? '';
  return validBodies(decoded).map((b) => {
    const hit = toHit(b, push, fallback);
    hit.via = `${push.target} push`;
    if (push.pageUrl !== undefined) hit.sentFrom = push.pageUrl;
    return hit;
  });
}

function hostPath(url: string): string {
  const m = /^[a-z][a-z0-9+.-]*:\/\/([^?#]*)/i.exec(url);
  return m ? m[1]! : url;
}

/** "request to collect.test/g/collect": one string per endpoint, however many hits were sent there. */
const vias = new Map<string, string>();

function viaRequest(url: string): string {
  const at = hostPath(url);
  let via = vias.get(at);
  if (via === undefined) {
    via = `request to ${at}`;
    if (vias.size > 10_000) vias.clear();
    vias.set(at, via);
  }
  return via;
}
