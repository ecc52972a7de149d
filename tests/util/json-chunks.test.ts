import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { jsonChunks } from '../../lib/util/json-chunks';

const joined = (value: unknown, indent: number, size?: number) => [...jsonChunks(value, indent, size)].join('');

describe('JSON in pieces', () => {
  it('is the text JSON.stringify writes, at any indent and piece size', () => {
    fc.assert(
      fc.property(fc.jsonValue(), fc.constantFrom(0, 2, 4), fc.integer({ min: 1, max: 64 }), (value, indent, size) => {
        expect(joined(value, indent, size)).toBe(JSON.stringify(value, null, indent));
      }),
      { numRuns: 500 },
    );
  });

  it('skips or nulls what JSON cannot hold, and honours toJSON, as JSON.stringify does', () => {
    const value = {
      gone: undefined,
      fn: () => 1,
      list: [undefined, () => 1, Symbol('s'), null, new Date(0), { deep: [[], {}, [1, { x: [2] }]] }],
      at: new Date(86_400_000),
      text: 'line\nbreak "quoted"',
    };
    for (const indent of [0, 2]) expect(joined(value, indent, 3)).toBe(JSON.stringify(value, null, indent));
    expect(joined(undefined, 2)).toBe('');
  });

  it('hands a large report out in bounded pieces, each array element by element', () => {
    const report = {
      format: 'goalpost.report/1',
      pages: Array.from({ length: 20_000 }, (_, i) => ({ t: i, url: `https://a.example/p/${i}`, vendors: { ga4: { hits: 1 } } })),
      goals: [{ id: 'g', occurrences: Array.from({ length: 20_000 }, (_, i) => ({ t: i, counted: i % 2 === 0 })) }],
    };
    const pieces = [...jsonChunks(report, 2, 1 << 14)];
    expect(pieces.length).toBeGreaterThan(50);
    // A piece passes the size by at most one element's text.
    expect(Math.max(...pieces.map((p) => p.length))).toBeLessThan((1 << 14) + 200);
    expect(pieces.join('')).toBe(JSON.stringify(report, null, 2));
  });
});
