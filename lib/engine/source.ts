/**
 * Traffic source of a pageview (semantics.md §2 "campaign"): utm parameters of the page URL,
 * else an external referrer's registrable domain, else direct.
 */
import { domainOf, queryParam } from './domains';

export const DIRECT = 'direct';

const memo = new Map<string, string | undefined>();

export function utmSource(url: string): string | undefined {
  if (!url.includes('utm_')) return undefined;
  if (memo.has(url)) return memo.get(url);
  if (memo.size > 10_000) memo.clear();
  const source = readUtm(url);
  memo.set(url, source);
  return source;
}

function readUtm(url: string): string | undefined {
  const parts = ['utm_source', 'utm_medium', 'utm_campaign'].map((k) => queryParam(url, k)).filter((v): v is string => !!v);
  return parts.length ? parts.join(' / ') : undefined;
}

/**
 * @param internal whether a registrable domain belongs to this visit (a domain of the session,
 *   or a crossDomain domain); referrals from those are not a new source.
 */
export function trafficSource(pageUrl: string, referrer: string | undefined, internal: (domain: string) => boolean): string {
  const utm = utmSource(pageUrl);
  if (utm) return utm;
  if (referrer) {
    const d = domainOf(referrer);
    if (d && !internal(d)) return d;
  }
  return DIRECT;
}
