/**
 * JSON text in pieces: the same text as `JSON.stringify(value, null, indent)`, made and handed
 * out a piece at a time, so a report of hundreds of megabytes is written without ever being one
 * string (V8 caps strings at about 512 MB, and the copy doubles the memory it needs).
 *
 * Every array is written element by element; an object is written member by member when an
 * array lies within it, and values holding none are left to JSON.stringify (which is native and
 * much faster than walking them here).
 */

/** How deep to look for an array inside an object before calling it flat. */
const LOOK_DEPTH = 3;

function holdsArray(value: object, depth: number): boolean {
  if (Array.isArray(value)) return true;
  if (depth === 0) return false;
  for (const key of Object.keys(value)) {
    const v = (value as Record<string, unknown>)[key];
    if (v !== null && typeof v === 'object' && holdsArray(v, depth - 1)) return true;
  }
  return false;
}

/** What JSON.stringify would write for `value` after `toJSON`, or undefined when it writes nothing. */
function prepared(value: unknown, key: string): unknown {
  if (value !== null && typeof value === 'object' && typeof (value as { toJSON?: unknown }).toJSON === 'function') {
    return (value as { toJSON(key: string): unknown }).toJSON(key);
  }
  return value;
}

/**
 * `JSON.stringify(value, null, indent)` as a sequence of strings of about `chunkSize`
 * characters each (a value JSON.stringify would write as `undefined` yields nothing).
 */
export function* jsonChunks(value: unknown, indent = 2, chunkSize = 1 << 16): Generator<string, void, undefined> {
  const unit = ' '.repeat(Math.max(0, Math.min(10, Math.floor(indent))));
  const parts: string[] = [];
  let size = 0;
  const put = (text: string): boolean => {
    parts.push(text);
    size += text.length;
    return size >= chunkSize;
  };
  const take = (): string => {
    const out = parts.join('');
    parts.length = 0;
    size = 0;
    return out;
  };

  const flat = (v: unknown): boolean => v === null || typeof v !== 'object' || !holdsArray(v, LOOK_DEPTH);
  /** A value with no array in it, whole; true when a chunk is full. */
  const putFlat = (v: unknown, pad: string): boolean => {
    const text = JSON.stringify(v, null, unit);
    return put(unit !== '' && pad !== '' && text.length > 2 ? text.replaceAll('\n', `\n${pad}`) : text);
  };

  /** Writes `v` (prepared, holding an array) with its lines after the first starting with `pad`. */
  function* write(v: object, pad: string): Generator<string, void, undefined> {
    const inner = pad + unit;
    const open = unit === '' ? '' : `\n${inner}`;
    const close = unit === '' ? '' : `\n${pad}`;
    const colon = unit === '' ? ':' : ': ';
    if (Array.isArray(v)) {
      if (v.length === 0) {
        put('[]');
        return;
      }
      put('[');
      for (let i = 0; i < v.length; i++) {
        put(i === 0 ? open : `,${open}`);
        const item = prepared(v[i], String(i));
        // Arrays write what JSON cannot hold as null, as JSON.stringify does.
        const writable = item !== undefined && typeof item !== 'function' && typeof item !== 'symbol' ? item : null;
        if (!flat(writable)) yield* write(writable as object, inner);
        else if (putFlat(writable, inner)) yield take();
      }
      put(`${close}]`);
      return;
    }
    let first = true;
    put('{');
    for (const key of Object.keys(v)) {
      const item = prepared((v as Record<string, unknown>)[key], key);
      if (item === undefined || typeof item === 'function' || typeof item === 'symbol') continue;
      put(`${first ? open : `,${open}`}${JSON.stringify(key)}${colon}`);
      first = false;
      if (!flat(item)) yield* write(item as object, inner);
      else if (putFlat(item, inner)) yield take();
    }
    put(first ? '}' : `${close}}`);
  }

  const top = prepared(value, '');
  if (top === undefined || typeof top === 'function' || typeof top === 'symbol') return;
  if (!flat(top)) yield* write(top as object, '');
  else putFlat(top, '');
  if (size > 0) yield take();
}
