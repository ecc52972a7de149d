/**
 * URL helpers on the hot path: cheap string work first, the Public Suffix List (tldts) once per
 * host. Never throw: non-URLs get their own text as "domain" so they still group consistently.
 */
import { getDomain } from 'tldts';
import { getOrCreate } from '../util/maps';

const HOST = /^[a-z][a-z0-9+.-]*:\/\/(?:[^@/?#]*@)?(\[[^\]]*\]|[^:/?#]*)/i;
const domainCache = new Map<string, string>();

export function hostOf(url: string): string {
  const m = HOST.exec(url);
  return m ? m[1]!.toLowerCase() : '';
}

/** eTLD+1 with private suffixes honoured (cookies cannot be set on github.io either); else the host. */
export function domainOfHost(host: string): string {
  let d = domainCache.get(host);
  if (d === undefined) {
    d = (host && getDomain(host, { allowPrivateDomains: true })) || host;
    if (domainCache.size > 100_000) domainCache.clear();
    domainCache.set(host, d);
  }
  return d;
}

export function domainOf(url: string): string {
  return domainOfHost(hostOf(url));
}

export function withoutFragment(url: string): string {
  const i = url.indexOf('#');
  return i === -1 ? url : url.slice(0, i);
}

/** The first of the link parameters present in the URL's query or fragment. */
const paramPatterns = new Map<string, RegExp>();

export function linkParamOn(url: string, params: readonly string[]): string | undefined {
  for (const p of params) {
    if (!url.includes(`${p}=`)) continue;
    const re = getOrCreate(paramPatterns, p, () => new RegExp(`[?#&;/]${p.replace(/[^\w]/g, '\\$&')}=`));
    if (re.test(url)) return p;
  }
  return undefined;
}

/** A query parameter's decoded value; undefined when absent; raw text when the escape is broken. */
export function queryParam(url: string, name: string): string | undefined {
  const q = url.indexOf('?');
  if (q === -1) return undefined;
  const end = url.indexOf('#', q);
  const query = url.slice(q + 1, end === -1 ? undefined : end);
  for (const part of query.split('&')) {
    const eq = part.indexOf('=');
    const key = eq === -1 ? part : part.slice(0, eq);
    if (key !== name) continue;
    const raw = eq === -1 ? '' : part.slice(eq + 1).replace(/\+/g, ' ');
    try {
      return decodeURIComponent(raw);
    } catch {
      return raw;
    }
  }
  return undefined;
}
