/** The vendors' session rules (semantics.md §5), overridable by the goals document's `session`. */
import type { GoalsDoc, ModelName } from '../formats/goals';

/** Ptengine sets its inactivity timeout per device class (help centre; pta.js: 30 min on PC, 5 on phones and tablets by default). */
export type Device = 'pc' | 'smartphone';

export interface ModelRules {
  name: ModelName;
  /** Display name for sentences. */
  product: string;
  /** Timeout per device, in minutes and milliseconds. */
  timeoutMinutes: Record<Device, number>;
  timeoutMs: Record<Device, number>;
  timezone: string;
  midnight: boolean;
  campaign: boolean;
  /** Query parameters that name a campaign (a new traffic source). */
  campaignParams: readonly string[];
  /** A search engine's referrer is a source of its own (the engine, whatever its country domain). */
  searchEngines: boolean;
  untaggedPage: boolean;
  linkParams: readonly string[];
  /** The vendor ids whose hits this product counts (its own tag). */
  vendors: readonly string[];
  /**
   * A transaction's order id counts once per visitor across visits, not once per visit (GA4
   * dedups purchases by transaction_id per user, web streams: support.google.com/analytics/answer/12313109).
   */
  orderIdPerUser: boolean;
}

/**
 * Page-API mirrors (what the page told its tag manager) are not what a vendor receives: they
 * count only when a goals document names them, so they never double a real vendor's hit.
 */
export const PAGE_API_VENDORS: ReadonlySet<string> = new Set(['datalayer']);

const UTM = ['utm_source', 'utm_medium', 'utm_campaign', 'utm_term', 'utm_content'];

type Base = Omit<ModelRules, 'timeoutMs' | 'timeoutMinutes' | 'timezone'>;
const BASE: Record<ModelName, Base> = {
  ptengine: {
    name: 'ptengine',
    product: 'Ptengine',
    midnight: false,
    campaign: true,
    campaignParams: UTM,
    searchEngines: true,
    untaggedPage: true,
    linkParams: ['_pt_link'],
    vendors: ['ptengine'],
    orderIdPerUser: false,
  },
  ga4: {
    name: 'ga4',
    product: 'Google Analytics 4',
    midnight: false,
    campaign: false,
    campaignParams: UTM,
    searchEngines: false,
    untaggedPage: false,
    linkParams: ['_gl'],
    vendors: ['ga4'],
    orderIdPerUser: true,
  },
  // UA starts a session when any campaign value changes, click ids included (UA help 2731565).
  ua: {
    name: 'ua',
    product: 'Universal Analytics',
    midnight: true,
    campaign: true,
    campaignParams: [...UTM, 'utm_id', 'gclid', 'dclid'],
    searchEngines: false,
    untaggedPage: false,
    linkParams: ['_ga', '_gl'],
    vendors: ['ua'],
    orderIdPerUser: false,
  },
  liveengage: {
    name: 'liveengage',
    product: 'LiveEngage',
    midnight: false,
    campaign: false,
    campaignParams: UTM,
    searchEngines: false,
    untaggedPage: false,
    linkParams: [],
    vendors: ['liveperson'],
    orderIdPerUser: false,
  },
};

export function rulesFor(model: ModelName, goals?: GoalsDoc): ModelRules {
  const setting = goals?.session?.timeoutMinutes ?? 30;
  const minutes: Record<Device, number> =
    typeof setting === 'number' ? { pc: setting, smartphone: setting } : { pc: setting.pc, smartphone: setting.smartphone };
  return {
    ...(BASE[model] ?? BASE.ptengine),
    timeoutMinutes: minutes,
    timeoutMs: { pc: minutes.pc * 60_000, smartphone: minutes.smartphone * 60_000 },
    timezone: goals?.session?.timezone ?? 'UTC',
  };
}

const MOBILE_UA = /Mobi|Android|iPhone|iPad|iPod|Windows Phone|BlackBerry/i;

/** A device class from a browser's user agent (phones and tablets are "smartphone", as Ptengine's tag groups them). */
export function deviceOf(userAgent: string | undefined, source: 'web' | 'mobile' | undefined): Device {
  if (userAgent) return MOBILE_UA.test(userAgent) ? 'smartphone' : 'pc';
  return source === 'mobile' ? 'smartphone' : 'pc';
}
