import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { PanelPush, StoredEvent } from '../../lib/messages';
import { throttlePushes, UPSERT_INTERVAL_MS } from '../../lib/panel/push-throttle';

const req = (id: string): StoredEvent => ({ id, type: 'request', url: 'https://x.test/collect', t: 1 });
const upsert = (tabId: number, ids: string[], dropped = 0): PanelPush => ({ type: 'upsert', tabId, events: ids.map(req), dropped });

describe('live push pacing', () => {
  beforeEach(() => vi.useFakeTimers());
  afterEach(() => vi.useRealTimers());

  it('delivers a burst of upserts as one per interval, in order, with the latest drop count', () => {
    const got: PanelPush[] = [];
    const p = throttlePushes((x) => got.push(x));
    p.push(upsert(3, ['a']));
    vi.advanceTimersByTime(0);
    expect(got).toHaveLength(1);
    for (let i = 0; i < 50; i++) p.push(upsert(3, [`b${i}`], i));
    expect(got).toHaveLength(1);
    vi.advanceTimersByTime(UPSERT_INTERVAL_MS);
    expect(got).toHaveLength(2);
    const merged = got[1] as Extract<PanelPush, { type: 'upsert' }>;
    expect(merged.events.map((e) => e.id)).toEqual(Array.from({ length: 50 }, (_, i) => `b${i}`));
    expect(merged.dropped).toBe(49);
  });

  it('delivers held upserts before a snapshot, a clear or another tab, so nothing is reordered', () => {
    const got: string[] = [];
    const p = throttlePushes((x) => got.push(x.type === 'upsert' ? `upsert ${x.tabId} ${x.events.map((e) => e.id).join(',')}` : x.type));
    p.push(upsert(3, ['a']));
    vi.advanceTimersByTime(0);
    p.push(upsert(3, ['b']));
    p.push(upsert(4, ['c']));
    p.push({ type: 'cleared', tabId: 3 });
    expect(got).toEqual(['upsert 3 a', 'upsert 3 b', 'upsert 4 c', 'cleared']);
  });

  it('holds nothing back once stopped', () => {
    const got: PanelPush[] = [];
    const p = throttlePushes((x) => got.push(x));
    p.push(upsert(3, ['a']));
    p.stop();
    vi.advanceTimersByTime(10 * UPSERT_INTERVAL_MS);
    expect(got).toEqual([]);
  });
});
