/**
 * Page API queues (dataLayer, lpTag.sdes, _pt_sp_2) and LivePerson's page API (lpTag.sdes.send,
 * lpTag.newPage, the lpTag.events bus), noticed without the page being able to tell.
 *
 * Nothing is defined ahead of the page: the hook looks at the globals at moments the page
 * cannot observe (before each parser-inserted script runs, after each script loads, before user
 * events reach the page, before a tracking request is recorded, on pagehide, and on a slow
 * timer). An array keeps its native `push` (so `dataLayer.push === Array.prototype.push` stays
 * true): what it gained since the last look is read from the array itself. dataLayer is only
 * ever read (GTM's own push appends through the native one); a `push` (or `send`, `trigger`…)
 * that Ptengine's or LivePerson's tag installed, which does not append, is wrapped in place.
 *
 * Tags adopt their queue when they load, and some replay it through their own `push`: Ptengine's
 * pta.js (v1.65.0) reads `_pt_sp_2`, nulls each object argument it took, installs its own `push`
 * (which no longer appends), pushes every remaining item again, then pushes the objects again
 * with their commands (`push('setCustomVarV2', obj)`). A call whose every argument is already in
 * the queue, or an object already recorded for the same target, is such a replay: not recorded.
 */
import { LIMITS, type PushTarget } from '../records';
import type { HookContext } from './network';
import { toJsonSafe } from './serialize';

type Apply = (target: Function, thisArg: unknown, args: unknown[]) => unknown;

/** How a call's arguments become records. */
type Shape = 'each' | 'call' | 'page' | 'event';

interface QueueState {
  target: PushTarget;
  queue: object | undefined;
  /** Array items already read. */
  seen: number;
  /** Primitive items a replay already matched (by index). */
  consumed: unknown[];
}

export interface QueueWatcher {
  /** Notices new queues, their new items and page-installed functions. Never throws. */
  poll(): void;
}

const POLL_MS = 500;

