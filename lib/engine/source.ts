/**
 * Traffic source of a pageview (semantics.md §2 "campaign", "Sources"): the campaign parameters
 * of the page URL, else an external referrer (a search engine as itself when the model says so),
 * else direct.
 */
import { domainOf, hostOf, queryParam } from './domains';

export const DIRECT = 'direct';

const memo = new Map<string, string | undefined>();

/** The campaign named by `params` on the URL ("google / cpc / spring"), if any. */
export function campaignSource(url: string, params: readonly string[]): string | undefined {
  if (!params.some((p) => url.includes(`${p}=`))) return undefined;
  const key = `${params.join(',')}\n${url}`;
  if (memo.has(key)) return memo.get(key);
  if (memo.size > 10_000) memo.clear();
  const parts = params.map((k) => queryParam(url, k)).filter((v): v is string => !!v);
  const source = parts.length ? parts.join(' / ') : undefined;
  memo.set(key, source);
  return source;
}

/**
 * Search engines as Ptengine's tag lists them (pta.js v1.65.0, the referrers that open a new
 * visit): one engine is one source, whatever its country domain.
 */
const SEARCH_ENGINES: [RegExp, string][] = [
  [/(^|\.)baidu\.(com|jp)$/, 'baidu'],
  [/(^|\.)(360\.cn|360soso\.com|360sou\.com|so\.com)$/, '360 search'],
  [/^(www|blogsearch|books|images|news|scholar)\.google\./, 'google'],
  [/(^|\.)bing\.com$/, 'bing'],
  [/^(search|tw\.search)\.yahoo\.com$|^www\.yahoo\.cn$|^search\.yahoo\.co\.jp$/, 'yahoo'],
  [/^(www|jp)\.ask\.com$/, 'ask'],
  [/^(cn|jp)\.indeed\.com$/, 'indeed'],
  [/^search\.biglobe\.ne\.jp$/, 'biglobe'],
  [/^search\.(goo|smt\.docomo)\.ne\.jp$/, 'goo'],
  [/^search\.nifty\.com$/, 'nifty'],
  [/^websearch\.rakuten\.co\.jp$/, 'rakuten'],
  [/^www\.so-net\.ne\.jp$/, 'so-net'],
];

export function searchEngineOf(referrer: string): string | undefined {
  const host = hostOf(referrer);
  for (const [re, name] of SEARCH_ENGINES) if (re.test(host)) return name;
  return undefined;
}

export interface SourceRules {
  campaignParams: readonly string[];
  searchEngines: boolean;
}

/**
 * @param internal whether a registrable domain belongs to this visit (a domain of the session,
 *   or a crossDomain domain); referrals from those are not a new source.
 */
export function trafficSource(
  pageUrl: string,
  referrer: string | undefined,
  internal: (domain: string) => boolean,
  rules: SourceRules,
): string {
  const campaign = campaignSource(pageUrl, rules.campaignParams);
  if (campaign) return campaign;
  if (referrer) {
    const d = domainOf(referrer);
    if (d && !internal(d)) {
      const engine = rules.searchEngines ? searchEngineOf(referrer) : undefined;
      return engine ? `search: ${engine}` : d;
    }
  }
  return DIRECT;
}
