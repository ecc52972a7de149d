import { describe, expect, it } from 'vitest';
import { JourneyStore } from '../../lib/capture/journey-store';
import type { LogEntry, TabLog } from '../../lib/capture/tab-log';
import { toJourney } from '../../lib/extension/journey-view';
import { MemoryArea } from './memory-area';

function push(log: TabLog, tab: number, n: number, size = 0): LogEntry {
  const e: LogEntry = {
    via: 'hook',
    ev: { id: `${tab}:${log.seq++}`, type: 'push', t: 1000 + n, target: 'dataLayer', value: { n, pad: 'x'.repeat(size) }, tab },
  };
  log.entries.push(e);
  return e;
}

describe('journey storage', () => {
  it('drops the oldest events beyond the per-tab count and says how many', async () => {
    const store = new JourneyStore(new MemoryArea(), { bounds: { maxEvents: 5, maxBytes: 1e9 } });
    for (let i = 0; i < 8; i++) await store.update(1, (log) => [push(log, 1, i)]);
    const j = toJourney(await store.read(1));
    expect(j.events.map((e) => (e.type === 'push' ? (e.value as { n: number }).n : -1))).toEqual([3, 4, 5, 6, 7]);
    expect(j.dropped).toBe(3);
  });

  it('drops the oldest events beyond the per-tab size', async () => {
    const store = new JourneyStore(new MemoryArea(), { bounds: { maxEvents: 1000, maxBytes: 5_000 } });
    for (let i = 0; i < 10; i++) await store.update(1, (log) => [push(log, 1, i, 1_000)]);
    const j = toJourney(await store.read(1));
    expect(j.events.length).toBeLessThan(5);
    expect(j.events.length + (j.dropped ?? 0)).toBe(10);
    expect(j.events.at(-1)).toMatchObject({ value: { n: 9 } });
  });

  it('reports a journey with no drop count when nothing was dropped', async () => {
    const store = new JourneyStore(new MemoryArea());
    await store.update(1, (log) => [push(log, 1, 0)]);
    expect(toJourney(await store.read(1))).not.toHaveProperty('dropped');
  });

  it('batches writes: many changes in a burst cost one storage set per tab', async () => {
    const area = new MemoryArea();
    const store = new JourneyStore(area);
    await Promise.all(Array.from({ length: 50 }, (_, i) => store.update(1, (log) => [push(log, 1, i)])));
    await store.flush();
    expect(area.writes).toBe(1);
  });

  it('a new worker (new store on the same storage) sees everything that was read before', async () => {
    const area = new MemoryArea();
    const a = new JourneyStore(area);
    await a.update(2, (log) => [push(log, 2, 1)]);
    await a.update(3, (log) => [push(log, 3, 2)]);
    const before = toJourney(await a.read());
    const b = new JourneyStore(area);
    expect(toJourney(await b.read())).toEqual(before);
    expect(before.events).toHaveLength(2);
    // ids keep counting after the restart: an update is never mistaken for an older event.
    const [e] = await b.update(2, (log) => [push(log, 2, 3)]);
    expect(e?.ev.id).toBe('2:1');
  });

  it('the browser-wide journey is the union of tabs in time order', async () => {
    const store = new JourneyStore(new MemoryArea());
    await store.update(1, (log) => [push(log, 1, 5)]);
    await store.update(2, (log) => [push(log, 2, 1), push(log, 2, 9)]);
    expect(toJourney(await store.read()).events.map((e) => e.t)).toEqual([1001, 1005, 1009]);
  });

  it('over the storage quota, keeps the newer half and counts the rest as dropped', async () => {
    const area = new MemoryArea();
    area.quota = 3_000;
    const store = new JourneyStore(area);
    await store.update(1, (log) => Array.from({ length: 20 }, (_, i) => push(log, 1, i, 50)));
    const j = toJourney(await store.read(1));
    expect(j.events.length).toBeLessThan(20);
    expect(j.events.length + (j.dropped ?? 0)).toBe(20);
    expect(area.data.has('tab:1')).toBe(true);
    // What a new worker reads is what this one kept.
    expect(toJourney(await new JourneyStore(area).read(1))).toEqual(j);
  });

  it('a write costs the new events, not the whole log', async () => {
    const area = new MemoryArea();
    const store = new JourneyStore(area);
    for (let i = 0; i < 1_000; i++) await store.update(1, (log) => [push(log, 1, i, 200)]);
    await store.flush();
    const whole = [...area.data.values()].reduce((n, v) => n + v.length, 0);
    expect(whole).toBeGreaterThan(200_000);
    const before = area.writtenChars;
    await store.update(1, (log) => [push(log, 1, 1_000, 200)]);
    await store.flush();
    expect(area.writtenChars - before).toBeLessThan(whole / 10);
    expect(toJourney(await new JourneyStore(area).read(1)).events).toHaveLength(1_001);
  });

  it('an update to an older event is stored, and a new worker sees it', async () => {
    const area = new MemoryArea();
    const store = new JourneyStore(area);
    let first: LogEntry | undefined;
    for (let i = 0; i < 300; i++) {
      await store.update(1, (log) => {
        const e = push(log, 1, i);
        first ??= e;
        return [e];
      });
    }
    await store.flush();
    await store.update(1, () => {
      (first as LogEntry).ev.t = 1;
      return [first as LogEntry];
    });
    await store.flush();
    const again = toJourney(await new JourneyStore(area).read(1));
    expect(again.events[0]?.t).toBe(1);
    expect(again.events).toHaveLength(300);
  });

  it('after drops, storage holds only the kept events (plus part of one chunk) and a new worker reads the same', async () => {
    const area = new MemoryArea();
    const store = new JourneyStore(area, { bounds: { maxEvents: 100, maxBytes: 1e9 } });
    for (let round = 0; round < 10; round++) {
      for (let i = 0; i < 70; i++) await store.update(4, (log) => [push(log, 4, round * 70 + i)]);
      await store.flush();
    }
    const j = toJourney(await store.read(4));
    expect(j.events).toHaveLength(100);
    expect(j.dropped).toBe(600);
    expect(j.events[0]).toMatchObject({ value: { n: 600 } });
    const storedEntries = [...area.data.entries()]
      .filter(([k]) => k.startsWith('tab:4:'))
      .reduce((n, [, v]) => n + (JSON.parse(v) as { entries: unknown[] }).entries.length, 0);
    expect(storedEntries).toBeGreaterThanOrEqual(100);
    expect(storedEntries).toBeLessThan(100 + 64);
    const fresh = new JourneyStore(area, { bounds: { maxEvents: 100, maxBytes: 1e9 } });
    expect(toJourney(await fresh.read(4))).toEqual(j);
    // The new worker keeps counting ids and drops from where the old one stopped.
    await fresh.update(4, (log) => [push(log, 4, 700)]);
    const after = toJourney(await fresh.read(4));
    expect(after.dropped).toBe(601);
    expect(after.events.at(-1)).toMatchObject({ value: { n: 700 } });
    expect((await fresh.read(4))[0]?.log.entries.at(-1)?.ev.id).toBe('4:700');
    expect(toJourney(await new JourneyStore(area).read(4))).toEqual(after);
  });

  it('a missing chunk is counted as dropped rather than shifting later events', async () => {
    const area = new MemoryArea();
    const store = new JourneyStore(area);
    for (let i = 0; i < 200; i++) await store.update(5, (log) => [push(log, 5, i)]);
    await store.flush();
    area.data.delete('tab:5:1');
    const fresh = new JourneyStore(area);
    const j = toJourney(await fresh.read(5));
    expect(j.events).toHaveLength(136);
    expect(j.dropped).toBe(64);
    await fresh.update(5, (log) => [push(log, 5, 200)]);
    await fresh.flush();
    const ids = async (st: JourneyStore) => (await st.read(5))[0]?.log.entries.map((e) => e.ev.id);
    expect(await ids(new JourneyStore(area))).toEqual(await ids(fresh));
    expect((await ids(fresh))?.length).toBe(137);
  });

  it('clears one tab or everything', async () => {
    const store = new JourneyStore(new MemoryArea());
    await store.update(1, (log) => [push(log, 1, 1)]);
    await store.update(2, (log) => [push(log, 2, 2)]);
    await store.clear(1);
    expect(toJourney(await store.read()).events).toHaveLength(1);
    await store.clear();
    expect(toJourney(await store.read()).events).toHaveLength(0);
  });

  it('tells listeners which kept entries changed', async () => {
    const seen: string[] = [];
    const store = new JourneyStore(new MemoryArea(), {
      bounds: { maxEvents: 2, maxBytes: 1e9 },
      onChange: (_t, changed) => seen.push(...changed.map((c) => c.ev.id)),
    });
    await store.update(1, (log) => [push(log, 1, 1), push(log, 1, 2), push(log, 1, 3)]);
    expect(seen).toEqual(['1:1', '1:2']);
  });
});

describe('deferred writes', () => {
  it('a deferred change is stored within its delay, and many of them cost one write', async () => {
    const area = new MemoryArea();
    const store = new JourneyStore(area);
    const started = Date.now();
    // Spread over separate tasks, as webRequest events arrive: each would be its own write if not deferred.
    const pending: Promise<unknown>[] = [];
    for (let i = 0; i < 10; i++) {
      pending.push(store.update(1, (log) => [push(log, 1, i)], 1_000));
      await new Promise((r) => setTimeout(r, 1));
    }
    expect(area.writes).toBe(0);
    await Promise.all(pending);
    expect(area.writes).toBe(1);
    expect(Date.now() - started).toBeGreaterThanOrEqual(990);
    expect(toJourney(await new JourneyStore(area).read(1)).events).toHaveLength(10);
  });

  it('an immediate change carries the deferred ones with it', async () => {
    const area = new MemoryArea();
    const store = new JourneyStore(area);
    void store.update(1, (log) => [push(log, 1, 0)], 10_000);
    await store.update(1, (log) => [push(log, 1, 1)]);
    expect(area.writes).toBe(1);
    expect(toJourney(await new JourneyStore(area).read(1)).events).toHaveLength(2);
  });
});
