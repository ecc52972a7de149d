/**
 * Page objects for the built extension: an extension page that sends the spec's runtime messages
 * (the service worker cannot message itself) and finds tab ids, and a plain browser (same flags,
 * no extension) to compare page behaviour with.
 */
import puppeteer, { type Browser, type Page } from 'puppeteer-core';
import { chromiumArgs, findChromium, type ExtensionBrowser, type LaunchOptions } from '../../lib/browser/chromium';
import { openExtensionPage, sendRawFromExtensionPage, tabIdFromExtensionPage } from '../../lib/browser/extension-page';
import type { JourneyEvent } from '../../lib/formats/journey';

export type RecordedJourney = { format: string; events: (JourneyEvent & { bodyNote?: string; urlNote?: string })[]; dropped?: number };

export class ExtensionClient {
  private constructor(
    readonly launched: ExtensionBrowser,
    readonly page: Page,
  ) {}

  /** Opens an extension page (popup.html: any page of the extension can message the background). */
  static async open(launched: ExtensionBrowser, pagePath = 'popup.html'): Promise<ExtensionClient> {
    return new ExtensionClient(launched, await openExtensionPage(launched, pagePath));
  }

  send<T = unknown>(message: Record<string, unknown>): Promise<T> {
    return sendRawFromExtensionPage<T>(this.page, message);
  }

  journey(tabId?: number): Promise<RecordedJourney> {
    return this.send<RecordedJourney>(tabId === undefined ? { type: 'goalpost:journey' } : { type: 'goalpost:journey', tabId });
  }

  /** Polls the journey until `done` holds (batches reach the background on a short timer). */
  async waitForJourney(tabId: number | undefined, done: (j: RecordedJourney) => boolean, timeoutMs = 10_000): Promise<RecordedJourney> {
    const until = Date.now() + timeoutMs;
    let j = await this.journey(tabId);
    while (!done(j) && Date.now() < until) {
      await new Promise((r) => setTimeout(r, 150));
      j = await this.journey(tabId);
    }
    return j;
  }

  /** The browser tab id of a page, by its URL. */
  async tabIdOf(url: string): Promise<number> {
    const id = await tabIdFromExtensionPage(this.page, url);
    if (id === undefined) throw new Error(`no tab shows ${url}`);
    return id;
  }
}

/** Opens `url` in a new tab and waits for the load event. */
export async function visit(browser: Browser, url: string): Promise<Page> {
  const page = await browser.newPage();
  await page.goto(url, { waitUntil: 'load' });
  return page;
}

/** Chromium with the same flags as launchWithExtension, without the extension. */
export async function launchPlain(mapHosts: string[], opts: Pick<LaunchOptions, 'unreachableHosts'> = {}): Promise<Browser> {
  const executablePath = findChromium();
  if (!executablePath) throw new Error('no Chromium found');
  return puppeteer.launch({ executablePath, headless: true, pipe: true, args: chromiumArgs({ mapHosts, ...opts }) });
}

/** Request events whose URL contains `part`. */
export function requestsTo(j: RecordedJourney, part: string): (JourneyEvent & { type: 'request'; bodyNote?: string; urlNote?: string })[] {
  return j.events.filter((e): e is JourneyEvent & { type: 'request' } => e.type === 'request' && e.url.includes(part));
}

export function pushesOf(j: RecordedJourney, target: string): (JourneyEvent & { type: 'push' })[] {
  return j.events.filter((e): e is JourneyEvent & { type: 'push' } => e.type === 'push' && e.target === target);
}

/** The capture page's paths (e2e/support/sites.ts `capturePage`), one request each. */
export const CAPTURE_PATHS = ['path=beacon', 'path=fetch', 'path=xhr', 'path=image', 'path=script'];
/** Beacons get no status: webRequest's onCompleted skips them (docs/counting.md). */
export const CAPTURE_PATHS_WITH_STATUS = CAPTURE_PATHS.filter((p) => p !== 'path=beacon');

/**
 * The capture page is fully recorded: both views have arrived, the hook's (bodies, pushes) and the
 * network's (statuses, the commit's transition).
 */
export function capturePageRecorded(j: RecordedJourney): boolean {
  const nav = j.events.find((e) => e.type === 'navigation');
  return (
    nav?.type === 'navigation' &&
    nav.transition !== undefined &&
    CAPTURE_PATHS_WITH_STATUS.every((p) => requestsTo(j, p)[0]?.status !== undefined) &&
    requestsTo(j, 'path=beacon')[0]?.body !== undefined &&
    CAPTURE_PATHS.every((p) => requestsTo(j, p).length > 0) &&
    pushesOf(j, 'dataLayer').length >= 2 &&
    pushesOf(j, 'lpTag.sdes').length >= 1
  );
}
