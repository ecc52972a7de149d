/**
 * What capture costs a page: a page fires beacons (with bodies) in a loop; the time from the
 * loop's start until the collector has received every one, with the extension loaded versus
 * a plain browser with the same flags. Each round runs every browser once (which one goes first
 * rotates) and each run starts only after the previous one has settled, so work left over from
 * one run (the background's batched writes) is not billed to the next. On a
 * shared 2-core machine single rounds swing by ±30 %: the result is the median of the paired
 * ratios over many rounds, with its interquartile range. Two loops: beacons to a tracking URL
 * (recorded by the hook, seen by webRequest) and the same beacons to an ordinary URL (which
 * capture is meant to leave alone: the page should pay nearly nothing for them).
 *
 * A third browser in every round loads the same extension with its permissions and host
 * permissions but none of our code running (no content scripts, a background that does
 * nothing): what Chromium charges for such an extension being installed. Each loop reports the
 * extension against the plain browser (what a user pays), that baseline against the plain
 * browser, and the extension against that baseline (the part our code is responsible for).
 */
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import puppeteer, { type Browser, type Page } from 'puppeteer-core';
import { chromiumArgs, EXTENSION_DIR, findChromium, launchWithExtension } from '../lib/browser/chromium';
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

/**
 * The built extension's permissions without any of its code: a copy with no content scripts and
 * a service worker that registers nothing. Removed again by the returned function.
 */
function permissionsOnlyCopy(): { dir: string; remove: () => void } {
  const dir = mkdtempSync(join(tmpdir(), 'goalpost-bench-'));
  cpSync(EXTENSION_DIR, dir, { recursive: true });
  const manifest = JSON.parse(readFileSync(join(dir, 'manifest.json'), 'utf8')) as Record<string, unknown>;
  delete manifest.content_scripts;
  delete manifest.devtools_page;
  manifest.background = { service_worker: 'idle-background.js' };
  writeFileSync(join(dir, 'idle-background.js'), '// registers nothing\n');
  writeFileSync(join(dir, 'manifest.json'), JSON.stringify(manifest));
  return { dir, remove: () => rmSync(dir, { recursive: true, force: true }) };
}

async function launchPermissionsOnly(dir: string): Promise<Browser> {
  const executablePath = findChromium();
  if (!executablePath) throw new Error('no Chromium found');
  const browser = await puppeteer.launch({
    executablePath,
    headless: true,
    pipe: true,
    enableExtensions: [dir],
    args: chromiumArgs({ mapHosts: HOSTS }),
  });
  await browser.waitForTarget((t) => t.type() === 'service_worker' && t.url().startsWith('chrome-extension://'), { timeout: 15_000 });
  return browser;
}

/**
 * Beacons received so far per path, counted incrementally: polled every 2 ms, a scan of the
 * whole log (tens of thousands of entries by the last rounds) would itself take CPU from the
 * browsers on a 2-core machine, and more of it the later the round.
 */
function counter(server: SiteServer): (path: string) => number {
  let scanned = 0;
  const hits = new Map<string, number>();
  return (path) => {
    const rs = server.received;
    for (; scanned < rs.length; scanned++) {
      const p = rs[scanned]!.path;
      const q = p.indexOf('?');
      const key = q < 0 ? p : p.slice(0, q);
      hits.set(key, (hits.get(key) ?? 0) + 1);
    }
    return hits.get(path) ?? 0;
  };
}

async function round(
  counted: (path: string) => number,
  p: Page,
  loop: (typeof LOOPS)[number],
  tag: string,
): Promise<{ total: number; loop: number }> {
  const count = () => counted(loop.path);
  const before = count();
  const t0 = performance.now();
  const [took, sent] = (await p.evaluate(
    `fire(${JSON.stringify(loop.path)}, ${JSON.stringify(loop.query)}, ${JSON.stringify(tag)}, ${BEACONS})`,
  )) as [number, number];
  if (sent !== BEACONS) throw new Error(`only ${sent} of ${BEACONS} beacons were queued`);
  await until(
    () => count() >= before + BEACONS,
    30_000,
    () => `${tag}: ${count() - before} of ${BEACONS}`,
  );
  return { total: performance.now() - t0, loop: took };
}

const quantile = (xs: number[], q: number) => [...xs].sort((a, b) => a - b)[Math.floor((xs.length - 1) * q)] ?? NaN;
const median = (xs: number[]) => quantile(xs, 0.5);

type Round = { total: number; loop: number };

