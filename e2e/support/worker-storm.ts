/**
 * Stops the extension's service worker over and over, as Chrome does on its own (idle, updates,
 * memory pressure), through the DevTools session of one of the extension's pages: the
 * ServiceWorker domain there reaches the workers of the extension's origin, and the next
 * extension event (a message, a webRequest event) starts a fresh worker.
 *
 * Only a running worker is stopped. Stopping one that is still starting can leave it paused
 * forever: the test browser's DevTools connection attaches to each new worker and resumes it,
 * and a stop in the middle of that handshake loses the resume (Chrome itself never does this).
 */
import type { Page } from 'puppeteer-core';

export interface Storm {
  /** Workers stopped so far. */
  readonly stops: number;
  end(): Promise<void>;
}

export async function stopWorkerEvery(extensionPage: Page, everyMs: number): Promise<Storm> {
  const session = await extensionPage.createCDPSession();
  let running = false;
  session.on('ServiceWorker.workerVersionUpdated', (e) => {
    running = e.versions.some((v) => v.runningStatus === 'running');
  });
  await session.send('ServiceWorker.enable');
  let stops = 0;
  let active = true;
  const loop = (async () => {
    while (active) {
      await new Promise((r) => setTimeout(r, everyMs));
      while (active && !running) await new Promise((r) => setTimeout(r, 5));
      if (!active) break;
      try {
        await session.send('ServiceWorker.stopAllWorkers');
        stops++;
        running = false;
      } catch {
        // Already stopping.
      }
    }
  })();
  return {
    get stops() {
      return stops;
    },
    async end() {
      active = false;
      await loop;
      await session.detach().catch(() => undefined);
    },
  };
}
