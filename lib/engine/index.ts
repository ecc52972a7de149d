/**
 * The engine: journey events + goals -> report (semantics.md). Pure: no clock, no browser APIs.
 * Events are sorted by t (stable); valid but odd data yields findings, never an exception.
 */
import type { GoalsDoc, ModelName } from '../formats/goals';
import type { JourneyEvent } from '../formats/journey';
import type { Report } from '../formats/report';
import { Replayer } from './replay';

export interface ReplayOptions {
  /** Overrides the goals document's model. */
  model?: ModelName;
}

export function replay(events: readonly JourneyEvent[], goals?: GoalsDoc, options: ReplayOptions = {}): Report {
  const model = options.model ?? goals?.model ?? 'ptengine';
  return new Replayer(goals, model).run(events);
}
