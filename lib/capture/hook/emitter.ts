/**
 * Batches records and hands them to the relay over the private channel (channel.ts): one event
 * per flush, on a short timer, when the batch is large, and on pagehide (dispatch is
 * synchronous, so the last batch reaches the relay before the document goes away). Every record
 * is brought within the size limits here, cut with a note, never dropped whole.
 */
import { BATCH_VERSION, cutUrl, LIMITS, type CaptureRecord } from '../records';
import type { Channel } from './channel';
import type { Natives } from './natives';

export const FLUSH_DELAY_MS = 100;
const FLUSH_AT = 200;
/** Records kept while no relay has taken the channel (one that never comes costs this much at most). */
const MAX_UNSENT = 2_000;

export interface Emitter {
  add(record: CaptureRecord): void;
  flush(): void;
}

function withinLimits(record: CaptureRecord): CaptureRecord {
  if (record.kind !== 'request' || record.url.length <= LIMITS.url) return record;
  const { url, urlNote } = cutUrl(record.url);
  return { ...record, url, urlNote: urlNote as string };
}

export function createEmitter(win: Window & typeof globalThis, n: Natives, channel: Channel): Emitter {
  let queue: CaptureRecord[] = [];
  let timer: ReturnType<typeof setTimeout> | undefined;

  /** False when there was no channel to send on. */
  const send = (records: CaptureRecord[]): boolean => {
    const detail = n.stringify({ v: BATCH_VERSION, records });
    if (detail.length > LIMITS.batch && records.length > 1) {
      const mid = records.length >> 1;
      return send(records.slice(0, mid)) && send(records.slice(mid));
    }
    // One record over the batch limit cannot happen: each part is cut to its own limit.
    if (detail.length > LIMITS.batch) return true;
    return channel.send(detail);
  };

  const flush = (): void => {
    try {
      if (timer !== undefined) n.apply(n.clearTimeout, win, [timer]);
      timer = undefined;
      if (queue.length === 0) return;
      const records = queue;
      queue = [];
      if (!send(records)) queue = records.length > MAX_UNSENT ? records.slice(records.length - MAX_UNSENT) : records;
    } catch {
      // Recording must never disturb the page.
    }
  };

  // While the page is being left, every record goes out at once: the page's own pagehide
  // listeners run after this one, and a timer would never fire.
  let leaving = false;
  const onPagehide = (): void => {
    leaving = true;
    flush();
  };
  n.apply(n.addEventListener, win, ['pagehide', onPagehide, true]);
  n.apply(n.addEventListener, win, ['pageshow', () => (leaving = false), true]);
  return {
    add(record) {
      queue[queue.length] = withinLimits(record);
      if (leaving || queue.length >= FLUSH_AT) flush();
      else if (timer === undefined) timer = n.apply(n.setTimeout, win, [flush, FLUSH_DELAY_MS]) as ReturnType<typeof setTimeout>;
    },
    flush,
  };
}
