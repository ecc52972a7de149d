/**
 * Page API queues (dataLayer, lpTag.sdes, _pt_sp_2). Tags replace these arrays and their `push`
 * (GTM and LivePerson both do), so the hook watches the names rather than one array: the global
 * (or lpTag's `sdes`) is an accessor that adopts whatever the page assigns, items already queued
 * are recorded on adoption, and `push` is an accessor that wraps whichever function is current.
 */
import { LIMITS, type PushTarget } from '../records';
import type { HookContext } from './network';
import { toJsonSafe } from './serialize';

function recordPush(ctx: HookContext, target: PushTarget, value: unknown): void {
  try {
    const { n } = ctx;
    ctx.emit.add({ kind: 'push', t: n.now(), target, value: toJsonSafe(value, n), pageUrl: ctx.win.location.href.slice(0, LIMITS.url) });
  } catch {
    // never disturb the page
  }
}

/** Watch `owner[key]`: whatever is assigned is adopted by `adopt` and read back unchanged. */
function watchProperty(ctx: HookContext, owner: object, key: string, adopt: (v: unknown) => void): void {
  const { n } = ctx;
  const existing = n.getOwnPropertyDescriptor(owner, key);
  if (existing && (!existing.configurable || !('value' in existing))) return;
  let current: unknown = existing?.value;
  if (current !== undefined) adopt(current);
  n.defineProperty(owner, key, {
    configurable: true,
    enumerable: existing?.enumerable ?? true,
    get() {
      return current;
    },
    set(v: unknown) {
      current = v;
      adopt(v);
    },
  });
}

function makeQueueAdopter(ctx: HookContext, target: PushTarget): (v: unknown) => void {
  const { n } = ctx;
  const adopted = new n.WeakSet<object>();
  // Values being recorded by an outer push: a page that wraps push and calls the previous push
  // would otherwise have the same item recorded twice.
  const active: unknown[] = [];
  const isActive = (v: unknown): boolean => {
    for (let i = 0; i < active.length; i++) if (active[i] === v) return true;
    return false;
  };
  return (queue: unknown) => {
    try {
      if (typeof queue !== 'object' || queue === null || adopted.has(queue)) return;
      adopted.add(queue);
      if (n.isArray(queue)) for (let i = 0; i < queue.length; i++) recordPush(ctx, target, queue[i]);
      const own = n.getOwnPropertyDescriptor(queue, 'push');
      if (own && (!own.configurable || !('value' in own))) return;
      let inner: unknown = own?.value;
      let wrapped: unknown;
      let wrappedFor: unknown;
      const current = (): unknown => {
        const fn = inner !== undefined ? inner : (n.getOwnPropertyDescriptor(Object.getPrototypeOf(queue) ?? {}, 'push')?.value as unknown);
        if (typeof fn !== 'function') return fn;
        if (wrappedFor !== fn) {
          wrappedFor = fn;
          wrapped = ctx.mask.proxy(fn as Function, (t, thisArg, args) => {
            const fresh: unknown[] = [];
            try {
              if (thisArg === queue) {
                for (let i = 0; i < args.length; i++) if (!isActive(args[i])) fresh[fresh.length] = args[i];
              }
              for (let i = 0; i < fresh.length; i++) recordPush(ctx, target, fresh[i]);
            } catch {
              // never disturb the page
            }
            const depth = active.length;
            for (let i = 0; i < fresh.length; i++) active[active.length] = fresh[i];
            try {
              return n.apply(t, thisArg, args);
            } finally {
              active.length = depth;
            }
          });
        }
        return wrapped;
      };
      n.defineProperty(queue, 'push', {
        configurable: true,
        enumerable: own?.enumerable ?? false,
        get: current,
        set(v: unknown) {
          inner = v;
        },
      });
    } catch {
      // never disturb the page
    }
  };
}

export function watchQueues(ctx: HookContext): void {
  const { win } = ctx;
  try {
    watchProperty(ctx, win, 'dataLayer', makeQueueAdopter(ctx, 'dataLayer'));
    watchProperty(ctx, win, '_pt_sp_2', makeQueueAdopter(ctx, '_pt_sp_2'));
    const adoptSdes = makeQueueAdopter(ctx, 'lpTag.sdes');
    const adoptedTags = new ctx.n.WeakSet<object>();
    watchProperty(ctx, win, 'lpTag', (tag) => {
      if (typeof tag !== 'object' || tag === null || adoptedTags.has(tag)) return;
      adoptedTags.add(tag);
      try {
        watchProperty(ctx, tag, 'sdes', adoptSdes);
      } catch {
        // never disturb the page
      }
    });
  } catch {
    // never disturb the page
  }
}
