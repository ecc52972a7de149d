/**
 * The page-world hook, installed synchronously at document_start in every frame: wrappers go in
 * before any page script runs, so nothing the page sends is missed and no page patch is wrapped.
 */
import { LIMITS } from '../records';
import { createEmitter } from './emitter';
import { createMasker } from './mask';
import { takeNatives } from './natives';
import { wrapNetwork, type HookContext } from './network';
import { watchQueues } from './queues';
import { watchScripts } from './scripts';
import { createUrlFilter } from './url-filter';

const INSTALLED = Symbol.for('goalpost.hook');

export function installHook(win: Window & typeof globalThis): void {
  try {
    // A frame reached twice (about:blank reuse, re-injection) keeps its first hook.
    if ((win as unknown as Record<symbol, unknown>)[INSTALLED]) return;
    Object.defineProperty(win, INSTALLED, { value: true });
    const n = takeNatives(win);
    const ctx: HookContext = { win, n, mask: createMasker(win, n), emit: createEmitter(win, n), wanted: createUrlFilter(win, n) };
    wrapNetwork(ctx);
    watchScripts(ctx);
    watchQueues(ctx);
    const href = win.location.href;
    if (win === win.top && /^https?:/.test(href) && href.length <= LIMITS.url) {
      const ref = win.document.referrer;
      ctx.emit.add({ kind: 'page', t: n.now(), url: href, referrer: ref.length <= LIMITS.url && /^https?:/.test(ref) ? ref : '' });
    }
  } catch {
    // The page must load exactly as without the extension, even if the hook cannot install.
  }
}
