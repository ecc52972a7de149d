/**
 * The panel's live state and the pure reducer that applies the background's pushes to it.
 * Pure so the protocol can be tested by feeding readable lists of pushes.
 */
import type { GoalsDoc } from '../formats/goals';
import type { PanelPush, StoredEvent } from '../messages';

export interface LiveState {
  /** The tab this panel shows; undefined = the whole browser. */
  tabId?: number;
  /** Arrival order; updates replace in place so an event keeps its position. */
  events: StoredEvent[];
  /**
   * Events the background dropped (oldest first) to stay within its per-tab bounds. The panel
   * drops the same ones, so its memory stays as bounded as the background's.
   */
  dropped: number;
  /** Each tab's drop count as last heard: an upsert says the new total, the difference is what to drop. */
  droppedByTab: Readonly<Record<number, number>>;
  /** The goals the background holds, once known. */
  goals: GoalsDoc | null;
  /** True after the first snapshot arrived. */
  ready: boolean;
}

export function initialLiveState(tabId?: number): LiveState {
  return { tabId, events: [], dropped: 0, droppedByTab: {}, goals: null, ready: false };
}

function forThisTab(state: LiveState, tabId: number | undefined): boolean {
  // A push without a tab concerns everyone; a push for another tab is not ours.
  return tabId === undefined || state.tabId === undefined || tabId === state.tabId;
}

function upsert(existing: StoredEvent[], incoming: StoredEvent[]): StoredEvent[] {
  if (incoming.length === 0) return existing;
  const position = new Map<string, number>();
  for (let i = 0; i < existing.length; i++) position.set((existing[i] as StoredEvent).id, i);
  const next = existing.slice();
  for (const e of incoming) {
    const at = position.get(e.id);
    if (at === undefined) {
      position.set(e.id, next.length);
      next.push(e);
    } else {
      next[at] = e;
    }
  }
  return next;
}

/** Removes the `count` oldest events of a tab (ids are `<tab>:<seq>`; a tab's own panel holds only that tab's). */
function dropOldest(events: StoredEvent[], count: number, tab: number, onlyThisTab: boolean): StoredEvent[] {
  if (count <= 0) return events;
  if (onlyThisTab) return events.slice(Math.min(count, events.length));
  const prefix = `${tab}:`;
  let left = count;
  return events.filter((e) => {
    if (left === 0 || !e.id.startsWith(prefix)) return true;
    left--;
    return false;
  });
}

/** An upsert: updates in place, appends the new, then drops what the background dropped since. */
function applyUpsert(state: LiveState, push: Extract<PanelPush, { type: 'upsert' }>): LiveState {
  const events = upsert(state.events, push.events);
  if (push.tabId === undefined) return { ...state, events };
  const before = state.droppedByTab[push.tabId];
  const droppedByTab = { ...state.droppedByTab, [push.tabId]: push.dropped };
  // A browser-wide panel learns a tab's count with its first upsert: nothing to compare yet.
  const more = before === undefined ? 0 : push.dropped - before;
  const onlyThisTab = state.tabId !== undefined;
  // What this push brings was kept; an update that dropped some of its own new events never
  // sent them, so only the events held before can have gone.
  const held = onlyThisTab ? state.events.length : state.events.filter((e) => e.id.startsWith(`${push.tabId}:`)).length;
  return {
    ...state,
    events: dropOldest(events, Math.min(more, held), push.tabId, onlyThisTab),
    dropped: onlyThisTab ? push.dropped : state.dropped + Math.max(0, more),
    droppedByTab,
  };
}

export function reduce(state: LiveState, push: PanelPush): LiveState {
  switch (push.type) {
    case 'snapshot':
      if (!forThisTab(state, push.tabId)) return state;
      return {
        ...state,
        events: push.events.slice(),
        dropped: push.dropped,
        droppedByTab: push.tabId === undefined ? {} : { [push.tabId]: push.dropped },
        goals: push.goals,
        ready: true,
      };
    case 'upsert':
      if (!forThisTab(state, push.tabId)) return state;
      return applyUpsert(state, push);
    case 'goals':
      return { ...state, goals: push.goals };
    case 'cleared':
      if (!forThisTab(state, push.tabId)) return state;
      return { ...state, events: [], dropped: 0, droppedByTab: {} };
    default:
      return state;
  }
}
