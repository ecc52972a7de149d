/**
 * What capture costs a page: a page fires beacons (with bodies) in a loop; the time from the
 * loop's start until the collector has received every one, with the extension loaded versus
 * a plain browser with the same flags. Rounds alternate between the two browsers (which one
 * goes first alternates too) and each round starts only after both have settled, so work left
 * over from one round (the background's batched writes) is not billed to the other. On a
 * shared 2-core machine single rounds swing by ±30 %: the result is the median of the paired
 * ratios over many rounds, with its interquartile range. Two loops: beacons to a tracking URL
 * (recorded by the hook, seen by webRequest) and the same beacons to an ordinary URL (which
 * capture is meant to leave alone: the page should pay nearly nothing for them).
 */
import type { Browser, Page } from 'puppeteer-core';
import { launchWithExtension } from '../lib/browser/chromium';
import { startSiteServer, type SiteServer } from '../lib/browser/site-server';
import { launchPlain } from '../e2e/support/extension';

const BEACONS = 200;
const ROUNDS = 31;
/** Longer than the store's write delay (200 ms) plus the write itself. */
const SETTLE_MS = 400;
const HOSTS = ['*.test'];

/** Paths the beacons go to: a GA4-style collection URL, and an ordinary API-like one. */
const LOOPS = [
  { name: 'tracking', path: '/collect', query: 'v=2&tid=G-BENCH&en=scroll' },
  { name: 'non-tracking', path: '/api/events', query: 'kind=scroll' },
] as const;

const page = (origin: string) => `<!doctype html><title>bench</title><script>
  window.fire = function (path, query, round, n) {
    var t0 = performance.now(), sent = 0;
    for (var i = 0; i < n; i++) {
      if (navigator.sendBeacon('${origin}' + path + '?' + query + '&r=' + round + '&i=' + i, 'en=scroll&ep.percent=' + i + '&_et=' + (i * 7))) sent++;
    }
    return [performance.now() - t0, sent];
  };
</script>`;

async function until(cond: () => boolean, timeoutMs: number, what: () => string = () => ''): Promise<void> {
  const end = Date.now() + timeoutMs;
  while (!cond()) {
    if (Date.now() > end) throw new Error(`the collector did not receive every beacon in time (${what()})`);
    await new Promise((r) => setTimeout(r, 2));
  }
}

async function round(server: SiteServer, p: Page, loop: (typeof LOOPS)[number], tag: string): Promise<{ total: number; loop: number }> {
  const count = () => server.received.filter((r) => r.path.startsWith(`${loop.path}?`)).length;
  const before = count();
  const t0 = performance.now();
  const [took, sent] = (await p.evaluate(`fire(${JSON.stringify(loop.path)}, ${JSON.stringify(loop.query)}, ${JSON.stringify(tag)}, ${BEACONS})`)) as [number, number];
  if (sent !== BEACONS) throw new Error(`only ${sent} of ${BEACONS} beacons were queued`);
  await until(() => count() >= before + BEACONS, 30_000, () => `${tag}: ${count() - before} of ${BEACONS}`);
  return { total: performance.now() - t0, loop: took };
}

const quantile = (xs: number[], q: number) => [...xs].sort((a, b) => a - b)[Math.floor((xs.length - 1) * q)] ?? NaN;
const median = (xs: number[]) => quantile(xs, 0.5);

export async function run(): Promise<{ name: string; baseline: number; ratio: number; detail?: string }[]> {
  let server: SiteServer | undefined;
  let plain: Browser | undefined;
  let withExt: Awaited<ReturnType<typeof launchWithExtension>> | undefined;
  try {
    server = await startSiteServer([
      ({ host, url }) => (host === 'shop.test' && url.pathname === '/bench.html' ? { body: page(`http://collect.test:${url.port}`) } : undefined),
      ({ host }) => (host === 'collect.test' ? { status: 204, type: 'text/plain' } : undefined),
    ]);
    withExt = await launchWithExtension({ mapHosts: HOSTS });
    plain = await launchPlain(HOSTS);
    const url = `${server.origin('shop.test')}/bench.html`;
    const pe = await withExt.browser.newPage();
    const pp = await plain.newPage();
    await pe.goto(url, { waitUntil: 'load' });
    await pp.goto(url, { waitUntil: 'load' });
    const settle = () => new Promise((r) => setTimeout(r, SETTLE_MS));
    const results = [];
    for (const loop of LOOPS) {
      await round(server, pp, loop, 'warm-p');
      await round(server, pe, loop, 'warm-e');
      const ext: { total: number; loop: number }[] = [];
      const base: { total: number; loop: number }[] = [];
      for (let i = 0; i < ROUNDS; i++) {
        // Alternate which goes first so drift and warm caches favour neither.
        const order: [Page, typeof ext][] = i % 2 === 0 ? [[pe, ext], [pp, base]] : [[pp, base], [pe, ext]];
        for (const [p, into] of order) {
          await settle();
          into.push(await round(server, p, loop, `${p === pe ? 'e' : 'p'}${i}`));
        }
      }
      const bt = median(base.map((r) => r.total));
      const et = median(ext.map((r) => r.total));
      const bl = median(base.map((r) => r.loop));
      const el = median(ext.map((r) => r.loop));
      // Median of paired ratios: each pair ran back to back, so machine-wide drift cancels out.
      const ratios = ext.map((r, i) => r.total / (base[i]?.total ?? NaN));
      results.push({
        name: `capture: ${BEACONS} ${loop.name} beacons delivered (${loop.path}), with vs without the extension`,
        baseline: Number(bt.toFixed(1)),
        ratio: Number(median(ratios).toFixed(2)),
        detail: `${ROUNDS} paired rounds, ratio quartiles ${quantile(ratios, 0.25).toFixed(2)}–${quantile(ratios, 0.75).toFixed(2)}; medians: ${et.toFixed(1)} ms with, ${bt.toFixed(1)} ms without; the page's loop alone ${el.toFixed(1)} ms with, ${bl.toFixed(1)} ms without`,
      });
    }
    return results;
  } finally {
    await withExt?.close();
    await plain?.close();
    await server?.close();
  }
}

if (import.meta.url === `file://${process.argv[1]}`) {
  void run().then((r) => console.log(JSON.stringify(r, null, 2)));
}
