import { describe, expect, it } from 'vitest';
import { parseQuery, looksLikeForm } from '../../lib/decoders/util/fields';
import { safeDecode } from '../../lib/decoders/util/percent';
import { hostMatches, pathStartsWith } from '../../lib/decoders/util/match';
import { describe as describeParams } from '../../lib/decoders/util/params';
import { num, parseJson, flatten } from '../../lib/decoders/util/json';
import { base64Bytes } from '../../lib/decoders/util/base64';
import { protobufString } from '../../lib/decoders/util/protobuf';

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
    const params = describeParams(
      [
        ['tid', 'G-1'],
        ['ep.plan', 'pro'],
        ['zz', '1'],
      ],
      { tid: { label: 'Measurement ID', group: 'General' }, 'ep.*': { label: 'Event parameter', group: 'Event' } },
    );
    expect(params).toEqual([
      { key: 'tid', label: 'Measurement ID', value: 'G-1', group: 'General' },
      { key: 'ep.plan', label: 'Event parameter plan', value: 'pro', group: 'Event' },
      { key: 'zz', label: 'zz', value: '1', group: 'Other' },
    ]);
  });

  it('base64Bytes reads both alphabets with or without padding, and refuses what is not base64', () => {
    expect([...base64Bytes('+/8=')!]).toEqual([0xfb, 0xff]);
    expect([...base64Bytes('-_8')!]).toEqual([0xfb, 0xff]);
    expect(base64Bytes('not base64!')).toBeUndefined();
    expect(base64Bytes('')).toBeUndefined();
  });

  it('protobufString finds a LEN field past varint, 64-bit, 32-bit and other LEN fields', () => {
    const text = [...Buffer.from('hello')];
    // field 2 varint 300, field 3 fixed64, field 4 fixed32, field 5 LEN "xy", then field 1 LEN "hello"
    const bytes = Uint8Array.from([
      0x10,
      0xac,
      0x02,
      0x19,
      1,
      2,
      3,
      4,
      5,
      6,
      7,
      8,
      0x25,
      1,
      2,
      3,
      4,
      0x2a,
      2,
      0x78,
      0x79,
      0x0a,
      text.length,
      ...text,
    ]);
    expect(protobufString(bytes, 1)).toBe('hello');
    expect(protobufString(bytes, 5)).toBe('xy');
    expect(protobufString(bytes, 9)).toBeUndefined();
  });

  it('protobufString gives undefined for truncated, overlong or unknown-type input, without throwing', () => {
    expect(protobufString(Uint8Array.from([0x0a, 10, 0x61]), 1)).toBeUndefined(); // length past the end
    expect(protobufString(Uint8Array.from([0x10, 0x80, 0x80]), 1)).toBeUndefined(); // varint never ends
    expect(protobufString(Uint8Array.from(new Array(12).fill(0xff)), 1)).toBeUndefined(); // varint over 10 bytes
    expect(protobufString(Uint8Array.from([0x0b, 0x0a, 1, 0x61]), 1)).toBeUndefined(); // group start: not this format
    expect(protobufString(new Uint8Array(0), 1)).toBeUndefined();
  });
});
