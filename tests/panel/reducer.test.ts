import { describe, expect, it } from 'vitest';
import { GOALS_FORMAT, type GoalsDoc } from '../../lib/formats/goals';
import type { PanelPush, StoredEvent } from '../../lib/messages';
import { initialLiveState, reduce } from '../../lib/panel/reducer';

const goals: GoalsDoc = { format: GOALS_FORMAT, goals: [] };
const nav = (id: string, url: string, t = 1): StoredEvent => ({ id, type: 'navigation', url, t });
const req = (id: string, status?: number): StoredEvent => ({ id, type: 'request', url: 'https://x.test/collect', t: 2, status });

const play = (tabId: number | undefined, pushes: PanelPush[]) => pushes.reduce(reduce, initialLiveState(tabId));

describe('panel protocol reducer', () => {
  it('a snapshot replaces everything and marks the panel ready', () => {
    const s = play(3, [{ type: 'snapshot', tabId: 3, events: [nav('a', 'https://one.test/')], dropped: 2, goals }]);
    expect(s.ready).toBe(true);
    expect(s.events.map((e) => e.id)).toEqual(['a']);
    expect(s.dropped).toBe(2);
    expect(s.goals).toBe(goals);
  });

  it('an upsert appends new events and updates known ones in place (a status arriving later)', () => {
    const s = play(3, [
      { type: 'snapshot', tabId: 3, events: [nav('a', 'https://one.test/'), req('r')], dropped: 0, goals },
      { type: 'upsert', tabId: 3, events: [req('r', 404), nav('b', 'https://two.test/')], dropped: 0 },
    ]);
    expect(s.events.map((e) => e.id)).toEqual(['a', 'r', 'b']);
    expect(s.events[1]).toMatchObject({ type: 'request', status: 404 });
  });

  it('ignores pushes for another tab but applies ones for every tab', () => {
    const s = play(3, [
      { type: 'snapshot', tabId: 3, events: [nav('a', 'https://one.test/')], dropped: 0, goals },
      { type: 'upsert', tabId: 9, events: [nav('z', 'https://other.test/')], dropped: 0 },
      { type: 'cleared', tabId: 9 },
      { type: 'upsert', events: [nav('b', 'https://two.test/')], dropped: 0 },
    ]);
    expect(s.events.map((e) => e.id)).toEqual(['a', 'b']);
  });

  it('clearing empties the events and keeps the goals', () => {
    const s = play(3, [
      { type: 'snapshot', tabId: 3, events: [nav('a', 'https://one.test/')], dropped: 5, goals },
      { type: 'cleared', tabId: 3 },
    ]);
    expect(s.events).toEqual([]);
    expect(s.dropped).toBe(0);
    expect(s.goals).toBe(goals);
  });

  it('a goals push replaces the goals only', () => {
    const next: GoalsDoc = { format: GOALS_FORMAT, model: 'ga4', goals: [] };
    const s = play(undefined, [
      { type: 'snapshot', events: [nav('a', 'https://one.test/')], dropped: 0, goals },
      { type: 'goals', goals: next },
    ]);
    expect(s.goals?.model).toBe('ga4');
    expect(s.events).toHaveLength(1);
  });

  it('never mutates the previous state', () => {
    const before = play(3, [{ type: 'snapshot', tabId: 3, events: [req('r')], dropped: 0, goals }]);
    const frozen = JSON.stringify(before);
    reduce(before, { type: 'upsert', tabId: 3, events: [req('r', 500)], dropped: 1 });
    expect(JSON.stringify(before)).toBe(frozen);
  });
});
