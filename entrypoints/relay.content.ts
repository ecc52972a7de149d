import { browser } from 'wxt/browser';
import { parseBatch } from '@/lib/capture/validate';
import { CHANNEL_EVENT, ENDPOINTS_EVENT, HOOK_EVENT, type RelayBatch } from '@/lib/capture/records';
import { Outbox, type Answer } from '@/lib/capture/relay-outbox';
import { endpointPatterns, patternsSource } from '@/lib/decoders/network-patterns';
import { GOALS_KEY } from '@/lib/extension/goals-store';
import type { CustomEndpoint } from '@/lib/formats/goals';

/** How far a hook record's time may be outside this document's lifetime (clock rounding). */
const SKEW_MS = 1_000;

/** A random id for this document (crypto.randomUUID exists only in secure contexts; http pages are not). */
function documentId(): string {
  const bytes = crypto.getRandomValues(new Uint8Array(16));
  return Array.from(bytes, (b) => b.toString(16).padStart(2, '0')).join('');
}

// Isolated world: the only bridge from the page to the extension, and it can only record.
export default defineContentScript({
  matches: ['<all_urls>'],
  runAt: 'document_start',
  allFrames: true,
  matchAboutBlank: true,
  main() {
    // The private channel (records.ts): offered once, before any page script exists. If no
    // hook takes it (the hook did not install), there is nothing to relay.
    const { port1: port } = new MessageChannel();
    const offer = new MessageEvent(CHANNEL_EVENT, { ports: [port], cancelable: true });
    if (window.dispatchEvent(offer)) return;

    const outbox = new Outbox({
      doc: documentId(),
      setTimeout: (fn, ms) => setTimeout(fn, ms),
      send(batch: RelayBatch): Promise<Answer> {
        return (browser.runtime.sendMessage({ type: 'goalpost:capture', ...batch }) as Promise<Answer>).catch((e: unknown) => {
          // The extension was reloaded or removed: nothing will answer again.
          if (/context invalidated/i.test(String((e as Error | undefined)?.message ?? e))) outbox.close();
          throw e;
        });
      },
    });

    port.addEventListener(HOOK_EVENT, (event) => {
      if (!(event instanceof CustomEvent)) return;
      const records = parseBatch(event.detail);
      if (!records) return;
      // The hook stamps records with this document's clock: anything outside its life is not the hook's.
      const now = Date.now();
      const born = performance.timeOrigin - SKEW_MS;
      outbox.add(records.filter((r) => r.t >= born && r.t <= now + SKEW_MS));
      if (leaving) outbox.flushAll();
    });
    // The document is being left and will not be there to retry: from the hook's pagehide flush
    // on (it listened first) to the page's own last beacons, everything goes out at once.
    let leaving = false;
    window.addEventListener(
      'pagehide',
      () => {
        leaving = true;
        outbox.flushAll();
      },
      true,
    );
    window.addEventListener('pageshow', () => (leaving = false), true);

    // The hook records only tracking URLs; the goals' custom endpoints are tracking too, and
    // only the extension knows them. Compiled here so the page world never runs our parsing.
    function tellHook(goals: unknown): void {
      const eps = (goals as { endpoints?: unknown } | undefined)?.endpoints;
      const source = patternsSource(endpointPatterns(Array.isArray(eps) ? (eps as CustomEndpoint[]) : []));
      port.dispatchEvent(new CustomEvent(ENDPOINTS_EVENT, { detail: source }));
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
