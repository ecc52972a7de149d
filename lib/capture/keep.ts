/**
 * What is worth a place in the bounded journey. Tracking is what decoders recognise; beyond that
 * the hook's view keeps the calls tags make (beacons, tag scripts, pixels carrying data, and
 * cross-site fetch/XHR), while the network view, which sees every image and API call of the page,
 * keeps only what a decoder recognises, beacons and scripts.
 */
import { getDomain } from 'tldts';
import type { CaptureApi } from './records';

function site(url: string): string | undefined {
  try {
    const host = new URL(url).hostname;
    return getDomain(host) ?? host;
  } catch {
    return undefined;
  }
}

export function isCrossSite(url: string, pageUrl: string | undefined): boolean {
  if (pageUrl === undefined) return true;
  const a = site(url);
  return a !== undefined && a !== site(pageUrl);
}

export function keepHookRequest(api: CaptureApi, url: string, pageUrl: string, recognised: boolean): boolean {
  if (recognised || api === 'beacon' || api === 'script') return true;
  if (api === 'image') return url.includes('?');
  return isCrossSite(url, pageUrl);
}

/** webRequest types never kept unless a decoder claims them (documents come from webNavigation). */
export function keepNetRequest(type: string, recognised: () => boolean): boolean {
  // Types kept anyway are decided without running the decoders: this runs for every request.
  return type === 'ping' || type === 'script' || recognised();
}
