/**
 * The panel's one store. A transport feeds the live recording; the engine turns the shown
 * events + the goals into one report, and every view derives from that report and the events.
 */
import { batch, computed, signal, type ReadonlySignal } from '@preact/signals';
import { GOALS_FORMAT, type GoalsDoc } from '../formats/goals';
import { journeyFormatOf, type JourneyEvent } from '../formats/journey';
import { REPORT_FORMAT, type Report } from '../formats/report';
import type { StoredEvent } from '../messages';
import type { PanelEngine, Verdict } from './engine';
import { initialLiveState, reduce, type LiveState } from './reducer';
import { hitsCsv } from '../export/hits-csv';
import { droppedNotice } from './dropped';
import { buildTagModel, type TagModel, type TagPage } from './tags';
import type { PanelTransport } from './transport';

export const DEFAULT_GOALS: GoalsDoc = { format: GOALS_FORMAT, goals: [] };

export interface Notice {
  kind: 'error' | 'info';
  text: string;
}

export interface ExportFile {
  name: string;
  mime: string;
  text: string;
}

export interface PanelStore {
  tabId?: number;
  live: ReadonlySignal<LiveState>;
  /** An imported journey shown instead of the live recording, with its file name. */
  imported: ReadonlySignal<{ name: string; events: JourneyEvent[] } | null>;
  goals: ReadonlySignal<GoalsDoc>;
  events: ReadonlySignal<readonly (JourneyEvent & { id?: string })[]>;
  /** The report, or the sentence saying why the engine could not produce one. */
  result: ReadonlySignal<Verdict<Report>>;
  report: ReadonlySignal<Report | null>;
  tags: ReadonlySignal<TagModel>;
  notice: ReadonlySignal<Notice | null>;
  dismissNotice(): void;
  /** Live validation of goals text (nothing is stored). */
  checkGoals(text: string): Verdict<GoalsDoc>;
  /** Validate and store a goals document given as text; the previous goals stay on failure. */
  saveGoals(text: string, file?: string): Promise<Verdict<GoalsDoc>>;
  /** Goals JSON, journey JSON or HAR, recognised by content. A bad file changes nothing. */
  importFile(name: string, text: string): Promise<boolean>;
  backToLive(): void;
  clear(): Promise<void>;
  exportGoals(): ExportFile;
  exportJourney(): ExportFile;
  exportHar(): ExportFile;
  /** One row per hit of these pages (default: all), with these decoded parameters (raw keys) as extra columns. */
  exportHitsCsv(paramColumns: readonly string[], pages?: readonly TagPage[]): ExportFile;
  exportReport(): ExportFile | null;
  dispose(): void;
}

export interface StoreOptions {
  transport: PanelTransport;
  engine: PanelEngine;
  tabId?: number;
}

function sniffFormat(text: string): unknown {
  try {
    const v: unknown = JSON.parse(text);
    return v && typeof v === 'object' ? (v as { format?: unknown }).format : undefined;
  } catch {
    return undefined; // the real parser below says where the JSON is broken
  }
}

const stamp = () => new Date().toISOString().replace(/[:.]/g, '-').slice(0, 19);

