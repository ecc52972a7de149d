/**
 * Wires the background: listeners are registered synchronously at service-worker start (MV3
 * delivers the waking event only to listeners present in the first turn); all state lives in
 * storage and is reloaded on demand, so a restart between two events loses nothing.
 */
import type { browser as extensionApi } from 'wxt/browser';

type Browser = typeof extensionApi;
import { decodeRequest } from '../decoders';
import { HITS_ONLY } from '../decoders/types';
import { endpointPatterns, TRACKING_PATTERNS } from '../decoders/network-patterns';
import type { CustomEndpoint } from '../formats/goals';
import { replay } from '../engine';
import { JourneyStore, type StorageAreaLike } from '../capture/journey-store';
import { cutUrl } from '../capture/records';
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
  const ownRequest = (d: RequestDetails) =>
    d.url.startsWith(extensionOrigin) || (d.initiator !== undefined && extensionOrigin.startsWith(d.initiator));
  const goals = new GoalsStore(browser.storage.local as unknown as StorageAreaLike);
  let endpoints: readonly CustomEndpoint[] | undefined;

  let hub: PanelHub | undefined;
  const store = new JourneyStore(browser.storage.session as unknown as StorageAreaLike, {
    onChange: (tab, changed, log) => hub?.changed(tab, changed, log),
  });
  hub = new PanelHub({ read: (tabId) => store.read(tabId), goals: () => goals.get() });
  // Only whether a decoder claims the request matters here, not the fields the panel shows.
  const merger = new Merger({ store, recognise: (req) => decodeRequest(req, endpoints, HITS_ONLY) !== null });

  const done = (d: RequestDetails, out: { status?: number; error?: string }, redirected: boolean) => {
    if (ownRequest(d)) return;
    // Cut as the hook cuts, so both views of one long URL still pair.
    const req = {
      requestId: d.requestId,
      ...cutUrl(d.url),
      method: d.method,
      type: d.type,
      t: d.timeStamp,
      ...(d.documentUrl ? { pageUrl: d.documentUrl } : {}),
    };
    // A write lost with a stopping worker takes this view with it (docs/counting.md).
    merger.netDone(d.tabId, req, out, redirected).catch(() => undefined);
  };
  const onRedirect = (d: RequestDetails) => done(d, { status: d.statusCode }, true);
  const onCompleted = (d: RequestDetails) => done(d, { status: d.statusCode }, false);
  const onError = (d: RequestDetails) => done(d, { error: d.error }, false);
  const wr = browser.webRequest;
  type Filter = Parameters<typeof wr.onCompleted.addListener>[1];
  /**
   * Listens only to tracking URLs (the decoders' patterns plus the goals' custom endpoints):
   * Chromium dispatches each matching request's event to this worker, and that dispatch is what
   * the page pays for. On a loop of 200 beacons listeners on <all_urls> measured 1.25x the plain
   * browser, filtered ones about 1.1x; on a page whose traffic is not tracking the worker gets no
   * event at all (docs/performance.md#capture).
   */
  const listen = (extra: readonly string[]) => {
    const urls = [...TRACKING_PATTERNS, ...extra];
    for (const [event, fn] of [
      [wr.onBeforeRedirect, onRedirect],
      [wr.onCompleted, onCompleted],
      [wr.onErrorOccurred, onError],
    ] as const) {
      if (event.hasListener(fn as never)) event.removeListener(fn as never);
    }
    // Redirects and errors are rare, so they cost nothing on the page's hot path: all types.
    wr.onBeforeRedirect.addListener(onRedirect as never, { urls, types: [...TYPES] } as unknown as Filter);
    wr.onErrorOccurred.addListener(onError as never, { urls, types: [...TYPES] } as unknown as Filter);
    // Not for beacons (type ping): every beacon completes, so this is the event that fires once
    // per beacon. The hook records each beacon with its body, and a beacon that fails still
    // arrives through onErrorOccurred; what is lost is only the HTTP status of a beacon the
    // collector answered (an HTTP error response is still a completion). See docs/counting.md.
    wr.onCompleted.addListener(onCompleted as never, { urls, types: TYPES.filter((t) => t !== 'ping') } as unknown as Filter);
  };
  let listening = '';
  const listenFor = (eps: readonly CustomEndpoint[] | undefined) => {
    const extra = endpointPatterns(eps);
    if (extra.join(' ') === listening) return;
    listening = extra.join(' ');
    listen(extra);
  };
  // In the first turn, so a waking event reaches a listener; custom endpoints join once read.
  listen([]);
  void goals.get().then((g) => {
    endpoints = g.endpoints;
    listenFor(endpoints);
  });

  browser.webNavigation.onCommitted.addListener((d) => {
    if (d.frameId !== 0 || d.tabId < 0 || !/^https?:/.test(d.url)) return;
    merger.navigation(d.tabId, { url: d.url, t: d.timeStamp, transition: d.transitionType }).catch(() => undefined);
  });

  // Soft navigations (single-page apps), merged with the hook's record of the same change.
  const softNavigation =
    (how: 'history' | 'fragment') =>
    (d: { frameId: number; tabId: number; url: string; timeStamp: number; transitionQualifiers?: string[] }) => {
      if (d.frameId !== 0 || d.tabId < 0 || !/^https?:/.test(d.url)) return;
      void merger.route(d.tabId, {
        url: d.url,
        t: d.timeStamp,
        how,
        backForward: d.transitionQualifiers?.includes('forward_back') ?? false,
      });
    };
  browser.webNavigation.onHistoryStateUpdated.addListener(softNavigation('history'));
  browser.webNavigation.onReferenceFragmentUpdated.addListener(softNavigation('fragment'));

  browser.runtime.onMessage.addListener(((message: unknown, sender: Parameters<typeof handleMessage>[1]) =>
    handleMessage(message, sender, {
      extensionOrigin,
      capture: (tab, batch) => merger.capture(tab, batch),
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
        listenFor(endpoints);
        if (r.goals) hub?.goals(r.goals);
        return { ok: true };
      },
      replay: (events, g) => replay(events, g),
    })) as never);

  browser.runtime.onConnect.addListener((port) => {
    if (port.name === PANEL_PORT && port.sender?.url?.startsWith(extensionOrigin)) hub?.connect(port as never);
  });
}
