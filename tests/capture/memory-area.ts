import type { StorageAreaLike } from '../../lib/capture/journey-store';

/** storage.session stand-in: values are copied through JSON like the real area's serialisation. */
export class MemoryArea implements StorageAreaLike {
  data = new Map<string, string>();
  writes = 0;
  /** Fail a set when its JSON is larger than this (the real area's quota). */
  quota = Infinity;

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
    for (const [k, v] of Object.entries(items)) {
      const text = JSON.stringify(v);
      if (text.length > this.quota) throw new Error('QUOTA_BYTES quota exceeded');
      this.data.set(k, text);
      this.writes++;
    }
  }

  async remove(keys: string | string[]): Promise<void> {
    for (const k of typeof keys === 'string' ? [keys] : keys) this.data.delete(k);
  }
}
