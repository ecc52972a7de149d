/**
 * The background's memory under a long recording: one tab fires 100,000 GA4 beacons (in bursts,
 * each delivered before the next) while the
 * panel for that tab is open, so the live updates it receives are part of the bill. The service
 * worker's JavaScript heap is read over the DevTools protocol (`Runtime.getHeapUsage` on the
 * worker's own target, after a forced garbage collection), against the same worker's heap after
 * the first 100 beacons of the same run: what the recording's length adds is the difference.
 * Memory is not timing: one storm per run says it, and runs are repeated for the spread.
 */
import type { CDPSession, Page } from 'puppeteer-core';
import { launchWithExtension, type LaunchedBrowser } from '../lib/browser/chromium';
import { openExtensionPage, sendRawFromExtensionPage, tabIdFromExtensionPage } from '../lib/browser/extension-page';
import { startSiteServer, type SiteServer } from '../lib/browser/site-server';

const BEACONS = Number(process.env.GOALPOST_BENCH_BEACONS ?? 100_000);
const WARM = 100;
const TARGET_MB = 64;
const HOSTS = ['*.test'];
const MB = 1024 * 1024;

/** Bursts of beacons: Chromium queues only so many unsent beacons per page, and loses a queue too long. */
const BURST = 100;

const page = (collect: string) => `<!doctype html><title>beacons</title><script>
  window.fire = function (from, n) {
    var sent = 0;
    for (var i = from; i < from + n; i++) {
      if (navigator.sendBeacon('${collect}/g/collect?v=2&tid=G-BENCH&cid=111.222&sid=1700000000&en=scroll&_s=' + i, 'en=scroll&epn.percent=' + (i % 100))) sent++;
    }
    return sent;
  };
</script>`;

async function until(cond: () => boolean | Promise<boolean>, timeoutMs: number, what: () => string): Promise<void> {
  const end = Date.now() + timeoutMs;
  while (!(await cond())) {
    if (Date.now() > end) throw new Error(`timed out: ${what()}`);
    await new Promise((r) => setTimeout(r, 5));
  }
}

/** The worker's used JS heap in bytes, after a full garbage collection. */
async function heapAfterGc(cdp: CDPSession): Promise<number> {
  await cdp.send('HeapProfiler.collectGarbage');
  const { usedSize } = await cdp.send('Runtime.getHeapUsage');
  return usedSize;
}

type Stored = { events: unknown[]; dropped?: number };

/** Fires beacons [from, from + n) in bursts, each received by the collector before the next. */
async function storm(p: Page, received: () => number, from: number, n: number, sample: () => Promise<void>): Promise<void> {
  let lastSample = performance.now();
  for (let i = from; i < from + n; i += BURST) {
    const count = Math.min(BURST, from + n - i);
    const target = received() + count;
    const sent = (await p.evaluate(`fire(${i}, ${count})`)) as number;
    if (sent !== count) throw new Error(`only ${sent} of ${count} beacons were queued`);
    await until(
      () => received() >= target,
      30_000,
      () => `the collector received ${received() - target + count} of ${count} beacons`,
    );
    if (performance.now() - lastSample > 1000) {
      lastSample = performance.now();
      await sample();
    }
  }
}

export async function run(): Promise<{ name: string; baseline: number; ratio: number; detail?: string }[]> {
  let server: SiteServer | undefined;
  let launched: LaunchedBrowser | undefined;
  try {
    let collected = 0;
    server = await startSiteServer([
      ({ host, url }) =>
        host === 'shop.test' && url.pathname === '/beacons.html' ? { body: page(`http://collect.test:${url.port}`) } : undefined,
      ({ host }) => {
        if (host !== 'collect.test') return undefined;
        collected++;
        return { status: 204, type: 'text/plain' };
      },
    ]);
    const log = server.received;
    // Counted above; the server's own log of every request would grow with the storm on this side.
    const received = () => {
      log.length = 0;
      return collected;
    };
    launched = await launchWithExtension({ mapHosts: HOSTS });
    const url = `${server.origin('shop.test')}/beacons.html`;
    const tab = await launched.browser.newPage();
    await tab.goto(url, { waitUntil: 'load' });
    const client = await openExtensionPage(launched, 'popup.html');
    const tabId = await tabIdFromExtensionPage(client, url);
    if (tabId === undefined) throw new Error('the beacon page has no tab id');
    const panel = await openExtensionPage(launched, `panel.html?tabId=${tabId}`);
    const journey = () => sendRawFromExtensionPage<Stored>(client, { type: 'goalpost:journey', tabId });
    const recorded = async (n: number) => {
      const j = await journey();
      return j.events.filter((e) => (e as { type?: string }).type === 'request').length + (j.dropped ?? 0) >= n;
    };

    const target = await launched.browser.waitForTarget((t) => t.type() === 'service_worker' && t.url().startsWith(launched!.origin));
    const cdp = await target.createCDPSession();

    await storm(tab, received, 0, WARM, async () => undefined);
    await until(
      () => recorded(WARM),
      30_000,
      () => 'the first beacons were never stored',
    );
    const warm = await heapAfterGc(cdp);

    let peak = 0;
    const started = performance.now();
    await storm(tab, received, WARM, BEACONS - WARM, async () => {
      // Without a collection: what the worker holds while the page keeps sending.
      peak = Math.max(peak, (await cdp.send('Runtime.getHeapUsage')).usedSize);
    });
    await until(
      () => recorded(BEACONS),
      120_000,
      () => 'not every beacon was stored',
    );
    const stormMs = performance.now() - started;
    const after = await heapAfterGc(cdp);
    const j = await journey();
    const panelText = await panel.evaluate(() => document.querySelector('.header')?.textContent ?? '');
    await cdp.detach();
    return [
      {
        name: `worker heap after ${BEACONS.toLocaleString('en')} beacons in one tab (target ≤ ${TARGET_MB} MB), vs after ${WARM}`,
        baseline: Number((warm / MB).toFixed(1)),
        ratio: Number((after / warm).toFixed(2)),
        detail: `${(after / MB).toFixed(1)} MB after a collection, ${(peak / MB).toFixed(1)} MB highest sampled during the storm, ${(warm / MB).toFixed(1)} MB after ${WARM}; ${j.events.length} events kept, ${j.dropped ?? 0} dropped; ${((BEACONS / stormMs) * 1000).toFixed(0)} beacons/s; panel header: "${panelText.replace(/\s+/g, ' ').trim().slice(0, 120)}"`,
      },
    ];
  } finally {
    await launched?.close();
    await server?.close();
  }
}

if (import.meta.url === `file://${process.argv[1]}`) {
  void run().then((r) => console.log(JSON.stringify(r, null, 2)));
}
