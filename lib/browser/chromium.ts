/**
 * Finding and launching the Chromium that the demo, audits and end-to-end tests drive, with
 * the built extension loaded. One place for the flags this closed-network machine needs.
 */
import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import puppeteer, { type Browser, type WebWorker } from 'puppeteer-core';

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
  headless?: boolean;
  extensionDir?: string;
}

export interface LaunchedBrowser {
  browser: Browser;
  extensionId: string;
  /** The extension's service worker (re-found after it was stopped). */
  worker(): Promise<WebWorker>;
  close(): Promise<void>;
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
  if (opts.mapHosts?.length) {
    args.push(`--host-resolver-rules=${opts.mapHosts.map((h) => `MAP ${h} 127.0.0.1`).join(', ')}`);
  }
  const browser = await puppeteer.launch({
    executablePath,
    headless: opts.headless ?? true,
    pipe: true,
    enableExtensions: [extensionDir],
    args,
  });
  const target = await browser.waitForTarget(
    (t) => t.type() === 'service_worker' && t.url().startsWith('chrome-extension://'),
    { timeout: 15_000 },
  );
  const extensionId = new URL(target.url()).host;
  return {
    browser,
    extensionId,
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
}
