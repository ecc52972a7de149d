/**
 * A large, realistic journey written straight to a file (never one string in memory): people
 * browsing two shops at once, each page a navigation with a Ptengine page view and a raw GA4
 * request the engine decodes; now and then an experience shown, a scroll or add-to-cart event,
 * a purchase (Ptengine transaction and GA4 `purchase`), a pause that ends the visit, and a move
 * to the other shop.
 */
import { closeSync, openSync, writeSync } from 'node:fs';
import type { GoalsDoc } from '../lib/formats/goals';

const SITES = ['https://www.shop-a.example', 'https://store.shop-b.example'];
const UA = 'Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/131.0.0.0 Safari/537.36';

/** The goals the bench replays the journey with: one of each condition kind. */
export const BENCH_GOALS: GoalsDoc = {
  format: 'goalpost.goals/1',
  goals: [
    { id: 'thanks', when: { url: { contains: '/thanks' } } },
    { id: 'sale', when: { transaction: { moreThan: 10000 } } },
    { id: 'cart', when: { event: 'add_to_cart' }, oncePerVisit: true },
    { id: 'deep', when: { pageviews: { atLeast: 5, url: { regex: '/p/[0-9]+' } } } },
    { id: 'promo', when: { url: { contains: '/p/7' } }, experience: 'exp-hero' },
  ],
};

function ga4(site: string, page: string, cid: string, sid: number, en: string, extra: string): string {
  const q = `v=2&tid=G-SHOP${site === SITES[0] ? 'A1' : 'B2'}&cid=${cid}&sid=${sid}&sct=1&seg=1`;
  return `https://region1.google-analytics.com/g/collect?${q}&dl=${encodeURIComponent(page)}&en=${en}${extra}`;
}

/**
 * Writes a goalpost.journey/1 of at least `events` events to `file` for `people` visitors; returns
 * the number written. Deterministic: the same arguments make the same file.
 */
export function writeJourney(file: string, events: number, people = 2000): number {
  const fd = openSync(file, 'w');
  let buf: string[] = [];
  let size = 0;
  let written = 0;
  const put = (e: object): void => {
    const line = `${written === 0 ? '' : ',\n'}${JSON.stringify(e)}`;
    buf.push(line);
    size += line.length;
    written++;
    if (size > 1 << 20) {
      writeSync(fd, buf.join(''));
      buf = [];
      size = 0;
    }
  };
  writeSync(fd, '{"format":"goalpost.journey/1","events":[\n');
  const t0 = Date.parse('2026-03-01T00:00:00Z');
  for (let round = 0; written < events; round++) {
    for (let person = 0; person < people && written < events; person++) {
      // Every 40th round a person pauses for an hour: their next page opens a new visit.
      const t = t0 + round * 30_000 + person * 7 + Math.floor(round / 40) * 3_600_000 * (person % 2);
      const browser = `b${person}`;
      const site = SITES[(person + Math.floor(round / 25)) % 2]!;
      const n = (round * 7 + person) % 60;
      const path = round % 23 === 22 ? '/thanks' : `/p/${n}`;
      const campaign = round % 30 === 0 ? '?utm_source=mail&utm_medium=email&utm_campaign=spring' : '';
      const url = `${site}${path}${campaign}`;
      const cid = `${1000 + person}.${1700000000 + person}`;
      const sid = 1772323200 + Math.floor(round / 40) * 7 + person;
      const nav: Record<string, unknown> = { t, type: 'navigation', url, browser };
      if (round % 25 === 0) nav.referrer = 'https://www.google.com/';
      if (round === 0) nav.userAgent = UA;
      put(nav);
      // A few pages go wrong as they do on real sites: the Ptengine tag missing, a GA4 hit blocked.
      if ((round + person) % 97 !== 0) put({ t: t + 5, type: 'hit', vendor: 'ptengine', kind: 'pageview', url, browser });
      const blocked = (round * 3 + person) % 211 === 0 ? { error: 'net::ERR_BLOCKED_BY_CLIENT' } : { status: 204 };
      put({ t: t + 9, type: 'request', url: ga4(site, url, cid, sid, 'page_view', ''), method: 'POST', ...blocked, pageUrl: url, browser });
      put({ t: t + 700, type: 'hit', vendor: 'ptengine', kind: 'event', name: 'scroll', url, browser });
      if (person % 3 === 0) put({ t: t + 800, type: 'hit', vendor: 'ptengine', kind: 'event', name: 'click', url, browser });
      if (round % 3 === 0) {
        const en = round % 2 ? 'add_to_cart' : 'scroll';
        put({
          t: t + 900,
          type: 'request',
          url: ga4(site, url, cid, sid, en, '&_et=830'),
          method: 'POST',
          status: 204,
          pageUrl: url,
          browser,
        });
      }
      if (n % 4 === 0) {
        put({
          t: t + 40,
          type: 'hit',
          vendor: 'ptengine',
          kind: 'experience',
          experience: { id: 'exp-hero', variant: `v${person % 2}` },
          url,
          browser,
        });
      }
      if (path === '/thanks') {
        const total = (round * 37 + person * 11) % 20000;
        const orderId = `O${person}-${round % 5}`;
        put({
          t: t + 1200,
          type: 'hit',
          vendor: 'ptengine',
          kind: 'transaction',
          transaction: { total, currency: 'JPY', orderId },
          url,
          browser,
        });
        put({
          t: t + 1210,
          type: 'request',
          url: ga4(site, url, cid, sid, 'purchase', `&cu=JPY&ep.transaction_id=${orderId}&epn.value=${total}`),
          method: 'POST',
          status: 204,
          pageUrl: url,
          browser,
        });
      }
    }
  }
  writeSync(fd, `${buf.join('')}\n]}\n`);
  closeSync(fd);
  return written;
}
