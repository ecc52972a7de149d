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

  it("drops the oldest events when the background says it dropped more of the tab's, and keeps the count", () => {
    const ids = (n: number, from = 0) => Array.from({ length: n }, (_, i) => req(`3:${from + i}`));
    const s = play(3, [
      { type: 'snapshot', tabId: 3, events: ids(5), dropped: 10, goals },
      // Two new events, and the background's bound pushed out two more of the oldest.
      { type: 'upsert', tabId: 3, events: ids(2, 5), dropped: 12 },
    ]);
    expect(s.events.map((e) => e.id)).toEqual(['3:2', '3:3', '3:4', '3:5', '3:6']);
    expect(s.dropped).toBe(12);
  });

  it("in a browser-wide panel drops only the tab's own oldest events, and adds up every tab's drops", () => {
    const s = play(undefined, [
      { type: 'snapshot', events: [req('1:0'), req('2:0'), req('1:1'), req('2:1')], dropped: 4, goals },
      // The first upsert of a tab only says its count so far.
      { type: 'upsert', tabId: 2, events: [req('2:2')], dropped: 3 },
      { type: 'upsert', tabId: 2, events: [req('2:3')], dropped: 4 },
    ]);
    expect(s.events.map((e) => e.id)).toEqual(['1:0', '1:1', '2:1', '2:2', '2:3']);
    expect(s.dropped).toBe(5);
  });

  it('a tab panel holding 100,000 pushed events keeps only what the background keeps', () => {
    let s = play(3, [{ type: 'snapshot', tabId: 3, events: [], dropped: 0, goals }]);
    const kept = 2_000;
    for (let seq = 0; seq < 100_000; seq += 500) {
      const events = Array.from({ length: 500 }, (_, i) => req(`3:${seq + i}`));
      s = reduce(s, { type: 'upsert', tabId: 3, events, dropped: Math.max(0, seq + 500 - kept) });
    }
    expect(s.events).toHaveLength(kept);
    expect(s.events[0]?.id).toBe('3:98000');
    expect(s.dropped).toBe(98_000);
  });

  it('keeps every event of an upsert whose own update dropped some of its new events before they were sent', () => {
    const ids = (n: number, from = 0) => Array.from({ length: n }, (_, i) => req(`3:${from + i}`));
    // 4 held; a batch of 10 arrives with a bound of 6: the 4 held and the first 4 new ones go.
    const s = play(3, [
      { type: 'snapshot', tabId: 3, events: ids(4), dropped: 0, goals },
      { type: 'upsert', tabId: 3, events: ids(6, 8), dropped: 8 },
    ]);
    expect(s.events.map((e) => e.id)).toEqual(['3:8', '3:9', '3:10', '3:11', '3:12', '3:13']);
    expect(s.dropped).toBe(8);
  });
});
