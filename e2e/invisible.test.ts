import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser } from 'puppeteer-core';
import type { LaunchedBrowser } from '../lib/browser/chromium';
import { launchWithExtension } from '../lib/browser/chromium';
import type { SiteServer } from '../lib/browser/site-server';
import { launchPlain, visit } from './support/extension';
import { PROBE_PATH, probePage } from './support/probe-page';
import { HOSTS, startFixtureSites } from './support/sites';

let server: SiteServer;
let launched: LaunchedBrowser;
let plain: Browser;

beforeAll(async () => {
  server = await startFixtureSites({ [PROBE_PATH]: probePage });
  launched = await launchWithExtension({ mapHosts: HOSTS });
  plain = await launchPlain(HOSTS);
});

afterAll(async () => {
  await launched?.close();
  await plain?.close();
  await server?.close();
});

async function probe(browser: Browser): Promise<Record<string, unknown>> {
  const page = await visit(browser, `${server.origin('shop.test')}${PROBE_PATH}`);
  await page.waitForFunction('window.__done === true', { timeout: 15_000 });
  const result = (await page.evaluate('window.__probes')) as Record<string, unknown>;
  await page.close();
  return result;
}

/**
 * The one difference that cannot be avoided: an error thrown while one of the hook's wrappers is
 * on the stack (a wrapped native refusing its arguments, a wrapped tag function throwing) carries
 * one more frame, the wrapper's. V8 lists every JavaScript frame of the page's own security
 * context, and the hook has to run in that context to see the call; a frame compiled in another
 * realm of the same origin is listed too (measured). The frame names no extension: the hook's
 * script is anonymous (wxt.config.ts).
 */
const ONE_MORE_FRAME = [
  'stack: sendBeacon.call({})',
  'stack: fetch with a URL object whose toString throws',
  'stack: XHR open with a bad method',
  'stack: setAttribute on a non-element',
  'stack: img src setter on a non-image',
  'stack: toString on a non-function',
  'stack: the page own _pt_sp_2.push throwing',
  'after 1.2 s: stack of the page own _pt_sp_2.push throwing',
];
const WRAPPER_FRAME = /\n\s+at Object\.apply \(<anonymous>:\d+:\d+\)/g;

describe('the page cannot tell the extension is there', () => {
  it('answers every probe as without the extension, but for one anonymous stack frame where a wrapper is on the stack', async () => {
    const withExtension = await probe(launched.browser);
    const without = await probe(plain);
    const names = Object.keys(without);
    expect(Object.keys(withExtension).sort()).toEqual(names.sort());
    expect(names.length).toBeGreaterThan(50);
    for (const name of names) {
      const saw = withExtension[name];
      if (!ONE_MORE_FRAME.includes(name)) {
        expect({ probe: name, saw }).toEqual({ probe: name, saw: without[name] });
        continue;
      }
      const text = String(saw);
      expect(text.match(WRAPPER_FRAME), name).toHaveLength(1);
      expect({ probe: name, saw: text.replace(WRAPPER_FRAME, '') }).toEqual({ probe: name, saw: without[name] });
    }
    expect(JSON.stringify(withExtension)).not.toContain(launched.extensionId);
    expect(JSON.stringify(withExtension)).not.toContain('chrome-extension:');
  });
});
