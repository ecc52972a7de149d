/**
 * Talking to the extension the way the spec's clients do: plain `{ type: "goalpost:…" }` objects
 * sent with chrome.runtime.sendMessage from one of the extension's own pages (the service worker
 * cannot message itself, and the background answers only extension pages).
 */
import type { Page } from 'puppeteer-core';
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
