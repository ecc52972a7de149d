/**
 * A request body of any BodyInit type as text, read without consuming it: strings, form data
 * and buffers are read synchronously, Blobs and Request bodies asynchronously (both re-readable),
 * streams are only noted (reading would take the page's data). Big bodies are cut or noted.
 * Binary bodies (gzip or deflate uploads made with CompressionStream) are kept whole as base64
 * when they fit the size limit, so decoders can inflate them later: a cut copy could not be.
 */
import { LIMITS } from '../records';
import type { Natives } from './natives';

export interface BodyText {
  body?: string;
  bodyNote?: string;
  /** Set when `body` holds the bytes as base64 rather than the text itself. */
  bodyEncoding?: 'base64';
}

export type BodyRead = BodyText | Promise<BodyText> | undefined;

const TEXTUAL = /^$|^text\/|json|xml|javascript|x-www-form-urlencoded/i;

export function cut(text: string): BodyText {
  if (text.length <= LIMITS.body) return { body: text };
  return { body: text.slice(0, LIMITS.body), bodyNote: `cut to ${LIMITS.body} of ${text.length} characters` };
}

/** Base64 grows bytes by 4/3: the most bytes whose base64 text stays within the body limit. */
export const MAX_BINARY_BYTES = Math.floor(LIMITS.body / 4) * 3;

function base64(bytes: Uint8Array, n: Natives): string {
  let s = '';
  // Byte by byte: indexing a typed array is the one step page code cannot patch.
  for (let i = 0; i < bytes.length; i++) s += n.fromCharCode(bytes[i] as number);
  return n.btoa(s);
}

function binary(bytes: Uint8Array, total: number, n: Natives, what: string): BodyText {
  if (total > bytes.length || total > MAX_BINARY_BYTES)
    return { bodyNote: `binary ${what} of ${total} bytes not shown (over ${MAX_BINARY_BYTES} bytes)` };
  return { body: base64(bytes, n), bodyEncoding: 'base64' };
}

function bytesToText(bytes: Uint8Array, total: number, n: Natives, what: string): BodyText {
  try {
    const text = new n.TextDecoder('utf-8', { fatal: true }).decode(bytes);
    // The page world keeps its own copy of lib/util/control-chars' test: the hook imports nothing it does not need.
    // biome-ignore lint/suspicious/noControlCharactersInRegex: C0 controls other than tab and line feeds mean binary
    if (/[\u0000-\u0008\u000e-\u001f]/.test(text)) return binary(bytes, total, n, what);
    if (total > bytes.length) return { body: text, bodyNote: `cut to ${bytes.length} of ${total} bytes` };
    return { body: text };
  } catch {
    // A cut can split a multi-byte character; treat only whole-body failures as binary.
    if (total > bytes.length) {
      const text = new n.TextDecoder('utf-8').decode(bytes);
      return { body: text, bodyNote: `cut to ${bytes.length} of ${total} bytes` };
    }
    return binary(bytes, total, n, what);
  }
}

function formDataText(fd: FormData, n: Natives): BodyText {
  const parts: string[] = [];
  const it = n.apply(n.formDataEntries as Function, fd, []) as IterableIterator<[string, FormDataEntryValue]>;
  for (let r = it.next(); !r.done; r = it.next()) {
    const [k, v] = r.value;
    const value = typeof v === 'string' ? v : `[file ${v.name}, ${v.size} bytes]`;
    parts[parts.length] = `${n.encode(k)}=${n.encode(value)}`;
  }
  const out = cut(parts.join('&'));
  return {
    ...out,
    bodyNote: out.bodyNote ? `multipart form data shown as fields, ${out.bodyNote}` : 'multipart form data shown as fields',
  };
}

function blobText(blob: Blob, n: Natives): BodyRead {
  const size = n.apply(n.blobSize as Function, blob, []) as number;
  const type = n.apply(n.blobType as Function, blob, []) as string;
  if (!TEXTUAL.test(type)) {
    if (size > MAX_BINARY_BYTES || !n.blobArrayBuffer) return { bodyNote: `Blob of type ${type} (${size} bytes) not shown` };
    const bytes = n.apply(n.blobArrayBuffer, blob, []) as Promise<ArrayBuffer>;
    return n.apply(n.then, bytes, [
      (buf: ArrayBuffer) => bytesToText(new n.Uint8Array(buf), size, n, 'Blob'),
      () => ({ bodyNote: `Blob of ${size} bytes could not be read` }),
    ]) as Promise<BodyText>;
  }
  const part = size > LIMITS.body ? (n.apply(n.blobSlice as Function, blob, [0, LIMITS.body]) as Blob) : blob;
  const p = n.apply(n.blobText as Function, part, []) as Promise<string>;
  return n.apply(n.then, p, [
    (text: string) => (size > LIMITS.body ? { body: text, bodyNote: `cut to ${LIMITS.body} of ${size} bytes` } : { body: text }),
    () => ({ bodyNote: `Blob of ${size} bytes could not be read` }),
  ]) as Promise<BodyText>;
}

/** Describes a BodyInit; undefined when there is no body. Never throws for known types. */
export function readBody(body: unknown, n: Natives): BodyRead {
  if (body === undefined || body === null) return undefined;
  if (typeof body === 'string') return cut(body);
  if (typeof body !== 'object') return { bodyNote: `body of type ${typeof body} not read` };
  if (body instanceof n.URLSearchParams) return cut(n.apply(n.uspToString, body, []) as string);
  if (n.FormData && body instanceof n.FormData) return formDataText(body, n);
  if (n.Blob && body instanceof n.Blob) return blobText(body, n);
  if (body instanceof n.ArrayBuffer) {
    return bytesToText(new n.Uint8Array(body, 0, Math.min(body.byteLength, LIMITS.body)), body.byteLength, n, 'ArrayBuffer');
  }
  if (n.isView(body)) {
    const v = body as ArrayBufferView;
    const len = Math.min(v.byteLength, LIMITS.body);
    return bytesToText(new n.Uint8Array(v.buffer, v.byteOffset, len), v.byteLength, n, 'typed array');
  }
  if (n.ReadableStream && body instanceof n.ReadableStream) {
    return { bodyNote: 'stream body not read (reading it would take the page’s data)' };
  }
  // Other objects are stringified by the browser through page code; calling it twice could be noticed.
  return { bodyNote: 'body of an unusual type not read' };
}

/** The body of a Request object (fetch(request) without init.body), from a clone. */
export function readRequestBody(req: Request, n: Natives): BodyRead {
  if (!n.requestBody || !n.requestClone || !n.requestText) return undefined;
  if (n.apply(n.requestBody, req, []) === null) return undefined;
  const copy = n.apply(n.requestClone, req, []) as Request;
  const p = n.apply(n.requestText, copy, []) as Promise<string>;
  return n.apply(n.then, p, [(text: string) => cut(text), () => ({ bodyNote: 'request body could not be read' })]) as Promise<BodyText>;
}
