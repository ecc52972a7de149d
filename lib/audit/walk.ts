/**
 * Walking a page as a person would (open, click, wait, reload) and waiting for it to settle:
 * shared by audits, the demo and the panel's end-to-end test.
 */
import type { Page } from 'puppeteer-core';
import type { Step } from './steps';

/** Something an audit could not do (unreachable URL, missing selector, refused goals): one sentence. */
export class AuditError extends Error {
  override name = 'AuditError';
}

const NAV_TIMEOUT = 20_000;

export const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/** Waits for the page to stop loading and fetching; navigations triggered meanwhile are followed. */
export async function settle(page: Page): Promise<void> {
  for (let i = 0; i < 3; i++) {
    try {
      await page.waitForNetworkIdle({ idleTime: 400, timeout: 8_000 });
      await page.waitForFunction(() => document.readyState === 'complete', { timeout: 8_000 });
      return;
    } catch {
      // The context was replaced by a navigation mid-wait: wait again on the new document.
      await sleep(200);
    }
  }
}

export async function runStep(page: Page, step: Step, base: string): Promise<void> {
  if ('navigate' in step) {
    let target: string;
    try {
      target = new URL(step.navigate, page.url() === 'about:blank' ? base : page.url()).toString();
    } catch {
      throw new AuditError(`cannot navigate to "${step.navigate}": not a URL`);
    }
    await goto(page, target);
  } else if ('click' in step) {
    const handle = await page.waitForSelector(step.click, { visible: true, timeout: 10_000 }).catch(() => null);
    if (!handle) throw new AuditError(`no visible element matches "${step.click}" on ${page.url()}`);
    await handle.click();
    await handle.dispose();
    await sleep(150);
  } else if ('reload' in step) {
    await page.reload({ waitUntil: 'load', timeout: NAV_TIMEOUT });
  } else if (typeof step.wait === 'number') {
    await sleep(step.wait);
  } else {
    const found = await page.waitForSelector(step.wait.selector, { timeout: step.wait.timeoutMs ?? 10_000 }).catch(() => null);
    if (!found) throw new AuditError(`"${step.wait.selector}" did not appear on ${page.url()}`);
  }
  await settle(page);
}

export async function goto(page: Page, url: string): Promise<void> {
  try {
    const res = await page.goto(url, { waitUntil: 'load', timeout: NAV_TIMEOUT });
    if (res && res.status() >= 400) throw new AuditError(`${url} answered HTTP ${res.status()}`);
  } catch (e) {
    if (e instanceof AuditError) throw e;
    const why = e instanceof Error ? e.message.split('\n')[0] : String(e);
    throw new AuditError(`could not open ${url} (${why})`);
  }
}
