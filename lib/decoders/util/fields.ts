/**
 * Query-string and form-body parsing that keeps repeated keys and their order (GA4 `pr1`…,
 * Adobe list variables, Snowplow batches repeat keys; URLSearchParams would also do it but
 * throws nothing and reports nothing about broken escapes, which the panel must show).
 */
import { safeDecode } from './percent';

export type Pair = readonly [key: string, value: string];

/** An ordered multimap of decoded fields. */
export class Fields {
  readonly pairs: Pair[];

  constructor(pairs: Pair[] = []) {
    this.pairs = pairs;
  }

  /** First value of `key`. */
  get(key: string): string | undefined {
    for (const [k, v] of this.pairs) if (k === key) return v;
    return undefined;
  }

  /** First non-empty value among `keys`. */
  first(...keys: string[]): string | undefined {
    for (const key of keys) {
      const v = this.get(key);
      if (v !== undefined && v !== '') return v;
    }
    return undefined;
  }

  getAll(key: string): string[] {
    return this.pairs.filter(([k]) => k === key).map(([, v]) => v);
  }

  has(key: string): boolean {
    return this.pairs.some(([k]) => k === key);
  }

  get size(): number {
    return this.pairs.length;
  }

  /** A new Fields with the pairs of `other` after ours (URL query + POST body). */
  concat(other: Fields): Fields {
    return new Fields([...this.pairs, ...other.pairs]);
  }

  toObject(): Record<string, string> {
    const out: Record<string, string> = {};
    for (const [k, v] of this.pairs) if (!(k in out)) out[k] = v;
    return out;
  }
}

/**
 * Parses "a=1&b=2&a=3" (a leading "?" is ignored). Keys without "=" get an empty value.
 * Decoding problems are pushed to `problems`.
 */
export function parseQuery(query: string, problems?: string[]): Fields {
  const text = query.startsWith('?') ? query.slice(1) : query;
  const pairs: Pair[] = [];
  if (text === '') return new Fields(pairs);
  for (const part of text.split('&')) {
    if (part === '') continue;
    const eq = part.indexOf('=');
    const rawKey = eq < 0 ? part : part.slice(0, eq);
    const rawValue = eq < 0 ? '' : part.slice(eq + 1);
    pairs.push([safeDecode(rawKey, problems), safeDecode(rawValue, problems)]);
  }
  return new Fields(pairs);
}

/** The query of a URL (without the fragment), parsed. */
export function urlFields(url: URL, problems?: string[]): Fields {
  return parseQuery(url.search, problems);
}

/** True when `body` looks like a form body ("k=v&k2=v2") rather than JSON or free text. */
export function looksLikeForm(body: string): boolean {
  const t = body.trim();
  if (t === '' || t.startsWith('{') || t.startsWith('[')) return false;
  return /^[^=&\s]+=/.test(t);
}
