/**
 * Runs one audit: opens Chromium (or Firefox) with the built extension, stores the goals, loads the URL,
 * walks the steps, waits until the page and the capture have settled, and asks the extension
 * for its report — the same messages (surfaces.md) the panel and the tests use, sent from an
 * extension page with chrome.runtime.sendMessage. Optionally screenshots each panel view.
 */
import type { Lang } from '../i18n/catalogues';
import { mkdirSync, readdirSync } from 'node:fs';
import { join, resolve } from 'node:path';
import type { Page } from 'puppeteer-core';
import { EXTENSION_DIR, launchWithExtension, type ExtensionBrowser } from '../browser/chromium';
import { openExtensionPage, sendFromExtensionPage as send, tabIdFromExtensionPage } from '../browser/extension-page';
import { FIREFOX_EXTENSION_DIR, launchFirefoxWithExtension } from '../browser/firefox';
import { JOURNEY_FORMAT, type Journey } from '../formats/journey';
import type { Report } from '../formats/report';
import { describeStep, type Step } from './steps';
import { AuditError, goto, runStep, settle, sleep } from './walk';

export { AuditError } from './walk';

export interface AuditOptions {
  url: string;
  /** A goals document; the extension validates it and refuses a bad one with one sentence. */
  goals?: unknown;
  steps?: Step[];
  headless?: boolean;
  /** Default chromium. */
  browser?: 'chromium' | 'firefox';
  /** Host patterns mapped to 127.0.0.1 (local sites under their real names). */
  mapHosts?: readonly string[];
  /** Folder to write one PNG per panel view into; none when absent. */
  screenshotsDir?: string;
  /** Progress lines ("open …", "click …"). */
  progress?: (line: string) => void;
  extensionDir?: string;
  /** The browser's UI language, so the panel screenshots speak the report's language (Chromium). */
  lang?: Lang;
}

export interface AuditResult {
  report: Report;
  journey: Journey;
  /** Chrome's id of the tab that was walked (the panel's `?tabId=`). */
  tabId: number | undefined;
  screenshots: string[];
}

/** The panel's views, in the order the panel shows them, with the labels their tab may carry. */
export const PANEL_VIEWS: readonly { file: string; labels: string[] }[] = [
  { file: 'tags', labels: ['tags'] },
  { file: 'sessions', labels: ['sessions'] },
  { file: 'goals', labels: ['goals'] },
  { file: 'diagnose', labels: ['diagnose'] },
  { file: 'goal-editor', labels: ['goal editor', 'editor'] },
];

/** The extension page messages are sent from: the panel page when built, else any page it ships. */
function extensionPage(dir: string): string {
  let pages: string[] = [];
  try {
    pages = readdirSync(dir).filter((f) => f.endsWith('.html'));
  } catch {
    pages = [];
  }
  if (pages.includes('panel.html')) return 'panel.html';
  const first = pages.sort()[0];
  if (!first) throw new AuditError(`the extension build at ${dir} has no page to talk to it from: run npm run build`);
  return first;
}

/** Asks for the journey until two answers a moment apart agree: the relay batches, the worker stores. */
async function settledJourney(ext: Page): Promise<Journey> {
  let last = -1;
  let journey: Journey = { format: JOURNEY_FORMAT, events: [] };
  for (let i = 0; i < 20; i++) {
    journey = await send(ext, { type: 'goalpost:journey' });
    const n = journey?.events?.length ?? 0;
    if (n === last) return journey;
    last = n;
    await sleep(400);
  }
  return journey;
}

/** Clicks a panel view by its visible name (a tab, button or link) and screenshots it. */
async function screenshotPanel(launched: ExtensionBrowser, ext: string, tabId: number | undefined, dir: string): Promise<string[]> {
  mkdirSync(dir, { recursive: true });
  const page = await launched.browser.newPage();
  const written: string[] = [];
  try {
    await page.setViewport({ width: 1100, height: 800 });
    const query = tabId === undefined ? '' : `?tabId=${tabId}`;
    await openExtensionPage(launched, `${ext}${query}`, page);
    await sleep(800);
    for (const view of PANEL_VIEWS) {
      const clicked = await page.evaluate((labels) => {
        const candidates = Array.from(document.querySelectorAll<HTMLElement>('[role="tab"], button, a'));
        const el = candidates.find((c) => labels.includes((c.textContent ?? '').trim().toLowerCase()));
        el?.click();
        return Boolean(el);
      }, view.labels);
      if (!clicked) continue;
      await sleep(500);
      const file = resolve(join(dir, `panel-${view.file}.png`));
      await page.screenshot({ path: file as `${string}.png`, fullPage: true });
      written.push(file);
    }
    if (written.length === 0) {
      const file = resolve(join(dir, 'panel.png'));
      await page.screenshot({ path: file as `${string}.png`, fullPage: true });
      written.push(file);
    }
  } finally {
    await page.close();
  }
  return written;
}

export async function runAudit(opts: AuditOptions): Promise<AuditResult> {
  const progress = opts.progress ?? (() => {});
  const firefox = opts.browser === 'firefox';
  const extensionDir = opts.extensionDir ?? (firefox ? FIREFOX_EXTENSION_DIR : EXTENSION_DIR);
  const extPageName = extensionPage(extensionDir);
  let launched: ExtensionBrowser;
  try {
    launched = await (firefox ? launchFirefoxWithExtension : launchWithExtension)({
      headless: opts.headless ?? true,
      extensionDir,
      ...(opts.mapHosts ? { mapHosts: [...opts.mapHosts] } : {}),
      ...(opts.lang && !firefox ? { lang: opts.lang } : {}),
    });
  } catch (e) {
    throw new AuditError(e instanceof Error ? e.message : String(e));
  }
  try {
    const ext = await openExtensionPage(launched, extPageName);
    if (opts.goals !== undefined) {
      const answer = await send(ext, { type: 'goalpost:set-goals', goals: opts.goals });
      if (!answer?.ok)
        throw new AuditError(`the goals were refused: ${answer?.ok === false ? answer.error : 'no answer from the extension'}`);
    }
    const page = await launched.browser.newPage();
    await page.setViewport({ width: 1100, height: 800 });
    progress(`open ${opts.url}`);
    await goto(page, opts.url);
    await settle(page);
    for (const step of opts.steps ?? []) {
      progress(describeStep(step));
      await runStep(page, step, opts.url);
    }
    const journey = await settledJourney(ext);
    const tabId = await tabIdFromExtensionPage(ext, page.url());
    const report = await send(ext, { type: 'goalpost:report' });
    if (report?.format !== 'goalpost.report/1') throw new AuditError('the extension did not answer a report');
    const screenshots = opts.screenshotsDir ? await screenshotPanel(launched, extPageName, tabId, opts.screenshotsDir) : [];
    return { report, journey, tabId, screenshots };
  } finally {
    await launched.close().catch(() => {});
  }
}
