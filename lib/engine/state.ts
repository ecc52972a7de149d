/** The engine's working state while it walks the journey once, in time order. */
import type { RouteKind } from '../formats/journey';
import type { MessageRef } from '../i18n/params';
import type { Occurrence, SessionReason, VendorTally } from '../formats/report';
import type { HitConsent } from '../formats/journey';
import type { CompiledGoal, ConditionState } from './conditions';
import type { Fingerprint, LinkCheck } from './google-linker';
import type { EngineHit } from './hits';

export interface PageState {
  /** Position in the browser's page list. */
  seq: number;
  t: number;
  url: string;
  domain: string;
  browser: string;
  referrer?: string;
  fromNavigation: boolean;
  /** One entry per vendor seen on the page (one map per page keeps a million pages cheap). */
  vendors: Map<string, PageVendor>;
  anyPageview: boolean;
  pageviewDelivered: boolean;
  firstVisitor?: Visitor;
  firstSession?: Session;
  /** Experiences an A/B tool displayed here before the counted product's first hit on the page. */
  pendingExperiences?: string[];
  /** Who the browser was on this domain when the page opened, for pages no tag saw. */
  hint?: { visitor: Visitor; session?: Session };
  /** A virtual page: the route change that made it (virtual-pages.ts). */
  route?: RouteKind;
  /** The document page a virtual page belongs to. */
  document?: PageState;
  /** Part of a document whose route changes were recorded: hits attach to virtual pages. */
  spa?: boolean;
  /** Per vendor, the first delivered pageview on this (virtual) page, to see a second one. */
  pageviews?: Map<string, EngineHit>;
}

export interface PageVendor extends VendorTally {
  /** Sent a pageview (delivered or not). */
  pageview: boolean;
  /** The visitor of its last hit here. */
  visitor?: Visitor;
  /** The consent its last hit here said it was sent under. */
  consent?: HitConsent;
  /** A consent-denied finding was raised for this page already. */
  consentNoted?: boolean;
}

export interface Hop {
  t: number;
  browser: string;
  fromPage: PageState;
  toPage: PageState;
  from: string;
  to: string;
  /** Simulated cookie of the domain left, carried over when the link is honoured. */
  fromSlot: Slot;
  /** The link parameter on the first landing navigation (the link followed). */
  linkParam?: string;
  /** The link parameter on the page the tag first ran on. */
  landingParam?: string;
  landingUrl?: string;
  /** The landing browser's user agent, language and time zone, when the capture recorded them. */
  fingerprint?: Fingerprint;
  /** The Google tag's verdict on the landing link parameter. */
  link?: LinkCheck;
  resolved: boolean;
  linked: boolean;
  visitorFrom?: string;
  visitorTo?: string;
}

export interface BrowserState {
  name: string;
  pages: PageState[];
  last?: PageState;
  tabs: Map<string | number, PageState>;
  hasNavigations: boolean;
  /** Navigations so far: tells which page of the browser a hit belongs to, for id adoption. */
  navigations: number;
  /** Per vendor, the seq of the last page it sent a delivered hit from. */
  lastTagged: Map<string, number>;
  pendingHop?: Hop;
  lastByDomain: Map<string, { visitor: Visitor; session?: Session }>;
  /** The user agent of the browser's latest navigation: a hit's device class for the timeout. */
  userAgent?: string;
}

/** A simulated first-party cookie; the visitor is named at its first hit. */
export interface Slot {
  visitor?: Visitor;
}

export interface Visitor {
  id: string;
  browser: string;
  sessions: Session[];
  current?: Session;
  lastT: number;
}

/** A report occurrence while the engine works: epoch time, and what a finding needs to say. */
export interface OccurrenceRec extends Omit<Occurrence, 't'> {
  t: number;
  /** The duplicated id, in words, for the duplicate-id finding. */
  duplicate?: MessageRef;
  /** The id was counted in an earlier visit of the same visitor (GA4 orders), not in this visit. */
  duplicateOfVisitor?: boolean;
}

export interface GoalSession {
  counted: boolean;
  ids: Set<string>;
  cond: ConditionState;
}

export interface Session {
  id: string;
  visitor: Visitor;
  start: number;
  end: number;
  hits: number;
  pages: Set<PageState>;
  reason: SessionReason;
  detail?: string;
  source?: string;
  domains: Set<string>;
  vendorIds: Map<string, string>;
  experiences: Set<string>;
  goals: (GoalSession | undefined)[];
  /** Occurrences waiting for their experience: shown later in the visit makes them before-experience. */
  awaitingExperience?: Map<string, OccurrenceRec[]>;
}

export interface GoalTally {
  compiled: CompiledGoal;
  occurrences: OccurrenceRec[];
  sessions: Set<string>;
  users: Set<string>;
  total: number;
  /** Order ids counted per visitor, where the model counts an order id once per visitor. */
  visitorIds?: Map<Visitor, Set<string>>;
}
