/** JSON body parsing that tolerates garbage: a problem sentence instead of an exception. */

/**
 * Parses `text` as JSON; on failure returns undefined and pushes one sentence naming `what`.
 * A UTF-8 BOM and surrounding whitespace are ignored.
 */
export function parseJson(text: string, problems?: string[], what = 'body'): unknown {
  const t = text.replace(/^\uFEFF/, '').trim();
  if (t === '') {
    problems?.push(`The ${what} is empty.`);
    return undefined;
  }
  try {
    return JSON.parse(t) as unknown;
  } catch (err) {
    const reason = err instanceof Error ? err.message : String(err);
    problems?.push(`The ${what} is not valid JSON (${reason}).`);
    return undefined;
  }
}

export type JsonObject = Record<string, unknown>;

export function isObject(value: unknown): value is JsonObject {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** `obj.a.b.c` for the path "a.b.c"; undefined on any missing or non-object step. */
export function pick(value: unknown, path: string): unknown {
  let cur: unknown = value;
  for (const step of path.split('.')) {
    if (Array.isArray(cur) && /^\d+$/.test(step)) cur = cur[Number(step)];
    else if (isObject(cur)) cur = cur[step];
    else return undefined;
  }
  return cur;
}

/** A scalar as a string (numbers, booleans); undefined for objects, null and undefined. */
export function str(value: unknown): string | undefined {
  if (typeof value === 'string') return value;
  if (typeof value === 'number' && Number.isFinite(value)) return String(value);
  if (typeof value === 'boolean') return String(value);
  return undefined;
}

/** A finite number from a number or numeric string ("1,234.5" is read as 1234.5). */
export function num(value: unknown): number | undefined {
  if (typeof value === 'number') return Number.isFinite(value) ? value : undefined;
  if (typeof value !== 'string') return undefined;
  const t = value.trim().replace(/,/g, '');
  if (t === '' || !/^[-+]?(\d+\.?\d*|\.\d+)([eE][-+]?\d+)?$/.test(t)) return undefined;
  const n = Number(t);
  return Number.isFinite(n) ? n : undefined;
}

/**
 * Flattens nested JSON into dotted keys ("context.page.url", "products.0.id") for the panel.
 * Depth and entry count are bounded so a hostile body cannot blow up the panel.
 */
export function flatten(value: unknown, prefix = '', out: [string, string][] = [], depth = 0): [string, string][] {
  if (out.length >= 500) return out;
  if (Array.isArray(value) || isObject(value)) {
    const entries = Array.isArray(value) ? value.map((v, i) => [String(i), v] as const) : Object.entries(value);
    if (depth >= 8 || entries.length === 0) {
      out.push([prefix, safeStringify(value)]);
      return out;
    }
    for (const [k, v] of entries) flatten(v, prefix ? `${prefix}.${k}` : k, out, depth + 1);
    return out;
  }
  out.push([prefix, value === null || value === undefined ? '' : String(value)]);
  return out;
}

function safeStringify(value: unknown): string {
  try {
    return JSON.stringify(value) ?? '';
  } catch {
    return '[unserialisable]';
  }
}