export async function run(): Promise<{ name: string; baseline: number; ratio: number; detail?: string }[]> {
  let server: SiteServer | undefined;
  let plain: Browser | undefined;
  let bare: Browser | undefined;
  let withExt: Awaited<ReturnType<typeof launchWithExtension>> | undefined;
  let copy: ReturnType<typeof permissionsOnlyCopy> | undefined;
  try {
    server = await startSiteServer([
      ({ host, url }) =>
        host === 'shop.test' && url.pathname === '/bench.html' ? { body: page(`http://collect.test:${url.port}`) } : undefined,
      ({ host }) => (host === 'collect.test' ? { status: 204, type: 'text/plain' } : undefined),
    ]);
    const counted = counter(server);
    withExt = await launchWithExtension({ mapHosts: HOSTS });
    copy = permissionsOnlyCopy();
    bare = await launchPermissionsOnly(copy.dir);
    plain = await launchPlain(HOSTS);
    const url = `${server.origin('shop.test')}/bench.html`;
    const pe = await withExt.browser.newPage();
    const pb = await bare.newPage();
    const pp = await plain.newPage();
    for (const p of [pe, pb, pp]) await p.goto(url, { waitUntil: 'load' });
    const settle = () => new Promise((r) => setTimeout(r, SETTLE_MS));
    const results = [];
    for (const loop of LOOPS) {
      const runs = new Map<Page, Round[]>([
        [pe, []],
        [pb, []],
        [pp, []],
      ]);
      for (const p of runs.keys()) await round(counted, p, loop, 'warm');
      const pages = [pe, pb, pp];
      for (let i = 0; i < ROUNDS; i++) {
        // Rotate which goes first so drift and warm caches favour none of the three.
        for (let k = 0; k < pages.length; k++) {
          const p = pages[(i + k) % pages.length]!;
          await settle();
          runs.get(p)!.push(await round(counted, p, loop, `${pages.indexOf(p)}-${i}`));
        }
      }
      const [ext, base, plainRuns] = [runs.get(pe)!, runs.get(pb)!, runs.get(pp)!];
      const totals = (rs: Round[]) => median(rs.map((r) => r.total));
      const loops = (rs: Round[]) => median(rs.map((r) => r.loop));
      // Median of paired ratios: each triple ran back to back, so machine-wide drift cancels out.
      const paired = (a: Round[], b: Round[]) => {
        const ratios = a.map((r, i) => r.total / (b[i]?.total ?? NaN));
        return {
          ratio: Number(median(ratios).toFixed(2)),
          spread: `ratio quartiles ${quantile(ratios, 0.25).toFixed(2)}–${quantile(ratios, 0.75).toFixed(2)}`,
        };
      };
      const what = `${BEACONS} ${loop.name} beacons delivered (${loop.path})`;
      const vsPlain = paired(ext, plainRuns);
      results.push({
        name: `capture: ${what}, with vs without the extension`,
        baseline: Number(totals(plainRuns).toFixed(1)),
        ratio: vsPlain.ratio,
        detail: `${ROUNDS} paired rounds, ${vsPlain.spread}; medians: ${totals(ext).toFixed(1)} ms with, ${totals(plainRuns).toFixed(1)} ms without; the page's loop alone ${loops(ext).toFixed(1)} ms with, ${loops(plainRuns).toFixed(1)} ms without`,
      });
      const bareVsPlain = paired(base, plainRuns);
      results.push({
        name: `capture: ${what}, the extension's permissions with none of its code vs without the extension (Chromium's part)`,
        baseline: Number(totals(plainRuns).toFixed(1)),
        ratio: bareVsPlain.ratio,
        detail: `${ROUNDS} paired rounds, ${bareVsPlain.spread}; medians: ${totals(base).toFixed(1)} ms permissions only, ${totals(plainRuns).toFixed(1)} ms without; no content scripts, a background that registers nothing`,
      });
      const extVsBare = paired(ext, base);
      results.push({
        name: `capture: ${what}, the extension vs its permissions with none of its code (our part)`,
        baseline: Number(totals(base).toFixed(1)),
        ratio: extVsBare.ratio,
        detail: `${ROUNDS} paired rounds, ${extVsBare.spread}; medians: ${totals(ext).toFixed(1)} ms with our code, ${totals(base).toFixed(1)} ms permissions only`,
      });
    }
    return results;
  } finally {
    await withExt?.close();
    await bare?.close();
    await plain?.close();
    await server?.close();
    copy?.remove();
  }
}

if (import.meta.url === `file://${process.argv[1]}`) {
  void run().then((r) => console.log(JSON.stringify(r, null, 2)));
}
