/** The vendors' session rules (semantics.md §5), overridable by the goals document's `session`. */
import type { GoalsDoc, ModelName } from '../formats/goals';

export interface ModelRules {
  name: ModelName;
  /** Display name for sentences. */
  product: string;
  timeoutMs: number;
  timeoutMinutes: number;
  timezone: string;
  midnight: boolean;
  campaign: boolean;
  untaggedPage: boolean;
  linkParams: readonly string[];
  /** The vendor ids whose hits this product counts (its own tag). */
  vendors: readonly string[];
}

/**
 * Page-API mirrors (what the page told its tag manager) are not what a vendor receives: they
 * count only when a goals document names them, so they never double a real vendor's hit.
 */
export const PAGE_API_VENDORS: ReadonlySet<string> = new Set(['datalayer']);

const BASE: Record<ModelName, Omit<ModelRules, 'timeoutMs' | 'timeoutMinutes' | 'timezone'>> = {
  ptengine: { name: 'ptengine', product: 'Ptengine', midnight: false, campaign: true, untaggedPage: true, linkParams: ['_pt_link'], vendors: ['ptengine'] },
  ga4: { name: 'ga4', product: 'Google Analytics 4', midnight: false, campaign: false, untaggedPage: false, linkParams: ['_gl'], vendors: ['ga4'] },
  ua: { name: 'ua', product: 'Universal Analytics', midnight: true, campaign: true, untaggedPage: false, linkParams: ['_ga', '_gl'], vendors: ['ua'] },
  liveengage: { name: 'liveengage', product: 'LiveEngage', midnight: false, campaign: false, untaggedPage: false, linkParams: [], vendors: ['liveperson'] },
};

export function rulesFor(model: ModelName, goals?: GoalsDoc): ModelRules {
  const minutes = goals?.session?.timeoutMinutes ?? 30;
  return {
    ...(BASE[model] ?? BASE.ptengine),
    timeoutMinutes: minutes,
    timeoutMs: minutes * 60_000,
    timezone: goals?.session?.timezone ?? 'UTC',
  };
}
