/**
 * The relay's side of durable capture: every record the hook hands over gets the next sequence
 * number of this document, waits in the outbox, and leaves it only when the background answers
 * that it is stored (`{ ok: true, next }`: every number below `next`). A message lost with a
 * stopped service worker (rejected, or never answered) is sent again after a short pause; the
 * background stores each number once (merge.ts takeBatch), so sending twice never doubles.
 * One message is in flight at a time, so records are stored in the order the page made them.
 */
import { LIMITS, type CaptureRecord, type RelayBatch } from './records';

export type Answer = { ok: true; next: number } | { ok: false } | undefined;

export interface OutboxDeps {
  /** This document's id, unique per document (a random UUID). */
  doc: string;
  send(batch: RelayBatch): Promise<Answer>;
  setTimeout(fn: () => void, ms: number): unknown;
}

/** First pause before sending again, doubled up to the last: a worker restarts in ~100 ms. */
export const RETRY_MS = [50, 100, 200, 400, 800, 1_000] as const;
/** A message unanswered this long is taken as lost (sending it again cannot double it). */
export const ANSWER_TIMEOUT_MS = 5_000;
/** Records kept unacknowledged at most (the oldest go first: an extension being updated, say). */
export const MAX_PENDING = 5_000;
/** Characters of records per message, well under runtime messaging's limits. */
const MAX_CHARS = 8_000_000;

export class Outbox {
  private pending: CaptureRecord[] = [];
  /** Sequence number of pending[0]. */
  private base = 0;
  private inFlight = false;
  private failures = 0;
  private closed = false;

  constructor(private readonly deps: OutboxDeps) {}

  /** Unacknowledged records (for tests and the figures). */
  get size(): number {
    return this.pending.length;
  }

  add(records: readonly CaptureRecord[]): void {
    if (this.closed) return;
    for (const r of records) this.pending.push(r);
    const over = this.pending.length - MAX_PENDING;
    if (over > 0) this.ack(this.base + over);
    this.pump();
  }

  /**
   * Sends everything unacknowledged now, whatever is in flight: the document is going away and
   * will not be there to retry (the numbers make a second copy harmless).
   */
  flushAll(): void {
    if (this.closed) return;
    for (const batch of this.batches())
      void this.deps.send(batch).then(
        (a) => this.answered(a),
        () => undefined,
      );
  }

  /** Stops for good (the extension was reloaded: nothing will ever answer). */
  close(): void {
    this.closed = true;
    this.pending = [];
  }

  private *batches(): Generator<RelayBatch> {
    let i = 0;
    while (i < this.pending.length) {
      const records: CaptureRecord[] = [];
      let chars = 0;
      while (i < this.pending.length && records.length < LIMITS.records) {
        const r = this.pending[i] as CaptureRecord;
        const size = JSON.stringify(r).length;
        if (records.length > 0 && chars + size > MAX_CHARS) break;
        records.push(r);
        chars += size;
        i++;
      }
      yield { doc: this.deps.doc, seq: this.base + i - records.length, records };
    }
  }

  private ack(next: number): void {
    if (next <= this.base) return;
    this.pending.splice(0, Math.min(next - this.base, this.pending.length));
    this.base = next;
  }

  private answered(a: Answer): void {
    if (a?.ok === true && Number.isSafeInteger(a.next)) this.ack(a.next);
  }

  private pump(): void {
    if (this.inFlight || this.closed || this.pending.length === 0) return;
    const batch = this.batches().next().value as RelayBatch;
    this.inFlight = true;
    let settled = false;
    const settle = (ok: boolean, a?: Answer): void => {
      if (settled) return;
      settled = true;
      this.inFlight = false;
      if (ok && a?.ok === true) {
        this.failures = 0;
        this.answered(a);
      } else if (ok && a?.ok === false) {
        // Refused as malformed: sending it again would be refused again.
        this.ack(batch.seq + batch.records.length);
      } else {
        const wait = RETRY_MS[Math.min(this.failures++, RETRY_MS.length - 1)] as number;
        this.deps.setTimeout(() => this.pump(), wait);
        return;
      }
      this.pump();
    };
    this.deps.setTimeout(() => settle(false), ANSWER_TIMEOUT_MS);
    let sent: Promise<Answer>;
    try {
      sent = this.deps.send(batch);
    } catch {
      // runtime.sendMessage throws at once when the extension is gone for good.
      this.close();
      return;
    }
    sent.then(
      (a) => settle(true, a),
      () => settle(false),
    );
  }
}
