/**
 * Google's link parameters. The `_gl` vectors are AMP's published linker test vectors (a
 * Google-maintained implementation of the same format): user agent, language, time-zone offset
 * and time known, value given.
 */
import { describe, expect, it } from 'vitest';
import {
  checkGaLinker,
  checkGl,
  makeGaLinker,
  makeGl,
  checkGoogleLink,
  crc32,
  gaHash,
  glChecksum,
  linkValue,
  parseGaLinker,
  parseGl,
  type Fingerprint,
} from '../../lib/engine/google-linker';

const AMP_FP: Fingerprint = {
  userAgent: 'Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/67.0.3396.99 Safari/537.36',
  language: 'en-US',
  timezoneOffset: 420,
};
const AMP_T = 1533329483292;
const MIN = 60_000;

describe('_gl checksum', () => {
  it('is the standard CRC-32', () => {
    expect(crc32('')).toBe(0);
    expect(crc32('123456789')).toBe(0xcbf43926);
    expect(crc32('The quick brown fox jumps over the lazy dog')).toBe(0x414fa339);
  });

  it.each([
    ['a GA client id', '_ga*MTIxODQzNTA1NS4xNTM2MTg4OTEz', '5x9ojm'],
    ['one pair', 'key1*dmFsdWUx', '1f66u1p'],
    ['a short value', 'foo*MTIz', '14cn7x'],
    ['several pairs', 'key1*dmFsdWUx*name*Ym9i*color*Z3JlZW4.*car*dGVzbGE.', '6orwo8'],
  ])('matches the published vector: %s', (_name, serialised, checksum) => {
    expect(glChecksum(AMP_FP, Math.floor(AMP_T / MIN), serialised)).toBe(checksum);
  });

  it('makes what it checks: the published vector again', () => {
    expect(makeGl({ _ga: '1218435055.1536188913' }, AMP_FP, AMP_T)).toBe('1*5x9ojm*_ga*MTIxODQzNTA1NS4xNTM2MTg4OTEz');
  });

  it('decodes the pairs (base64 with "." padding)', () => {
    expect(parseGl('1*5x9ojm*_ga*MTIxODQzNTA1NS4xNTM2MTg4OTEz')).toEqual({
      checksum: '5x9ojm',
      serialised: '_ga*MTIxODQzNTA1NS4xNTM2MTg4OTEz',
      ids: { _ga: '1218435055.1536188913' },
    });
    for (const bad of ['1*x', '2*5x9ojm*_ga*MTIz', '1*5x9ojm*_ga', '1*5x9ojm*<b>*MTIz', '']) expect(parseGl(bad)).toBeUndefined();
  });
});

describe('_gl is accepted in the minute it was made and the next', () => {
  const value = '1*1f66u1p*key1*dmFsdWUx';
  it.each([
    ['the same minute', 0, { status: 'valid' }],
    ['the next minute', 1, { status: 'valid' }],
    ['two minutes later: stale', 2, { status: 'stale', minutesOld: 2 }],
    ['a redirect that took 7 minutes', 7, { status: 'stale', minutesOld: 7 }],
    ['opened from an email 3 hours later', 180, { status: 'stale', minutesOld: 180 }],
  ])('%s', (_name, minutes, verdict) => {
    expect(checkGl(value, AMP_FP, AMP_T + minutes * MIN)).toMatchObject({ param: '_gl', ...verdict });
  });

  it.each<[string, Partial<Fingerprint>]>([
    ['another browser', { userAgent: 'Mozilla/5.0 (iPhone; CPU iPhone OS 17_0 like Mac OS X)' }],
    ['another language', { language: 'ja' }],
    ['another time zone', { timezoneOffset: -540 }],
  ])('made in %s: altered', (_name, other) => {
    expect(checkGl(value, { ...AMP_FP, ...other }, AMP_T).status).toBe('altered');
  });

  it('an id changed on the way: altered; without a fingerprint: unverified; not a link: malformed', () => {
    expect(checkGl('1*5x9ojm*_ga*MTIxODQzNTA1NS4xNTM2MTg4OTE0', AMP_FP, AMP_T).status).toBe('altered');
    expect(checkGl('1*5x9ojm*_ga*MTIxODQzNTA1NS4xNTM2MTg4OTEz', undefined, AMP_T)).toEqual({
      param: '_gl',
      status: 'unverified',
      clientId: '1218435055.1536188913',
    });
    expect(checkGl('1*x', AMP_FP, AMP_T).status).toBe('malformed');
  });
});

