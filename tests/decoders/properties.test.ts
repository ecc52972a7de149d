import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { decodePush, decodeRequest, listDecoders } from '../../lib/decoders/index';
import { requestCases } from './request-cases';

// One URL per decoder so garbage reaches every vendor's decode path, not just the matcher.
const urls = requestCases.map((c) => c.req.url);
const paths = urls.map((u) => {
  const url = new URL(u);
  return `${url.origin}${url.pathname}`;
});

describe('decoders never throw on garbage', () => {
  it('garbage queries and bodies on every vendor endpoint', () => {
    fc.assert(
      fc.property(
        fc.constantFrom(...paths),
        fc.string({ maxLength: 200 }),
        fc.option(fc.oneof(fc.string({ maxLength: 400 }), fc.json({ maxDepth: 4 })), { nil: undefined }),
        fc.constantFrom('GET', 'POST', 'post', ''),
        (path, query, body, method) => {
          const d = decodeRequest({ url: `${path}?${query}`, method, body });
          if (d) {
            expect(Array.isArray(d.hits)).toBe(true);
            for (const h of d.hits) expect(typeof h.url).toBe('string');
            for (const p of d.params) expect(typeof p.value).toBe('string');
          }
        },
      ),
      { numRuns: 600 },
    );
  });

  it('real requests with a corrupted body mark what they could not read', () => {
    const withBody = requestCases.filter((c) => c.req.body && /^\s*[{[]/.test(c.req.body));
    for (const c of withBody) {
      const d = decodeRequest({ ...c.req, body: c.req.body!.slice(0, Math.floor(c.req.body!.length / 2)) });
      expect(d?.decoder).toBe(c.decoder);
      expect(d?.problems?.length ?? 0).toBeGreaterThan(0);
    }
  });

  it('arbitrary request-shaped values, even non-objects', () => {
    fc.assert(
      fc.property(fc.anything(), (value) => {
        expect(() => decodeRequest(value as never)).not.toThrow();
        expect(() => decodePush(value as never)).not.toThrow();
      }),
      { numRuns: 300 },
    );
  });

  it('arbitrary push values on every push target', () => {
    const targets = ['lpTag.sdes', 'lpTag.sdes.send', 'lpTag.events', '_pt_sp_2', 'dataLayer'];
    fc.assert(
      fc.property(fc.constantFrom(...targets), fc.anything(), (target, value) => {
        const d = decodePush({ target, value, pageUrl: 'https://shop.example/' });
        if (d) for (const h of d.hits) expect(h.url).toBe('https://shop.example/');
      }),
      { numRuns: 600 },
    );
  });

  it('the registry lists every decoder once', () => {
    const ids = listDecoders().map((d) => `${d.kind}:${d.id}`);
    expect(new Set(ids).size).toBe(ids.length);
  });
});
