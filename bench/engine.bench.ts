/**
 * The engine against JSON.parse of the same journey: a 1M-hit journey (several visitors,
 * pages, timeouts, transactions) must replay in a small multiple of parsing its text.
 */
import { replay } from '../lib/engine';
import type { GoalsDoc } from '../lib/formats/goals';
import { parseJourneyText } from '../lib/formats/parse';
import type { BenchResult } from './run';

const HITS = Number(process.env.GOALPOST_BENCH_HITS ?? 1_000_000);

/**
 * 5,000 people browsing at once: each page is a navigation with a Ptengine and a GA4 pageview
 * and a few events; some pages carry a purchase; a person pauses long enough now and then to
 * start a new session.
 */
function journeyText(n: number): string {
  const t0 = Date.parse('2026-03-01T00:00:00Z');
  const people = 5000;
  const parts: string[] = [];
  let hits = 0;
  for (let i = 0; hits < n; i++) {
    const person = i % people;
    const round = Math.floor(i / people);
    const t = t0 + round * 20_000 + person * 3 + (round % 40 === 39 ? 3_600_000 : 0) * Math.floor(round / 40);
    const browser = `b${person}`;
    const url = `https://www.shop${person % 3}.example/p/${(round * 7 + person) % 60}${round % 30 === 0 ? '?utm_source=mail&utm_medium=email' : ''}`;
    parts.push(JSON.stringify({ t, type: 'navigation', url, browser }));
    const cid = person % 2 ? { clientId: `c${person}` } : {};
    const base = { type: 'hit', url, browser };
    const page = [
      { ...base, t: t + 1, vendor: 'ptengine', kind: 'pageview' },
      { ...base, t: t + 2, vendor: 'ga4', kind: 'pageview', ...cid },
      { ...base, t: t + 3, vendor: 'ga4', kind: 'event', name: round % 2 ? 'add_to_cart' : 'scroll', ...cid },
      { ...base, t: t + 4, vendor: 'ptengine', kind: 'event', name: 'scroll' },
    ];
    if (round % 9 === 0)
      page.push({
        ...base,
        t: t + 5,
        vendor: 'liveperson',
        kind: 'transaction',
        transaction: { total: (i * 37) % 20000, currency: 'JPY', orderId: `O${person}-${round % 5}` },
      } as never);
    for (const h of page) {
      parts.push(JSON.stringify(h));
      hits++;
    }
  }
  return `{"format":"goalpost.journey/1","events":[\n${parts.join(',\n')}\n]}`;
}

const goals: GoalsDoc = {
  format: 'goalpost.goals/1',
  goals: [
    { id: 'thanks', when: { url: { contains: '/p/7' } } },
    { id: 'sale', when: { transaction: { moreThan: 10000 } } },
    { id: 'cart', when: { event: 'add_to_cart' }, oncePerVisit: true },
    { id: 'deep', when: { pageviews: { atLeast: 5, url: { regex: '/p/[0-9]+' } } } },
  ],
};

function time<T>(fn: () => T): { ms: number; value: T } {
  const start = performance.now();
  const value = fn();
  return { ms: performance.now() - start, value };
}

export async function run(): Promise<BenchResult[]> {
  // Warm the JIT on a small journey so both sides are measured compiled.
  const warm = journeyText(20_000);
  JSON.parse(warm);
  replay(parseJourneyText(warm, 'warm.json').events, goals);

  const text = journeyText(HITS);
  const mb = (text.length / 1e6).toFixed(0);
  const parse = Math.min(time(() => JSON.parse(text) as unknown).ms, time(() => JSON.parse(text) as unknown).ms);
  const full = time(() => parseJourneyText(text, 'bench.json'));
  const engine = time(() => replay(full.value.events, goals));
  const r = engine.value;
  const detail = `${HITS} hits, ${full.value.events.length} events, ${mb} MB; JSON.parse ${parse.toFixed(0)} ms, parse+validate ${full.ms.toFixed(0)} ms, replay ${engine.ms.toFixed(0)} ms; ${r.sessions.length} sessions, ${r.pages.length} pages`;
  return [
    { name: `engine replay (${HITS} hits)`, baseline: 'JSON.parse of the same file', ratio: engine.ms / parse, detail },
    { name: 'journey parse+validate+replay', baseline: 'JSON.parse of the same file', ratio: (full.ms + engine.ms) / parse },
  ];
}
