/**
 * Feeds both views into the store: hook batches from the relay, webRequest and webNavigation
 * events. Requests the network view does not keep are remembered briefly in memory (not in
 * storage: that is the cost being avoided) so a hook record arriving later still gets its
 * status. Everything that matters after a restart is in the store.
 */
import type { JourneyStore } from './journey-store';
import { keepHookRequest, keepNetRequest } from './keep';
import {
  addHookRequest,
  addNavigation,
  addNetOutcome,
  addNetRequest,
  addPage,
  addPush,
  apiMatchesType,
  hasNetPartner,
  PAIR_WINDOW_MS,
  takeBatch,
  type NetOutcome,
  type NetRequest,
} from './merge';
import { addNetRoute, addRoute, type NetRoute } from './merge-routes';
import type { CaptureRecord, RequestRecord } from './records';
import type { LogEntry } from './tab-log';

interface Seen {
  tab: number;
  url: string;
  method: string;
  type: string;
  t: number;
  status?: number;
  error?: string;
  final: boolean;
  /** In the store (kept, or paired with a hook record). */
  stored: boolean;
}

const RING_SIZE = 2_000;

/**
 * How long the network's view of a request may wait for a storage write. It comes once per
 * tracking request and nothing could send it again, so a worker stopped meanwhile loses it
 * either way; waiting lets one write carry a burst (bench/capture.bench.ts: one `set` for
 * every two requests of a busy page otherwise, see docs/performance.md).
 */
export const NET_WRITE_DELAY_MS = 100;

export interface MergerDeps {
  store: JourneyStore;
  /** Whether a decoder recognises the request (custom endpoints included). */
  recognise(req: { url: string; method: string; body?: string; pageUrl?: string }): boolean;
}

/** What a hook record and a network request must share to be one request. */
const sameRequest = (tab: number, url: string, method: string) => `${tab} ${method} ${url}`;

export class Merger {
  private readonly seen = new Map<string, Seen>();
  /** The ids in `seen` by sameRequest, oldest first: a hook record looks only at its own URL's. */
  private readonly byRequest = new Map<string, string[]>();

  constructor(private readonly deps: MergerDeps) {}

  private remember(id: string, s: Seen): void {
    this.forget(id);
    this.seen.set(id, s);
    const key = sameRequest(s.tab, s.url, s.method);
    const ids = this.byRequest.get(key);
    if (ids) ids.push(id);
    else this.byRequest.set(key, [id]);
    if (this.seen.size > RING_SIZE) {
      const oldest = this.seen.keys().next().value;
      if (oldest !== undefined) this.forget(oldest);
    }
  }

  private forget(id: string): void {
    const s = this.seen.get(id);
    if (!s) return;
    this.seen.delete(id);
    const key = sameRequest(s.tab, s.url, s.method);
    const ids = this.byRequest.get(key);
    const at = ids?.indexOf(id) ?? -1;
    if (at >= 0) ids!.splice(at, 1);
    if (ids?.length === 0) this.byRequest.delete(key);
  }

  /** The oldest unkept, unpaired network request matching a hook record. */
  private takeSeen(tab: number, rec: RequestRecord): { requestId: string; s: Seen } | undefined {
    for (const requestId of this.byRequest.get(sameRequest(tab, rec.url, rec.method)) ?? []) {
      const s = this.seen.get(requestId) as Seen;
      if (s.stored || Math.abs(s.t - rec.t) > PAIR_WINDOW_MS || !apiMatchesType(rec.api, s.type)) continue;
      return { requestId, s };
    }
    return undefined;
  }

