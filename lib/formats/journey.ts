/**
 * goalpost.journey/1 and /2 — what was observed (spec: formats.md §1). Revision 2 adds `route`
 * events (soft navigations); a journey without them is still written as /1, so readers of
 * revision 1 keep reading everything they could, and refuse by its format what they would misread.
 * Times are normalised to epoch milliseconds once parsed; the wire format also allows ISO-8601.
 */

export const JOURNEY_FORMAT = 'goalpost.journey/1';
/** The revision that added `route` events. */
export const JOURNEY_FORMAT_ROUTES = 'goalpost.journey/2';
export const JOURNEY_FORMATS = [JOURNEY_FORMAT, JOURNEY_FORMAT_ROUTES] as const;
export type JourneyFormat = (typeof JOURNEY_FORMATS)[number];

export type HitKind = 'pageview' | 'event' | 'experience' | 'transaction' | 'lead' | 'service' | 'engagement';

export const HIT_KINDS: readonly HitKind[] = ['pageview', 'event', 'experience', 'transaction', 'lead', 'service', 'engagement'];

/** A LivePerson service status: a number 0..10 or its name ("Approved"). */
export type ServiceStatus = number | string;

/** What a decoder extracts from one request or push: a hit without the capture context. */
export interface HitBody {
  vendor: string;
  kind: HitKind;
  /** The page the hit is about. */
  url: string;
  clientId?: string;
  sessionId?: string;
  /** The vendor says this hit opens a new visit (Ptengine `/pn`, GA4 `_ss`/`seg=0`). */
  opensVisit?: boolean;
  name?: string;
  experience?: { id: string; variant?: string };
  transaction?: { total: number; currency?: string; orderId?: string };
  lead?: { topic?: string; leadId?: string; value?: number; currency?: string };
  service?: { topic: string; status: ServiceStatus; serviceId?: string; category?: string };
  referrer?: string;
  source?: 'web' | 'mobile';
  /** The vendor account (GA4 measurement id, Adobe rsid, …) when the protocol names one. */
  account?: string;
  /**
   * The vendor's own id of the event it drops copies by (Segment `messageId`, Mixpanel
   * `$insert_id`, …): a hit repeating an earlier delivered one's vendor and id is a resend.
   */
  eventId?: string;
  /** The consent the hit was sent under when the protocol says (Google Consent Mode `gcs`/`gcd`). */
  consent?: HitConsent;
}

export type ConsentState = 'granted' | 'denied';

/** Storage consent as Google Consent Mode reports it per hit; absent = not said. */
export interface HitConsent {
  ads?: ConsentState;
  analytics?: ConsentState;
}

interface EventBase {
  /** Epoch milliseconds. */
  t: number;
  /** One cookie jar; default "default". */
  browser?: string;
}

export interface NavigationEvent extends EventBase {
  type: 'navigation';
  url: string;
  referrer?: string;
  tab?: string | number;
  /** webNavigation transition type when the extension saw it (link, typed, reload, …). */
  transition?: string;
  /** The page's `navigator.userAgent`: the device class (PC or smartphone) and linker checksums need it. */
  userAgent?: string;
  /** The page's `navigator.language`, which gtag's linker checksum covers. */
  language?: string;
  /** The page's `Date#getTimezoneOffset()` in minutes, which gtag's linker checksum covers. */
  timezoneOffset?: number;
}

/**
 * How the URL a person sees changed without a new document: `history.pushState`,
 * `history.replaceState`, a back/forward move within the document (popstate, Navigation API
 * traverse), a fragment change, or a document shown again from the back/forward cache.
 */
export type RouteKind = 'push' | 'replace' | 'back-forward' | 'hash' | 'restore';
export const ROUTE_KINDS: readonly RouteKind[] = ['push', 'replace', 'back-forward', 'hash', 'restore'];

/** A soft navigation: the address bar changed (or a cached document came back) with no document load. */
export interface RouteEvent extends EventBase {
  type: 'route';
  /** The address bar after the change. */
  url: string;
  /** The address bar before it, when known. */
  from?: string;
  kind: RouteKind;
  tab?: string | number;
}

export interface RequestEvent extends EventBase {
  type: 'request';
  url: string;
  method?: string;
  body?: string;
  /** `base64`: `body` is a binary body's bytes as base64 (gzip/deflate uploads are inflated before decoding). */
  bodyEncoding?: 'base64';
  status?: number;
  error?: string;
  pageUrl?: string;
  /** How the page sent it (fetch, xhr, beacon, image, script, …) when the extension saw it. */
  initiator?: string;
  tab?: string | number;
}

export interface PushEvent extends EventBase {
  type: 'push';
  target: string;
  value: unknown;
  pageUrl?: string;
  tab?: string | number;
}

export interface HitEvent extends EventBase, HitBody {
  type: 'hit';
  /** Default true; false = fired but never reached the vendor. */
  delivered?: boolean;
  tab?: string | number;
}

export type JourneyEvent = NavigationEvent | RouteEvent | RequestEvent | PushEvent | HitEvent;
export type JourneyEventType = JourneyEvent['type'];

export interface Journey {
  format: JourneyFormat;
  events: JourneyEvent[];
}

/** The format a journey is written in: the oldest revision that holds all of its events. */
export function journeyFormatOf(events: readonly { type: string }[]): JourneyFormat {
  return events.some((e) => e.type === 'route') ? JOURNEY_FORMAT_ROUTES : JOURNEY_FORMAT;
}

/** The browser name used when an event names none. */
export const DEFAULT_BROWSER = 'default';
