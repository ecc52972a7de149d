import { describe, expect, it } from 'vitest';
import { parseQuery, looksLikeForm } from '../../lib/decoders/util/fields';
import { safeDecode } from '../../lib/decoders/util/percent';
import { hostMatches, pathStartsWith } from '../../lib/decoders/util/match';
import { describe as describeParams } from '../../lib/decoders/util/params';
import { num, parseJson, flatten } from '../../lib/decoders/util/json';

describe('decoding helpers', () => {
  it('safeDecode keeps only the broken escape raw', () => {
    const problems: string[] = [];
    expect(safeDecode('a%20b+c%E0%A4%A%41', problems)).toBe('a b c%E0%A4%AA');
    expect(problems).toHaveLength(1);
    expect(safeDecode('100%', problems)).toBe('100%');
  });

  it('parseQuery keeps repeated keys in order', () => {
    const f = parseQuery('?a=1&b=&a=2&c');
    expect(f.getAll('a')).toEqual(['1', '2']);
    expect(f.get('b')).toBe('');
    expect(f.has('c')).toBe(true);
    expect(f.first('b', 'a')).toBe('1');
  });

  it('looksLikeForm tells form bodies from JSON and text', () => {
    expect(looksLikeForm('a=1&b=2')).toBe(true);
    expect(looksLikeForm('{"a":1}')).toBe(false);
    expect(looksLikeForm('hello')).toBe(false);
  });

  it('parseJson reports garbage instead of throwing', () => {
    const problems: string[] = [];
    expect(parseJson('{oops', problems)).toBeUndefined();
    expect(problems[0]).toMatch(/^The body is not valid JSON/);
    expect(parseJson('\uFEFF[1]', problems)).toEqual([1]);
  });

  it('num reads numbers and numeric strings only', () => {
    expect(num('1,234.5')).toBe(1234.5);
    expect(num('12abc')).toBeUndefined();
    expect(num(Number.NaN)).toBeUndefined();
  });

  it('flatten bounds its output', () => {
    const deep = JSON.parse('['.repeat(20) + ']'.repeat(20));
    expect(flatten(deep)).toHaveLength(1);
    expect(flatten(Array.from({ length: 2000 }, (_, i) => i)).length).toBeLessThanOrEqual(500);
  });

  it('host and path patterns', () => {
    expect(hostMatches('a.shop.example', '.shop.example')).toBe(true);
    expect(hostMatches('shop.example', '.shop.example')).toBe(true);
    expect(hostMatches('badshop.example', '.shop.example')).toBe(false);
    expect(hostMatches('Shop.Example.', 'shop.example')).toBe(true);
    expect(pathStartsWith('/v1/t', '/v1')).toBe(true);
    expect(pathStartsWith('/v10', '/v1')).toBe(false);
  });

  it('describe labels known keys, prefix rules and unknown keys', () => {
    const params = describeParams([['tid', 'G-1'], ['ep.plan', 'pro'], ['zz', '1']], { tid: { label: 'Measurement ID', group: 'General' }, 'ep.*': { label: 'Event parameter', group: 'Event' } });
    expect(params).toEqual([
      { key: 'tid', label: 'Measurement ID', value: 'G-1', group: 'General' },
      { key: 'ep.plan', label: 'Event parameter plan', value: 'pro', group: 'Event' },
      { key: 'zz', label: 'zz', value: '1', group: 'Other' },
    ]);
  });
});
