import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import type { GoalsDoc } from '../../lib/formats/goals';
import type { Report } from '../../lib/formats/report';
import type { StoredEvent } from '../../lib/messages';
import { defaultEngine } from '../../lib/panel/default-engine';
import type { PanelEngine } from '../../lib/panel/engine';
import { createMemoryTransport, type MemoryTransport } from '../../lib/panel/memory-transport';
import { createPanelStore, type ExportFile, type PanelStore } from '../../lib/panel/store';
import type { Platform } from '../../components/platform';

export const fixtureText = (name: string) => readFileSync(resolve(import.meta.dirname, 'fixtures', name), 'utf8');

export function fixtureEvents(name = 'shop.journey.json'): StoredEvent[] {
  const parsed = defaultEngine.parseJourney(fixtureText(name), name);
  if (!parsed.ok) throw new Error(parsed.error);
  return parsed.value.map((e, i) => ({ ...e, id: `ev${i}` }));
}

export function fixtureGoals(name = 'shop.goals.json'): GoalsDoc {
  const parsed = defaultEngine.parseGoals(fixtureText(name), name);
  if (!parsed.ok) throw new Error(parsed.error);
  return parsed.value;
}

export const fixtureReport = (name = 'shop.report.json'): Report => JSON.parse(fixtureText(name)) as Report;

/**
 * The real formats and decoders; the report is the hand-written fixture (formats.md §3) so the
 * views are tested against a known report independent of the engine's own tests.
 */
export function engineWithReport(report: Report): PanelEngine {
  return { ...defaultEngine, replay: () => ({ ok: true, value: report }) };
}

export interface Fixture {
  store: PanelStore;
  transport: MemoryTransport;
  events: StoredEvent[];
  goals: GoalsDoc;
}

export function fixtureStore(opts: { report?: Report; events?: StoredEvent[]; engine?: PanelEngine; tabId?: number } = {}): Fixture {
  const events = opts.events ?? fixtureEvents();
  const goals = fixtureGoals();
  const transport = createMemoryTransport({
    snapshot: (tabId) => ({ type: 'snapshot', tabId, events, dropped: 0, goals }),
    acceptGoals: (g) => {
      const v = defaultEngine.parseGoals(JSON.stringify(g), 'goals');
      return v.ok ? { ok: true } : { ok: false, error: v.error };
    },
  });
  const engine = opts.engine ?? engineWithReport(opts.report ?? fixtureReport());
  const store = createPanelStore({ transport, engine, tabId: opts.tabId ?? 7 });
  return { store, transport, events, goals };
}

/** A platform that keeps what the views copy and download, for the tests to read. */
export function recordingPlatform(): { platform: Platform; copied: string[]; downloads: ExportFile[] } {
  const copied: string[] = [];
  const downloads: ExportFile[] = [];
  const platform: Platform = {
    copy: async (t) => {
      copied.push(t);
      return true;
    },
    download: (f) => downloads.push(f),
  };
  return { platform, copied, downloads };
}