export function createPanelStore({ transport, engine, tabId }: StoreOptions): PanelStore {
  const live = signal<LiveState>(initialLiveState(tabId));
  const imported = signal<{ name: string; events: JourneyEvent[] } | null>(null);
  const localGoals = signal<GoalsDoc | null>(null);
  const notice = signal<Notice | null>(null);

  const goals = computed(() => localGoals.value ?? live.value.goals ?? DEFAULT_GOALS);
  const events = computed<readonly (JourneyEvent & { id?: string })[]>(() => imported.value?.events ?? live.value.events);
  const result = computed(() => {
    try {
      return engine.replay(events.value, goals.value);
    } catch (e) {
      return { ok: false as const, error: `The report could not be computed: ${e instanceof Error ? e.message : String(e)}` };
    }
  });
  const report = computed(() => (result.value.ok ? result.value.value : null));
  const tags = computed(() => buildTagModel(events.value, engine, report.value?.findings ?? [], goals.value.endpoints));

  const unsubscribe = transport.subscribe(tabId, (push) => {
    live.value = reduce(live.value, push);
    // The background is the source of truth once it confirms a goals document.
    if (push.type === 'goals' || push.type === 'snapshot') localGoals.value = null;
  });

  async function saveGoals(text: string, file = 'goals'): Promise<Verdict<GoalsDoc>> {
    const checked = engine.parseGoals(text, file);
    if (!checked.ok) return checked;
    let verdict: Awaited<ReturnType<PanelTransport['setGoals']>>;
    try {
      verdict = await transport.setGoals(checked.value);
    } catch (e) {
      verdict = { ok: false, error: `The goals could not be stored: ${e instanceof Error ? e.message : String(e)}` };
    }
    if (!verdict.ok) return { ok: false, error: verdict.error };
    localGoals.value = checked.value;
    return checked;
  }

  async function importFile(name: string, text: string): Promise<boolean> {
    const format = sniffFormat(text);
    if (format === GOALS_FORMAT) {
      const saved = await saveGoals(text, name);
      notice.value = saved.ok ? { kind: 'info', text: `Goals loaded from ${name}.` } : { kind: 'error', text: saved.error };
      return saved.ok;
    }
    if (format === REPORT_FORMAT) {
      notice.value = { kind: 'error', text: `${name}: a report cannot be imported; import the journey or HAR it came from.` };
      return false;
    }
    const journey = engine.parseJourney(text, name);
    if (!journey.ok) {
      notice.value = { kind: 'error', text: journey.error };
      return false;
    }
    batch(() => {
      imported.value = { name, events: journey.value };
      notice.value = { kind: 'info', text: `Showing ${name} (${journey.value.length} events) instead of the live recording.` };
    });
    return true;
  }

  /** Drops of the live recording; an imported file is shown as it is. */
  const liveDropped = () => (imported.value ? 0 : live.value.dropped);
  const json = (v: unknown) => `${JSON.stringify(v, null, 2)}\n`;
  const plainEvents = () =>
    events.value.map((e) => {
      const { id: _id, ...rest } = e as StoredEvent;
      return rest as JourneyEvent;
    });

  return {
    tabId,
    live,
    imported,
    goals,
    events,
    result,
    report,
    tags,
    notice,
    dismissNotice: () => (notice.value = null),
    checkGoals: (text) => engine.parseGoals(text, 'goals'),
    saveGoals,
    importFile,
    backToLive: () => {
      batch(() => {
        imported.value = null;
        notice.value = null;
      });
    },
    async clear() {
      if (imported.value) imported.value = null;
      else await transport.clear(tabId);
    },
    exportGoals: () => ({ name: 'goals.json', mime: 'application/json', text: json(goals.value) }),
    exportJourney: () => ({
      name: `journey-${stamp()}.json`,
      mime: 'application/json',
      text: json({
        format: journeyFormatOf(plainEvents()),
        events: plainEvents().map((e) => ({ ...e, t: new Date(e.t).toISOString() })),
        // As the background's own journey says it (an extra field readers may ignore).
        ...(liveDropped() > 0 ? { dropped: liveDropped() } : {}),
      }),
    }),
    exportHar: () => ({
      name: `journey-${stamp()}.har`,
      mime: 'application/json',
      text: engine.toHar(plainEvents(), droppedNotice(liveDropped())),
    }),
    exportHitsCsv: (paramColumns, pages = tags.value.pages) => ({
      name: `hits-${stamp()}.csv`,
      mime: 'text/csv',
      text: hitsCsv(pages, paramColumns),
    }),
    exportReport: () => (report.value ? { name: `report-${stamp()}.json`, mime: 'application/json', text: json(report.value) } : null),
    dispose: unsubscribe,
  };
}
