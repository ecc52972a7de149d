/** Small builders so each rule's test reads as the journey it describes. */
import type { Goal, GoalsDoc, ModelName } from '../../lib/formats/goals';
import type { HitEvent, JourneyEvent, NavigationEvent, RequestEvent, PushEvent } from '../../lib/formats/journey';
import { replay } from '../../lib/engine';

export const T0 = Date.parse('2026-03-01T10:00:00Z');
/** Minutes (and seconds) after T0, as epoch ms. */
export const at = (minutes: number, seconds = 0): number => T0 + minutes * 60_000 + seconds * 1000;

export function hit(t: number, url: string, extra: Partial<HitEvent> = {}): HitEvent {
  return { t, type: 'hit', vendor: 'ptengine', kind: 'pageview', url, ...extra };
}
export function nav(t: number, url: string, extra: Partial<NavigationEvent> = {}): NavigationEvent {
  return { t, type: 'navigation', url, ...extra };
}
export function req(t: number, url: string, extra: Partial<RequestEvent> = {}): RequestEvent {
  return { t, type: 'request', url, ...extra };
}
export function push(t: number, value: unknown, extra: Partial<PushEvent> = {}): PushEvent {
  return { t, type: 'push', target: 'lpTag.sdes', value, ...extra };
}
export function goalsDoc(goals: Goal[], extra: Partial<GoalsDoc> = {}): GoalsDoc {
  return { format: 'goalpost.goals/1', goals, ...extra };
}
export function run(events: JourneyEvent[], goals: Goal[] = [], extra: Partial<GoalsDoc> = {}, model?: ModelName) {
  return replay(events, goalsDoc(goals, extra), model ? { model } : {});
}
