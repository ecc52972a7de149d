/** Host and path patterns shared by vendor matchers and custom endpoints. */

/**
 * `pattern` is a host to match exactly, or a suffix when it starts with "." (".example.com"
 * matches "example.com" and any subdomain). Case-insensitive; a trailing dot is ignored.
 */
export function hostMatches(host: string, pattern: string): boolean {
  const h = host.toLowerCase().replace(/\.$/, '');
  const p = pattern.toLowerCase().trim().replace(/\.$/, '');
  if (p === '') return false;
  if (p.startsWith('.')) return h === p.slice(1) || h.endsWith(p);
  return h === p;
}

/** True when `host` matches any of `patterns`. */
export function hostIn(host: string, patterns: readonly string[]): boolean {
  return patterns.some((p) => hostMatches(host, p));
}

/** Path prefix on segment boundaries: "/v1" matches "/v1" and "/v1/t" but not "/v10". */
export function pathStartsWith(path: string, prefix: string): boolean {
  if (prefix === '' || prefix === '/') return true;
  const p = prefix.endsWith('/') ? prefix.slice(0, -1) : prefix;
  return path === p || path.startsWith(`${p}/`);
}