describe('analytics.js _ga link (lives two minutes)', () => {
  it('reads both versions and refuses cookie values', () => {
    expect(parseGaLinker('1.123456.1218435055.1536188913')).toEqual({ version: '1', hash: 123456, clientId: '1218435055.1536188913' });
    expect(parseGaLinker('2.987.1033154101.1587046163-1556796380.1587046163')).toEqual({
      version: '2',
      hash: 987,
      gid: '1033154101.1587046163',
      clientId: '1556796380.1587046163',
    });
    for (const bad of ['GA1.2.1218435055.1536188913', '3.1.2.3', '2.1.nodash', '1.x.1.2']) expect(parseGaLinker(bad)).toBeUndefined();
  });

  it("Google's string hash keeps 28 bits and hashes the empty string to 1", () => {
    expect(gaHash('')).toBe(1);
    for (const s of ['a', 'shop.example', 'x'.repeat(500)]) expect(gaHash(s)).toBeLessThan(2 ** 28);
    expect(gaHash('ab')).not.toBe(gaHash('ba'));
  });

  it.each([
    [0, { status: 'valid' }],
    [1, { status: 'valid' }],
    [2, { status: 'valid' }],
    [3, { status: 'stale', minutesOld: 3 }],
    [45, { status: 'stale', minutesOld: 45 }],
  ])('a link read %i minutes after it was made', (minutes, verdict) => {
    const made = AMP_T;
    const v = makeGaLinker('1033154101.1587046163', '1556796380.1587046163', AMP_FP, made);
    expect(checkGaLinker(v, AMP_FP, made + minutes * MIN)).toMatchObject({ param: '_ga', clientId: '1556796380.1587046163', ...verdict });
  });

  it("across midnight in the browser's own time zone the two minutes still hold", () => {
    // 23:59:30 local (UTC-7) on 2018-08-03: the window crosses into the next local day.
    const made = Date.parse('2018-08-04T06:59:30Z');
    const v = makeGaLinker('1.2', '3.4', AMP_FP, made);
    expect(checkGaLinker(v, AMP_FP, made + 2 * MIN).status).toBe('valid');
  });

  it('a hash of another browser is altered; a version-1 mismatch cannot be told from a plugin list', () => {
    const v = makeGaLinker('1.2', '3.4', AMP_FP, AMP_T);
    expect(checkGaLinker(v, { ...AMP_FP, language: 'fr-FR' }, AMP_T).status).toBe('altered');
    expect(checkGaLinker('1.5.1556796380.1587046163', AMP_FP, AMP_T).status).toBe('unverified');
    expect(checkGaLinker('GA1.2.3.4', AMP_FP, AMP_T).status).toBe('malformed');
  });
});

describe('on a URL', () => {
  it('reads the query or the fragment, and only Google parameters', () => {
    expect(linkValue('https://pay.example/p?a=1&_gl=1*abc*_ga*MTIz#x', '_gl')).toBe('1*abc*_ga*MTIz');
    expect(linkValue('https://pay.example/p#_gl=1*abc*_ga*MTIz', '_gl')).toBe('1*abc*_ga*MTIz');
    expect(checkGoogleLink('_pt_link', 'https://pay.example/p?_pt_link=x', AMP_FP, AMP_T)).toBeUndefined();
    expect(checkGoogleLink('_gl', 'https://pay.example/p?_gl=1*1f66u1p*key1*dmFsdWUx', AMP_FP, AMP_T)?.status).toBe('valid');
  });
});
