/**
 * What capture costs a busy page, by the page's own clock: the page fires ROUNDS_PER_RUN rounds
 * of sendBeacon + fetch + XHR + image pixel, alternating between a first-party and a third-party
 * host, and times (performance.now) from its first call until every fetch, XHR and pixel has
 * completed: the calls themselves (where the hook's wrappers run) and the network's answers
 * (where the background's webRequest listeners are dispatched) are both in that figure. The
 * loop alone (the calls, synchronously) is printed beside it.
 *
 * Two pages: one whose traffic is tracking (GA4 `/g/collect` on the shop's own host and on
 * www.google-analytics.com: recorded by the hook, seen by webRequest), and one whose traffic is
 * not (an API path on the shop and on a partner host: capture should leave it alone). Each is
 * measured in the browser with the extension and in a plain browser with the same flags,
 * interleaved: every pair runs back to back (which goes first alternates), after both browsers
 * have settled (every beacon delivered, the background's batched writes done), so load on the
 * shared machine hits both sides. The figure is the median of the paired ratios, with quartiles.
 *
 * GOALPOST_BENCH_EXTENSIONS=dir1,dir2 measures other builds of the extension in the same rounds
 * (each against the same plain browser): how the variants in docs/performance.md were measured.
 */
import type { Browser, Page } from 'puppeteer-core';
import { launchWithExtension, type LaunchedBrowser } from '../lib/browser/chromium';
import { PIXEL_GIF, startSiteServer, type SiteHandler, type SiteServer } from '../lib/browser/site-server';
import { ExtensionClient, launchPlain } from '../e2e/support/extension';

/** Rounds of beacon + fetch + XHR + pixel the page fires per measurement. */
const CALLS = 1_000;
/** Rounds fired in one task; the next burst waits for this one's answers. */
const BURST = 100;
/** Paired rounds per page (GOALPOST_BENCH_PAIRS overrides, for quicker looks while working). */
const PAIRS = Number(process.env.GOALPOST_BENCH_PAIRS) || 9;
/** Longer than the store's write delay (200 ms) plus the write itself. */
const SETTLE_MS = 400;
const THIRD_PARTY = 'collect.tracker.test';
const PARTNER = 'api.partner.test';
export const BENCH_HOSTS = ['*.test'];

export const BENCH_PAGES = [
  {
    name: 'busy tracking page',
    target: 1.1,
    path: '/g/collect',
    hosts: ['shop.test', THIRD_PARTY],
    query: 'v=2&tid=G-BENCH&cid=1.2&en=scroll',
  },
  { name: 'busy non-tracking page', target: 1.02, path: '/api/events', hosts: ['shop.test', PARTNER], query: 'kind=scroll' },
] as const;
type PageKind = (typeof BENCH_PAGES)[number];

/**
 * The page's work: every call as a page would make it, in bursts of BURST rounds (Chromium fails
 * requests with ERR_INSUFFICIENT_RESOURCES once a page has a few thousand in flight), each burst
 * once the previous one's answers are in; a beacon's answer is never visible to the page. Resolves with [until all answered, loop alone, beacons
 * queued, requests failed].
 */
const pageScript = `<!doctype html><title>bench</title><script>
  window.busy = function (first, third, query, round, n, burst) {
    return new Promise(function (resolve) {
      var t0 = performance.now(), loop = 0, queued = 0, failed = 0, i = 0, open = 0;
      var done = function () { if (--open === 0) next(); };
      var fail = function () { failed++; done(); };
      var next = function () {
        if (i >= n) return resolve([performance.now() - t0, loop, queued, failed]);
        var s = performance.now();
        open = 1;
        for (var end = Math.min(n, i + burst); i < end; i++) {
          var url = (i & 1 ? third : first) + '?' + query + '&r=' + round + '&i=' + i + '&api=';
          var body = 'en=scroll&ep.percent=' + i + '&_et=' + (i * 7);
          if (navigator.sendBeacon(url + 'beacon', body)) queued++;
          open++;
          fetch(url + 'fetch', { method: 'POST', body: body }).then(function (r) { return r.arrayBuffer(); }).then(done, fail);
          var x = new XMLHttpRequest();
          x.open('POST', url + 'xhr');
          x.onload = done;
          x.onerror = fail;
          open++;
          x.send(body);
          var img = new Image();
          img.onload = done;
          img.onerror = fail;
          open++;
          img.src = url + 'pixel';
        }
        loop += performance.now() - s;
        done();
      };
      next();
    });
  };
</script>`;