  /**
   * A validated batch from one tab's relay: `records[i]` has sequence number `seq + i` in the
   * relay `doc` (undefined where the background refused a record: its number is used up).
   * Records already stored (a batch sent again after a restart) are skipped; resolves once the
   * rest is in storage.
   */
  capture(tab: number, batch: { doc: string; seq: number; records: readonly (CaptureRecord | undefined)[] }): Promise<LogEntry[]> {
    return this.deps.store.update(tab, (log) => {
      const changed: LogEntry[] = [];
      const skip = takeBatch(log, batch.doc, batch.seq, batch.records.length);
      for (const rec of batch.records.slice(skip)) {
        if (!rec) continue;
        if (rec.kind === 'push') changed.push(addPush(log, tab, rec));
        else if (rec.kind === 'page') changed.push(addPage(log, tab, rec));
        else if (rec.kind === 'route') changed.push(addRoute(log, tab, rec));
        else {
          let found: { requestId: string; s: Seen } | undefined;
          if (!hasNetPartner(log, rec)) {
            const recognised = this.deps.recognise({ url: rec.url, method: rec.method, body: rec.body, pageUrl: rec.pageUrl });
            if (!keepHookRequest(rec.api, rec.url, rec.pageUrl, recognised)) continue;
            found = this.takeSeen(tab, rec);
          }
          const net = found
            ? { requestId: found.requestId, type: found.s.type, status: found.s.status, error: found.s.error, final: found.s.final }
            : undefined;
          if (found) found.s.stored = true;
          changed.push(addHookRequest(log, tab, rec, net));
        }
      }
      return changed;
    });
  }

  /** webRequest.onBeforeRequest. */
  netStart(tab: number, req: NetRequest): Promise<LogEntry[]> {
    const prev = this.seen.get(req.requestId);
    const redirect = prev !== undefined && prev.url !== req.url;
    const keep = (redirect && prev.stored) || keepNetRequest(req.type, () => this.deps.recognise(req));
    const s: Seen = { tab, url: req.url, method: req.method, type: req.type, t: req.t, final: false, stored: false };
    this.remember(req.requestId, s);
    return this.deps.store.update(tab, (log) => {
      // A hook record that arrived first may have claimed this request already.
      if (s.stored) return undefined;
      const entry = addNetRequest(log, tab, { ...req, redirect }, keep);
      if (!entry) return undefined;
      s.stored = true;
      return [entry];
    });
  }

  /** onBeforeRedirect / onCompleted / onErrorOccurred. */
  netOutcome(tab: number, requestId: string, out: NetOutcome): Promise<LogEntry[]> {
    const s = this.seen.get(requestId);
    if (s) {
      if (out.status !== undefined) s.status = out.status;
      if (out.error !== undefined) s.error = out.error;
      s.final = out.final;
    }
    return this.deps.store.update(tab, (log) => {
      // Unkept and unpaired: nothing in storage to update (checked in turn: a start may be queued).
      if (s && !s.stored) return undefined;
      const e = addNetOutcome(log, requestId, out);
      return e ? [e] : undefined;
    });
  }

  /**
   * The network's whole view of a request (or of one redirect hop) at once, from
   * webRequest.onCompleted / onErrorOccurred / onBeforeRedirect, in one store update: these
   * events come once per request of the page, so each costs one turn of the store, not two.
   */
  async netDone(tab: number, req: NetRequest, out: { status?: number; error?: string }, redirected: boolean): Promise<void> {
    const prev = this.seen.get(req.requestId);
    const redirect = prev !== undefined && prev.url !== req.url;
    const final = !redirected;
    const keep = (redirect && prev.stored) || keepNetRequest(req.type, () => this.deps.recognise(req));
    // Outcome known up front: a hook record claiming this request meanwhile takes its status.
    const s: Seen = { tab, url: req.url, method: req.method, type: req.type, t: req.t, final, stored: false };
    if (out.status !== undefined) s.status = out.status;
    if (out.error !== undefined) s.error = out.error;
    this.remember(req.requestId, s);
    await this.deps.store.update(
      tab,
      (log) => {
        if (s.stored) return undefined;
        const entry = addNetRequest(log, tab, { ...req, redirect }, keep);
        if (!entry) return undefined;
        s.stored = true;
        addNetOutcome(log, req.requestId, { ...out, final });
        return [entry];
      },
      NET_WRITE_DELAY_MS,
    );
  }

  /** webNavigation.onHistoryStateUpdated / onReferenceFragmentUpdated for a top-level frame. */
  route(tab: number, nav: NetRoute): Promise<LogEntry[]> {
    return this.deps.store.update(tab, (log) => {
      const entry = addNetRoute(log, tab, nav);
      return entry ? [entry] : undefined;
    });
  }

  /** webNavigation.onCommitted for a top-level frame. */
  navigation(tab: number, nav: { url: string; t: number; transition?: string }): Promise<LogEntry[]> {
    return this.deps.store.update(tab, (log) => [addNavigation(log, tab, nav)]);
  }
}
