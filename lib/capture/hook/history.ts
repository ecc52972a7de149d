/**
 * Soft navigations of a single-page app, seen the way its tags see them: `history.pushState` and
 * `replaceState` (wrapped like the network APIs: Proxies that print as the originals), `popstate`
 * and `hashchange` (capturing listeners on window, which no page script can list), the Navigation
 * API's `navigate` where the browser has it (it tells a back/forward move from a fragment change,
 * which the events alone cannot), and `pageshow` from the back/forward cache, after which no tag
 * runs again. Only a change of the address is a route: a replaceState to the same URL (how
 * routers store state) is not recorded. Top frame only: the address bar is the top frame's.
 */
import type { RouteKind } from '../../formats/journey';
import { LIMITS } from '../records';
import type { HookContext } from './network';

const HTTP = /^https?:/;

type Read<T> = ((this: unknown) => T) | undefined;

function getter<T>(proto: object | undefined, key: string): Read<T> {
  if (!proto) return undefined;
  return Object.getOwnPropertyDescriptor(proto, key)?.get as Read<T>;
}

/** The built-in getters for the events' fields, taken before any page script could patch them. */
function eventReaders(win: Window & typeof globalThis) {
  const w = win as unknown as Record<string, { prototype?: object } | undefined>;
  return {
    navigationType: getter<string>(w.NavigateEvent?.prototype, 'navigationType'),
    hashChange: getter<boolean>(w.NavigateEvent?.prototype, 'hashChange'),
    destination: getter<object>(w.NavigateEvent?.prototype, 'destination'),
    destinationUrl: getter<string>(w.NavigationDestination?.prototype, 'url'),
    persisted: getter<boolean>(w.PageTransitionEvent?.prototype, 'persisted'),
    changeType: getter<string | null>(w.NavigationCurrentEntryChangeEvent?.prototype, 'navigationType'),
  };
}

const KIND_OF_TYPE: Record<string, RouteKind> = { push: 'push', replace: 'replace', traverse: 'back-forward' };

const withoutFragment = (url: string): string => {
  const i = url.indexOf('#');
  return i < 0 ? url : url.slice(0, i);
};

export function watchHistory(ctx: HookContext): void {
  const { win, n } = ctx;
  if (win !== win.top) return;
  const read = eventReaders(win);
  const call = <T>(fn: Read<T>, self: unknown): T | undefined => (fn ? (n.apply(fn, self, []) as T) : undefined);
  let current = win.location.href;
  // What the Navigation API announced for the next change, and to which URL.
  let announced: { how: RouteKind; url: string } | undefined;

  const emit = (how: RouteKind, url: string, from: string): void => {
    if (!HTTP.test(url) || url.length > LIMITS.url) return;
    ctx.emit.add({ kind: 'route', t: n.now(), url, from: HTTP.test(from) && from.length <= LIMITS.url ? from : '', how });
  };

  const note = (how: RouteKind): void => {
    try {
      const url = win.location.href;
      if (url === current) return;
      const from = current;
      current = url;
      const told = announced !== undefined && announced.url === url ? announced.how : undefined;
      announced = undefined;
      // What the page queued before the change belongs to the route it left.
      ctx.pollQueues();
      emit(told ?? how, url, from);
    } catch {
      // never disturb the page
    }
  };

  const History = (win as unknown as { History?: { prototype: object } }).History;
  if (History) {
    for (const [key, how] of [
      ['pushState', 'push'],
      ['replaceState', 'replace'],
    ] as const) {
      ctx.mask.wrapMethod(History.prototype, key, (target, thisArg, args) => {
        const result = n.apply(target, thisArg, args);
        note(how);
        return result;
      });
    }
  }

  // Without the Navigation API a popstate cannot say whether the back button or a fragment link
  // moved the address; a change of the fragment alone is taken as a fragment change.
  const listen = (target: EventTarget, type: string, fn: (e: Event) => void): void => {
    n.apply(n.addEventListener, target, [type, fn, true]);
  };
  listen(win, 'popstate', () => {
    try {
      note(withoutFragment(win.location.href) === withoutFragment(current) ? 'hash' : 'back-forward');
    } catch {
      // never disturb the page
    }
  });
  listen(win, 'hashchange', () => note('hash'));
  listen(win, 'pageshow', (e) => {
    try {
      if (call(read.persisted, e) !== true) return;
      current = win.location.href;
      announced = undefined;
      emit('restore', current, '');
    } catch {
      // never disturb the page
    }
  });

  const navigation = (win as unknown as { navigation?: EventTarget }).navigation;
  if (!navigation || !read.navigationType) return;
  listen(navigation, 'navigate', (e) => {
    try {
      const type = call(read.navigationType, e);
      const destination = call(read.destination, e);
      const url = destination ? call(read.destinationUrl, destination) : undefined;
      if (typeof url !== 'string' || type === 'reload') return;
      const how: RouteKind = type !== 'traverse' && call(read.hashChange, e) === true ? 'hash' : (KIND_OF_TYPE[type ?? ''] ?? 'push');
      announced = { how, url };
    } catch {
      // never disturb the page
    }
  });
  // Fires for every same-document change, including navigation.navigate() with intercept(),
  // which changes the address without the history API.
  listen(navigation, 'currententrychange', (e) => {
    try {
      note(KIND_OF_TYPE[call(read.changeType, e) ?? ''] ?? 'push');
    } catch {
      // never disturb the page
    }
  });
}
