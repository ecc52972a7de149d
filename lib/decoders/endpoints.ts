/**
 * Custom collection endpoints (first-party CNAMEs, server-side containers): validation for the
 * goals document and matching of a request to the endpoint that claims it.
 */
import type { CustomEndpoint } from '../formats/goals';
import { GENERIC_ID } from './generic';
import { requestDecoders } from './registry';
import { hostMatches, pathStartsWith } from './util/match';

const FIELD_NAMES = ['event', 'clientId', 'sessionId', 'url', 'account'] as const;
const KEYS = new Set(['host', 'path', 'decoder', 'vendor', 'fields']);

function knownIds(): string[] {
  return [GENERIC_ID, ...requestDecoders.map((d) => d.id)];
}

/**
 * Checks a goals document's `endpoints` value. Returns one sentence naming the JSON path of the
 * first problem (e.g. `endpoints[1].decoder`), or undefined when it is valid (or absent).
 */
export function checkEndpoints(value: unknown): string | undefined {
  if (value === undefined) return undefined;
  if (!Array.isArray(value)) return 'endpoints must be an array of endpoint objects.';
  for (let i = 0; i < value.length; i++) {
    const at = `endpoints[${i}]`;
    const e: unknown = value[i];
    if (typeof e !== 'object' || e === null || Array.isArray(e)) return `${at} must be an object.`;
    const o = e as Record<string, unknown>;
    for (const key of Object.keys(o)) {
      if (!KEYS.has(key)) return `${at}.${key} is not a known endpoint field (host, path, decoder, vendor, fields).`;
    }
    if (typeof o.host !== 'string' || o.host.trim() === '' || o.host.trim() === '.') {
      return `${at}.host must be a host name such as "collect.shop.example" or a suffix such as ".shop.example".`;
    }
    if (!/^\.?[a-z0-9-]+(\.[a-z0-9-]+)*\.?$/i.test(o.host.trim())) {
      return `${at}.host "${o.host}" is not a host name (no scheme, port or path).`;
    }
    if (o.path !== undefined && (typeof o.path !== 'string' || !o.path.startsWith('/'))) {
      return `${at}.path must be a string starting with "/".`;
    }
    if (typeof o.decoder !== 'string' || o.decoder === '') {
      return `${at}.decoder must name a decoder: one of ${knownIds().join(', ')}.`;
    }
    if (!knownIds().includes(o.decoder)) {
      return `${at}.decoder "${o.decoder}" is unknown; use one of ${knownIds().join(', ')}.`;
    }
    if (o.vendor !== undefined && (typeof o.vendor !== 'string' || o.vendor.trim() === '')) {
      return `${at}.vendor must be a non-empty string.`;
    }
    if (o.fields !== undefined) {
      if (typeof o.fields !== 'object' || o.fields === null || Array.isArray(o.fields)) {
        return `${at}.fields must be an object mapping ${FIELD_NAMES.join(', ')} to parameter names.`;
      }
      for (const [k, v] of Object.entries(o.fields as Record<string, unknown>)) {
        if (!(FIELD_NAMES as readonly string[]).includes(k)) {
          return `${at}.fields.${k} is not a known field (${FIELD_NAMES.join(', ')}).`;
        }
        if (typeof v !== 'string' || v === '') return `${at}.fields.${k} must be a non-empty parameter name.`;
      }
    }
  }
  return undefined;
}

/** The first endpoint whose host and path prefix match the URL. */
export function findEndpoint(url: URL, endpoints: readonly CustomEndpoint[] | undefined): CustomEndpoint | undefined {
  if (!endpoints) return undefined;
  return endpoints.find(
    (e) =>
      typeof e?.host === 'string' &&
      hostMatches(url.hostname, e.host) &&
      pathStartsWith(url.pathname, typeof e.path === 'string' ? e.path : '/'),
  );
}

/** Ids a custom endpoint may name (for the goal editor's hints). */
export function endpointDecoderIds(): string[] {
  return knownIds();
}
