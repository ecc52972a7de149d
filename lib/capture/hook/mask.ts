/**
 * Wrapping without being noticed: wrappers are Proxies of the originals (same name, length,
 * prototype, construct behaviour, `this` handling), and Function.prototype.toString answers for
 * a wrapper exactly what it answers for the original ("function fetch() { [native code] }").
 *
 * Another realm's toString would print any Proxy as "function () { [native code] }", and a page
 * can reach one at once (a new iframe is hooked as soon as it exists): the hooks of a page's
 * same-origin frames therefore share one map of wrappers, handed down from the parent's hook.
 */
import type { Natives } from './natives';

export interface Masker {
  /** Make `wrapper` print as `original`. */
  hide(wrapper: object, original: object): void;
  /** Replace obj[key] (a function) with a Proxy whose apply is `apply`. */
  wrapMethod(obj: object, key: string, apply: (target: Function, thisArg: unknown, args: unknown[]) => unknown): void;
  /** Replace the setter of accessor obj[key] with a Proxy whose apply is `apply`. */
  wrapSetter(obj: object, key: string, apply: (target: Function, thisArg: unknown, args: unknown[]) => unknown): void;
  /** A Proxy of `fn` with its own apply, printing as `fn`. */
  proxy<F extends Function>(fn: F, apply: (target: Function, thisArg: unknown, args: unknown[]) => unknown): F;
}

/**
 * A frame reached twice (about:blank reused, re-injection) must keep its first hook, and the
 * mark cannot be anything the page could find on window. The first hook's toString answers this
 * question (an argument the built-in ignores, which no page passes) with INSTALLED_ANSWER.
 */
const INSTALLED_QUESTION = 'goalpost.hook:installed?';
const INSTALLED_ANSWER = 'goalpost.hook:installed';
const SHARED_QUESTION = 'goalpost.hook:wrappers?';

/** The wrapper map of the parent frame's hook, when the parent is same-origin and hooked. */
function parentWrappers(win: Window & typeof globalThis, n: Natives): WeakMap<object, object> | undefined {
  try {
    const parent = win.parent;
    if (!parent || parent === win) return undefined;
    const F = n.getOwnPropertyDescriptor(parent, 'Function')?.value as FunctionConstructor | undefined;
    const parentToString = F ? n.getOwnPropertyDescriptor(F.prototype, 'toString')?.value : undefined;
    if (typeof parentToString !== 'function') return undefined;
    const answer = n.apply(parentToString, parentToString, [SHARED_QUESTION]) as unknown;
    return typeof answer === 'object' && answer !== null ? (answer as WeakMap<object, object>) : undefined;
  } catch {
    // A cross-origin parent cannot be read: this frame keeps its own map.
    return undefined;
  }
}

export function alreadyMasked(win: Window & typeof globalThis): boolean {
  try {
    return Reflect.apply(win.Function.prototype.toString, win.Function.prototype.toString, [INSTALLED_QUESTION]) === INSTALLED_ANSWER;
  } catch {
    return false;
  }
}

export function createMasker(win: Window & typeof globalThis, n: Natives): Masker {
  const shown = parentWrappers(win, n) ?? new n.WeakMap<object, object>();
  const get = win.WeakMap.prototype.get;
  const set = win.WeakMap.prototype.set;
  const fnProto = win.Function.prototype;
  const nativeToString = fnProto.toString;

  // Handlers have no prototype so traps cannot be injected through Object.prototype.
  const toStringProxy = new Proxy(nativeToString, {
    __proto__: null,
    apply(target: Function, thisArg: unknown, args: unknown[]) {
      if (args.length === 1 && args[0] === INSTALLED_QUESTION) return INSTALLED_ANSWER;
      if (args.length === 1 && args[0] === SHARED_QUESTION) return shown;
      const original = typeof thisArg === 'function' ? (n.apply(get, shown, [thisArg]) as object | undefined) : undefined;
      return n.apply(target, original ?? thisArg, args);
    },
  } as ProxyHandler<typeof nativeToString>);
  n.apply(set, shown, [toStringProxy, toString]);
  const d = n.getOwnPropertyDescriptor(fnProto, 'toString');
  if (d) n.defineProperty(fnProto, 'toString', { ...d, value: toStringProxy });

  const masker: Masker = {
    hide(wrapper, original) {
      n.apply(set, shown, [wrapper, original]);
    },
    proxy(fn, apply) {
      const p = new Proxy(fn, { __proto__: null, apply } as ProxyHandler<typeof fn>);
      masker.hide(p, fn);
      return p;
    },
    wrapMethod(obj, key, apply) {
      const desc = n.getOwnPropertyDescriptor(obj, key);
      if (!desc || typeof desc.value !== 'function') return;
      n.defineProperty(obj, key, { ...desc, value: masker.proxy(desc.value as Function, apply) });
    },
    wrapSetter(obj, key, apply) {
      const desc = n.getOwnPropertyDescriptor(obj, key);
      if (!desc || typeof desc.set !== 'function') return;
      n.defineProperty(obj, key, { ...desc, set: masker.proxy(desc.set, apply) });
    },
  };
  return masker;
}
