import type { StorageAreaLike } from '../../lib/capture/journey-store';

/** storage.session stand-in: values are copied through JSON like the real area's serialisation. */
export class MemoryArea implements StorageAreaLike {
  data = new Map<string, string>();
  /** `set` calls. */
  writes = 0;
  /** Characters of JSON serialised by `set` calls so far (what a write costs). */
  writtenChars = 0;
  /** Fail a set when its JSON is larger than this (the real area's quota). */
  quota = Infinity;
  /** Called before each set; an error it returns fails that set (a worker stopping mid-write). */
  failSet?: () => Error | undefined;

  async get(keys?: null | string | string[]): Promise<Record<string, unknown>> {
    const wanted = keys == null ? [...this.data.keys()] : typeof keys === 'string' ? [keys] : keys;
    const out: Record<string, unknown> = {};
    for (const k of wanted) {
      const v = this.data.get(k);
      if (v !== undefined) out[k] = JSON.parse(v);
    }
    return out;
  }

  async set(items: Record<string, unknown>): Promise<void> {
    const failure = this.failSet?.();
    if (failure) throw failure;
    const texts = Object.entries(items).map(([k, v]) => [k, JSON.stringify(v)] as const);
    // All or nothing, like one chrome.storage set.
    let total = 0;
    for (const [k, t] of texts) total += t.length - (this.data.get(k)?.length ?? 0);
    for (const v of this.data.values()) total += v.length;
    if (total > this.quota) throw new Error('QUOTA_BYTES quota exceeded');
    for (const [k, t] of texts) {
      this.data.set(k, t);
      this.writtenChars += t.length;
    }
    this.writes++;
  }

  async remove(keys: string | string[]): Promise<void> {
    for (const k of typeof keys === 'string' ? [keys] : keys) this.data.delete(k);
  }
}
