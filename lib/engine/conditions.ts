/**
 * Goal conditions compiled once into predicates over hits (formats.md §2). A predicate says
 * whether the hit meets the condition and what about it may still stop it from counting.
 */
import type { Condition, Goal, Match } from '../formats/goals';
import { serviceStatusNumber } from '../formats/service-status';
import { withoutFragment } from './domains';
import type { EngineHit } from './hits';

export type UrlTest = (url: string) => boolean;

/** How a hit met a condition; the reasons of semantics.md §4 are decided from it. */
export interface Met {
  /** url, pageviews and engagement conditions are web-only. */
  webOnly: boolean;
  /** A transaction not more than the goal's threshold. */
  belowThreshold: boolean;
  /** pageviews and engagement count at most once per session. */
  oncePerSession: boolean;
}

/** Per goal and session counters (pageviews conditions). */
export interface ConditionState {
  pageviews: number[];
}

export type Predicate = (hit: EngineHit, state: ConditionState) => Met | undefined;

export function compileMatch(match: Match): UrlTest {
  if (typeof match === 'string') return (u) => withoutFragment(u).includes(match);
  if ('equals' in match) return (u) => withoutFragment(u) === match.equals;
  if ('contains' in match) return (u) => withoutFragment(u).includes(match.contains);
  if ('startsWith' in match) return (u) => withoutFragment(u).startsWith(match.startsWith);
  let re: RegExp;
  try {
    re = new RegExp(match.regex);
  } catch {
    return () => false;
  }
  return (u) => re.test(withoutFragment(u));
}

const norm = (s: string | undefined): string => (s ?? '').trim().toLowerCase();

const PLAIN: Met = { webOnly: false, belowThreshold: false, oncePerSession: false };
const WEB: Met = { webOnly: true, belowThreshold: false, oncePerSession: false };
const WEB_ONCE: Met = { webOnly: true, belowThreshold: false, oncePerSession: true };
const BELOW: Met = { webOnly: false, belowThreshold: true, oncePerSession: false };

/** Lower is better: the met child most likely to count wins inside anyOf. */
function rank(m: Met, hit: EngineHit): number {
  return (m.webOnly && hit.source === 'mobile' ? 2 : 0) + (m.belowThreshold ? 1 : 0);
}

export function compileCondition(c: Condition, counters: { next: number }): Predicate {
  if ('url' in c) {
    const test = compileMatch(c.url);
    return (h) => (h.kind === 'pageview' && test(h.url) ? WEB : undefined);
  }
  if ('event' in c) {
    const name = c.event;
    return (h) => (h.kind === 'event' && h.name === name ? PLAIN : undefined);
  }
  if ('transaction' in c) {
    const moreThan = c.transaction.moreThan;
    return (h) => {
      if (h.kind !== 'transaction' || !h.transaction) return undefined;
      const total = Number(h.transaction.total);
      // Strict and currency-blind: 10000 JPY is not "more than 10000", whatever the currency.
      return moreThan === undefined || (Number.isFinite(total) && total > moreThan) ? PLAIN : BELOW;
    };
  }
  if ('lead' in c) {
    const topic = c.lead.topic;
    return (h) => (h.kind === 'lead' && (topic === undefined || norm(h.lead?.topic) === norm(topic)) ? PLAIN : undefined);
  }
  if ('service' in c) {
    const rules = c.service.topics.map((r) => ({
      topic: norm(r.topic),
      statuses: new Set(r.statuses.map((s) => serviceStatusNumber(s)).filter((n): n is number => n !== undefined)),
    }));
    return (h) => {
      if (h.kind !== 'service' || !h.service) return undefined;
      const topic = norm(h.service.topic);
      const status = serviceStatusNumber(h.service.status);
      if (status === undefined) return undefined;
      return rules.some((r) => r.topic === topic && r.statuses.has(status)) ? PLAIN : undefined;
    };
  }
  if ('pageviews' in c) {
    const atLeast = c.pageviews.atLeast;
    const test = c.pageviews.url === undefined ? undefined : compileMatch(c.pageviews.url);
    const slot = counters.next++;
    return (h, state) => {
      if (h.kind !== 'pageview' || (test && !test(h.url))) return undefined;
      const seen = state.pageviews[slot] ?? 0;
      // Only pageviews the vendor received and can count (delivered, web) move the counter.
      const counts = h.delivered !== false && h.source !== 'mobile';
      if (counts) state.pageviews[slot] = seen + 1;
      return seen + 1 === atLeast ? WEB_ONCE : undefined;
    };
  }
  if ('engagement' in c) return (h) => (h.kind === 'engagement' ? WEB_ONCE : undefined);
  const children = c.anyOf.map((child) => compileCondition(child, counters));
  return (h, state) => {
    let best: Met | undefined;
    for (const child of children) {
      const m = child(h, state);
      if (m && (!best || rank(m, h) < rank(best, h))) best = m;
    }
    return best;
  };
}

/** Whether the condition contains a url test, and that test (for tag-not-fired on navigations). */
export function urlTests(c: Condition): UrlTest[] {
  if ('url' in c) return [compileMatch(c.url)];
  if ('anyOf' in c) return c.anyOf.flatMap(urlTests);
  return [];
}

export interface CompiledGoal {
  goal: Goal;
  index: number;
  test: Predicate;
  urlTests: UrlTest[];
}

export function compileGoals(goals: readonly Goal[]): CompiledGoal[] {
  return goals.map((goal, index) => ({ goal, index, test: compileCondition(goal.when, { next: 0 }), urlTests: urlTests(goal.when) }));
}
