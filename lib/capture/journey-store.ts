/**
 * Every tab's log in storage.session, so a stopped service worker loses nothing. The in-memory
 * map is only a write-back cache of storage: it is filled on demand after a restart, all changes
 * run one at a time, and writes are batched (one storage write per tab per short delay; a beacon
 * loop would otherwise cost one write per request). Readers flush first, so what they see is stored.
 */
import { DEFAULT_BOUNDS, emptyLog, enforceBounds, entrySize, logSize, type Bounds, type LogEntry, type TabLog } from './tab-log';

export interface StorageAreaLike {
  get(keys?: null | string | string[]): Promise<Record<string, unknown>>;
  set(items: Record<string, unknown>): Promise<void>;
  remove(keys: string | string[]): Promise<void>;
}

export type ChangeListener = (tab: number, changed: LogEntry[], log: TabLog) => void;

export interface StoreOptions {
  bounds?: Bounds;
  writeDelayMs?: number;
  onChange?: ChangeListener;
}

const PREFIX = 'tab:';
/**
 * How long changes wait to be written. Readers flush first and the worker is only stopped after
 * ~30 s idle, so the window in which a change exists only in memory is this short delay.
 */
export const WRITE_DELAY_MS = 200;
export const tabKey = (tab: number): string => `${PREFIX}${tab}`;

function isTabLog(v: unknown): v is TabLog {
  const o = v as Partial<TabLog> | null;
  return typeof o === 'object' && o !== null && Array.isArray(o.entries) && typeof o.dropped === 'number' && typeof o.seq === 'number';
}

export interface TabView {
  tab: number;
  log: TabLog;
}

export class JourneyStore {
  private readonly logs = new Map<number, TabLog>();
  /** Over-estimate of each cached log's size: changed entries are added again, never subtracted. */
  private readonly sizes = new Map<number, number>();
  private readonly dirty = new Set<number>();
  private chain: Promise<unknown> = Promise.resolve();
  private timer: ReturnType<typeof setTimeout> | undefined;
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

  private async load(tab: number): Promise<TabLog> {
    let log = this.logs.get(tab);
    if (log) return log;
    const key = tabKey(tab);
    const got = await this.area.get(key);
    log = isTabLog(got[key]) ? got[key] : emptyLog();
    this.logs.set(tab, log);
    return log;
  }

  /**
   * Applies `fn` to a tab's log; `fn` returns the entries it added or changed. Bounds are
   * enforced after every change; listeners hear about the changed entries still kept.
   */
  update(tab: number, fn: (log: TabLog) => LogEntry[] | undefined): Promise<LogEntry[]> {
    return this.serial(async () => {
      const log = await this.load(tab);
      const changed = fn(log) ?? [];
      if (changed.length === 0) return changed;
      let size = this.sizes.get(tab) ?? logSize(log);
      for (const e of changed) size += entrySize(e);
      const dropped = enforceBounds(log, this.bounds, size);
      if (size > this.bounds.maxBytes || dropped > 0) size = logSize(log);
      this.sizes.set(tab, size);
      let kept = changed;
      if (dropped > 0) {
        const present = new Set(log.entries);
        kept = changed.filter((e) => present.has(e));
      }
      this.dirty.add(tab);
      this.schedule();
      if (kept.length > 0) this.opts.onChange?.(tab, kept, log);
      return kept;
    });
  }

  /** Reads a tab's log without changing it (null when nothing was recorded there). */
  peek<T>(tab: number, fn: (log: TabLog) => T): Promise<T> {
    return this.serial(async () => fn(await this.load(tab)));
  }

  private schedule(): void {
    if (this.timer !== undefined) return;
    this.timer = setTimeout(() => {
      this.timer = undefined;
      void this.flush().catch(() => undefined);
    }, this.opts.writeDelayMs ?? WRITE_DELAY_MS);
  }

  /** Writes every changed log now. */
  flush(): Promise<void> {
    return this.serial(() => this.writeDirty());
  }

  private async writeDirty(): Promise<void> {
    if (this.timer !== undefined) {
      clearTimeout(this.timer);
      this.timer = undefined;
    }
    const tabs = [...this.dirty];
    this.dirty.clear();
    for (const tab of tabs) {
      const log = this.logs.get(tab);
      if (!log) continue;
      try {
        await this.area.set({ [tabKey(tab)]: log });
      } catch {
        // Over the storage quota (other tabs fill it too): keep the newer half and say so.
        const drop = Math.ceil(log.entries.length / 2);
        log.entries.splice(0, drop);
        log.dropped += drop;
        this.sizes.delete(tab);
        await this.area.set({ [tabKey(tab)]: log }).catch(() => undefined);
      }
    }
  }

  /** Every tab's log (one tab when given), as stored: pending writes are flushed first. */
  read(tab?: number): Promise<TabView[]> {
    return this.serial(async () => {
      await this.writeDirty();
      if (tab !== undefined) return [{ tab, log: await this.load(tab) }];
      const all = await this.area.get(null);
      const tabs = Object.keys(all)
        .filter((k) => k.startsWith(PREFIX))
        .map((k) => Number(k.slice(PREFIX.length)))
        .filter((n) => Number.isInteger(n));
      for (const t of this.logs.keys()) if (!tabs.includes(t)) tabs.push(t);
      const views: TabView[] = [];
      for (const t of tabs.sort((a, b) => a - b)) {
        const cached = this.logs.get(t);
        const stored = all[tabKey(t)];
        const log = cached ?? (isTabLog(stored) ? stored : undefined);
        if (log) views.push({ tab: t, log });
      }
      return views;
    });
  }

  /** Forgets one tab's log, or all of them. */
  clear(tab?: number): Promise<void> {
    return this.serial(async () => {
      if (tab !== undefined) {
        this.logs.delete(tab);
        this.sizes.delete(tab);
        this.dirty.delete(tab);
        await this.area.remove(tabKey(tab));
        return;
      }
      const all = await this.area.get(null);
      this.logs.clear();
      this.sizes.clear();
      this.dirty.clear();
      const keys = Object.keys(all).filter((k) => k.startsWith(PREFIX));
      if (keys.length > 0) await this.area.remove(keys);
    });
  }
}
