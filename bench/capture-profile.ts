/**
 * Where capture's time goes on the busy tracking page of capture.bench.ts: V8 CPU profiles of
 * the page's renderer (the page, the hook in the page's world and the relay in its isolated
 * world all run on that one thread) and of the extension's service worker while the page fires
 * its calls, summed by self time per script and per function. Not part of `npm run bench`:
 * `node --import tsx bench/capture-profile.ts [tracking|non-tracking] [extension dir | plain]`
 * (`plain`: the same page in Chromium without the extension, for comparison).
 */
import type { CDPSession, Page } from 'puppeteer-core';
import { launchWithExtension } from '../lib/browser/chromium';
import { startSiteServer } from '../lib/browser/site-server';
import { launchPlain } from '../e2e/support/extension';
import { BENCH_HOSTS, BENCH_PAGES, benchHandlers, busyCall } from './capture.bench';

interface ProfileNode {
  id: number;
  callFrame: { functionName: string; url: string; lineNumber: number };
  hitCount?: number;
}
interface Profile {
  nodes: ProfileNode[];
  samples: number[];
  timeDeltas: number[];
}

/** Self time (ms) per script and per function, from the sample deltas. */
function summarise(p: Profile, label: string): void {
  const byId = new Map(p.nodes.map((n) => [n.id, n]));
  const byScript = new Map<string, number>();
  const byFn = new Map<string, number>();
  let total = 0;
  for (let i = 0; i < p.samples.length; i++) {
    const n = byId.get(p.samples[i]!)!;
    const dt = (p.timeDeltas[i + 1] ?? 0) / 1000;
    total += dt;
    const f = n.callFrame;
    const script = f.url ? (f.url.split('/').pop() ?? f.url) : f.functionName.startsWith('(') ? f.functionName : '(native or inline)';
    byScript.set(script, (byScript.get(script) ?? 0) + dt);
    const key = `${script} ${f.functionName || '(anonymous)'}:${f.lineNumber + 1}`;
    byFn.set(key, (byFn.get(key) ?? 0) + dt);
  }
  const top = (m: Map<string, number>, k: number) =>
    [...m]
      .sort((a, b) => b[1] - a[1])
      .slice(0, k)
      .map(([name, ms]) => `  ${ms.toFixed(1).padStart(8)} ms ${((100 * ms) / total).toFixed(1).padStart(5)} %  ${name}`)
      .join('\n');
  console.log(`\n${label}: ${total.toFixed(0)} ms sampled\nby script:\n${top(byScript, 12)}\nby function:\n${top(byFn, 30)}`);
}

async function profiled<T>(sessions: CDPSession[], work: () => Promise<T>): Promise<Profile[]> {
  for (const s of sessions) {
    await s.send('Profiler.enable');
    await s.send('Profiler.setSamplingInterval', { interval: 100 });
    await s.send('Profiler.start');
  }
  await work();
  const out: Profile[] = [];
  for (const s of sessions) out.push(((await s.send('Profiler.stop')) as unknown as { profile: Profile }).profile);
  return out;
}

const which = process.argv[2] === 'non-tracking' ? BENCH_PAGES[1] : BENCH_PAGES[0];
const plain = process.argv[3] === 'plain';
const server = await startSiteServer(benchHandlers());
const launched = plain ? undefined : await launchWithExtension({ mapHosts: BENCH_HOSTS, extensionDir: process.argv[3] });
const browser = launched?.browser ?? (await launchPlain(BENCH_HOSTS));
try {
  const page: Page = await browser.newPage();
  await page.goto(`${server.origin('shop.test')}/bench.html`, { waitUntil: 'load' });
  const worker = await launched?.worker();
  const call = (tag: string) => page.evaluate(busyCall(server.origin.bind(server), which, tag));
  await call('warm');
  await new Promise((r) => setTimeout(r, 1_000));
  // How often the background writes storage (and with GOALPOST_PROFILE_SIZES=1 how much, which
  // serialises every write twice and so inflates the worker's profile).
  const sizes = process.env.GOALPOST_PROFILE_SIZES === '1';
  await worker?.evaluate(`(() => {
    const area = chrome.storage.session, set = area.set.bind(area);
    globalThis.__writes = { calls: 0, chars: 0 };
    area.set = (items, ...rest) => { __writes.calls++; if (${sizes}) __writes.chars += JSON.stringify(items).length; return set(items, ...rest); };
  })()`);
  const sessions = [await page.createCDPSession(), ...(worker ? [worker.client] : [])];
  const [pageProfile, workerProfile] = await profiled(sessions, async () => {
    const [total, loop] = (await call('profiled')) as [number, number];
    console.log(`${which.name}: ${total.toFixed(0)} ms until every answer, ${loop.toFixed(0)} ms in the calls`);
    // The background's batched writes finish after the page's last answer.
    await new Promise((r) => setTimeout(r, 1_000));
  });
  summarise(pageProfile!, plain ? 'page renderer, no extension' : 'page renderer (page, hook, relay)');
  if (worker && workerProfile) {
    const writes = (await worker.evaluate('__writes')) as { calls: number; chars: number };
    console.log(`storage.session.set: ${writes.calls} calls${sizes ? `, ${(writes.chars / 1e6).toFixed(1)} MB of JSON` : ''}`);
    summarise(workerProfile, 'service worker');
  }
} finally {
  await (launched ?? { close: () => browser.close() }).close();
  await server.close();
}
