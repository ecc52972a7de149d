/**
 * Where tracking goes, as Chrome match patterns: the background hands them to webRequest (so
 * Chromium wakes the worker only for these requests) and the page hook tests URLs against the
 * same list compiled to one regular expression (so ordinary traffic is not recorded at all).
 * The list must cover every URL a decoder in ./registry claims; tests/decoders/network-patterns
 * replays every request fixture to keep the two from drifting apart. Covering a little more
 * than the decoders claim is harmless (the decoders still decide); covering less loses hits.
 */
import type { CustomEndpoint } from '../formats/goals';

/** `/p`, `/p/`, and either with a query: a path matched exactly by a decoder. */
function exact(path: string): string[] {
  return [`*://*${path}`, `*://*${path}?*`, `*://*${path}/`, `*://*${path}/?*`];
}

/** Any path ending in `tail`, with or without a query. */
function tail(path: string): string[] {
  return [`*://*/*${path}`, `*://*/*${path}?*`];
}

/** Every host under `domain` (and `domain` itself), any path. */
const under = (domain: string) => `*://*.${domain}/*`;
const host = (name: string) => `*://${name}/*`;

export const TRACKING_PATTERNS: readonly string[] = [
  // Paths claimed on any host (first-party proxies, server-side containers, CNAMEs).
  ...exact('/g/collect'), // GA4
  // GA4 in first-party mode / Google tag gateway lives under the site's own paths, which cannot
  // be listed: gtag.js always opens the query with `v=2&tid=G-` (and keeps the `g/collect` or
  // `g/c` tail), so these catch it on any path without matching the site's ordinary traffic.
  '*://*/*?v=2&tid=G-*',
  ...tail('/g/collect'),
  ...tail('/g/c'),
  ...exact('/collect'), // UA and GA4-on-UA-path
  ...exact('/j/collect'),
  ...exact('/r/collect'),
  ...exact('/batch'),
  '*://*/b/ss/*', // Adobe Analytics
  '*://*/ee/*/interact*', // Adobe Web SDK
  '*://*/ee/*/collect*',
  '*://*/m2/*/mbox/*', // Adobe Target
  ...exact('/rest/v1/delivery'),
  '*://*/api/v*/sessions*', // Adobe Heartbeat's API
  ...exact('/gtm.js'), // GTM container (also on first-party hosts)
  ...exact('/ns.html'),
  ...exact('/gtag/js'),
  '*://*/*hit.xiti*', // AT Internet
  '*://*/*matomo.php*', // Matomo
  '*://*/*piwik.php*',
  '*://*/*ppms.php*', // Piwik PRO
  '*://*/*com.snowplowanalytics.snowplow/tp2*', // Snowplow
  '*://*/i?*',
  '*://*/*beacon/v1/batch?*', // RudderStack's beacon transport (self-hosted data planes)
  '*://*/webevents/v*/JS/*', // mParticle through a CNAME
  '*://*/*dcs.gif*', // Webtrends
  // Vendors' own hosts.
  under('google-analytics.com'),
  under('analytics.google.com'),
  under('googletagmanager.com'),
  under('doubleclick.net'),
  under('googleadservices.com'),
  '*://*.google.com/pagead/*',
  under('demdex.net'),
  under('omtrdc.net'),
  host('assets.adobedtm.com'),
  host('assets.adobedc.cn'),
  under('amplitude.com'),
  host('bat.bing.com'),
  host('bat.bing.net'),
  under('clarity.ms'),
  under('scorecardresearch.com'),
  under('criteo.com'),
  host('api.company-target.com'),
  under('dynamicyield.com'),
  under('ensighten.com'),
  host('static.hotjar.com'),
  host('solutions.invocacdn.com'),
  host('px.ads.linkedin.com'),
  under('liveperson.net'),
  under('lpsnmedia.net'),
  host('c.lytics.io'),
  '*://*.facebook.com/tr*',
  under('mixpanel.com'),
  under('mparticle.com'),
  under('logx.optimizely.com'), // and eu.logx.optimizely.com (EU data residency)
  host('tr.outbrain.com'),
  under('parsely.com'),
  host('ct.pinterest.com'),
  under('piwik.pro'),
  under('piwik.cloud'),
  under('piwikpro.com'),
  under('ptengine.jp'),
  under('ptengine.com'),
  under('ptengine.cn'),
  under('ptmind.com'),
  host('alb.reddit.com'),
  under('rudderstack.com'),
  under('rudderlabs.com'),
  host('api.segment.io'),
  host('api.segment.com'),
  under('segmentapis.com'),
  host('epsilon.6sense.com'),
  host('c.seznam.cz'),
  host('tr.snapchat.com'),
  host('tr-shadow.snapchat.com'),
  host('events.split.io'),
  host('collect.tealiumiq.com'),
  host('collect-eu-central-1.tealiumiq.com'),
  host('tags.tiqcdn.com'),
  host('tags.tiqcdn.cn'),
  host('analytics.tiktok.com'),
  host('analytics.twitter.com'),
  under('visualwebsiteoptimizer.com'),
];

