/**
 * Every tab's log in storage.session, so a stopped service worker loses nothing. The in-memory
 * map is only a cache of storage: a tab's head and chunks are read from storage before the first
 * change a worker makes to that tab, all changes run one at a time, and `update` resolves only
 * once storage holds its change. Writes are group commits, not delayed: changes queued while a
 * write is waiting its turn join it, so a beacon loop costs one write per burst, not per request,
 * and no change waits in memory on a timer (the worker can be stopped at any moment; a relay is
 * acknowledged only after its records are stored, see relay-outbox.ts). A write carries the tab's
 * head and only the chunks whose entries changed (tab-chunks.ts), in one `set`, so storage never
 * holds a head without its chunks.
 */
import { DEFAULT_BOUNDS, emptyLog, enforceBounds, entrySize, logSize, type Bounds, type LogEntry, type TabLog } from './tab-log';
import { assemble, chunkKey, chunkKeys, chunkOf, chunkOfLog, headKey, headOf, isHead, parseKey } from './tab-chunks';
import { getOrCreate } from '../util/maps';

export interface StorageAreaLike {
  get(keys?: null | string | string[]): Promise<Record<string, unknown>>;
  set(items: Record<string, unknown>): Promise<void>;
  remove(keys: string | string[]): Promise<void>;
}

export type ChangeListener = (tab: number, changed: LogEntry[], log: TabLog) => void;

export interface StoreOptions {
  bounds?: Bounds;
  onChange?: ChangeListener;
}

/** storage.session's answer when a `set` would exceed its quota (the only error that drops events). */
const QUOTA = /quota/i;

export interface TabView {
  tab: number;
  log: TabLog;
}

export class JourneyStore {
  private readonly logs = new Map<number, TabLog>();
  /** Over-estimate of each cached log's size: changed entries are added again, never subtracted. */
  private readonly sizes = new Map<number, number>();
  /** Per changed tab, the chunks to write (the head is always written). */
  private readonly dirty = new Map<number, Set<number>>();
  /** Per cached tab, the first chunk storage may still hold: chunks below the kept ones are removed. */
  private readonly storedFrom = new Map<number, number>();
  /** Each cached entry's position (see tab-chunks.ts), to find the chunk an update lands in. */
  private positions = new WeakMap<LogEntry, number>();
  private chain: Promise<unknown> = Promise.resolve();
  /** The queued write that changes made since the last write started will be part of. */
  private nextWrite: Promise<void> | undefined;
  /** The write deferred changes wait for (see update's `deferMs`), once its timer is set. */
  private deferredWrite: Promise<void> | undefined;
  private readonly bounds: Bounds;

  constructor(
    private readonly area: StorageAreaLike,
    private readonly opts: StoreOptions = {},
  ) {
    this.bounds = opts.bounds ?? DEFAULT_BOUNDS;
  }

  /** Runs `fn` after every earlier operation: loads and writes never interleave. */
  private serial<T>(fn: () => Promise<T> | T): Promise<T> {
    const p = this.chain.then(fn, fn);
    this.chain = p.catch(() => undefined);
    return p;
  }

  /** Puts a log read from storage into the cache; `storedDropped` is the head's count. */
  private adopt(tab: number, log: TabLog, storedDropped: number): void {
    this.logs.set(tab, log);
    for (let i = 0; i < log.entries.length; i++) this.positions.set(log.entries[i] as LogEntry, log.dropped + i);
    this.storedFrom.set(tab, chunkOf(storedDropped));
    if (log.dropped !== storedDropped) {
      // Chunks were missing: positions moved, so every chunk is rewritten with the next change.
      const all = new Set<number>();
      for (let c = chunkOf(log.dropped); c <= chunkOf(log.dropped + log.entries.length - 1); c++) all.add(c);
      this.dirty.set(tab, all);
    }
  }

