/**
 * The spec examples' partial-match rules (tests/fixtures/spec-examples/README.md): objects match
 * key by key, `goals` by id, `findings` as a set, other arrays position by position, scalars equal.
 * Returns the first mismatch as a readable path, or undefined when the actual report contains
 * the expected one.
 */
export function partialMismatch(expected: unknown, actual: unknown, path = '$'): string | undefined {
  if (Array.isArray(expected)) {
    if (!Array.isArray(actual)) return `${path}: expected an array, got ${JSON.stringify(actual)}`;
    const key = path.split('.').pop();
    if (key === 'goals') {
      for (const e of expected) {
        const id = (e as { id?: unknown }).id;
        const a = actual.find((x) => (x as { id?: unknown })?.id === id);
        if (a === undefined) return `${path}: no goal with id ${JSON.stringify(id)}`;
        const m = partialMismatch(e, a, `${path}[id=${String(id)}]`);
        if (m) return m;
      }
      return undefined;
    }
    if (key === 'findings') {
      for (let i = 0; i < expected.length; i++) {
        if (!actual.some((a) => partialMismatch(expected[i], a) === undefined)) {
          return `${path}[${i}]: no actual finding matches ${JSON.stringify(expected[i])}`;
        }
      }
      return undefined;
    }
    if (actual.length < expected.length) return `${path}: expected at least ${expected.length} items, got ${actual.length}`;
    for (let i = 0; i < expected.length; i++) {
      const m = partialMismatch(expected[i], actual[i], `${path}[${i}]`);
      if (m) return m;
    }
    return undefined;
  }
  if (expected !== null && typeof expected === 'object') {
    if (actual === null || typeof actual !== 'object' || Array.isArray(actual))
      return `${path}: expected an object, got ${JSON.stringify(actual)}`;
    for (const [k, v] of Object.entries(expected)) {
      const m = partialMismatch(v, (actual as Record<string, unknown>)[k], `${path}.${k}`);
      if (m) return m;
    }
    return undefined;
  }
  return Object.is(expected, actual) ? undefined : `${path}: expected ${JSON.stringify(expected)}, got ${JSON.stringify(actual)}`;
}
