/**
 * Wires the background: listeners are registered synchronously at service-worker start (MV3
 * delivers the waking event only to listeners present in the first turn); all state lives in
 * storage and is reloaded on demand, so a restart between two events loses nothing.
 */
import type { browser as extensionApi } from 'wxt/browser';

type Browser = typeof extensionApi;
import { decodeRequest } from '../decoders';
import type { CustomEndpoint } from '../formats/goals';
import { replay } from '../engine';
import { JourneyStore, type StorageAreaLike } from '../capture/journey-store';
import { Merger } from '../capture/merger';
import { PANEL_PORT } from '../messages';
import { GoalsStore } from './goals-store';
import { handleMessage } from './handlers';
import { PanelHub } from './panel-hub';

/**
 * Resource types that can carry tracking. Documents come from webNavigation; stylesheets,
 * fonts and media are left out so the page's bulk traffic never wakes the worker.
 */
const TYPES = ['sub_frame', 'script', 'image', 'xmlhttprequest', 'ping', 'other', 'object'] as const;

interface RequestDetails {
  requestId: string;
  url: string;
  method: string;
  type: string;
  tabId: number;
  frameId: number;
  timeStamp: number;
  initiator?: string;
  documentUrl?: string;
  statusCode?: number;
  error?: string;
  redirectUrl?: string;
}

export function startBackground(browser: Browser): void {
  const extensionOrigin = browser.runtime.getURL('/');
  const ownRequest = (d: RequestDetails) => d.url.startsWith(extensionOrigin) || (d.initiator !== undefined && extensionOrigin.startsWith(d.initiator));
  const goals = new GoalsStore(browser.storage.local as unknown as StorageAreaLike);
  let endpoints: readonly CustomEndpoint[] | undefined;
  void goals.get().then((g) => (endpoints = g.endpoints));

  let hub: PanelHub | undefined;
  const store = new JourneyStore(browser.storage.session as unknown as StorageAreaLike, {
    onChange: (tab, changed, log) => hub?.changed(tab, changed, log),
  });
  hub = new PanelHub({ read: (tabId) => store.read(tabId), goals: () => goals.get() });
  const merger = new Merger({ store, recognise: (req) => decodeRequest(req, endpoints) !== null });

  const filter = { urls: ['<all_urls>'], types: [...TYPES] } as unknown as Parameters<typeof browser.webRequest.onCompleted.addListener>[1];
  const done = (d: RequestDetails, out: { status?: number; error?: string }, redirected: boolean) => {
    if (ownRequest(d)) return;
    const req = { requestId: d.requestId, url: d.url, method: d.method, type: d.type, t: d.timeStamp, ...(d.documentUrl ? { pageUrl: d.documentUrl } : {}) };
    void merger.netDone(d.tabId, req, out, redirected);
  };
  // Only the events that end a request or a hop: each webRequest event costs the page (measured
  // 1.4x on a beacon loop with onBeforeRequest + request bodies, under 1.1x without them).
  const wr = browser.webRequest;
  wr.onBeforeRedirect.addListener(((d: RequestDetails) => done(d, { status: d.statusCode }, true)) as never, filter);
  wr.onCompleted.addListener(((d: RequestDetails) => done(d, { status: d.statusCode }, false)) as never, filter);
  wr.onErrorOccurred.addListener(((d: RequestDetails) => done(d, { error: d.error }, false)) as never, filter);

  browser.webNavigation.onCommitted.addListener((d) => {
    if (d.frameId !== 0 || d.tabId < 0 || !/^https?:/.test(d.url)) return;
    void merger.navigation(d.tabId, { url: d.url, t: d.timeStamp, transition: d.transitionType });
  });

  browser.runtime.onMessage.addListener(((message: unknown, sender: Parameters<typeof handleMessage>[1]) =>
    handleMessage(message, sender, {
      extensionOrigin,
      capture: (tab, records) => merger.capture(tab, records),
      read: (tabId) => store.read(tabId),
      async clear(tabId) {
        await store.clear(tabId);
        hub?.cleared(tabId);
      },
      getGoals: () => goals.get(),
      async setGoals(value) {
        const r = await goals.set(value);
        if (!r.ok) return r;
        endpoints = r.goals?.endpoints;
        if (r.goals) hub?.goals(r.goals);
        return { ok: true };
      },
      replay: (events, g) => replay(events, g),
    })) as never);

  browser.runtime.onConnect.addListener((port) => {
    if (port.name === PANEL_PORT && port.sender?.url?.startsWith(extensionOrigin)) hub?.connect(port as never);
  });
}