/** The expression that runs the page's work once. */
export function busyCall(origin: (host: string) => string, kind: PageKind, tag: string): string {
  const [first, third] = kind.hosts.map((h) => `${origin(h)}${kind.path}`);
  return `busy(${JSON.stringify(first)}, ${JSON.stringify(third)}, ${JSON.stringify(kind.query)}, ${JSON.stringify(tag)}, ${CALLS}, ${BURST})`;
}

/** The shop's bench page; every other request gets a pixel or an empty answer. */
export function benchHandlers(): SiteHandler[] {
  return [
    ({ host, url }) => (host === 'shop.test' && url.pathname === '/bench.html' ? { body: pageScript } : undefined),
    ({ url }) => (url.searchParams.get('api') === 'pixel' ? { type: 'image/gif', body: PIXEL_GIF } : { status: 204, type: 'text/plain' }),
  ];
}

/** Requests received so far per host and path, counted incrementally (a full scan each poll would take CPU from the browsers). */
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

async function until(cond: () => boolean, timeoutMs: number, what: () => string): Promise<void> {
  const end = Date.now() + timeoutMs;
  while (!cond()) {
    if (Date.now() > end) throw new Error(`the server did not receive every request in time (${what()})`);
    await new Promise((r) => setTimeout(r, 5));
  }
}

interface Measure {
  total: number;
  loop: number;
  /** Beacons the server received, of those the page queued. */
  beacons: number;
  queued: number;
}

async function measure(
  counted: (path: string) => number,
  p: Page,
  origin: (h: string) => string,
  kind: PageKind,
  tag: string,
): Promise<Measure> {
  const before = counted(kind.path);
  const [total, loop, queued, failed] = (await p.evaluate(busyCall(origin, kind, tag))) as [number, number, number, number];
  if (failed > 0) throw new Error(`${tag}: ${failed} of ${3 * CALLS} requests failed in the page`);
  // The beacons still on their way would be the next round's load. Chromium drops keepalive
  // requests over its in-flight limit without telling the page, so wait for quiet, not a count.
  const answered = before + 3 * CALLS;
  await until(
    () => counted(kind.path) >= answered,
    60_000,
    () => `${tag}: ${counted(kind.path) - before} of ${answered - before}`,
  );
  for (let last = -1; counted(kind.path) !== last; ) {
    last = counted(kind.path);
    await new Promise((r) => setTimeout(r, 100));
  }
  const beacons = counted(kind.path) - answered;
  return { total, loop, beacons, queued };
}

const quantile = (xs: number[], q: number) => [...xs].sort((a, b) => a - b)[Math.floor((xs.length - 1) * q)] ?? NaN;
const median = (xs: number[]) => quantile(xs, 0.5);

interface Subject {
  label: string;
  launched: LaunchedBrowser;
  page?: Page;
}

