/**
 * A large two-site journey that repeats the same few problems on every visitor's pages, the
 * shape that made one finding per page unreadable: a GA4 pageview blocked on every product page,
 * a search template without the Ptengine tag, a checkout on another domain without the link
 * parameter, Ptengine's own visit id changing where the 30-minute rule would continue, a goal
 * reached without its experience, idle pauses. Written as text (not objects) so a million events stay cheap to make.
 */
import type { GoalsDoc } from '../../lib/formats/goals';

export const BIG_GOALS: GoalsDoc = {
  format: 'goalpost.goals/1',
  crossDomain: { domains: ['shop.example', 'example-checkout.com'] },
  goals: [{ id: 'thanks', name: 'Reached the thanks page', when: { url: { contains: '/thanks' } }, experience: 'exp-1' }],
};

/** `events` is a lower bound: the last round of pages is finished. */
export function bigJourneyText(events: number, visitors = 2000): string {
  const t0 = Date.parse('2026-03-01T00:00:00Z');
  const parts: string[] = [];
  const add = (e: object) => parts.push(JSON.stringify(e));
  for (let round = 0; parts.length < events; round++) {
    for (let p = 0; p < visitors && parts.length < events; p++) {
      // An idle hour every 20 rounds starts new sessions by the timeout rule.
      const t = t0 + round * 30_000 + p * 7 + Math.floor(round / 20) * 3_600_000;
      const browser = `b${p}`;
      const step = round % 8;
      const id = (p * 13 + round * 7) % 500;
      const order = `O${p}-${Math.floor(round / 8)}`;
      const url = [
        'https://www.shop.example/',
        `https://www.shop.example/p/${id}`,
        `https://www.shop.example/p/${id + 1}`,
        'https://www.shop.example/cart',
        `https://pay.example-checkout.com/pay?order=${order}`,
        `https://www.shop.example/thanks?order=${order}`,
        `https://www.shop.example/p/${id + 2}`,
        `https://www.shop.example/search?q=item${id}`,
      ][step]!;
      add({ t, type: 'navigation', url, browser });
      const hit = { type: 'hit', url, browser };
      if (step !== 7) add({ ...hit, t: t + 1, vendor: 'ptengine', kind: 'pageview', sessionId: `${p}-${Math.floor(round / 3)}` });
      add({
        ...hit,
        t: t + 2,
        vendor: 'ga4',
        kind: 'pageview',
        clientId: `c${p}`,
        ...(step === 1 || step === 2 || step === 6 ? { delivered: false } : {}),
      });
      if (step === 6 && p % 4 === 0) add({ ...hit, t: t + 3, vendor: 'optimizely', kind: 'experience', experience: { id: 'exp-1' } });
    }
  }
  return `{"format":"goalpost.journey/1","events":[\n${parts.join(',\n')}\n]}`;
}