export function watchQueues(ctx: HookContext): QueueWatcher {
  const { win, n } = ctx;
  const gopd = n.getOwnPropertyDescriptor;
  const ObjectProto = win.Object.prototype;
  const ArrayProto = win.Array.prototype;
  const nativePush = ArrayProto.push;

  // Objects recorded per target: a tag handing them back through push is replaying its queue.
  // Null-prototype records and index loops: pages patch Map and Array.prototype methods.
  const recorded: Partial<Record<PushTarget, WeakSet<object>>> = n.create(null);
  const recordedSet = (target: PushTarget): WeakSet<object> => (recorded[target] ??= new n.WeakSet<object>());
  const has = (list: unknown[], v: unknown): boolean => {
    for (let i = 0; i < list.length; i++) if (list[i] === v) return true;
    return false;
  };
  const copy = (args: unknown[]): unknown[] => {
    const out: unknown[] = [];
    for (let i = 0; i < args.length; i++) out[i] = args[i];
    return out;
  };
  // Functions already wrapped, and the wrappers themselves (never wrapped twice).
  const wrappers = new n.WeakSet<object>();
  // Arguments being recorded by an outer call: a page that wraps push and calls the previous
  // push (or a bus whose publish calls trigger) would otherwise record the same call twice.
  const active: unknown[] = [];
  // Recent LivePerson bus calls: the embed snippet's stub trigger defers and replays the same
  // arguments on the real bus once it loads.
  const recentEvents: { fn: unknown; args: unknown[] }[] = [];
  let eventSlot = 0;

  const emitValue = (target: PushTarget, value: unknown): void => {
    try {
      ctx.emit.add({ kind: 'push', t: n.now(), target, value: toJsonSafe(value, n), pageUrl: win.location.href.slice(0, LIMITS.url) });
    } catch {
      // never disturb the page
    }
  };
  const remember = (target: PushTarget, v: unknown): void => {
    if (typeof v === 'object' && v !== null) recordedSet(target).add(v);
  };
  const isObj = (v: unknown): v is object => (typeof v === 'object' && v !== null) || typeof v === 'function';
  const dataValue = (obj: object, key: string): unknown => {
    const d = gopd(obj, key);
    return d && 'value' in d ? d.value : undefined;
  };

  const states: Partial<Record<PushTarget, QueueState>> = n.create(null);
  const stateOf = (target: PushTarget): QueueState => (states[target] ??= { target, queue: undefined, seen: 0, consumed: [] });

  /** Items appended to an array since the last look (native push, or a tag's push that appends). */
  const readNewItems = (s: QueueState): void => {
    const q = s.queue;
    if (!q || !n.isArray(q)) return;
    const len = q.length;
    if (len < s.seen) s.seen = len;
    const set = recordedSet(s.target);
    let i = s.seen;
    s.seen = len;
    while (i < len) {
      const item = q[i];
      // Ptengine reads an object item as the argument of the command just before it.
      const next = i + 1 < len ? q[i + 1] : undefined;
      if (s.target === '_pt_sp_2' && typeof item === 'string' && isObj(next) && !set.has(next)) {
        set.add(next);
        emitValue(s.target, [item, next]);
        i += 2;
        continue;
      }
      if (!(isObj(item) && set.has(item))) {
        remember(s.target, item);
        emitValue(s.target, item);
      }
      i++;
    }
  };

  /**
   * A tag handing back what the hook already recorded from this queue: an object recorded for
   * this target (its command beside it is in the queue), or only items still in the queue, each
   * matched once (a replay pushes every item once; a page pushing the same command again later
   * is new once the replay has used up the queued copy).
   */
  const isReplay = (s: QueueState, args: unknown[]): boolean => {
    if (args.length === 0) return false;
    const set = recordedSet(s.target);
    const q = s.queue;
    const inQueue = q !== undefined && n.isArray(q);
    let knownObject = false;
    let allKnown = true;
    for (let i = 0; i < args.length; i++) {
      const a = args[i];
      if (!isObj(a) || !set.has(a)) allKnown = false;
      if (!isObj(a)) continue;
      if (set.has(a)) knownObject = true;
      else if (!inQueue || !has(q, a)) return false;
    }
    if (!inQueue) return allKnown;
    const claimed: number[] = [];
    for (let i = 0; i < args.length; i++) {
      const a = args[i];
      if (isObj(a)) continue;
      let at = -1;
      for (let j = 0; j < q.length && at < 0; j++) {
        if (q[j] === a && (knownObject || (!has(s.consumed, j) && !has(claimed, j)))) at = j;
      }
      if (at < 0) return false;
      claimed[claimed.length] = at;
    }
    if (!knownObject) for (let i = 0; i < claimed.length; i++) s.consumed[s.consumed.length] = claimed[i];
    return true;
  };

  const isActive = (args: unknown[]): boolean => {
    for (let i = 0; i < args.length; i++) if (!has(active, args[i])) return false;
    return args.length > 0;
  };

  const recordCall = (target: PushTarget, shape: Shape, args: unknown[], fn: unknown): void => {
    if (args.length === 0) return;
    if (shape === 'each') {
      for (let i = 0; i < args.length; i++) {
        remember(target, args[i]);
        emitValue(target, args[i]);
      }
      return;
    }
    if (shape === 'call') {
      for (let i = 0; i < args.length; i++) remember(target, args[i]);
      emitValue(target, args.length === 1 ? args[0] : copy(args));
      return;
    }
    if (shape === 'page') {
      const value: Record<string, unknown> = { url: args[0] };
      if (args.length > 1 && args[1] !== undefined) value.options = args[1];
      emitValue(target, value);
      return;
    }
    // The bus: trigger(appName, eventName, data) or trigger({ appName, eventName, data, … }).
    for (let i = 0; i < recentEvents.length; i++) {
      const r = recentEvents[i] as { fn: unknown; args: unknown[] };
      let same = r.fn !== fn && r.args.length === args.length;
      for (let k = 0; same && k < args.length; k++) same = r.args[k] === args[k];
      if (same) {
        r.fn = undefined;
        r.args = [];
        return;
      }
    }
    recentEvents[eventSlot] = { fn, args: copy(args) };
    eventSlot = (eventSlot + 1) % 50;
    const first = args[0];
    let value: Record<string, unknown> | undefined;
    if (typeof first === 'string') {
      value = { appName: first, eventName: args[1] };
      if (args[2] !== undefined) value.data = args[2];
    } else if (isObj(first)) {
      value = { appName: dataValue(first, 'appName'), eventName: dataValue(first, 'eventName') };
      const data = dataValue(first, 'data');
      if (data !== undefined) value.data = data;
    }
    // The bus refuses a publication without an event name; so does the record.
    if (value && typeof value.eventName === 'string') emitValue(target, value);
  };

  /**
   * Wraps `owner[key]` in place when it is a function the page or a tag installed. Built-in
   * prototypes are never touched: an array keeps Array.prototype.push.
   */
  const wrapFunction = (owner: object, key: string, target: PushTarget, shape: Shape, queueState?: QueueState): void => {
    let holder: object | null = owner;
    let desc: PropertyDescriptor | undefined;
    while (holder && holder !== ObjectProto && holder !== ArrayProto) {
      desc = gopd(holder, key);
      if (desc) break;
      holder = n.getPrototypeOf(holder);
    }
    if (!holder || !desc || holder === ObjectProto || holder === ArrayProto) return;
    const fn = desc.value as unknown;
    if (typeof fn !== 'function' || fn === nativePush || wrappers.has(fn) || !desc.configurable) return;
    const apply: Apply = (t, thisArg, args) => {
      let fresh = false;
      try {
        if (queueState) {
          // What reached the array before this call is older than this call.
          readNewItems(queueState);
          fresh = thisArg === queueState.queue && !isActive(args) && !isReplay(queueState, args);
        } else fresh = !isActive(args);
        if (fresh) recordCall(target, shape, args, fn);
      } catch {
        fresh = false;
      }
      if (!fresh) return n.apply(t, thisArg, args);
      const depth = active.length;
      for (let i = 0; i < args.length; i++) active[active.length] = args[i];
      try {
        return n.apply(t, thisArg, args);
      } finally {
        active.length = depth;
        // Whatever the call appended to the queue is this call's own arguments.
        if (queueState?.queue && n.isArray(queueState.queue)) queueState.seen = queueState.queue.length;
      }
    };
    const wrapped = ctx.mask.proxy(fn as Function, apply);
    wrappers.add(fn as object);
    wrappers.add(wrapped);
    n.defineProperty(holder, key, { ...desc, value: wrapped });
    // A bus exposes one function under two names (publish === trigger): keep them one.
    if (key === 'trigger') {
      const pub = gopd(holder, 'publish');
      if (pub && pub.value === fn && pub.configurable) n.defineProperty(holder, 'publish', { ...pub, value: wrapped });
    }
  };

  /** Follows one queue: a new value is adopted, its items read, its own push wrapped. */
  const followQueue = (owner: object, key: string, target: PushTarget): object | undefined => {
    const s = stateOf(target);
    const q = dataValue(owner, key);
    if (!isObj(q)) {
      s.queue = undefined;
      return undefined;
    }
    if (q !== s.queue) {
      s.queue = q;
      s.seen = 0;
      s.consumed = [];
    }
    readNewItems(s);
    // GTM's own dataLayer.push appends through the native push, so the array tells everything
    // and the page's function stays untouched. Ptengine's and LivePerson's pushes do not append.
    if (target !== 'dataLayer') wrapFunction(q, 'push', target, target === '_pt_sp_2' ? 'call' : 'each', s);
    return q;
  };

  const poll = (): void => {
    try {
      followQueue(win, 'dataLayer', 'dataLayer');
      followQueue(win, '_pt_sp_2', '_pt_sp_2');
      const tag = dataValue(win, 'lpTag');
      if (!isObj(tag)) return;
      const sdes = followQueue(tag, 'sdes', 'lpTag.sdes');
      if (sdes && !n.isArray(sdes)) wrapFunction(sdes, 'send', 'lpTag.sdes.send', 'call');
      wrapFunction(tag, 'newPage', 'lpTag.newPage', 'page');
      const bus = dataValue(tag, 'events');
      if (isObj(bus)) {
        wrapFunction(bus, 'trigger', 'lpTag.events', 'event');
        wrapFunction(bus, 'publish', 'lpTag.events', 'event');
      }
    } catch {
      // never disturb the page
    }
  };

  // Moments the page cannot observe: capture listeners on window run before the page's own.
  // A script's load event stops at the document (it never reaches window): listen there too.
  const listen = (on: EventTarget, type: string) => n.apply(n.addEventListener, on, [type, poll, { capture: true, passive: true }]);
  listen(win.document, 'load');
  for (const type of [
    'DOMContentLoaded',
    'load',
    'click',
    'mousedown',
    'touchstart',
    'keydown',
    'submit',
    'change',
    'visibilitychange',
    'popstate',
    'hashchange',
  ])
    listen(win, type);
  const tick = (): void => {
    poll();
    n.apply(n.setTimeout, win, [tick, POLL_MS]);
  };
  n.apply(n.setTimeout, win, [tick, POLL_MS]);
  poll();
  return { poll };
}
