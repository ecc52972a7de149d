/**
 * Finding and launching the Chromium that the demo, audits and end-to-end tests drive, with
 * the built extension loaded. One place for the flags this closed-network machine needs.
 */
import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import type { Browser, WebWorker } from 'puppeteer-core';
import { builtBeforeSources } from './build-age';

const CANDIDATES = [
  '/usr/bin/chromium',
  '/usr/bin/chromium-browser',
  '/usr/bin/google-chrome',
  '/usr/bin/google-chrome-stable',
  '/Applications/Google Chrome.app/Contents/MacOS/Google Chrome',
  '/Applications/Chromium.app/Contents/MacOS/Chromium',
];

export function findChromium(): string | undefined {
  const fromEnv = process.env.GOALPOST_CHROMIUM ?? process.env.CHROME_PATH;
  if (fromEnv && existsSync(fromEnv)) return fromEnv;
  return CANDIDATES.find((c) => existsSync(c));
}

export const EXTENSION_DIR = resolve(import.meta.dirname, '../../.output/chrome-mv3');

export interface LaunchOptions {
  /** Host patterns mapped to 127.0.0.1, e.g. ["*.test", "*.example"]. */
  mapHosts?: string[];
  /** Hosts that fail to resolve (checked before mapHosts), e.g. to show a failed beacon. */
  unreachableHosts?: string[];
  /**
   * The local port mapped hosts connect to whatever port their URL names: vendor libraries send
   * to fixed https:// collector URLs (port 443), which one local server can then answer.
   */
  mapPort?: number;
  /** Accept the local server's self-signed certificate (tests only). */
  ignoreCertificateErrors?: boolean;
  headless?: boolean;
  extensionDir?: string;
  /** The browser's UI language, which the extension's popup and panel follow. */
  lang?: string;
}

/** A browser with the extension installed, whichever browser it is. */
export interface ExtensionBrowser {
  kind: 'chromium' | 'firefox';
  browser: Browser;
  extensionId: string;
  /** Where the extension's pages live: `chrome-extension://<id>` or `moz-extension://<uuid>`. */
  origin: string;
  close(): Promise<void>;
}

export interface LaunchedBrowser extends ExtensionBrowser {
  kind: 'chromium';
  /** The extension's service worker (re-found after it was stopped). */
  worker(): Promise<WebWorker>;
}

/** The flags every Chromium here gets, with or without the extension. */
export function chromiumArgs(
  opts: Pick<LaunchOptions, 'mapHosts' | 'unreachableHosts' | 'mapPort' | 'ignoreCertificateErrors'> = {},
): string[] {
  const args = [
    '--no-sandbox',
    '--disable-gpu',
    '--no-first-run',
    '--disable-background-networking',
    '--disable-component-update',
    '--disable-sync',
    '--disable-quic',
    '--disable-features=HttpsUpgrades,HttpsFirstBalancedModeAutoEnable',
  ];
  // The first rule that matches a host wins, so unreachable hosts go first.
  const target = opts.mapPort === undefined ? '127.0.0.1' : `127.0.0.1:${opts.mapPort}`;
  const rules = [
    ...(opts.unreachableHosts ?? []).map((h) => `MAP ${h} ~NOTFOUND`),
    ...(opts.mapHosts ?? []).map((h) => `MAP ${h} ${target}`),
  ];
  if (rules.length > 0) args.push(`--host-resolver-rules=${rules.join(', ')}`);
  if (opts.ignoreCertificateErrors) args.push('--ignore-certificate-errors');
  return args;
}

/**
 * Waits until the background listens to the network. A freshly installed extension's first run
 * registers its listeners 100–250 ms after its worker target appears, and Chromium delivers no
 * webRequest/webNavigation event from before that (it does not yet know anyone wants them): a
 * page opened sooner keeps only the hook's view (no commit transition, no statuses of pixels and
 * scripts). A user installs, then browses; every caller here does the same.
 */
async function untilListening(worker: WebWorker): Promise<void> {
  const until = Date.now() + 10_000;
  const listening = () =>
    worker.evaluate(() => {
      const c = (globalThis as unknown as { chrome: Record<string, Record<string, { hasListeners(): boolean }>> }).chrome;
      return (
        ['onCompleted', 'onErrorOccurred'].every((e) => c.webRequest?.[e]?.hasListeners()) &&
        c.webNavigation?.onCommitted?.hasListeners() === true
      );
    });
  while (!(await listening())) {
    if (Date.now() > until) throw new Error('the extension background never registered its listeners');
    await new Promise((r) => setTimeout(r, 20));
  }
}

export async function launchWithExtension(opts: LaunchOptions = {}): Promise<LaunchedBrowser> {
  const executablePath = findChromium();
  if (!executablePath) {
    throw new Error('no Chromium found: install one (e.g. apt-get install chromium) or set GOALPOST_CHROMIUM');
  }
  const extensionDir = opts.extensionDir ?? EXTENSION_DIR;
  if (!existsSync(resolve(extensionDir, 'manifest.json'))) {
    throw new Error(`the extension is not built at ${extensionDir}: run npm run build`);
  }
  if (extensionDir === EXTENSION_DIR && builtBeforeSources(extensionDir)) {
    throw new Error(`the extension at ${extensionDir} is older than its sources: run npm run build`);
  }
  const args = chromiumArgs(opts);
  // Loaded when a browser starts: the offline commands (replay, decode) start a fifth of a second sooner without it.
  const { default: puppeteer } = await import('puppeteer-core');
  // Chromium on Linux takes its UI language from the environment (--lang is for Windows and macOS).
  const env = opts.lang ? { ...process.env, LANGUAGE: opts.lang, LC_ALL: '', LC_MESSAGES: '' } : undefined;
  if (opts.lang) args.push(`--lang=${opts.lang}`);
  const browser = await puppeteer.launch({
    ...(env ? { env } : {}),
    executablePath,
    headless: opts.headless ?? true,
    pipe: true,
    enableExtensions: [extensionDir],
    args,
  });
  const target = await browser.waitForTarget((t) => t.type() === 'service_worker' && t.url().startsWith('chrome-extension://'), {
    timeout: 15_000,
  });
  const extensionId = new URL(target.url()).host;
  const launched: LaunchedBrowser = {
    kind: 'chromium',
    browser,
    extensionId,
    origin: `chrome-extension://${extensionId}`,
    async worker() {
      const t = await browser.waitForTarget(
        (x) => x.type() === 'service_worker' && x.url().startsWith(`chrome-extension://${extensionId}/`),
        { timeout: 15_000 },
      );
      const w = await t.worker();
      if (!w) throw new Error('the extension service worker did not start');
      return w;
    },
    close: () => browser.close(),
  };
  try {
    await untilListening(await launched.worker());
  } catch (e) {
    await browser.close();
    throw e;
  }
  return launched;
}
