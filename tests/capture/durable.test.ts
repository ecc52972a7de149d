import { describe, expect, it } from 'vitest';
import { JourneyStore } from '../../lib/capture/journey-store';
import { MAX_DOCS, takeBatch } from '../../lib/capture/merge';
import { Merger } from '../../lib/capture/merger';
import type { CaptureRecord, RelayBatch } from '../../lib/capture/records';
import { Outbox, type Answer } from '../../lib/capture/relay-outbox';
import { emptyLog } from '../../lib/capture/tab-log';
import { handleMessage, type HandlerDeps } from '../../lib/extension/handlers';
import { toJourney } from '../../lib/extension/journey-view';
import { MemoryArea } from './memory-area';

const TAB = 3;
const PAGE = 'https://shop.example/cart';
const T = 1_700_000_000_000;
const push = (n: number): CaptureRecord => ({ kind: 'push', t: T + n, target: 'dataLayer', value: { n }, pageUrl: PAGE });
const numbers = (events: { type: string; value?: unknown }[]) =>
  events.filter((e) => e.type === 'push').map((e) => (e.value as { n: number }).n);

/** A small seeded generator, so a failing pattern can be run again. */
function random(seed: number): () => number {
  let s = seed >>> 0;
  return () => {
    s = (s * 1_664_525 + 1_013_904_223) >>> 0;
    return s / 2 ** 32;
  };
}

const tick = () => new Promise((r) => setTimeout(r, 0));

describe('durable capture', () => {
  it('stores every record exactly once when the worker dies before storing, after storing, or mid-write', async () => {
    for (const seed of [1, 2, 3, 4, 5]) {
      const rnd = random(seed);
      const area = new MemoryArea();
      // Each "worker" is a fresh store and merger on the same storage, as after a restart.
      let worker = { merger: new Merger({ store: new JourneyStore(area), recognise: () => false }) };
      const restart = () => (worker = { merger: new Merger({ store: new JourneyStore(area), recognise: () => false }) });
      area.failSet = () => (rnd() < 0.15 ? new Error('The service worker was stopped') : undefined);
      const outbox = new Outbox({
        doc: 'doc-0000000000000001',
        setTimeout: (fn) => setTimeout(fn, 0),
        async send(batch: RelayBatch): Promise<Answer> {
          const fate = rnd();
          if (fate < 0.2) {
            restart();
            throw new Error('Could not establish connection. Receiving end does not exist.');
          }
          try {
            await worker.merger.capture(TAB, batch);
          } catch {
            restart();
            throw new Error('The message port closed before a response was received.');
          }
          if (fate > 0.8) {
            // Stored, but the answer died with the worker.
            restart();
            throw new Error('The message port closed before a response was received.');
          }
          return { ok: true, next: batch.seq + batch.records.length };
        },
      });
      for (let n = 0; n < 300; n++) {
        outbox.add([push(n)]);
        if (n % 7 === 0) await tick();
      }
      for (let i = 0; i < 2_000 && outbox.size > 0; i++) await tick();
      area.failSet = undefined;
      expect(outbox.size).toBe(0);
      const stored = numbers(toJourney(await new JourneyStore(area).read(TAB)).events);
      expect(stored, `seed ${seed}`).toEqual(Array.from({ length: 300 }, (_, n) => n));
    }
  });

  it('a batch sent again is applied only from the first record not yet stored', () => {
    const log = emptyLog();
    expect(takeBatch(log, 'doc-a-000001', 0, 5)).toBe(0);
    expect(takeBatch(log, 'doc-a-000001', 0, 5)).toBe(5);
    expect(takeBatch(log, 'doc-a-000001', 3, 5)).toBe(2);
    expect(log.docs).toEqual({ 'doc-a-000001': 8 });
    // Another document of the tab counts from its own numbers.
    expect(takeBatch(log, 'doc-b-000001', 0, 2)).toBe(0);
    expect(log.docs).toEqual({ 'doc-a-000001': 8, 'doc-b-000001': 2 });
  });

  it('remembers the most recent relays only', () => {
    const log = emptyLog();
    for (let i = 0; i <= MAX_DOCS; i++) takeBatch(log, `doc-${String(i).padStart(8, '0')}`, 0, 1);
    expect(Object.keys(log.docs ?? {})).toHaveLength(MAX_DOCS);
    expect(log.docs).not.toHaveProperty('doc-00000000');
  });

  it('a write that fails for any reason but the quota drops nothing: the tab is read again and the batch sent again is stored', async () => {
    const area = new MemoryArea();
    const store = new JourneyStore(area);
    area.failSet = () => new Error('Error in invocation of storage.set');
    const merger = new Merger({ store, recognise: () => false });
    await expect(merger.capture(TAB, { doc: 'doc-00000001', seq: 0, records: [push(0), push(1)] })).rejects.toThrow();
    area.failSet = undefined;
    await merger.capture(TAB, { doc: 'doc-00000001', seq: 0, records: [push(0), push(1), push(2)] });
    const j = toJourney(await new JourneyStore(area).read(TAB));
    expect(numbers(j.events)).toEqual([0, 1, 2]);
    expect(j).not.toHaveProperty('dropped');
  });
});

