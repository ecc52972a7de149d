/**
 * The engine: journey events + goals -> report (semantics.md). Pure: no clock, no browser APIs.
 * Events are sorted by t (stable); bad-but-valid data yields findings, never an exception.
 */
import type { GoalsDoc, ModelName } from '../formats/goals';
import type { JourneyEvent } from '../formats/journey';
import { REPORT_FORMAT, type Report } from '../formats/report';

export interface ReplayOptions {
  /** Overrides the goals document's model. */
  model?: ModelName;
}

export function replay(events: readonly JourneyEvent[], goals?: GoalsDoc, options: ReplayOptions = {}): Report {
  const model = options.model ?? goals?.model ?? 'ptengine';
  void events;
  return { format: REPORT_FORMAT, model, visitors: [], sessions: [], pages: [], goals: [], findings: [], hops: [] };
}
