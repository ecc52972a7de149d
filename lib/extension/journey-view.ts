/**
 * The stored logs as the spec's journey: events of one tab or of every tab, in time order,
 * with the count of events dropped to stay within the bounds.
 */
import { journeyFormatOf, type Journey, type JourneyEvent } from '../formats/journey';
import type { TabView } from '../capture/journey-store';
import type { CapturedEvent } from '../capture/tab-log';

/** A journey plus how many older events were dropped (an extra field readers may ignore). */
export type RecordedJourney = Journey & { dropped?: number };

export function storedEvents(views: readonly TabView[]): { events: CapturedEvent[]; dropped: number } {
  const events: CapturedEvent[] = [];
  let dropped = 0;
  for (const v of views) {
    dropped += v.log.dropped;
    for (const e of v.log.entries) events.push(e.ev);
  }
  // Stable: ties keep their order within a tab.
  events.sort((a, b) => a.t - b.t);
  return { events, dropped };
}

export function toJourney(views: readonly TabView[]): RecordedJourney {
  const { events, dropped } = storedEvents(views);
  const out: JourneyEvent[] = events.map(({ id: _id, ...ev }) => ev as JourneyEvent);
  const journey: RecordedJourney = { format: journeyFormatOf(out), events: out };
  if (dropped > 0) journey.dropped = dropped;
  return journey;
}
