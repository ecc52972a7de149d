/**
 * Batches records and hands them to the relay: one event per flush, on a short timer, when the
 * batch is large, and on pagehide (dispatch is synchronous, so the last batch is not lost).
 */
import { BATCH_VERSION, HOOK_EVENT, LIMITS, type CaptureRecord } from '../records';
import type { Natives } from './natives';

export const FLUSH_DELAY_MS = 100;
const FLUSH_AT = 200;

export interface Emitter {
  add(record: CaptureRecord): void;
  flush(): void;
}

export function createEmitter(win: Window & typeof globalThis, n: Natives): Emitter {
  let queue: CaptureRecord[] = [];
  let timer: ReturnType<typeof setTimeout> | undefined;

  const send = (records: CaptureRecord[]): void => {
    const detail = n.stringify({ v: BATCH_VERSION, records });
    if (detail.length > LIMITS.batch && records.length > 1) {
      const mid = records.length >> 1;
      send(records.slice(0, mid));
      send(records.slice(mid));
      return;
    }
    if (detail.length > LIMITS.batch) return;
    n.apply(n.dispatchEvent, win, [new n.CustomEvent(HOOK_EVENT, { detail })]);
  };

  const flush = (): void => {
    try {
      if (timer !== undefined) n.apply(n.clearTimeout, win, [timer]);
      timer = undefined;
      if (queue.length === 0) return;
      const records = queue;
      queue = [];
      send(records);
    } catch {
      // Recording must never disturb the page.
    }
  };

  n.apply(n.addEventListener, win, ['pagehide', flush, true]);
  return {
    add(record) {
      queue[queue.length] = record;
      if (queue.length >= FLUSH_AT) flush();
      else if (timer === undefined) timer = n.apply(n.setTimeout, win, [flush, FLUSH_DELAY_MS]) as ReturnType<typeof setTimeout>;
    },
    flush,
  };
}
