/**
 * The background's answers to runtime messages (surfaces.md "Messages"). Content scripts may
 * only deliver capture batches, re-validated here; everything else must come from the
 * extension's own pages (panel, popup, tests), so a web page can make the extension do nothing
 * but record.
 */
import type { GoalsDoc } from '../formats/goals';
import type { Report } from '../formats/report';
import type { JourneyEvent } from '../formats/journey';
import { isMessage, type Message } from '../messages';
import { fromSender, validateRelayBatch } from '../capture/validate';
import type { CaptureRecord } from '../capture/records';
import type { TabView } from '../capture/journey-store';
import type { SetGoalsResult } from '../messages';
import { toJourney } from './journey-view';

export interface SenderLike {
  tab?: { id?: number };
  frameId?: number;
  url?: string;
  id?: string;
}

export interface HandlerDeps {
  /** `chrome-extension://<id>/` */
  extensionOrigin: string;
  /** Resolves once the batch's records are stored (see Merger.capture). */
  capture(tab: number, batch: { doc: string; seq: number; records: (CaptureRecord | undefined)[] }): Promise<unknown>;
  /** Epoch ms now (records far from it are refused). */
  now?(): number;
  read(tabId?: number): Promise<TabView[]>;
  clear(tabId?: number): Promise<void>;
  getGoals(): Promise<GoalsDoc>;
  setGoals(goals: unknown): Promise<SetGoalsResult>;
  replay(events: readonly JourneyEvent[], goals: GoalsDoc): Report;
}

const optTab = (v: unknown): v is number | undefined => v === undefined || Number.isInteger(v);

/** The answer to one message, or undefined when the message is not ours to answer. */
export async function handleMessage(message: unknown, sender: SenderLike, deps: HandlerDeps): Promise<unknown> {
  if (!isMessage(message)) return undefined;
  const fromExtension = typeof sender.url === 'string' && sender.url.startsWith(deps.extensionOrigin);
  const m = message as Message;
  if (m.type === 'goalpost:capture') {
    const tab = sender.tab?.id;
    const from = sender.url;
    if (fromExtension || tab === undefined || tab < 0 || typeof from !== 'string') return { ok: false };
    const now = deps.now?.() ?? Date.now();
    // Only the top frame's own page record says what the tab shows; every record must name the
    // sending frame's origin and a time near now (see fromSender).
    const batch = validateRelayBatch(m, (r) => (r.kind !== 'page' || sender.frameId === 0) && fromSender(r, from, now));
    if (!batch) return { ok: false };
    // Answered only once stored: a relay whose message dies with the worker sends it again.
    await deps.capture(tab, batch);
    return { ok: true, next: batch.seq + batch.records.length };
  }
  if (!fromExtension) return undefined;
  switch (m.type) {
    case 'goalpost:journey':
      if (!optTab(m.tabId)) return undefined;
      return toJourney(await deps.read(m.tabId));
    case 'goalpost:report': {
      if (!optTab(m.tabId)) return undefined;
      const [views, goals] = await Promise.all([deps.read(m.tabId), deps.getGoals()]);
      return deps.replay(toJourney(views).events, goals);
    }
    case 'goalpost:set-goals':
      return deps.setGoals(m.goals);
    case 'goalpost:get-goals':
      return deps.getGoals();
    case 'goalpost:clear':
      if (!optTab(m.tabId)) return undefined;
      await deps.clear(m.tabId);
      return { ok: true };
    default:
      return undefined;
  }
}
