/**
 * `goalpost decode <url>`: decode one pasted beacon the way the extension does (same registry,
 * same custom-endpoint path for --decoder), so support can read any tag request without a browser.
 */
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { parseArgs } from '../args';
import { UsageError, type CliIO, type Command } from '../command';
import { decodeRequest, listDecoders, type Decoded, type RawRequest } from '../../decoders';
import type { HitBody } from '../../formats/journey';
import { CONTROL_CHARS, looksBinary } from '../../util/control-chars';

const FLAGS = {
  body: 'string',
  'body-base64': 'string',
  method: 'string',
  decoder: 'string',
  'page-url': 'string',
  json: 'boolean',
} as const;

const HELP = `goalpost decode <url> [options]

Decodes one tracking request (a beacon copied from DevTools, a HAR or a customer's email) and
prints which decoder recognised it, the vendor account, the request type, the hits it yields
(page views, events, transactions, experiences…) and every parameter with a readable label,
its raw key and its value.

Options:
  --body TEXT|@FILE   the POST body (JSON, form or batch lines); @FILE reads it from a file,
                      which may be binary (a gzip or deflate upload is inflated first);
                      @@TEXT is the literal body @TEXT
  --body-base64 B64   a binary body as base64, as the journey keeps it (Copy as goalpost decode)
  --method M          the HTTP method; default POST with a body, GET without
  --decoder ID        decode with this decoder whatever the host (first-party proxies,
                      server-side containers), e.g. --decoder ga4; see the list below
  --page-url URL      the page that sent it, for protocols that do not carry the page URL
  --json              print the decoded record as JSON

Exit codes: 0 decoded, or no decoder recognised the URL (printed as such: an unknown request
is an answer, not an error); 2 bad usage, an unparseable URL or an unreadable body file.

Decoders: ${listDecoders()
  .filter((d) => d.kind === 'request')
  .map((d) => d.id)
  .join(', ')}`;

export interface DecodeInput {
  url: string;
  method?: string;
  body?: string;
  /** `base64`: `body` holds a binary file's bytes. */
  bodyEncoding?: 'base64';
  pageUrl?: string;
  /** Force this decoder id, through the custom-endpoint path the extension uses. */
  decoder?: string;
}

/**
 * The decode path shared by the command and the conformance test: the registry, or the named
 * decoder applied as a custom endpoint on the URL's host. Null when nothing recognises the URL.
 */
export function decodeInput(input: DecodeInput): Decoded | null {
  const req: RawRequest = { url: input.url, method: (input.method ?? (input.body !== undefined ? 'POST' : 'GET')).toUpperCase() };
  if (input.body !== undefined) req.body = input.body;
  if (input.bodyEncoding !== undefined) req.bodyEncoding = input.bodyEncoding;
  if (input.pageUrl !== undefined) req.pageUrl = input.pageUrl;
  if (input.decoder === undefined) return decodeRequest(req);
  let host: string;
  try {
    host = new URL(input.url).hostname;
  } catch {
    return null;
  }
  return decodeRequest(req, [{ host, decoder: input.decoder }]);
}

/** Control characters in page-supplied strings are shown escaped, never sent to the terminal. */
function safe(text: string): string {
  // eslint-disable-next-line no-control-regex
  return text.replace(CONTROL_CHARS, (c) =>
    c === '\n' ? '\\n' : c === '\t' ? '\\t' : `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`,
  );
}

function describeHit(h: HitBody): string {
  const parts: string[] = [h.kind];
  if (h.name) parts.push(`"${safe(h.name)}"`);
  if (h.transaction) {
    const t = h.transaction;
    parts.push(`total=${t.total}${t.currency ? ` ${safe(t.currency)}` : ''}${t.orderId ? ` order=${safe(t.orderId)}` : ''}`);
  }
  if (h.experience)
    parts.push(`experience=${safe(h.experience.id)}${h.experience.variant ? ` variant=${safe(h.experience.variant)}` : ''}`);
  if (h.lead) parts.push(`lead${h.lead.topic ? ` topic=${safe(h.lead.topic)}` : ''}`);
  if (h.service) parts.push(`service topic=${safe(h.service.topic)} status=${safe(String(h.service.status))}`);
  parts.push(`url=${h.url ? safe(h.url) : '(unknown)'}`);
  if (h.clientId) parts.push(`client=${safe(h.clientId)}`);
  if (h.sessionId) parts.push(`session=${safe(h.sessionId)}`);
  return parts.join('  ');
}

