/**
 * A pushed value as plain JSON, taken at push time (pages mutate their objects afterwards).
 * Only data properties are read, so no page getter runs; DOM nodes, functions and cycles become
 * short labels, and size is bounded.
 */
import { LIMITS } from '../records';
import type { Natives } from './natives';

const MAX_ITEMS = 200;
const MAX_STRING = 4_096;

export function toJsonSafe(value: unknown, n: Natives): unknown {
  const seen = new n.WeakSet<object>();
  const walk = (v: unknown, depth: number): unknown => {
    switch (typeof v) {
      case 'string':
        return v.length > MAX_STRING ? `${v.slice(0, MAX_STRING)}…` : v;
      case 'number':
        return Number.isFinite(v) ? v : String(v);
      case 'boolean':
        return v;
      case 'undefined':
        return null;
      case 'bigint':
        return String(v);
      case 'symbol':
        return '[symbol]';
      case 'function':
        return '[function]';
    }
    if (v === null) return null;
    const o = v as object;
    if (seen.has(o)) return '[circular]';
    if (depth <= 1) return '[…]';
    if (o instanceof n.Node) return `[node ${n.apply(n.nodeName, o, []) as string}]`;
    seen.add(o);
    const tag = n.apply(n.objectToString, o, []) as string;
    if (n.isArray(o) || tag === '[object Arguments]') {
      const len = n.getOwnPropertyDescriptor(o, 'length')?.value;
      const out: unknown[] = [];
      const count = typeof len === 'number' ? Math.min(len, MAX_ITEMS) : 0;
      for (let i = 0; i < count; i++) {
        const d = n.getOwnPropertyDescriptor(o, String(i));
        out[i] = d && 'value' in d ? walk(d.value, depth - 1) : null;
      }
      return out;
    }
    if (tag === '[object Date]') return '[date]';
    const out: Record<string, unknown> = {};
    const keys = n.keys(o);
    for (let i = 0; i < keys.length && i < MAX_ITEMS; i++) {
      const k = keys[i] as string;
      if (k === '__proto__') continue;
      const d = n.getOwnPropertyDescriptor(o, k);
      out[k] = d && 'value' in d ? walk(d.value, depth - 1) : '[getter]';
    }
    return out;
  };
  const safe = walk(value, LIMITS.depth);
  const size = (n.stringify(safe) ?? '').length;
  return size > LIMITS.value ? `[value too large: ${size} characters]` : safe;
}
