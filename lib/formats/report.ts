import type { MessageParams } from '../i18n/params';
import type { HitConsent } from './journey';
/** goalpost.report/1 — what the engine concluded (spec: formats.md §3). Times are ISO-8601 UTC with ms. */
import type { ModelName } from './goals';
import type { RouteKind } from './journey';

export const REPORT_FORMAT = 'goalpost.report/1';

export type SessionReason = 'first' | 'timeout' | 'midnight' | 'campaign' | 'vendor' | 'untagged-page';

export type OccurrenceReason =
  | 'not-delivered'
  | 'tag-not-fired'
  | 'unsupported-source'
  | 'below-threshold'
  | 'before-experience'
  | 'experience-not-displayed'
  | 'duplicate-id'
  | 'once-per-visit'
  | 'counted';

export type Severity = 'error' | 'warning' | 'info';

export type FindingCode =
  | 'tag-missing'
  | 'tag-failed'
  | 'tag-not-fired-on-goal-page'
  | 'cross-domain-break'
  | 'goal-before-experience'
  | 'experience-not-displayed'
  | 'duplicate-id'
  | 'page-counted-twice'
  | 'session-timeout'
  | 'conversion-goal-mismatch'
  | 'vendor-visit-differs'
  | 'tag-unreadable'
  | 'consent-denied';

export interface ReportVisitor {
  id: string;
  browser: string;
  sessions: string[];
}

export interface ReportSession {
  id: string;
  visitor: string;
  start: string;
  end: string;
  hits: number;
  pages: number;
  reason: SessionReason;
  /** Human detail of the reason: the gap for a timeout, the new source for a campaign, … */
  detail?: string;
  /** Traffic source of the session's first pageview ("direct", "google / cpc / spring", "ref.example"). */
  source?: string;
}

export interface VendorTally {
  hits: number;
  delivered: number;
  /** The consent the vendor's last hit on the page was sent under (Google Consent Mode), when it said. */
  consent?: HitConsent;
}

export interface ReportPage {
  t: string;
  url: string;
  browser: string;
  vendors: Record<string, VendorTally>;
  /** A virtual page: the route change that made it (absent for document loads). */
  route?: RouteKind;
}

export interface Occurrence {
  t: string;
  url: string;
  visitor: string;
  session: string;
  counted: boolean;
  reason: OccurrenceReason;
  /** What met the condition, in words ("transaction O1 12000 JPY"). */
  detail?: string;
  /** The address bar when the hit was sent, on a single-page app, when it differs from `url` (what the vendor recorded). */
  pageUrl?: string;
}

export interface ReportGoal {
  id: string;
  name?: string;
  sessions: number;
  users: number;
  total: number;
  occurrences: Occurrence[];
}

export interface Finding {
  code: FindingCode;
  severity: Severity;
  /** The sentence in English (the contract's text). */
  message: string;
  /** The catalogue message `message` was rendered from, so a surface can render it in another language. */
  messageId?: string;
  /** The named values the message is filled with (see lib/i18n/params.ts). */
  params?: MessageParams;
  t?: string;
  url?: string;
  goal?: string;
  session?: string;
  vendor?: string;
}

/** A move between two registrable domains in one browser (drawn on the Sessions view). */
export interface ReportHop {
  t: string;
  browser: string;
  from: string;
  to: string;
  /** True when the visitor was carried over. */
  linked: boolean;
  /** The link parameter seen on the landing URL, if any. */
  param?: string;
  visitorFrom?: string;
  visitorTo?: string;
}

/** Findings that one fix addresses: the same code, vendor, site and goal (formats.md §3 "Bounded reports"). */
export interface FindingGroup {
  code: FindingCode;
  severity: Severity;
  vendor?: string;
  goal?: string;
  /** Registrable domain of the findings' pages (the host where there is none); absent for findings without a page. */
  site?: string;
  count: number;
  first?: string;
  last?: string;
  /** The pages, ids collapsed (`www.shop.example/p/:id`), most findings first. */
  pages: { pattern: string; count: number }[];
  /** Findings on pages not listed in `pages`. */
  otherPages?: number;
  /** A few of the findings, whole: the first, one from another page where there is one, the last. */
  examples: Finding[];
}

/** How many of each list a bounded report left out; absent when nothing was. */
export interface ReportOmitted {
  note: string;
  findings?: number;
  findingGroups?: number;
  pages?: number;
  sessions?: number;
  visitors?: number;
  visitorSessions?: number;
  hops?: number;
  occurrences?: number;
}

export interface Report {
  format: typeof REPORT_FORMAT;
  model: ModelName;
  visitors: ReportVisitor[];
  sessions: ReportSession[];
  pages: ReportPage[];
  goals: ReportGoal[];
  findings: Finding[];
  hops?: ReportHop[];
  /** The vendors whose hits were counted for visitors, sessions and goals (see GoalsDoc.vendors). */
  counted?: string[];
  /** Every finding grouped, worst first (bounded reports: the CLI's JSON without --full). */
  findingGroups?: FindingGroup[];
  omitted?: ReportOmitted;
}

export const SEVERITY_RANK: Record<Severity, number> = { error: 0, warning: 1, info: 2 };
