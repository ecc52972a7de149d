import { browser } from 'wxt/browser';
import { parseBatch } from '@/lib/capture/validate';
import { HOOK_EVENT } from '@/lib/capture/records';

// Isolated world: the only bridge from the page to the extension, and it can only record.
export default defineContentScript({
  matches: ['<all_urls>'],
  runAt: 'document_start',
  allFrames: true,
  matchAboutBlank: true,
  main() {
    window.addEventListener(HOOK_EVENT, (event) => {
      if (!(event instanceof CustomEvent) || event.target !== window) return;
      const detail: unknown = event.detail;
      // Validate and send after the page's own task: the hook dispatches synchronously.
      // (On pagehide the document lives until the task ends, so the send still goes out.)
      queueMicrotask(() => forward(detail));
    });
    function forward(detail: unknown): void {
      const records = parseBatch(detail);
      if (!records) return;
      browser.runtime.sendMessage({ type: 'goalpost:capture', records }).catch(() => {
        // The extension was reloaded or is updating; this page's records are lost, the page is not.
      });
    }
  },
});