  private async load(tab: number): Promise<TabLog> {
    const cached = this.logs.get(tab);
    if (cached) return cached;
    const key = headKey(tab);
    const got = await this.area.get(key);
    const head = got[key];
    let log: TabLog;
    if (isHead(head)) {
      const keys = chunkKeys(tab, head);
      const chunks = keys.length > 0 ? await this.area.get(keys) : {};
      log = assemble(head, (k) => chunks[k], tab);
      this.adopt(tab, log, head.dropped);
    } else {
      log = emptyLog();
      this.adopt(tab, log, 0);
    }
    return log;
  }

  private markDirty(tab: number, log: TabLog, entries: readonly LogEntry[]): void {
    const set = getOrCreate(this.dirty, tab, () => new Set());
    // Entries the change appended have no position yet; they are the log's tail.
    for (let i = log.entries.length - 1; i >= 0; i--) {
      const e = log.entries[i] as LogEntry;
      if (this.positions.has(e)) break;
      this.positions.set(e, log.dropped + i);
    }
    for (const e of entries) {
      const pos = this.positions.get(e);
      if (pos !== undefined && pos >= log.dropped) set.add(chunkOf(pos));
    }
  }

  /**
   * Applies `fn` to a tab's log; `fn` returns the entries it added or changed. Bounds are
   * enforced after every change; listeners hear about the changed entries still kept. Resolves
   * once the change is in storage (rejects when that write failed: the caller may retry).
   *
   * With `deferMs`, the change may wait that long for a write (it joins any write sooner): for
   * changes nothing could send again anyway (the network's view of a request), which come once
   * per request of the page and would otherwise cost one write each.
   */
  async update(tab: number, fn: (log: TabLog) => LogEntry[] | undefined, deferMs = 0): Promise<LogEntry[]> {
    let write: Promise<void> | undefined;
    const kept = await this.serial(async () => {
      const log = await this.load(tab);
      const docsBefore = log.docs;
      const changed = fn(log) ?? [];
      if (changed.length === 0) {
        // Only the head changed (records acknowledged that kept no entry): it is written alone.
        if (log.docs !== docsBefore) {
          if (!this.dirty.has(tab)) this.dirty.set(tab, new Set());
          write = this.commit();
        }
        return changed;
      }
      this.markDirty(tab, log, changed);
      let size = this.sizes.get(tab) ?? logSize(log);
      for (const e of changed) size += entrySize(e);
      const dropped = enforceBounds(log, this.bounds, size);
      if (size > this.bounds.maxBytes || dropped > 0) size = logSize(log);
      this.sizes.set(tab, size);
      let kept = changed;
      // By position (markDirty gave every entry one): a set of the whole log per change cost a
      // full log's worth of work for every request once the log was full.
      if (dropped > 0) kept = changed.filter((e) => (this.positions.get(e) ?? -1) >= log.dropped);
      write = deferMs > 0 ? this.commitWithin(deferMs) : this.commit();
      if (kept.length > 0) this.opts.onChange?.(tab, kept, log);
      return kept;
    });
    if (write) await write;
    return kept;
  }

  /** Reads a tab's log without changing it (null when nothing was recorded there). */
  peek<T>(tab: number, fn: (log: TabLog) => T): Promise<T> {
    return this.serial(async () => fn(await this.load(tab)));
  }

  /**
   * The write that will carry the changes made so far: queued behind the operations already
   * waiting, so every change queued before it starts joins it (a group commit).
   */
  private commit(): Promise<void> {
    if (!this.nextWrite) {
      const write = this.serial(() => {
        this.nextWrite = undefined;
        return this.writeDirty();
      });
      this.nextWrite = write;
      write.catch(() => undefined);
    }
    return this.nextWrite;
  }

  /** A write at most `ms` from now: the queued one if there is one, else one on a timer. */
  private commitWithin(ms: number): Promise<void> {
    if (this.nextWrite) return this.nextWrite;
    if (!this.deferredWrite) {
      this.deferredWrite = new Promise<void>((resolve) => setTimeout(resolve, ms)).then(() => {
        this.deferredWrite = undefined;
        return this.commit();
      });
      this.deferredWrite.catch(() => undefined);
    }
    return this.deferredWrite;
  }

