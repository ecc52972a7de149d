/**
 * Copies on the wire. Libraries send what they already sent: a batch again by `sendBeacon` on
 * `visibilitychange` after its XHR (mixpanel-browser), a retry whose answer was lost. The
 * vendor drops the copy by its own event id (HitBody.eventId), so Goalpost must count it once.
 */
import type { HitBody } from '../formats/journey';

const HOUR = 3_600_000;
const DAY = 24 * HOUR;

/**
 * How long each vendor remembers an event id (docs/vendors.md has the sources). Segment keeps
 * at least 24 h of messageIds; RudderStack and Amplitude 7 days; Mixpanel's query-time
 * deduplication and Snowplow's (in its data models) have no window. A vendor not listed
 * (a journey's own hits) is taken to remember for ever.
 */
export const DEDUP_WINDOW_MS: Readonly<Record<string, number>> = {
  segment: DAY,
  rudderstack: 7 * DAY,
  amplitude: 7 * DAY,
  mixpanel: Infinity,
  snowplow: Infinity,
};

/** What the rule reads of a hit: who sent it, its vendor id, when, and whether it arrived. */
export interface Sent extends Pick<HitBody, 'vendor' | 'kind' | 'eventId' | 'name'> {
  t: number;
  delivered?: boolean;
  experience?: { id: string };
}

/**
 * One vendor event may make several hits (an Amplitude revenue event is an event and a
 * transaction): the id names the event, the kind and name the hit made from it.
 */
function keyOf(h: Sent): string | undefined {
  if (!h.eventId) return undefined;
  return [h.vendor, h.eventId, h.kind, h.name ?? '', h.experience?.id ?? ''].join('\n');
}

/**
 * The hits, in time order, that the vendor counts as copies of another: each repeat of an
 * earlier delivered hit within the vendor's window, and each undelivered hit whose copy arrived
 * later within that window (the retry or the beacon made it).
 */
export function resends<T extends Sent>(hits: readonly T[]): Set<T> {
  const copies = new Set<T>();
  const firstDelivered = new Map<string, number>();
  const undelivered = new Map<string, T[]>();
  for (const h of hits) {
    const key = keyOf(h);
    if (key === undefined) continue;
    const window = DEDUP_WINDOW_MS[h.vendor] ?? Infinity;
    const first = firstDelivered.get(key);
    if (first !== undefined && h.t - first <= window) {
      copies.add(h);
      continue;
    }
    if (h.delivered === false) {
      const list = undelivered.get(key);
      if (list) list.push(h);
      else undelivered.set(key, [h]);
      continue;
    }
    firstDelivered.set(key, h.t);
    for (const lost of undelivered.get(key) ?? []) if (h.t - lost.t <= window) copies.add(lost);
    undelivered.delete(key);
  }
  return copies;
}
