/**
 * Page objects for the built extension: an extension page that sends the spec's runtime messages
 * (the service worker cannot message itself) and finds tab ids, and a plain browser (same flags,
 * no extension) to compare page behaviour with.
 */
import puppeteer, { type Browser, type Page } from 'puppeteer-core';
import { findChromium, launchWithExtension, type LaunchOptions, type LaunchedBrowser } from '../../lib/browser/chromium';
import type { JourneyEvent } from '../../lib/formats/journey';

export type RecordedJourney = { format: string; events: (JourneyEvent & { bodyNote?: string })[]; dropped?: number };

export class ExtensionClient {
  private constructor(
    readonly launched: LaunchedBrowser,
    readonly page: Page,
  ) {}

  /** Opens an extension page (popup.html: any page of the extension can message the background). */
  static async open(launched: LaunchedBrowser, pagePath = 'popup.html'): Promise<ExtensionClient> {
    const page = await launched.browser.newPage();
    await page.goto(`chrome-extension://${launched.extensionId}/${pagePath}`);
    return new ExtensionClient(launched, page);
  }

  send<T = unknown>(message: Record<string, unknown>): Promise<T> {
    return this.page.evaluate(
      (m) => (globalThis as unknown as { chrome: { runtime: { sendMessage(m: unknown): Promise<unknown> } } }).chrome.runtime.sendMessage(m),
      message,
    ) as Promise<T>;
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
    const id = await this.page.evaluate(async (u) => {
      const c = (globalThis as unknown as { chrome: { tabs: { query(q: object): Promise<{ id?: number; url?: string }[]> } } }).chrome;
      const tabs = await c.tabs.query({});
      return tabs.find((t) => t.url === u)?.id;
    }, url);
    if (id === undefined) throw new Error(`no tab shows ${url}`);
    return id;
  }
}

/**
 * The built extension, once its background listens to the network. A freshly installed
 * extension's first run registers its listeners 100–250 ms after the worker target appears
 * here, and Chromium delivers no webRequest/webNavigation event from before that (it does not
 * yet know anyone wants them): a page opened sooner keeps only the hook's view (no commit
 * transition, no statuses of pixels and scripts). A user installs, then browses; so do the tests.
 */
export async function launchListening(opts: LaunchOptions): Promise<LaunchedBrowser> {
  const launched = await launchWithExtension(opts);
  const worker = await launched.worker();
  const until = Date.now() + 10_000;
  const listening = () =>
    worker.evaluate(() => {
      const c = (globalThis as unknown as { chrome: Record<string, Record<string, { hasListeners(): boolean }>> }).chrome;
      return ['onCompleted', 'onErrorOccurred'].every((e) => c.webRequest?.[e]?.hasListeners()) && c.webNavigation?.onCommitted?.hasListeners() === true;
    });
  while (!(await listening())) {
    if (Date.now() > until) {
      await launched.close();
      throw new Error('the extension background never registered its listeners');
    }
    await new Promise((r) => setTimeout(r, 20));
  }
  return launched;
}

/** Opens `url` in a new tab and waits for the load event. */
export async function visit(browser: Browser, url: string): Promise<Page> {
  const page = await browser.newPage();
  await page.goto(url, { waitUntil: 'load' });
  return page;
}

/** Chromium with the same flags as launchWithExtension, without the extension. */
export async function launchPlain(mapHosts: string[]): Promise<Browser> {
  const executablePath = findChromium();
  if (!executablePath) throw new Error('no Chromium found');
  return puppeteer.launch({
    executablePath,
    headless: true,
    pipe: true,
    args: [
      '--no-sandbox',
      '--disable-gpu',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      '--disable-quic',
      '--disable-features=HttpsUpgrades,HttpsFirstBalancedModeAutoEnable',
      `--host-resolver-rules=${mapHosts.map((h) => `MAP ${h} 127.0.0.1`).join(', ')}`,
    ],
  });
}

/** Request events whose URL contains `part`. */
export function requestsTo(j: RecordedJourney, part: string): (JourneyEvent & { type: 'request'; bodyNote?: string })[] {
  return j.events.filter((e): e is JourneyEvent & { type: 'request' } => e.type === 'request' && e.url.includes(part));
}

export function pushesOf(j: RecordedJourney, target: string): (JourneyEvent & { type: 'push' })[] {
  return j.events.filter((e): e is JourneyEvent & { type: 'push' } => e.type === 'push' && e.target === target);
}
