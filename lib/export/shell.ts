/**
 * A captured request as a command line a person can paste into a POSIX shell: as cURL, to send it
 * again, and as `goalpost decode`, to read it without a browser. Every value is single-quoted, so
 * nothing in a hostile URL or body is ever interpreted by the shell.
 */

export interface CopiedRequest {
  url: string;
  method?: string;
  body?: string;
  /** `base64`: the body is binary (a compressed upload), kept as base64. */
  bodyEncoding?: 'base64';
}

/** POSIX single quoting: the only character to escape inside '…' is the quote itself. */
export function shellQuote(s: string): string {
  return `'${s.replace(/'/g, `'\\''`)}'`;
}

function methodOf(req: CopiedRequest): string {
  return (req.method ?? (req.body !== undefined ? 'POST' : 'GET')).toUpperCase();
}

export function curlCommand(req: CopiedRequest): string {
  const method = methodOf(req);
  const parts = ['curl', shellQuote(req.url)];
  // --data-raw implies POST; any other method with or without a body is said explicitly.
  if (method !== 'GET' && !(method === 'POST' && req.body !== undefined)) parts.push('-X', method);
  if (req.body === undefined) return parts.join(' ');
  if (req.bodyEncoding !== 'base64') return [...parts, '--data-raw', shellQuote(req.body)].join(' ');
  // Binary bytes cannot be quoted on a command line: base64 -d gives them to curl on stdin.
  if (req.body.startsWith('H4sI')) parts.push('-H', shellQuote('Content-Encoding: gzip'));
  return `printf '%s' ${shellQuote(req.body)} | base64 -d | ${[...parts, '--data-binary', '@-'].join(' ')}`;
}

export function decodeCommand(req: CopiedRequest): string {
  const method = methodOf(req);
  const parts = ['goalpost', 'decode', shellQuote(req.url)];
  const implied = req.body !== undefined ? 'POST' : 'GET';
  if (method !== implied) parts.push('--method', method);
  // decode reads `--body @FILE` from a file; a body that itself starts with @ is escaped as @@.
  if (req.body !== undefined && req.bodyEncoding === 'base64') parts.push('--body-base64', shellQuote(req.body));
  else if (req.body !== undefined) parts.push('--body', shellQuote(req.body.startsWith('@') ? `@${req.body}` : req.body));
  return parts.join(' ');
}
