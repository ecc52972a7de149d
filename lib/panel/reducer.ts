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
  /** Events the background had to drop to stay within its per-tab bound. */
  dropped: number;
  /** The goals the background holds, once known. */
  goals: GoalsDoc | null;
  /** True after the first snapshot arrived. */
  ready: boolean;
}

export function initialLiveState(tabId?: number): LiveState {
  return { tabId, events: [], dropped: 0, goals: null, ready: false };
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

export function reduce(state: LiveState, push: PanelPush): LiveState {
  switch (push.type) {
    case 'snapshot':
      if (!forThisTab(state, push.tabId)) return state;
      return { ...state, events: push.events.slice(), dropped: push.dropped, goals: push.goals, ready: true };
    case 'upsert':
      if (!forThisTab(state, push.tabId)) return state;
      return { ...state, events: upsert(state.events, push.events), dropped: push.dropped };
    case 'goals':
      return { ...state, goals: push.goals };
    case 'cleared':
      if (!forThisTab(state, push.tabId)) return state;
      return { ...state, events: [], dropped: 0 };
    default:
      return state;
  }
}
