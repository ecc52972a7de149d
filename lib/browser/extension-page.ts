/**
 * Talking to the extension the way the spec's clients do: plain `{ type: "goalpost:…" }` objects
 * sent with chrome.runtime.sendMessage from one of the extension's own pages (the service worker
 * cannot message itself, and the background answers only extension pages).
 */
import type { Page } from 'puppeteer-core';
import type { ExtensionBrowser } from './chromium';
import type { Message, MessageType, Response } from '../messages';

/** Sends anything, as a page of the extension would: the tests also send junk on purpose. */
export function sendRawFromExtensionPage<T = unknown>(page: Page, message: Record<string, unknown>): Promise<T> {
  return page.evaluate(
    (m) => (globalThis as unknown as { chrome: { runtime: { sendMessage(m: unknown): Promise<unknown> } } }).chrome.runtime.sendMessage(m),
    message,
  ) as Promise<T>;
}

export function sendFromExtensionPage<K extends MessageType>(page: Page, message: Message<K>): Promise<Response<K>> {
  return sendRawFromExtensionPage<Response<K>>(page, message as unknown as Record<string, unknown>);
}

/** The browser tab id of the tab showing `url`, asked from an extension page (tabs permission). */
export function tabIdFromExtensionPage(page: Page, url: string): Promise<number | undefined> {
  return page.evaluate(async (u) => {
    const c = (globalThis as unknown as { chrome: { tabs: { query(q: object): Promise<{ id?: number; url?: string }[]> } } }).chrome;
    const tabs = await c.tabs.query({});
    return tabs.find((t) => t.url === u)?.id;
  }, url);
}

/**
 * Opens one of the extension's pages (`popup.html`, `panel.html?tabId=…`) in `page` or a new tab.
 * Firefox over WebDriver BiDi never reports the load of a moz-extension:// page (the navigation
 * times out although the page is there), so there the document itself is watched instead.
 */
export async function openExtensionPage(eb: ExtensionBrowser, path: string, page?: Page): Promise<Page> {
  const p = page ?? (await eb.browser.newPage());
  const url = `${eb.origin}/${path}`;
  if (eb.kind === 'chromium') {
    await p.goto(url, { waitUntil: 'load' });
    return p;
  }
  p.goto(url, { timeout: 20_000 }).catch(() => {
    // Expected in Firefox: the load is never reported; the loop below decides.
  });
  const until = Date.now() + 20_000;
  while (Date.now() < until) {
    await new Promise((r) => setTimeout(r, 100));
    const ready = await p.evaluate((u) => location.href === u && document.readyState === 'complete', url).catch(() => false);
    if (ready) return p;
  }
  throw new Error(`the extension page ${path} did not load`);
}
