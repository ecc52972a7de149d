/**
 * Launching Firefox with the built add-on, for the demo, audits and end-to-end tests: puppeteer
 * over WebDriver BiDi, the add-on installed temporarily, its host permission granted without a
 * prompt, every host name resolved to this machine (nothing reaches the internet).
 */
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import type { Browser } from 'puppeteer-core';
import { builtBeforeSources } from './build-age';
import type { ExtensionBrowser, LaunchOptions } from './chromium';

const CANDIDATES = ['/usr/bin/firefox-esr', '/usr/bin/firefox', '/Applications/Firefox.app/Contents/MacOS/firefox'];

export function findFirefox(): string | undefined {
  const fromEnv = process.env.GOALPOST_FIREFOX;
  if (fromEnv && existsSync(fromEnv)) return fromEnv;
  return CANDIDATES.find((c) => existsSync(c));
}

export const FIREFOX_EXTENSION_DIR = resolve(import.meta.dirname, '../../.output/firefox-mv3');

/**
 * Firefox maps host names with preferences, not patterns: `network.dns.forceResolve` sends every
 * name to one address, which is what a closed, local run wants anyway. Hosts that must fail to
 * resolve cannot be expressed; callers that need a failing beacon use a refused port instead.
 */
function prefs(): Record<string, unknown> {
  return {
    // MV3 host permissions are asked for at install in Firefox; grant them as a user would.
    'extensions.originControls.grantByDefault': true,
    'network.dns.forceResolve': '127.0.0.1',
    // The local sites are plain http on fake names: no HTTPS-first detour, no upgrade attempts.
    'dom.security.https_first': false,
    'dom.security.https_only_mode': false,
    'network.captive-portal-service.enabled': false,
    'browser.safebrowsing.malware.enabled': false,
    'browser.safebrowsing.phishing.enabled': false,
  };
}

/** The add-on's internal UUID (its pages' host), which Firefox writes to prefs.js after the install. */
async function addonUuid(profile: string, addonId: string): Promise<string> {
  const until = Date.now() + 10_000;
  while (Date.now() < until) {
    const file = join(profile, 'prefs.js');
    const text = existsSync(file) ? readFileSync(file, 'utf8') : '';
    const m = /user_pref\("extensions\.webextensions\.uuids", "(.*)"\);/.exec(text);
    if (m?.[1]) {
      const map = JSON.parse(m[1].replace(/\\(.)/g, '$1')) as Record<string, string>;
      const uuid = map[addonId];
      if (uuid) return uuid;
    }
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error(`Firefox never gave the add-on ${addonId} an internal UUID`);
}

/** Firefox on a fresh profile with the local-run preferences; `close` also removes the profile. */
export async function launchFirefox(
  opts: Pick<LaunchOptions, 'headless'> = {},
): Promise<{ browser: Browser; profile: string; close: () => Promise<void> }> {
  const executablePath = findFirefox();
  if (!executablePath) throw new Error('no Firefox found: install one (e.g. apt-get install firefox-esr) or set GOALPOST_FIREFOX');
  const profile = mkdtempSync(join(tmpdir(), 'goalpost-firefox-'));
  // Loaded when a browser starts: the offline commands (replay, decode) start a fifth of a second sooner without it.
  const { default: puppeteer } = await import('puppeteer-core');
  const browser = await puppeteer.launch({
    browser: 'firefox',
    protocol: 'webDriverBiDi',
    executablePath,
    headless: opts.headless ?? true,
    userDataDir: profile,
    // Extension pages (moz-extension://) can be opened over BiDi only with this switch.
    args: ['--remote-allow-system-access'],
    extraPrefsFirefox: prefs(),
  });
  const close = async () => {
    await browser.close().catch(() => {});
    rmSync(profile, { recursive: true, force: true });
  };
  return { browser, profile, close };
}

export async function launchFirefoxWithExtension(opts: LaunchOptions = {}): Promise<ExtensionBrowser> {
  const extensionDir = opts.extensionDir ?? FIREFOX_EXTENSION_DIR;
  if (!existsSync(resolve(extensionDir, 'manifest.json'))) {
    throw new Error(`the Firefox add-on is not built at ${extensionDir}: run npm run build:firefox`);
  }
  if (extensionDir === FIREFOX_EXTENSION_DIR && builtBeforeSources(extensionDir)) {
    throw new Error(`the Firefox add-on at ${extensionDir} is older than its sources: run npm run build:firefox`);
  }
  const { browser, profile, close } = await launchFirefox(opts);
  try {
    const addonId = await browser.installExtension(resolve(extensionDir));
    const uuid = await addonUuid(profile, addonId);
    return { kind: 'firefox', browser, extensionId: uuid, origin: `moz-extension://${uuid}`, close };
  } catch (e) {
    await close();
    throw e;
  }
}