/** The human-readable report of one decoded request. */
export function renderDecoded(d: Decoded): string {
  const lines = [
    `Decoder:       ${safe(d.vendorName)} (${d.decoder})`,
    `Role:          ${d.role === 'hit' ? 'tracking hit' : d.role === 'library' ? 'tag library load (the tag is installed)' : 'other vendor traffic (no hit)'}`,
    `Account:       ${d.account ? safe(d.account) : '(none)'}`,
    `Request type:  ${d.requestType ? safe(d.requestType) : '(none)'}`,
    `Hits (${d.hits.length}):`,
    ...(d.hits.length === 0 ? ['  (none)'] : d.hits.map((h) => `  ${describeHit(h)}`)),
  ];
  if (d.problems && d.problems.length > 0) lines.push('Problems:', ...d.problems.map((p) => `  - ${safe(p)}`));
  lines.push(`Parameters (${d.params.length}):`);
  const groups = new Map<string, typeof d.params>();
  for (const p of d.params) {
    const g = p.group ?? 'Other';
    groups.set(g, [...(groups.get(g) ?? []), p]);
  }
  const labelWidth = Math.min(36, Math.max(0, ...d.params.map((p) => p.label.length)));
  const keyWidth = Math.min(28, Math.max(0, ...d.params.map((p) => p.key.length)));
  for (const [group, params] of groups) {
    lines.push(`  ${safe(group)}`);
    for (const p of params) lines.push(`    ${safe(p.label).padEnd(labelWidth)}  ${safe(p.key).padEnd(keyWidth)}  ${safe(p.value)}`);
  }
  return lines.join('\n');
}

/** Text as it is; a file that is not UTF-8 text (a compressed upload) as base64, as the journey keeps it. */
function readBody(spec: string, io: CliIO): Pick<DecodeInput, 'body' | 'bodyEncoding'> {
  if (spec.startsWith('@@')) return { body: spec.slice(1) };
  if (!spec.startsWith('@')) return { body: spec };
  const path = resolve(io.cwd, spec.slice(1));
  try {
    const bytes = readFileSync(path);
    try {
      const text = new TextDecoder('utf-8', { fatal: true }).decode(bytes);
      // eslint-disable-next-line no-control-regex
      if (!looksBinary(text)) return { body: text };
    } catch {
      // not UTF-8: binary
    }
    return { body: bytes.toString('base64'), bodyEncoding: 'base64' };
  } catch (e) {
    const reason = e instanceof Error && 'code' in e ? String((e as NodeJS.ErrnoException).code) : 'unreadable';
    throw new UsageError(`decode: cannot read the body file ${spec.slice(1)} (${reason}).`);
  }
}

export const decode: Command = {
  name: 'decode',
  summary: 'decode one tracking request (URL + optional body): vendor, account, hits, parameters',
  help: HELP,
  async run(args: string[], io: CliIO): Promise<number> {
    const { positional, flags } = parseArgs(args, FLAGS, 'decode');
    if (positional.length !== 1) throw new UsageError('decode: give exactly one request URL (quote it: it contains "&").');
    const url = positional[0]!;
    try {
      new URL(url);
    } catch {
      throw new UsageError(`decode: "${safe(url.slice(0, 80))}" is not an absolute URL (it needs a scheme such as https://).`);
    }
    const method = flags.method;
    if (method !== undefined && !/^[A-Za-z]+$/.test(method))
      throw new UsageError(`decode: --method "${safe(method)}" is not an HTTP method.`);
    const ids = listDecoders()
      .filter((d) => d.kind === 'request')
      .map((d) => d.id);
    if (flags.decoder !== undefined && !ids.includes(flags.decoder)) {
      throw new UsageError(`decode: --decoder "${safe(flags.decoder)}" is unknown; use one of ${ids.join(', ')}.`);
    }
    const input: DecodeInput = { url };
    if (flags.body !== undefined && flags['body-base64'] !== undefined)
      throw new UsageError('decode: give --body or --body-base64, not both.');
    if (flags.body !== undefined) Object.assign(input, readBody(flags.body, io));
    if (flags['body-base64'] !== undefined) Object.assign(input, { body: flags['body-base64'], bodyEncoding: 'base64' });
    if (method !== undefined) input.method = method;
    if (flags['page-url'] !== undefined) input.pageUrl = flags['page-url'];
    if (flags.decoder !== undefined) input.decoder = flags.decoder;
    const result = decodeInput(input);
    if (flags.json) {
      io.out(JSON.stringify(result ? { matched: true, ...result } : { matched: false, url }, null, 2));
      return 0;
    }
    io.out(
      result
        ? renderDecoded(result)
        : 'No decoder recognised this request. If it goes to a first-party or server-side endpoint, try --decoder ID (goalpost decode --help lists them).',
    );
    return 0;
  },
};