export async function run(): Promise<{ name: string; baseline: string; ratio: number; detail?: string }[]> {
  let server: SiteServer | undefined;
  let plain: Browser | undefined;
  const subjects: Subject[] = [];
  try {
    server = await startSiteServer(benchHandlers());
    const origin = server.origin.bind(server);
    const counted = counter(server);
    const dirs = (process.env.GOALPOST_BENCH_EXTENSIONS ?? '').split(',').filter(Boolean);
    for (const dir of dirs.length > 0 ? dirs : [undefined]) {
      subjects.push({
        label: dir ? `the build in ${dir}` : 'the extension',
        launched: await launchWithExtension({ mapHosts: BENCH_HOSTS, extensionDir: dir }),
      });
    }
    plain = await launchPlain(BENCH_HOSTS);
    const url = `${server.origin('shop.test')}/bench.html`;
    const pp = await plain.newPage();
    await pp.goto(url, { waitUntil: 'load' });
    for (const s of subjects) {
      s.page = await s.launched.browser.newPage();
      await s.page.goto(url, { waitUntil: 'load' });
    }
    const settle = () => new Promise((r) => setTimeout(r, SETTLE_MS));
    const results = [];
    for (const kind of BENCH_PAGES) {
      const pages = [...subjects.map((s) => s.page!), pp];
      for (const p of pages) await measure(counted, p, origin, kind, 'warm');
      const runs = new Map<Page, Measure[]>(pages.map((p) => [p, []]));
      for (let i = 0; i < PAIRS; i++) {
        // Rotate which goes first so drift and warm caches favour none.
        for (let k = 0; k < pages.length; k++) {
          const p = pages[(i + k) % pages.length]!;
          await settle();
          runs.get(p)!.push(await measure(counted, p, origin, kind, `${pages.indexOf(p)}-${i}`));
        }
      }
      const base = runs.get(pp)!;
      for (const s of subjects) {
        const ext = runs.get(s.page!)!;
        const ratios = ext.map((r, i) => r.total / base[i]!.total);
        const loopRatios = ext.map((r, i) => r.loop / base[i]!.loop);
        const ms = (rs: Measure[], k: keyof Measure) => `${median(rs.map((r) => r[k])).toFixed(0)} ms`;
        const ratio = Number(median(ratios).toFixed(2));
        const delivered = (rs: Measure[]) => `${median(rs.map((r) => r.beacons))}/${median(rs.map((r) => r.queued))}`;
        const verdict = ratio <= kind.target ? 'meets' : 'misses';
        results.push({
          name: `capture: ${kind.name}, ${CALLS} × (beacon + fetch + XHR + pixel), first- and third-party, ${s.label} vs none (target ≤ ${kind.target.toFixed(2)}x, ${verdict})`,
          baseline: `against ${ms(base, 'total')} without`,
          ratio,
          detail:
            `${PAIRS} paired rounds, ratio quartiles ${quantile(ratios, 0.25).toFixed(2)}–${quantile(ratios, 0.75).toFixed(2)}; ` +
            `until every answer: ${ms(ext, 'total')} with, ${ms(base, 'total')} without; ` +
            `the calls alone: ${median(loopRatios).toFixed(2)}x, ${ms(ext, 'loop')} with, ${ms(base, 'loop')} without; ` +
            `beacons delivered of those queued (median): ${delivered(ext)} with, ${delivered(base)} without`,
        });
      }
    }
    // A bench of an extension that recorded nothing would measure nothing.
    for (const s of subjects) {
      const client = await ExtensionClient.open(s.launched);
      const tab = await client.tabIdOf(url);
      const j = await client.journey(tab);
      const tracked = j.events.filter((e) => e.type === 'request' && e.url.includes('/g/collect')).length;
      const other = j.events.filter((e) => e.type === 'request' && e.url.includes('/api/events')).length;
      results.push({
        name: `capture: ${s.label} recorded the tracking page's requests and not the other page's`,
        baseline: `${tracked} tracking requests in the journey, ${other} others`,
        ratio: tracked > 0 && other === 0 ? 1 : 0,
        detail: 'the journey keeps the newest events within its size bound',
      });
    }
    return results;
  } finally {
    for (const s of subjects) await s.launched.close();
    await plain?.close();
    await server?.close();
  }
}

if (import.meta.url === `file://${process.argv[1]}`) {
  void run().then((r) => console.log(JSON.stringify(r, null, 2)));
}
