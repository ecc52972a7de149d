/**
 * One tab's recorded journey as kept in storage.session: the events with stable ids, plus what
 * the merger needs to recognise the second view of a request after a service-worker restart.
 */
import type { StoredEvent } from '../messages';

/**
 * A stored event; `bodyNote` says why a body is absent or cut, `urlNote` that the URL was cut
 * (kept beside the journey fields).
 */
export type CapturedEvent = StoredEvent & { bodyNote?: string; urlNote?: string };

export interface LogEntry {
  ev: CapturedEvent;
  /** Which views saw it: the page hook, the network (webRequest/webNavigation), or both. */
  via: 'hook' | 'net' | 'both';
  /** webRequest requestId while the network view may still report on it. */
  net?: string;
  /** Capture API or webRequest type, for pairing the two views of one request. */
  api?: string;
}

export interface TabLog {
  entries: LogEntry[];
  /** Events dropped (oldest first) to stay within the bounds. */
  dropped: number;
  /** Next event number; ids are `<tab>:<seq>` and never reused within a log. */
  seq: number;
  /** The tab's current top-level URL (pageUrl of network-only requests). */
  top?: string;
  /**
   * Per relay (one per document), the sequence number of the first record not yet stored:
   * a batch sent again after a worker restart is applied only from there (relay-outbox.ts).
   * Replaced, never mutated, when it changes, so the store sees the change.
   */
  docs?: Readonly<Record<string, number>>;
}

export function emptyLog(): TabLog {
  return { entries: [], dropped: 0, seq: 0 };
}

/** Rough stored size of an entry, to keep a tab's log within storage.session's quota. */
export function entrySize(e: LogEntry): number {
  const ev = e.ev as unknown as Partial<Record<string, unknown>>;
  let size = 120;
  for (const k of ['url', 'body', 'pageUrl', 'referrer', 'bodyNote', 'urlNote', 'error']) {
    const v = ev[k];
    if (typeof v === 'string') size += v.length;
  }
  if (ev.type === 'push') size += JSON.stringify(ev.value ?? null).length + 40;
  return size;
}

export interface Bounds {
  maxEvents: number;
  maxBytes: number;
}

export const DEFAULT_BOUNDS: Bounds = { maxEvents: 2_000, maxBytes: 1_500_000 };

/**
 * Drops the oldest entries until the log fits; returns how many were dropped. `sizeHint` (an
 * over-estimate of the log's size kept by the caller) skips the full size walk when well under.
 */
export function enforceBounds(log: TabLog, bounds: Bounds, sizeHint = Infinity): number {
  let drop = Math.max(0, log.entries.length - bounds.maxEvents);
  if (sizeHint > bounds.maxBytes) {
    let size = 0;
    for (let i = log.entries.length - 1; i >= drop; i--) {
      size += entrySize(log.entries[i] as LogEntry);
      if (size > bounds.maxBytes) {
        drop = i + 1;
        break;
      }
    }
  }
  if (drop > 0) {
    log.entries.splice(0, drop);
    log.dropped += drop;
  }
  return drop;
}

export function logSize(log: TabLog): number {
  let size = 0;
  for (const e of log.entries) size += entrySize(e);
  return size;
}
