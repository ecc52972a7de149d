/**
 * How one tab's log is laid out in storage.session: a small head (counters, the tab's page) and
 * the entries in fixed-size chunks by position. Writing new events then costs the chunks they
 * land in, not the whole log (up to ~1.5 MB re-serialised on every write otherwise).
 *
 * An entry's position is `dropped + index`: it never changes while the entry is kept, because
 * entries only ever leave from the front and each one leaving is counted in `dropped`.
 */
import type { LogEntry, TabLog } from './tab-log';

/** Entries per chunk: a burst of events rewrites one or two chunks, a read fetches ~30 keys. */
export const CHUNK_SIZE = 64;
export const PREFIX = 'tab:';

export interface TabHead {
  v: 2;
  dropped: number;
  seq: number;
  top?: string;
  /** Position after the last entry (`dropped + entries.length`). */
  end: number;
  /** TabLog.docs. */
  docs?: Record<string, number>;
}

export interface StoredChunk {
  /** Position of `entries[0]`. */
  at: number;
  entries: LogEntry[];
}

export const headKey = (tab: number): string => `${PREFIX}${tab}`;
export const chunkKey = (tab: number, chunk: number): string => `${PREFIX}${tab}:${chunk}`;
export const chunkOf = (position: number): number => Math.floor(position / CHUNK_SIZE);

/** `tab:<tab>` (a head) or `tab:<tab>:<chunk>`; undefined for every other key. */
export function parseKey(key: string): { tab: number; chunk?: number } | undefined {
  const m = /^tab:(-?\d+)(?::(\d+))?$/.exec(key);
  if (!m) return undefined;
  return m[2] === undefined ? { tab: Number(m[1]) } : { tab: Number(m[1]), chunk: Number(m[2]) };
}

const isCount = (v: unknown): v is number => Number.isInteger(v) && (v as number) >= 0;

export function isHead(v: unknown): v is TabHead {
  const o = v as Partial<TabHead> | null;
  return (
    typeof o === 'object' &&
    o !== null &&
    o.v === 2 &&
    isCount(o.dropped) &&
    isCount(o.seq) &&
    isCount(o.end) &&
    o.end >= o.dropped &&
    (o.docs === undefined || isDocs(o.docs))
  );
}

function isDocs(v: unknown): v is Record<string, number> {
  return typeof v === 'object' && v !== null && !Array.isArray(v) && Object.values(v).every(isCount);
}

function isChunk(v: unknown): v is StoredChunk {
  const o = v as Partial<StoredChunk> | null;
  return typeof o === 'object' && o !== null && isCount(o.at) && Array.isArray(o.entries);
}

export function headOf(log: TabLog): TabHead {
  const head: TabHead = { v: 2, dropped: log.dropped, seq: log.seq, end: log.dropped + log.entries.length };
  if (log.top !== undefined) head.top = log.top;
  if (log.docs !== undefined) head.docs = { ...log.docs };
  return head;
}

/** Keys of the chunks that may hold a head's kept entries. */
export function chunkKeys(tab: number, head: TabHead): string[] {
  const keys: string[] = [];
  if (head.end > head.dropped) for (let c = chunkOf(head.dropped); c <= chunkOf(head.end - 1); c++) keys.push(chunkKey(tab, c));
  return keys;
}

/** The stored form of one chunk: the kept entries whose positions fall in it. */
export function chunkOfLog(log: TabLog, chunk: number): StoredChunk {
  const from = Math.max(chunk * CHUNK_SIZE, log.dropped);
  const to = Math.min((chunk + 1) * CHUNK_SIZE, log.dropped + log.entries.length);
  return { at: from, entries: log.entries.slice(from - log.dropped, Math.max(from, to) - log.dropped) };
}

/**
 * A tab's log from its head and its stored chunks. Entries below `dropped` (the front of a
 * partly dropped chunk, left in place rather than rewritten) are skipped. A chunk missing or
 * damaged (never written by this code in one `set` with its head) counts as dropped, so
 * positions stay `dropped + index`.
 */
export function assemble(head: TabHead, chunks: (key: string) => unknown, tab: number): TabLog {
  const entries: LogEntry[] = [];
  let expected = head.dropped;
  let lost = 0;
  for (const key of chunkKeys(tab, head)) {
    const c = chunks(key);
    if (!isChunk(c)) continue;
    for (let k = 0; k < c.entries.length; k++) {
      const pos = c.at + k;
      if (pos < expected || pos >= head.end) continue;
      lost += pos - expected;
      entries.push(c.entries[k] as LogEntry);
      expected = pos + 1;
    }
  }
  lost += head.end - expected;
  // Lost entries are moved to the front of the count: positions then hold again.
  const log: TabLog = { entries, dropped: head.dropped + lost, seq: head.seq };
  if (head.top !== undefined) log.top = head.top;
  if (head.docs !== undefined) log.docs = head.docs;
  return log;
}
