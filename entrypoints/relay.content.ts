import { browser } from 'wxt/browser';
import { parseBatch } from '@/lib/capture/validate';
import { ENDPOINTS_EVENT, HOOK_EVENT } from '@/lib/capture/records';
import { endpointPatterns, patternsSource } from '@/lib/decoders/network-patterns';
import { GOALS_KEY } from '@/lib/extension/goals-store';
import type { CustomEndpoint } from '@/lib/formats/goals';

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

    // The hook records only tracking URLs; the goals' custom endpoints are tracking too, and
    // only the extension knows them. Compiled here so the page world never runs our parsing.
    function tellHook(goals: unknown): void {
      const eps = (goals as { endpoints?: unknown } | undefined)?.endpoints;
      const source = patternsSource(endpointPatterns(Array.isArray(eps) ? (eps as CustomEndpoint[]) : []));
      window.dispatchEvent(new CustomEvent(ENDPOINTS_EVENT, { detail: source }));
    }
    browser.storage.local.get(GOALS_KEY).then(
      (got) => tellHook(got[GOALS_KEY]),
      () => {
        // Storage unreadable: the hook keeps recording every URL and the merger sorts them.
      },
    );
    browser.storage.onChanged.addListener((changes, area) => {
      if (area === 'local' && changes[GOALS_KEY]) tellHook(changes[GOALS_KEY].newValue);
    });
  },
});
