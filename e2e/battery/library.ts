/**
 * One vendor library in the battery: the npm packages its page script bundles, the collector
 * hosts it talks to, what the local collector answers there (just enough, as the vendor would,
 * for the library to proceed), which of its requests are tracking hits, and what the decoders
 * and the report must make of its walk (home page, then /thanks with the purchase).
 */
import type { ReceivedRequest, SiteResponse } from '../../lib/browser/site-server';
import type { Condition } from '../../lib/formats/goals';

export type Check = 'captured' | 'decoded' | 'visitor' | 'pageviews' | 'purchase' | 'experience';

export interface CollectorRequest {
  host: string;
  method: string;
  path: string;
  url: URL;
  body: string;
}

export interface Library {
  /** Site shop-<id>.test; page script pages/<id>.ts unless `script` names another. */
  id: string;
  /** The page script of another library, run with `options`: a variant of the same library. */
  script?: string;
  /** Handed to the page script (page-kit's `options()`), e.g. a transport to use. */
  options?: Record<string, unknown>;
  /** npm packages bundled (their versions are reported and key the bundle cache). */
  packages: string[];
  /** Decoder id the hits must come from. */
  decoder: string;
  /** The account the decoder must read (write key, token, property, …). */
  account?: string;
  /** Host names the library talks to, mapped to the local collector. */
  hosts: string[];
  /** The vendor's answer to a request to one of `hosts`; undefined = `{}` as JSON. */
  answer?(req: CollectorRequest): SiteResponse | undefined | Promise<SiteResponse | undefined>;
  /** Tracking requests: each must be in the journey once, body intact, and decode to hits. */
  isHit(r: ReceivedRequest): boolean;
  /** Page views the vendor receives over the walk (0 for tools without page views). */
  pageviews: number;
  /** How the purchase reaches a goal: a transaction (default) or, where the vendor has none, an event. */
  purchase?: Condition;
  /** False where the vendor's purchase carries no order id (Optimizely's revenue event). */
  orderId?: false;
  /** The experience displayed on the home page (id as the decoder reads it). */
  experience?: { id: string; variant?: string };
  /** The step is over once the collector holds this (and the library has been quiet a moment). */
  sent(received: readonly ReceivedRequest[], step: 'home' | 'thanks', orderId: string): boolean;
  /**
   * The vendor mints the visitor id in its answer to the first request (Adobe's Edge Network
   * returns the ECID then), so that request's hits carry none; every later one must.
   */
  mintsVisitor?: true;
  /** Checks that wait for a decoder fix on another branch: the reason, named in the skip. */
  waitsFor?: Partial<Record<Check, string>>;
}

export const json = (value: unknown, status = 200): SiteResponse => ({ status, type: 'application/json', body: JSON.stringify(value) });