/** Patterns for the goals document's custom endpoints (host exact or ".suffix", path prefix). */
export function endpointPatterns(endpoints: readonly Pick<CustomEndpoint, 'host' | 'path'>[] | undefined): string[] {
  const out: string[] = [];
  for (const e of endpoints ?? []) {
    if (typeof e?.host !== 'string') continue;
    const h = e.host.trim().toLowerCase().replace(/\.$/, '');
    if (!/^\.?[a-z0-9-]+(\.[a-z0-9-]+)*$/.test(h)) continue;
    const path = typeof e.path === 'string' && e.path.startsWith('/') ? e.path.replace(/\*/g, '') : '/';
    // A prefix pattern covers "/v10" for "/v1" too; the endpoint matcher decides on segments.
    out.push(`*://${h.startsWith('.') ? `*${h}` : h}${path}*`);
  }
  return out;
}

const escapeRegex = (s: string) => s.replace(/[.+?^${}()|[\]\\]/g, '\\$&');

/**
 * One Chrome match pattern as a regular expression source over a whole URL: `*` scheme is http
 * or https, `*.host` is the host or any subdomain, any port, and the path glob runs over path
 * and query (as webRequest filters do); the fragment is never part of a request URL.
 */
export function patternSource(pattern: string): string {
  const m = /^(\*|https?):\/\/([^/]*)(\/.*)$/.exec(pattern);
  if (!m) throw new Error(`not a match pattern: ${pattern}`);
  const [, scheme, hostPart = '', path = '/'] = m;
  const s = scheme === '*' ? 'https?' : scheme;
  let h: string;
  if (hostPart === '*') h = '[^/?#]*';
  else if (hostPart.startsWith('*.')) h = `(?:[^/?#@]*\\.)?${escapeRegex(hostPart.slice(2))}(?::\\d+)?`;
  else h = `${escapeRegex(hostPart)}(?::\\d+)?`;
  const p = path.split('*').map(escapeRegex).join('[^#]*');
  return `${s}://${h}${p}`;
}

/** One expression source for all `patterns`, or '' when there are none. */
export function patternsSource(patterns: readonly string[]): string {
  return patterns.length === 0 ? '' : `^(?:${patterns.map(patternSource).join('|')})$`;
}

/** Compiles patterns into one case-sensitive (like Chrome's path match) expression. */
export function compilePatterns(patterns: readonly string[]): RegExp {
  // Hosts in a parsed URL are lower case already; Chrome compares paths case-sensitively.
  return new RegExp(patternsSource(patterns) || '(?!)');
}

/** The built-in list, compiled once. */
export const TRACKING_URL: RegExp = compilePatterns(TRACKING_PATTERNS);

/**
 * Text every URL matching a Chrome match pattern contains: the longest run of it without a
 * wildcard (`*.example.com` contributes `example.com`; the scheme is left out).
 */
export function literalOf(pattern: string): string {
  const m = /^(?:\*|https?):\/\/([^/]*)(\/.*)$/.exec(pattern);
  if (!m) return '';
  const pieces = [(m[1] ?? '').replace(/^\*\.?/, ''), ...(m[2] ?? '').split('*')];
  return pieces.reduce((a, b) => (b.length > a.length ? b : a), '');
}

/**
 * One unanchored expression finding any of the patterns' literals. The full list compiles to
 * one expression of ~110 alternatives, each re-reading the URL: 15–30 µs for a URL that matches
 * none, which is every ordinary request. Finding a literal first costs 1–3 µs, and a URL with
 * none of them cannot match any pattern, so the answer is the same.
 */
export function literalsSource(patterns: readonly string[]): string {
  const lits = [...new Set(patterns.map(literalOf))];
  // A URL containing a longer literal contains any literal inside it: only the shortest are needed.
  const needed = lits.filter((l) => !lits.some((o) => o !== l && l.includes(o)));
  return needed.some((l) => l === '') ? '' : needed.map(escapeRegex).join('|');
}

/** Finds the built-in list's literals: a URL where it finds none is not tracking. */
export const TRACKING_LITERALS: RegExp = new RegExp(literalsSource(TRACKING_PATTERNS));

/** Whether Chromium would report `url` (an absolute, parsed href) to a listener filtered by the list. */
export function matchesTrackingPattern(url: string): boolean {
  return TRACKING_URL.test(url);
}
