/**
 * The one typed message map shared by every extension context (background, relay, panel,
 * popup) and by the CLI's audits and the e2e tests, which send the same plain objects.
 * The wire shape `{ type: "goalpost:…", … }` is fixed by the spec (surfaces.md), so this is a
 * thin typed layer over runtime.sendMessage rather than a messaging library with its own envelope.
 */
import type { GoalsDoc } from './formats/goals';
import type { Journey, JourneyEvent } from './formats/journey';
import type { Report } from './formats/report';
import type { RelayBatch } from './capture/records';

export type SetGoalsResult = { ok: true } | { ok: false; error: string };

export interface MessageMap {
  /** The journey of one tab, or of the whole browser when tabId is absent. */
  'goalpost:journey': { request: { tabId?: number }; response: Journey };
  /** The engine's report for one tab, or the whole browser. */
  'goalpost:report': { request: { tabId?: number }; response: Report };
  /** Store a goals document; an invalid one is refused with one sentence and the old one kept. */
  'goalpost:set-goals': { request: { goals: unknown }; response: SetGoalsResult };
  'goalpost:get-goals': { request: Record<string, never>; response: GoalsDoc };
  /** Forget what was recorded for one tab, or everything. */
  'goalpost:clear': { request: { tabId?: number }; response: { ok: true } };
  /** Relay → background: a numbered batch of what the page-world hook saw (records.ts). */
  'goalpost:capture': { request: RelayBatch; response: { ok: true; next: number } | { ok: false } };
}

export type MessageType = keyof MessageMap;
export type Message<K extends MessageType = MessageType> = {
  [P in K]: { type: P } & MessageMap[P]['request'];
}[K];
export type Response<K extends MessageType> = MessageMap[K]['response'];

export const MESSAGE_TYPES: readonly MessageType[] = [
  'goalpost:journey',
  'goalpost:report',
  'goalpost:set-goals',
  'goalpost:get-goals',
  'goalpost:clear',
  'goalpost:capture',
];

export function isMessage(value: unknown): value is Message {
  return (
    typeof value === 'object' &&
    value !== null &&
    typeof (value as { type?: unknown }).type === 'string' &&
    (MESSAGE_TYPES as readonly string[]).includes((value as { type: string }).type)
  );
}

/** A stored journey event carries a stable id so the panel can apply updates (status arriving later). */
export type StoredEvent = JourneyEvent & { id: string };

/** Name of the long-lived port the panel opens to get live updates. */
export const PANEL_PORT = 'goalpost:panel';

/** Panel → background over PANEL_PORT. */
export type PanelRequest = { type: 'subscribe'; tabId?: number };

/** Background → panel over PANEL_PORT. */
export type PanelPush =
  | { type: 'snapshot'; tabId?: number; events: StoredEvent[]; dropped: number; goals: GoalsDoc }
  | { type: 'upsert'; tabId?: number; events: StoredEvent[]; dropped: number }
  | { type: 'goals'; goals: GoalsDoc }
  | { type: 'cleared'; tabId?: number };
