/**
 * The page-world hook, installed synchronously at document_start in every frame: wrappers go in
 * before any page script runs, so nothing the page sends is missed and no page patch is wrapped.
 */
import { LIMITS, type PageRecord } from '../records';
import { openChannel } from './channel';
import { createEmitter } from './emitter';
import { alreadyMasked, createMasker } from './mask';
import { takeNatives } from './natives';
import { wrapNetwork, type HookContext } from './network';
import { watchQueues, type QueueWatcher } from './queues';
import { watchScripts } from './scripts';
import { createUrlFilter } from './url-filter';
import { watchHistory } from './history';

/** Read before any page script runs, so no page patch shows: what linker checksums cover. */
function pageFingerprint(win: Window & typeof globalThis): Pick<PageRecord, 'userAgent' | 'language' | 'timezoneOffset'> {
  const nav = win.navigator;
  return {
    userAgent: String(nav.userAgent).slice(0, LIMITS.note * 4),
    language: String(nav.language).slice(0, LIMITS.note),
    timezoneOffset: new win.Date().getTimezoneOffset(),
  };
}

export function installHook(win: Window & typeof globalThis): void {
  try {
    // A frame reached twice (about:blank reuse, re-injection) keeps its first hook.
    if (alreadyMasked(win)) return;
    const n = takeNatives(win);
    let queues: QueueWatcher | undefined;
    const pollQueues = (): void => queues?.poll();
    // Registered before the emitter's own pagehide flush, so the last pushes go with it.
    n.apply(n.addEventListener, win, ['pagehide', pollQueues, true]);
    const channel = openChannel(win, n);
    const ctx: HookContext = {
      win,
      n,
      mask: createMasker(win, n),
      emit: createEmitter(win, n, channel),
      wanted: createUrlFilter(n, channel),
      pollQueues,
    };
    wrapNetwork(ctx);
    watchScripts(ctx);
    queues = watchQueues(ctx);
    watchHistory(ctx);
    const href = win.location.href;
    if (win === win.top && /^https?:/.test(href) && href.length <= LIMITS.url) {
      const ref = win.document.referrer;
      ctx.emit.add({
        kind: 'page',
        t: n.now(),
        url: href,
        referrer: ref.length <= LIMITS.url && /^https?:/.test(ref) ? ref : '',
        ...pageFingerprint(win),
      });
    }
  } catch {
    // The page must load exactly as without the extension, even if the hook cannot install.
  }
}
