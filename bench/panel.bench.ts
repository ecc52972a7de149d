/**
 * First render of the panel's Tags view with 10,000 hits, against 100 hits measured in the
 * same run: with a windowed list the ratio should stay far below the 100× growth in data.
 * The time includes building the store, replaying the engine and decoding, as a person
 * opening the panel would wait for.
 */
import { Window } from 'happy-dom';
import { h, render } from 'preact';
import type { StoredEvent } from '../lib/messages';
import { GOALS_FORMAT, type GoalsDoc } from '../lib/formats/goals';
import { defaultEngine } from '../lib/panel/default-engine';
import { createMemoryTransport } from '../lib/panel/memory-transport';
import { createPanelStore } from '../lib/panel/store';

const goals: GoalsDoc = {
  format: GOALS_FORMAT,
  goals: [{ id: 'thanks', when: { url: { contains: '/thanks' } } }],
};

function journey(hits: number): StoredEvent[] {
  const t0 = Date.parse('2026-03-01T10:00:00Z');
  const events: StoredEvent[] = [];
  const perPage = 50;
  for (let i = 0; i < hits; i++) {
    if (i % perPage === 0) {
      events.push({
        id: `n${i}`,
        type: 'navigation',
        t: t0 + i * 1000,
        url: `https://shop.test/p${i / perPage}${i % 500 === 0 ? '/thanks' : ''}`,
      });
    }
    events.push({
      id: `h${i}`,
      type: 'hit',
      t: t0 + i * 1000 + 10,
      vendor: i % 3 ? 'ga4' : 'ptengine',
      kind: i % perPage === 0 ? 'pageview' : 'event',
      name: `event_${i % 17}`,
      url: `https://shop.test/p${Math.floor(i / perPage)}`,
      account: i % 3 ? 'G-BENCH' : 'pt-bench',
    });
  }
  return events;
}

async function firstRender(events: StoredEvent[]): Promise<number> {
  const { App } = await import('../components/App');
  const root = document.createElement('div');
  document.body.append(root);
  const transport = createMemoryTransport({ snapshot: (tabId) => ({ type: 'snapshot', tabId, events, dropped: 0, goals }) });
  const start = performance.now();
  const store = createPanelStore({ transport, engine: defaultEngine, tabId: 1 });
  render(h(App, { store, initialView: 'tags' }), root);
  const rows = root.querySelectorAll('.vlist-row').length;
  const ms = performance.now() - start;
  if (rows === 0) throw new Error('the Tags view rendered no rows');
  render(null, root);
  root.remove();
  store.dispose();
  return ms;
}

function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.floor(s.length / 2)] ?? NaN;
}

export async function run(): Promise<{ name: string; baseline: number; ratio: number; detail?: string }[]> {
  const window = new Window({ width: 1024, height: 768 });
  const g = globalThis as Record<string, unknown>;
  const saved = { window: g.window, document: g.document };
  Object.assign(g, { window, document: window.document });
  try {
    const small = journey(100);
    const large = journey(10_000);
    await firstRender(small); // warm up module loading and JIT
    await firstRender(large);
    const smallMs = median([await firstRender(small), await firstRender(small), await firstRender(small)]);
    const largeMs = median([await firstRender(large), await firstRender(large), await firstRender(large)]);
    return [
      {
        name: 'panel first render, 10,000 hits vs 100',
        baseline: Number(smallMs.toFixed(2)),
        ratio: Number((largeMs / smallMs).toFixed(2)),
        detail: `100 hits ${smallMs.toFixed(1)} ms, 10,000 hits ${largeMs.toFixed(1)} ms (median of 3; store + replay + Tags view)`,
      },
    ];
  } finally {
    Object.assign(g, saved);
    await window.happyDOM.close();
  }
}

if (import.meta.url === `file://${process.argv[1]}`) {
  void run().then((r) => console.log(JSON.stringify(r, null, 2)));
}
