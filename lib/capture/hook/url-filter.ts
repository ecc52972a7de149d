/**
 * Which request URLs the hook records: tracking URLs (the decoders' match patterns, the same
 * list webRequest is filtered by) and the goals' custom endpoints, which the relay tells the hook
 * once it has read them. Everything else (the page's images, API calls, fonts) is not recorded,
 * so ordinary traffic costs the page one search for the patterns' literal text. Until the relay has spoken
 * (the first milliseconds of a page) every URL is recorded, as the merger keeps only what
 * matters: a custom endpoint hit early in the page is not lost.
 */
import { TRACKING_LITERALS, TRACKING_URL } from '../../decoders/network-patterns';
import type { Channel } from './channel';
import type { Natives } from './natives';

/** Longer sources are refused: the relay's is a few hundred characters per endpoint. */
const MAX_SOURCE = 20_000;

export type UrlFilter = (url: string) => boolean;

export function createUrlFilter(n: Natives, channel: Channel): UrlFilter {
  // undefined: not told yet; null: no custom endpoints.
  let custom: RegExp | null | undefined;
  const matches = (re: RegExp, url: string) => n.apply(n.regexExec, re, [url]) !== null;

  channel.onEndpoints((source) => {
    try {
      if (typeof source !== 'string' || source.length > MAX_SOURCE) return;
      custom = source === '' ? null : new n.RegExp(source);
    } catch {
      // A malformed source leaves the filter as it was.
    }
  });

  return (url) =>
    (matches(TRACKING_LITERALS, url) && matches(TRACKING_URL, url)) || custom === undefined || (custom !== null && matches(custom, url));
}
