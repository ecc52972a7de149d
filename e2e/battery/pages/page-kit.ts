/**
 * What every battery page script shares: which step of the shopper's walk this page is (the home
 * page: page view, an event, an experience; /thanks: page view and the purchase), the order id,
 * and how the page tells the test it has handed everything to its library.
 */
export type Step = 'home' | 'thanks';

export const step: Step = location.pathname.startsWith('/thanks') ? 'thanks' : 'home';

/** The same order id on the wire, in the journey and in the report: order-<library id>-1001. */
export const orderId = (): string => `order-${location.hostname.replace(/^shop-/, '').replace(/\.test$/, '')}-1001`;

export interface BatteryState {
  done: boolean;
  visitorId?: string;
  error?: string;
}

declare global {
  interface Window {
    __battery?: BatteryState;
    __batteryOptions?: Record<string, unknown>;
  }
}

/** The variant's options (Library.options), e.g. `{ useBeacon: true }`. */
export const options = (): Record<string, unknown> => window.__batteryOptions ?? {};

/** Runs the page's calls; the test reads `window.__battery` (visitor id as the library knows it). */
export function run(calls: () => Promise<string | undefined>): void {
  calls().then(
    (visitorId) => {
      window.__battery = visitorId === undefined ? { done: true } : { done: true, visitorId };
    },
    (e: unknown) => {
      window.__battery = { done: true, error: String(e instanceof Error ? (e.stack ?? e.message) : e) };
    },
  );
}
