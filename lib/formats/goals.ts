/** goalpost.goals/1 — what to measure (spec: formats.md §2). */

export const GOALS_FORMAT = 'goalpost.goals/1';

export type ModelName = 'ptengine' | 'ga4' | 'ua' | 'liveengage';
export const MODEL_NAMES: readonly ModelName[] = ['ptengine', 'ga4', 'ua', 'liveengage'];

/** A string is a substring test; the objects are explicit. Tested on the URL without its fragment. */
export type Match = string | { equals: string } | { contains: string } | { startsWith: string } | { regex: string };

export interface ServiceTopicRule {
  topic: string;
  statuses: (number | string)[];
}

export type Condition =
  | { url: Match }
  | { event: string }
  | { transaction: { moreThan?: number } }
  | { lead: { topic?: string } }
  | { service: { topics: ServiceTopicRule[] } }
  | { pageviews: { atLeast: number; url?: Match } }
  | { engagement: true }
  | { anyOf: Condition[] };

export interface Goal {
  id: string;
  name?: string;
  when: Condition;
  /** Campaign goal of this experience: counts only after it was displayed in the same session. */
  experience?: string;
  oncePerVisit?: boolean;
}

/**
 * A user-declared collection endpoint (first-party CNAME, server-side container).
 * An extension of the spec's goals document: unknown fields are ignored by other readers.
 */
export interface CustomEndpoint {
  /** Host to match exactly, or a suffix when it starts with "." */
  host: string;
  /** Path prefix; default "/" */
  path?: string;
  /** A known decoder id (e.g. "ga4") or "generic". */
  decoder: string;
  /** Vendor name to report for generic endpoints. */
  vendor?: string;
  /** Generic decoder: which query/JSON field holds what. */
  fields?: {
    event?: string;
    clientId?: string;
    sessionId?: string;
    url?: string;
    account?: string;
  };
}

export interface GoalsDoc {
  format: typeof GOALS_FORMAT;
  model?: ModelName;
  /** A number, or minutes per device class (Ptengine sets the timeout per device). */
  session?: { timeoutMinutes?: number | { pc: number; smartphone: number }; timezone?: string };
  crossDomain?: { domains: string[] };
  goals: Goal[];
  /**
   * Whose hits make visitors, sessions and goal occurrences (decoder ids, e.g. ["ga4"]).
   * Default: the model's own vendor. Every vendor still shows on pages and in tag findings.
   */
  vendors?: string[];
  endpoints?: CustomEndpoint[];
}
