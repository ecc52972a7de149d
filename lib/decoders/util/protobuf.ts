/**
 * Just enough of the protobuf wire format (protobuf.dev/programming-guides/encoding) to read
 * one string field out of a message a vendor stores in a cookie. Every read is bounds-checked:
 * a truncated or hostile value gives undefined, never an exception or a long loop.
 */

interface Varint {
  value: number;
  end: number;
}

/** A varint at `at` (at most 10 bytes); values past 2^53 lose precision, which no caller needs. */
function varint(bytes: Uint8Array, at: number): Varint | undefined {
  let value = 0;
  let scale = 1;
  for (let i = at; i < bytes.length && i < at + 10; i++) {
    const b = bytes[i]!;
    value += (b & 0x7f) * scale;
    scale *= 128;
    if ((b & 0x80) === 0) return { value, end: i + 1 };
  }
  return undefined;
}

/** The first top-level field `field` of wire type LEN, as UTF-8 text; undefined when absent or malformed. */
export function protobufString(bytes: Uint8Array, field: number): string | undefined {
  let at = 0;
  while (at < bytes.length) {
    const tag = varint(bytes, at);
    if (!tag) return undefined;
    at = tag.end;
    const wireType = tag.value % 8;
    const number = Math.floor(tag.value / 8);
    if (wireType === 0) {
      const v = varint(bytes, at);
      if (!v) return undefined;
      at = v.end;
    } else if (wireType === 1) at += 8;
    else if (wireType === 5) at += 4;
    else if (wireType === 2) {
      const len = varint(bytes, at);
      if (!len || len.end + len.value > bytes.length) return undefined;
      if (number === field) return new TextDecoder('utf-8').decode(bytes.subarray(len.end, len.end + len.value));
      at = len.end + len.value;
    } else return undefined; // groups (3, 4) are deprecated and unknown types mean a different format
  }
  return undefined;
}
