/**
 * The extension transport: a long-lived runtime port for pushes, runtime messages for requests.
 * The MV3 service worker may stop at any time and drop the port; reconnecting re-subscribes and
 * the background answers with a fresh snapshot, so nothing is lost.
 */
import { browser } from 'wxt/browser';
import { PANEL_PORT, type PanelPush, type PanelRequest, type SetGoalsResult } from '../messages';
import { throttlePushes } from './push-throttle';
import type { PanelTransport } from './transport';

export function createPortTransport(): PanelTransport {
  return {
    subscribe(tabId, onPush) {
      const pushes = throttlePushes(onPush);
      let closed = false;
      let port: ReturnType<typeof browser.runtime.connect> | undefined;
      let retry: ReturnType<typeof setTimeout> | undefined;
      let delay = 250;
      const connect = () => {
        if (closed) return;
        try {
          port = browser.runtime.connect({ name: PANEL_PORT });
        } catch {
          retry = setTimeout(connect, 1000);
          return;
        }
        port.onMessage.addListener((msg: unknown) => {
          delay = 250;
          pushes.push(msg as PanelPush);
        });
        port.onDisconnect.addListener(() => {
          // Reading lastError marks it handled, so a stopped worker is not reported as an error.
          void browser.runtime.lastError;
          port = undefined;
          if (closed) return;
          retry = setTimeout(connect, delay);
          delay = Math.min(delay * 2, 5000);
        });
        const subscribe: PanelRequest = { type: 'subscribe', tabId };
        port.postMessage(subscribe);
      };
      connect();
      return () => {
        closed = true;
        pushes.stop();
        if (retry) clearTimeout(retry);
        port?.disconnect();
      };
    },
    async setGoals(goals) {
      const answer = (await browser.runtime.sendMessage({ type: 'goalpost:set-goals', goals })) as SetGoalsResult | undefined;
      return answer ?? { ok: false, error: 'The extension did not answer; try again.' };
    },
    async clear(tabId) {
      await browser.runtime.sendMessage({ type: 'goalpost:clear', tabId });
    },
  };
}