describe('the background takes only what the sending frame can have seen', () => {
  const deps = (got: unknown[]): HandlerDeps => ({
    extensionOrigin: 'chrome-extension://abc/',
    capture: async (_tab, batch) => void got.push(batch),
    read: async () => [],
    clear: async () => undefined,
    getGoals: async () => ({ format: 'goalpost.goals/1', goals: [] }),
    setGoals: async () => ({ ok: true }),
    replay: () => {
      throw new Error('not used');
    },
    now: () => T + 10,
  });
  const sender = { tab: { id: TAB }, frameId: 0, url: PAGE };
  const beacon = { kind: 'request', api: 'beacon', t: T, url: 'https://c.example/g/collect?v=2', method: 'POST', pageUrl: PAGE };

  it.each([
    ['a request naming another site as its page', { ...beacon, pageUrl: 'https://pay.example/checkout' }],
    ['a navigation to a host the frame is not on', { kind: 'page', t: T, url: 'https://never.example/', referrer: '' }],
    ['a record dated an hour back', { ...beacon, t: T - 3_600_000 }],
    ['a record dated in the future', { ...beacon, t: T + 3_600_000 }],
    [
      'a push claiming another page',
      { kind: 'push', t: T, target: 'dataLayer', value: { event: 'purchase' }, pageUrl: 'https://other.example/' },
    ],
  ])('refuses %s, keeps the rest of the batch, and uses up its number', async (_what, forged) => {
    const got: { records: unknown[] }[] = [];
    const answer = await handleMessage(
      { type: 'goalpost:capture', doc: 'doc-00000001', seq: 10, records: [beacon, forged, beacon] },
      sender,
      deps(got),
    );
    expect(answer).toEqual({ ok: true, next: 13 });
    expect(got[0]?.records).toEqual([
      expect.objectContaining({ url: beacon.url }),
      undefined,
      expect.objectContaining({ url: beacon.url }),
    ]);
  });

  it('refuses a page record from a subframe, and batches without a document id or number', async () => {
    const got: { records: unknown[] }[] = [];
    const page = { kind: 'page', t: T, url: PAGE, referrer: '' };
    await handleMessage({ type: 'goalpost:capture', doc: 'doc-00000001', seq: 0, records: [page] }, { ...sender, frameId: 4 }, deps(got));
    expect(got[0]?.records).toEqual([undefined]);
    expect(await handleMessage({ type: 'goalpost:capture', seq: 0, records: [beacon] }, sender, deps(got))).toEqual({ ok: false });
    expect(await handleMessage({ type: 'goalpost:capture', doc: 'doc-00000001', seq: -1, records: [beacon] }, sender, deps(got))).toEqual({
      ok: false,
    });
    expect(
      await handleMessage(
        { type: 'goalpost:capture', doc: 'doc-00000001', seq: 0, records: [beacon] },
        { ...sender, url: undefined },
        deps(got),
      ),
    ).toEqual({ ok: false });
  });
});
