/**
 * The hook's end of the private channel to the relay (records.ts, CHANNEL_EVENT): listens once
 * for the relay's port at install, then talks only on that port, which no page script can
 * reach. The built-ins used later are taken now, before any page script could patch them.
 */
import { CHANNEL_EVENT, ENDPOINTS_EVENT, HOOK_EVENT } from '../records';
import type { Natives } from './natives';

export interface Channel {
  /** Hands one batch's JSON text to the relay; false while there is no relay to hand it to. */
  send(detail: string): boolean;
  /** `fn` hears each endpoints source the relay sends (see url-filter.ts). */
  onEndpoints(fn: (source: unknown) => void): void;
}

export function openChannel(win: Window & typeof globalThis, n: Natives): Channel {
  const removeListener = win.EventTarget.prototype.removeEventListener;
  const stop = win.Event.prototype.stopImmediatePropagation;
  const prevent = win.Event.prototype.preventDefault;
  const portsOf = Object.getOwnPropertyDescriptor(win.MessageEvent.prototype, 'ports')?.get;
  const listeners: ((source: unknown) => void)[] = [];
  let port: EventTarget | undefined;

  const hear = (event: Event): void => {
    try {
      const source = n.eventDetail ? n.apply(n.eventDetail, event, []) : undefined;
      for (let i = 0; i < listeners.length; i++) (listeners[i] as (s: unknown) => void)(source);
    } catch {
      // A malformed message changes nothing.
    }
  };
  const take = (event: Event): void => {
    try {
      const ports = portsOf ? (n.apply(portsOf, event, []) as readonly MessagePort[]) : undefined;
      const p = ports?.[0];
      if (!p || port) return;
      // Nothing else on the page hears the handshake; preventDefault tells the relay it was taken.
      n.apply(stop, event, []);
      n.apply(prevent, event, []);
      n.apply(removeListener, win, [CHANNEL_EVENT, take, true]);
      port = p;
      n.apply(n.addEventListener, p, [ENDPOINTS_EVENT, hear]);
    } catch {
      // No channel: the hook keeps its records (see emitter.ts) and the page is not disturbed.
    }
  };
  n.apply(n.addEventListener, win, [CHANNEL_EVENT, take, true]);

  return {
    send(detail) {
      if (!port) return false;
      n.apply(n.dispatchEvent, port, [new n.CustomEvent(HOOK_EVENT, { detail })]);
      return true;
    },
    onEndpoints(fn) {
      listeners[listeners.length] = fn;
    },
  };
}
