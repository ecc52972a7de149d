import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { LIMITS } from '../../lib/capture/records';
import { parseBatch, validateRecords } from '../../lib/capture/validate';

const T = 1_700_000_000_000;
const page = 'https://shop.example/cart';
const beacon = { kind: 'request', api: 'beacon', t: T, url: 'https://c.example/collect?v=2', method: 'POST', body: 'a=1', pageUrl: page };
const push = { kind: 'push', t: T, target: 'dataLayer', value: { event: 'purchase', items: [{ id: 'A', price: 12 }] }, pageUrl: page };
const pageRec = { kind: 'page', t: T, url: page, referrer: 'https://ref.example/' };
const routeRec = { kind: 'route', t: T, url: 'https://shop.example/app/cart', from: 'https://shop.example/app/', how: 'push' };
const batch = (records: unknown[], extra: object = {}) => JSON.stringify({ v: 1, records, ...extra });

describe('relay validation', () => {
  it('accepts a well-formed batch and rebuilds every record', () => {
    const records = parseBatch(batch([beacon, push, pageRec, routeRec, { ...routeRec, how: 'restore', from: '' }]));
    expect(records).toEqual([beacon, push, pageRec, routeRec, { ...routeRec, how: 'restore', from: '' }]);
  });

  it("keeps the page's user agent, language and time-zone offset (linker checksums cover them)", () => {
    const fp = { ...pageRec, userAgent: 'Mozilla/5.0 (X11; Linux x86_64) Chrome/131.0.0.0', language: 'ja-JP', timezoneOffset: -540 };
    expect(parseBatch(batch([fp]))).toEqual([fp]);
  });

  it('keeps a binary body kept as base64, with its encoding', () => {
    const gzip = { ...beacon, body: 'H4sIAAAAAAAAA6tWSi0qyi9SsgIAOvrnVQ0AAAA=', bodyEncoding: 'base64' };
    expect(parseBatch(batch([gzip]))).toEqual([gzip]);
  });

  it('normalises the method to upper case', () => {
    expect(parseBatch(batch([{ ...beacon, method: 'post' }]))?.[0]).toMatchObject({ method: 'POST' });
  });

  it.each([
    ['a number', 42],
    ['an object instead of JSON text', { v: 1, records: [beacon] }],
    ['malformed JSON', '{"v":1,'],
    ['an unknown version', batch([beacon], { v: 2 })],
    ['an extra top-level key', batch([beacon], { type: 'goalpost:clear' })],
    ['no records', batch([])],
    ['too many records', batch(Array.from({ length: LIMITS.records + 1 }, () => beacon))],
    ['an unknown kind', batch([{ ...beacon, kind: 'command' }])],
    ['an unknown api', batch([{ ...beacon, api: 'websocket' }])],
    ['an extra record key', batch([{ ...beacon, tabId: 3 }])],
    ['a missing field', batch([{ ...beacon, pageUrl: undefined }])],
    ['a javascript: URL', batch([{ ...beacon, url: 'javascript:alert(1)' }])],
    ['a URL over the limit', batch([{ ...beacon, url: `https://c.example/?${'a'.repeat(LIMITS.url)}` }])],
    ['a body over the limit', batch([{ ...beacon, body: 'x'.repeat(LIMITS.body + 1) }])],
    ['a body that is not text', batch([{ ...beacon, body: { a: 1 } }])],
    ['a method with spaces', batch([{ ...beacon, method: 'GET /x' }])],
    ['a status out of range', batch([{ ...beacon, status: 1000 }])],
    ['a body encoding other than base64', batch([{ ...beacon, body: 'H4sI', bodyEncoding: 'hex' }])],
    ['a body encoding without a body', batch([{ ...beacon, body: undefined, bodyEncoding: 'base64' }])],
    ['a time that is not a number', batch([{ ...beacon, t: '2026-01-01' }])],
    ['an unknown push target', batch([{ ...push, target: 'window.location' }])],
    ['a pushed value too deep', batch([{ ...push, value: JSON.parse('['.repeat(20) + ']'.repeat(20)) }])],
    ['a pushed value too large', batch([{ ...push, value: 'x'.repeat(LIMITS.value) }])],
    ['a page referrer that is not a URL', batch([{ ...pageRec, referrer: 'data:text/html,x' }])],
    ['a page time-zone offset that is not whole minutes', batch([{ ...pageRec, timezoneOffset: 90.5 }])],
    ['a page time-zone offset beyond a day', batch([{ ...pageRec, timezoneOffset: 1441 }])],
    ['a page user agent over the limit', batch([{ ...pageRec, userAgent: 'x'.repeat(LIMITS.note * 4 + 1) }])],
    ['a page language that is not text', batch([{ ...pageRec, language: ['en'] }])],
    ['a route of an unknown kind', batch([{ ...routeRec, how: 'reload' }])],
    ['a route to a javascript: URL', batch([{ ...routeRec, url: 'javascript:alert(1)' }])],
    ['a route without its from', batch([{ ...routeRec, from: undefined }])],
    ['a route with an extra key', batch([{ ...routeRec, state: { secret: 1 } }])],
    ['text over the batch limit', ' '.repeat(LIMITS.batch + 1)],
  ])('drops %s', (_label, detail) => {
    expect(parseBatch(detail)).toBeNull();
  });

  it('drops the whole batch when one record is bad', () => {
    expect(parseBatch(batch([beacon, { ...beacon, api: 'nope' }]))).toBeNull();
  });

  it('keeps nothing of the page object graph, and __proto__ keys stay plain data', () => {
    const text =
      '{"v":1,"records":[{"kind":"push","t":1,"target":"dataLayer","value":{"__proto__":{"polluted":true}},"pageUrl":"https://a.example/"}]}';
    const records = parseBatch(text);
    expect(records).not.toBeNull();
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
    expect(Object.getPrototypeOf((records?.[0] as { value: object } | undefined)?.value)).toBe(Object.prototype);
  });

  it('never throws, whatever the page posts', () => {
    fc.assert(
      fc.property(fc.oneof(fc.jsonValue(), fc.string(), fc.anything()), (v) => {
        const text = typeof v === 'string' ? v : JSON.stringify({ v: 1, records: [v] });
        const out = parseBatch(text);
        expect(out === null || Array.isArray(out)).toBe(true);
        expect(validateRecords([v])).toBeNull();
      }),
    );
  });
});
