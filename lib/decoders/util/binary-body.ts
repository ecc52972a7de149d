/**
 * Binary request bodies to the text decoders read. Libraries compress uploads in the page
 * (Amplitude gzips every upload of 2 KiB or more, others use CompressionStream with gzip,
 * deflate or deflate-raw); the capture keeps such a body whole as base64. Inflating is
 * synchronous (decoders are) and bounded: a small upload can inflate to a huge text.
 */
import { Decompress, Inflate } from 'fflate';
import { base64Bytes } from './base64';
import { MAX_BODY_CHARS } from './body';

/** Inflated bytes beyond this are not decoded (a compression bomb, or not a beacon at all). */
export const MAX_INFLATED_BYTES = 4 * MAX_BODY_CHARS;
/** Input fed per step, so one step cannot inflate to more than a few megabytes. */
const STEP = 1024;

const isGzip = (b: Uint8Array): boolean => b[0] === 0x1f && b[1] === 0x8b;
// RFC 1950: CM = 8 (deflate), window ≤ 32 KiB, and the two header bytes are a multiple of 31.
const isZlib = (b: Uint8Array): boolean =>
  b.length > 1 && ((b[0] as number) & 0x0f) === 8 && (b[0] as number) >> 4 < 8 && (((b[0] as number) << 8) | (b[1] as number)) % 31 === 0;

/** Inflates with `make` step by step; undefined when the data is not that format or too big. */
function inflateWith(
  bytes: Uint8Array,
  make: (ondata: (chunk: Uint8Array) => void) => { push(c: Uint8Array, final?: boolean): void },
): Uint8Array | 'too big' | undefined {
  const chunks: Uint8Array[] = [];
  let size = 0;
  const stream = make((chunk) => {
    size += chunk.length;
    if (size <= MAX_INFLATED_BYTES) chunks.push(chunk);
  });
  try {
    for (let i = 0; i < bytes.length && size <= MAX_INFLATED_BYTES; i += STEP)
      stream.push(bytes.subarray(i, i + STEP), i + STEP >= bytes.length);
  } catch {
    return undefined;
  }
  if (size > MAX_INFLATED_BYTES) return 'too big';
  const out = new Uint8Array(size);
  let at = 0;
  for (const c of chunks) {
    out.set(c, at);
    at += c.length;
  }
  return out;
}

function utf8(bytes: Uint8Array): string | undefined {
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    return undefined;
  }
}

/**
 * The text of a base64 body: gzip and zlib bodies (told by their magic bytes) inflated, then
 * plain UTF-8, then raw deflate (which has no magic bytes) as the last guess. Undefined, with a
 * problem sentence, when none of these gives text.
 */
export function binaryBodyText(base64: string, problems: string[]): string | undefined {
  const bytes = base64Bytes(base64);
  if (!bytes) {
    problems.push('The body is marked base64 but is not base64 text, so it was not decoded.');
    return undefined;
  }
  const compressed = isGzip(bytes) ? 'gzip' : isZlib(bytes) ? 'deflate' : undefined;
  if (compressed) {
    const out = inflateWith(bytes, (ondata) => new Decompress(ondata));
    if (out === 'too big') {
      problems.push(`The ${compressed} body inflates to more than ${MAX_INFLATED_BYTES / 1024 / 1024} MB, so it was not decoded.`);
      return undefined;
    }
    const text = out && utf8(out);
    if (text !== undefined) return text;
    problems.push(`The body looks ${compressed}-compressed (${bytes.length} bytes) but does not inflate to text, so it was not decoded.`);
    return undefined;
  }
  const plain = utf8(bytes);
  if (plain !== undefined) return plain;
  const raw = inflateWith(bytes, (ondata) => new Inflate(ondata));
  const text = raw instanceof Uint8Array && raw.length > 0 ? utf8(raw) : undefined;
  if (text !== undefined) return text;
  problems.push(`The body is ${bytes.length} bytes of binary data that is neither gzip, deflate nor text, so it was not decoded.`);
  return undefined;
}
