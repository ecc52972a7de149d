/** base64 as the vendors write it: standard or URL-safe alphabet, padding optional. */

/** The bytes `text` encodes; undefined when it is not base64. */
export function base64Bytes(text: string): Uint8Array | undefined {
  const t = text.trim().replace(/-/g, '+').replace(/_/g, '/');
  if (t === '' || !/^[A-Za-z0-9+/]+=*$/.test(t)) return undefined;
  try {
    const bin = atob(t.padEnd(Math.ceil(t.length / 4) * 4, '='));
    return Uint8Array.from(bin, (c) => c.charCodeAt(0));
  } catch {
    return undefined;
  }
}
