// @vitest-environment happy-dom
import { gzipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import { MAX_BINARY_BYTES, readBody, type BodyText } from '../../lib/capture/hook/body';
import { takeNatives } from '../../lib/capture/hook/natives';
import { LIMITS } from '../../lib/capture/records';

const n = takeNatives(window as unknown as Window & typeof globalThis);
const gzip = gzipSync(new TextEncoder().encode(JSON.stringify({ api_key: 'k', events: [{ event_type: 'x' }] })));
const b64 = (bytes: Uint8Array): string => Buffer.from(bytes).toString('base64');

describe('the hook keeps binary bodies whole', () => {
  it.each([
    ['an ArrayBuffer', gzip.slice().buffer],
    ['a typed array', gzip],
    ['a view into a bigger buffer', new Uint8Array(new Uint8Array([9, 9, ...gzip, 9]).buffer, 2, gzip.length)],
  ])('%s of gzip bytes as base64', (_label, body) => {
    expect(readBody(body, n)).toEqual({ body: b64(gzip), bodyEncoding: 'base64' });
  });

  it('base64 of the largest binary body kept fits the relay limit', () => {
    const big = new Uint8Array(MAX_BINARY_BYTES).fill(0x8b);
    const out = readBody(big, n) as BodyText;
    expect(out.bodyEncoding).toBe('base64');
    expect(out.body?.length).toBeLessThanOrEqual(LIMITS.body);
  });

  it('a bigger binary body is noted, not cut (a cut compressed body could not be inflated)', () => {
    expect(readBody(new Uint8Array(MAX_BINARY_BYTES + 1).fill(0x8b), n)).toEqual({
      bodyNote: `binary typed array of ${MAX_BINARY_BYTES + 1} bytes not shown (over ${MAX_BINARY_BYTES} bytes)`,
    });
  });

  it('text bytes stay text', () => {
    expect(readBody(new TextEncoder().encode('{"a":1}'), n)).toEqual({ body: '{"a":1}' });
  });
});
