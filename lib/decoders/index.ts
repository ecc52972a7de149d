/**
 * The decoder registry's public face: turn a captured request or page push into a decoded
 * record (vendor, account, request type, hits, readable parameters). Pure and total: garbage
 * in gives null or a record with `problems`, never an exception.
 */
import type { CustomEndpoint } from '../formats/goals';
import { findEndpoint } from './endpoints';
import { decodeGeneric, GENERIC_ID } from './generic';
import { pushDecoders, requestDecoders } from './registry';
import type { Decoded, DecodeOptions, PushDecoder, RawPush, RawRequest, RequestDecoder } from './types';
import { decoded } from './util/decoded';
import { limitBody } from './util/body';
import { binaryBodyText } from './util/binary-body';

export type { Decoded, DecodedParam, DecodeOptions, RawPush, RawRequest } from './types';
export { checkEndpoints } from './endpoints';

export interface DecoderInfo {
  id: string;
  name: string;
  kind: 'request' | 'push';
}

/** Every decoder (request decoders first, in match order), for the panel's filter and docs. */
export function listDecoders(): DecoderInfo[] {
  return [
    ...requestDecoders.map((d) => ({ id: d.id, name: d.name, kind: 'request' as const })),
    ...pushDecoders.map((d) => ({ id: d.id, name: d.name, kind: 'push' as const })),
  ];
}

function parseUrl(text: unknown): URL | null {
  if (typeof text !== 'string' || text === '') return null;
  try {
    return new URL(text);
  } catch {
    return null;
  }
}

function failed(d: RequestDecoder | PushDecoder, err: unknown): Decoded {
  const reason = err instanceof Error ? err.message : String(err);
  return decoded(d.id, d.name, { problems: [`The ${d.name} decoder could not read this (${reason}).`] });
}

/** Runs `d` on the request; merges the guard's problems; never throws. */
function run(d: RequestDecoder, url: URL, req: RawRequest, pre: string[], options?: DecodeOptions): Decoded {
  try {
    const out = d.decode(url, req, options);
    if (pre.length > 0) out.problems = [...pre, ...(out.problems ?? [])];
    return out;
  } catch (err) {
    const out = failed(d, err);
    out.problems = [...pre, ...(out.problems ?? [])];
    return out;
  }
}

function safeMatch(d: RequestDecoder, url: URL, req: RawRequest): boolean {
  try {
    return d.match(url, req);
  } catch {
    return false;
  }
}

/**
 * Decodes a captured request: custom endpoints first (a known decoder id or the generic
 * decoder), then the registry in order. Null when the URL does not parse or nobody claims it.
 */
export function decodeRequest(req: RawRequest, endpoints?: readonly CustomEndpoint[], options?: DecodeOptions): Decoded | null {
  if (typeof req !== 'object' || req === null) return null;
  const url = parseUrl(req.url);
  if (!url) return null;
  const pre: string[] = [];
  const text = typeof req.body === 'string' && req.bodyEncoding === 'base64' ? binaryBodyText(req.body, pre) : req.body;
  const body = typeof text === 'string' ? limitBody(text, pre) : undefined;
  const method = typeof req.method === 'string' && req.method !== '' ? req.method.toUpperCase() : 'GET';
  const clean: RawRequest = { url: req.url, method };
  if (body !== undefined) clean.body = body;
  if (typeof req.pageUrl === 'string') clean.pageUrl = req.pageUrl;

  const endpoint = findEndpoint(url, endpoints);
  if (endpoint) {
    if (endpoint.decoder === GENERIC_ID) {
      try {
        const out = decodeGeneric(url, clean, endpoint);
        if (pre.length > 0) out.problems = [...pre, ...(out.problems ?? [])];
        return out;
      } catch (err) {
        return decoded(GENERIC_ID, endpoint.vendor ?? url.hostname, {
          problems: [...pre, `The generic decoder could not read this (${String(err)}).`],
        });
      }
    }
    const named = requestDecoders.find((d) => d.id === endpoint.decoder);
    if (named) return run(named, url, clean, pre, options);
  }
  for (const d of requestDecoders) {
    if (safeMatch(d, url, clean)) return run(d, url, clean, pre, options);
  }
  return null;
}

/** Decodes a page API push (dataLayer, lpTag.sdes, _pt_sp_2, …); null when nobody reads it. */
export function decodePush(push: RawPush): Decoded | null {
  if (typeof push !== 'object' || push === null || typeof push.target !== 'string') return null;
  for (const d of pushDecoders) {
    if (!d.targets.includes(push.target)) continue;
    try {
      const out = d.decode(push);
      if (out) return out;
    } catch (err) {
      return failed(d, err);
    }
  }
  return null;
}
