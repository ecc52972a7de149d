/**
 * Google Tag Manager container loads (`/gtm.js?id=GTM-…`, also from server-side containers on
 * any host) and gtag.js loads (`/gtag/js?id=G-…|AW-…`): they show the tag is installed.
 */
import type { Decoded, RequestDecoder } from '../types';
import { decoded } from '../util/decoded';
import { urlFields } from '../util/fields';
import { hostMatches } from '../util/match';
import { describe, type Dictionary } from '../util/params';

const DICT: Dictionary = {
  id: { label: 'Container ID', group: 'General' },
  l: { label: 'dataLayer name', group: 'General' },
  gtm_auth: { label: 'Environment auth', group: 'General' },
  gtm_preview: { label: 'Environment preview', group: 'General' },
};

/** Both Google scripts name their container or tag in `id`; the query is all there is to show. */
function googleLoad(id: string, name: string, url: URL, requestType: string, dict: Dictionary): Decoded {
  const problems: string[] = [];
  const f = urlFields(url, problems);
  return decoded(id, name, { role: 'library', account: f.get('id'), requestType, params: describe(f, dict), problems });
}

export const gtm: RequestDecoder = {
  id: 'gtm',
  name: 'Google Tag Manager',
  match: (url) =>
    (url.pathname === '/gtm.js' || url.pathname === '/ns.html') &&
    (hostMatches(url.hostname, 'www.googletagmanager.com') || /^GTM-/i.test(url.searchParams.get('id') ?? '')),
  decode: (url) =>
    googleLoad('gtm', 'Google Tag Manager', url, url.pathname === '/ns.html' ? 'Container (noscript)' : 'Container load', DICT),
};

export const gtag: RequestDecoder = {
  id: 'gtag',
  name: 'Google tag (gtag.js)',
  match: (url) => url.pathname === '/gtag/js' && /^(G|AW|DC|GT)-/i.test(url.searchParams.get('id') ?? ''),
  decode: (url) =>
    googleLoad('gtag', 'Google tag (gtag.js)', url, 'Library load', {
      id: { label: 'Tag ID', group: 'General' },
      l: { label: 'dataLayer name', group: 'General' },
    }),
};