  /** Writes every changed log now. */
  flush(): Promise<void> {
    return this.serial(() => this.writeDirty());
  }

  /** The head and the changed chunks still kept, as one `set`'s items. */
  private items(tab: number, log: TabLog, chunks: ReadonlySet<number>): Record<string, unknown> {
    const items: Record<string, unknown> = { [headKey(tab)]: headOf(log) };
    const first = chunkOf(log.dropped);
    for (const c of chunks) if (c >= first && log.entries.length > 0) items[chunkKey(tab, c)] = chunkOfLog(log, c);
    return items;
  }

  /** Removes the chunks every kept entry has left (after the head that no longer needs them). */
  private async prune(tab: number, log: TabLog): Promise<void> {
    const from = this.storedFrom.get(tab) ?? 0;
    const first = chunkOf(log.dropped);
    if (first <= from) return;
    const keys: string[] = [];
    for (let c = from; c < first; c++) keys.push(chunkKey(tab, c));
    await this.area.remove(keys);
    this.storedFrom.set(tab, first);
  }

  private async writeDirty(): Promise<void> {
    const pending = [...this.dirty];
    this.dirty.clear();
    let failed: unknown;
    for (const [tab, chunks] of pending) {
      const log = this.logs.get(tab);
      if (!log) continue;
      try {
        await this.area.set(this.items(tab, log, chunks));
        await this.prune(tab, log);
      } catch (e) {
        if (!QUOTA.test(String((e as Error | undefined)?.message ?? e))) {
          // Not the quota (the worker is stopping, storage is busy): nothing is dropped. Memory
          // is now ahead of storage, so the tab is read again before its next change, and the
          // callers waiting on this write hear it failed (a relay sends its records again).
          this.forget(tab);
          failed = e;
          continue;
        }
        // Over the storage quota (other tabs fill it too): keep the newer half and say so.
        const drop = Math.ceil(log.entries.length / 2);
        log.entries.splice(0, drop);
        log.dropped += drop;
        this.sizes.delete(tab);
        // Free the dropped chunks first, then write what the failed `set` did not.
        await this.prune(tab, log).catch(() => undefined);
        await this.area.set(this.items(tab, log, chunks)).catch(() => undefined);
      }
    }
    if (failed !== undefined) throw failed;
  }

  /** Every tab's log (one tab when given), as stored: pending writes are flushed first. */
  read(tab?: number): Promise<TabView[]> {
    return this.serial(async () => {
      await this.writeDirty().catch(() => undefined);
      if (tab !== undefined) return [{ tab, log: await this.load(tab) }];
      const all = await this.area.get(null);
      const tabs = new Set<number>(this.logs.keys());
      for (const k of Object.keys(all)) {
        const parsed = parseKey(k);
        if (parsed && parsed.chunk === undefined) tabs.add(parsed.tab);
      }
      const views: TabView[] = [];
      for (const t of [...tabs].sort((a, b) => a - b)) {
        const head = all[headKey(t)];
        const log = this.logs.get(t) ?? (isHead(head) ? assemble(head, (k) => all[k], t) : undefined);
        if (log) views.push({ tab: t, log });
      }
      return views;
    });
  }

  /** Drops a tab's cached state: its next operation reads it from storage again. */
  private forget(tab: number): void {
    this.logs.delete(tab);
    this.sizes.delete(tab);
    this.dirty.delete(tab);
    this.storedFrom.delete(tab);
  }

  /** Forgets one tab's log, or all of them. */
  clear(tab?: number): Promise<void> {
    return this.serial(async () => {
      const all = await this.area.get(null);
      const keys = Object.keys(all).filter((k) => {
        const parsed = parseKey(k);
        return parsed !== undefined && (tab === undefined || parsed.tab === tab);
      });
      for (const t of tab === undefined ? [...this.logs.keys()] : [tab]) this.forget(t);
      if (tab === undefined) this.positions = new WeakMap();
      if (keys.length > 0) await this.area.remove(keys);
    });
  }
}
