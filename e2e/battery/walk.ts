/**
 * A shopper's walk through one library's shop in its own tab: the home page, then a click to
 * /thanks. Each step waits until the page has handed its calls to the library, the collector
 * holds what the library was asked to send, and the library has been quiet for a moment.
 */
import type { Browser, Page } from 'puppeteer-core';
import type { ReceivedRequest, SiteServer } from '../../lib/browser/site-server';
import type { BatteryState } from './pages/page-kit';
import type { Library } from './library';
import { senderHost, shopHost } from './site';

export interface Walked {
  lib: Library;
  page: Page;
  url: string;
  /** The library's visitor id on each page, read from its own API. */
  visitorIds: (string | undefined)[];
  /** Every request the library's hosts received. */
  received: ReceivedRequest[];
}

const QUIET_MS = 700;
const STEP_TIMEOUT_MS = 20_000;

/** What this library's shop sent to its hosts since `from` (another tab's late beacons are not its). */
function ownRequests(server: SiteServer, lib: Library, from: number): ReceivedRequest[] {
  return server.received.slice(from).filter((r) => lib.hosts.includes(r.host) && senderHost(r.headers) === shopHost(lib));
}

/** The order id the page script sends (page-kit's orderId()). */
export const orderIdOf = (lib: Library): string => `order-${lib.id}-1001`;

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

async function settle(server: SiteServer, page: Page, lib: Library, step: 'home' | 'thanks', from: number): Promise<string | undefined> {
  const until = Date.now() + STEP_TIMEOUT_MS;
  let state: BatteryState | undefined;
  while (Date.now() < until) {
    state = await page.evaluate(() => window.__battery);
    if (state?.done) break;
    await sleep(100);
  }
  if (!state?.done) throw new Error(`${lib.id}: the ${step} page never finished its calls`);
  if (state.error) throw new Error(`${lib.id}: the ${step} page failed: ${state.error}`);
  const mine = () => ownRequests(server, lib, from);
  while (!lib.sent(mine(), step, orderIdOf(lib))) {
    if (Date.now() > until)
      throw new Error(
        `${lib.id}: the collector never received the ${step} page's hits (${mine()
          .map((r) => `${r.method} ${r.host}${r.path}`)
          .join(', ')})`,
      );
    await sleep(100);
  }
  // A library may still be sending the rest of a batch: wait until nothing new arrives.
  let count = -1;
  while (count !== mine().length && Date.now() < until) {
    count = mine().length;
    await sleep(QUIET_MS);
  }
  return state.visitorId;
}

export async function walk(browser: Browser, server: SiteServer, lib: Library): Promise<Walked> {
  // Libraries walk one after another; variants share hosts, so only what came after the start is this walk's.
  const from = server.received.length;
  const page = await browser.newPage();
  const url = `https://${shopHost(lib)}/`;
  await page.goto(url, { waitUntil: 'load' });
  const first = await settle(server, page, lib, 'home', from);
  await Promise.all([page.waitForNavigation({ waitUntil: 'load' }), page.click('#next')]);
  const second = await settle(server, page, lib, 'thanks', from);
  return { lib, page, url, visitorIds: [first, second], received: ownRequests(server, lib, from) };
}
