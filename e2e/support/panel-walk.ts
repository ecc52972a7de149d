/**
 * Walks steps (the audit's step format) in a puppeteer page, exactly as `goalpost audit` does,
 * for the panel's end-to-end test.
 */
import type { Page } from 'puppeteer-core';
import type { Step } from '../../lib/audit/steps';
import { goto, runStep, settle } from '../../lib/audit/walk';

export async function walk(page: Page, start: string, steps: readonly Step[]): Promise<void> {
  await goto(page, start);
  await settle(page);
  for (const step of steps) await runStep(page, step, start);
}
