/**
 * Walks steps (the audit's step format) in a puppeteer page and waits for each page to settle,
 * for the panel's end-to-end test.
 */
import type { Page } from 'puppeteer-core';
import type { Step } from '../../lib/audit/steps';

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

async function settle(page: Page): Promise<void> {
  for (let i = 0; i < 3; i++) {
    try {
      await page.waitForNetworkIdle({ idleTime: 300, timeout: 8_000 });
      await page.waitForFunction(() => document.readyState === 'complete', { timeout: 8_000 });
      return;
    } catch {
      await sleep(200); // a navigation replaced the document mid-wait
    }
  }
}

export async function walk(page: Page, start: string, steps: readonly Step[]): Promise<void> {
  await page.goto(start, { waitUntil: 'load' });
  await settle(page);
  for (const step of steps) {
    if ('navigate' in step) await page.goto(new URL(step.navigate, page.url()).toString(), { waitUntil: 'load' });
    else if ('click' in step) {
      const el = await page.waitForSelector(step.click, { visible: true, timeout: 10_000 });
      if (!el) throw new Error(`no ${step.click} on ${page.url()}`);
      await el.click();
      await el.dispose();
      await sleep(150);
    } else if ('reload' in step) await page.reload({ waitUntil: 'load' });
    else if (typeof step.wait === 'number') await sleep(step.wait);
    else await page.waitForSelector(step.wait.selector, { timeout: step.wait.timeoutMs ?? 10_000 });
    await settle(page);
  }
}

/** Sends one extension message from an extension page (the same plain objects the CLI sends). */
export function sendFrom<T>(page: Page, message: Record<string, unknown>): Promise<T> {
  return page.evaluate(
    (m) => (globalThis as unknown as { chrome: { runtime: { sendMessage(m: unknown): Promise<unknown> } } }).chrome.runtime.sendMessage(m),
    message,
  ) as Promise<T>;
}
