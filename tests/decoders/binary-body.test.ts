import { deflateSync, gzipSync, zlibSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import { decodeRequest } from '../../lib/decoders';
import { binaryBodyText, MAX_INFLATED_BYTES } from '../../lib/decoders/util/binary-body';
import { replay } from '../../lib/engine';

const b64 = (bytes: Uint8Array): string => Buffer.from(bytes).toString('base64');
const utf8 = (text: string): Uint8Array => new TextEncoder().encode(text);

// An Amplitude upload as analytics-browser sends it (HTTP API v2), once gzipped by the page.
const upload = JSON.stringify({
  api_key: 'amp-key-1',
  events: [
    {
      event_type: '[Amplitude] Page Viewed',
      device_id: 'dev-1',
      session_id: 1700000000000,
      time: 1700000000000,
      insert_id: 'i-1',
      event_properties: { '[Amplitude] Page URL': 'https://shop.example/' },
    },
    { event_type: 'Added to cart', device_id: 'dev-1', session_id: 1700000000000, time: 1700000001000, insert_id: 'i-2' },
  ],
});

describe('binary bodies', () => {
  it.each([
    ['gzip (Amplitude, CompressionStream "gzip")', gzipSync(utf8(upload))],
    ['zlib (CompressionStream "deflate")', zlibSync(utf8(upload))],
    ['raw deflate (CompressionStream "deflate-raw", no magic bytes)', deflateSync(utf8(upload))],
    ['plain UTF-8 bytes', utf8(upload)],
  ])('%s inflate to the text the library compressed', (_label, bytes) => {
    const problems: string[] = [];
    expect(binaryBodyText(b64(bytes), problems)).toBe(upload);
    expect(problems).toEqual([]);
  });

  it.each([
    ['text that is not base64', '{"a":1}', /marked base64 but is not base64/],
    [
      'a truncated gzip stream',
      b64(gzipSync(utf8(upload)).subarray(0, 40)),
      /looks gzip-compressed \(40 bytes\) but does not inflate to text/,
    ],
    [
      'random bytes',
      b64(new Uint8Array([0xff, 0xfe, 0x00, 0x81, 0x13, 0x37, 0xc0, 0xc1])),
      /8 bytes of binary data that is neither gzip, deflate nor text/,
    ],
    ['a compression bomb', b64(gzipSync(new Uint8Array(MAX_INFLATED_BYTES + 1024))), /inflates to more than/],
  ])('%s give no text and one sentence', (_label, body, message) => {
    const problems: string[] = [];
    expect(binaryBodyText(body, problems)).toBeUndefined();
    expect(problems).toHaveLength(1);
    expect(problems[0]).toMatch(message);
  });

  it('a gzipped upload decodes as the vendor reads it, and counts', () => {
    const req = {
      url: 'https://api2.amplitude.com/2/httpapi',
      method: 'POST',
      body: b64(gzipSync(utf8(upload))),
      bodyEncoding: 'base64' as const,
    };
    const d = decodeRequest(req);
    expect(d).toMatchObject({ decoder: 'amplitude', account: 'amp-key-1' });
    expect(d?.problems ?? []).toEqual([]);
    expect(d?.hits.map((h) => [h.kind, h.clientId])).toEqual([
      ['pageview', 'dev-1'],
      ['event', 'dev-1'],
    ]);
    const report = replay([{ type: 'request', t: 1700000000000, ...req, pageUrl: 'https://shop.example/' }], {
      format: 'goalpost.goals/1',
      vendors: ['amplitude'],
      goals: [],
    });
    expect(report.visitors).toHaveLength(1);
    expect(report.sessions).toHaveLength(1);
  });

  it('the same bytes without their encoding are read as they are (an unmarked body is text)', () => {
    const d = decodeRequest({ url: 'https://api2.amplitude.com/2/httpapi', method: 'POST', body: b64(gzipSync(utf8(upload))) });
    expect(d?.hits ?? []).toEqual([]);
  });
});
