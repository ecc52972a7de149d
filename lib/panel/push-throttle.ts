/**
 * Live pushes from the background, paced for the panel: a page sending beacons in a loop makes
 * one push per stored batch, and every applied push recomputes the report and the views.
 */
import type { PanelPush } from '../messages';

type Upsert = Extract<PanelPush, { type: 'upsert' }>;

/** Live updates reach the panel at most this often. */
export const UPSERT_INTERVAL_MS = 100;

/** Consecutive upserts for one tab as one: events in order (a later copy of an id wins), the latest drop count. */
function mergeUpserts(a: Upsert, b: Upsert): Upsert {
  return { type: 'upsert', tabId: b.tabId, events: [...a.events, ...b.events], dropped: b.dropped };
}

/**
 * Hands pushes on, holding upserts back so that at most one reaches the panel per interval;
 * any other push first delivers what is held, so the order of everything is kept.
 */
export function throttlePushes(onPush: (push: PanelPush) => void): { push(p: PanelPush): void; stop(): void } {
  let held: Upsert | undefined;
  let timer: ReturnType<typeof setTimeout> | undefined;
  let last = 0;
  const release = () => {
    timer = undefined;
    const p = held;
    held = undefined;
    last = Date.now();
    if (p) onPush(p);
  };
  return {
    push(p) {
      if (p.type !== 'upsert') {
        if (timer) clearTimeout(timer);
        release();
        onPush(p);
        return;
      }
      if (held && held.tabId !== p.tabId) {
        // Another tab's changes (a browser-wide panel): the held ones go first.
        if (timer) clearTimeout(timer);
        release();
      }
      held = held ? mergeUpserts(held, p) : p;
      if (!timer) timer = setTimeout(release, Math.max(0, last + UPSERT_INTERVAL_MS - Date.now()));
    },
    stop() {
      if (timer) clearTimeout(timer);
      held = undefined;
    },
  };
}
