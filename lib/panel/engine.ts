/**
 * What the panel needs from the engine, the formats and the decoders, as one injectable
 * object: the store and the views depend on this shape, and `default-engine.ts` binds it to
 * the real modules (tests use the real ones too; the seam keeps lib/panel free of wiring).
 */
import type { Decoded, RawPush, RawRequest } from '../decoders/types';
import type { CustomEndpoint, GoalsDoc } from '../formats/goals';
import type { JourneyEvent } from '../formats/journey';
import type { Report } from '../formats/report';

export type Verdict<T> = { ok: true; value: T } | { ok: false; error: string };

export interface PanelEngine {
  /** The report for these events under these goals; an error sentence instead of throwing. */
  replay(events: readonly JourneyEvent[], goals: GoalsDoc): Verdict<Report>;
  /** Goals JSON text checked against the schema. */
  parseGoals(text: string, file: string): Verdict<GoalsDoc>;
  /** Journey JSON or a HAR file, by content. */
  parseJourney(text: string, file: string): Verdict<JourneyEvent[]>;
  /** HAR 1.2 text for these events, with `comment` as the log's comment when given. */
  toHar(events: readonly JourneyEvent[], comment?: string): string;
  decodeRequest(req: RawRequest, endpoints?: readonly CustomEndpoint[]): Decoded | null;
  decodePush(push: RawPush): Decoded | null;
}
