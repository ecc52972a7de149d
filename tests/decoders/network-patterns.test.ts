import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { decodeRequest } from '../../lib/decoders';
import fc from 'fast-check';
import {
  compilePatterns,
  endpointPatterns,
  literalOf,
  matchesTrackingPattern,
  TRACKING_LITERALS,
  TRACKING_PATTERNS,
} from '../../lib/decoders/network-patterns';
import { moreRequestCases } from './more-vendors-cases';
import { requestCases } from './request-cases';
import { wireCases } from './wire-cases';

interface Sample {
  url: string;
  method?: string;
  body?: unknown;
}

const samples = JSON.parse(readFileSync(new URL('../fixtures/conformance/omnibug-samples.json', import.meta.url), 'utf8')) as Sample[];

/** Every fixture request, as the network (and the hook, after resolving) sees its URL. */
const requests = [
  ...[...requestCases, ...moreRequestCases, ...wireCases].map((c) => ({ name: c.name, req: c.req })),
  ...samples.map((s, i) => ({
    name: `conformance #${i}`,
    req: { url: s.url, method: s.method ?? 'GET', ...(typeof s.body === 'string' ? { body: s.body } : {}) },
  })),
];

describe('tracking network patterns', () => {
  const recognised = requests.filter(({ req }) => decodeRequest(req) !== null);

  it('has fixtures to check against', () => {
    expect(recognised.length).toBeGreaterThan(150);
  });

  it('covers every request a decoder recognises in the fixtures', () => {
    // The fragment never leaves the browser: neither webRequest nor the hook sees it.
    const wire = (url: string) => Object.assign(new URL(url), { hash: '' }).href;
    const missed = recognised.filter(({ req }) => !matchesTrackingPattern(wire(req.url))).map(({ name, req }) => `${name}: ${req.url}`);
    expect(missed).toEqual([]);
  });

  it.each([
    'https://shop.example/',
    'https://shop.example/checkout/thanks?order=1',
    'https://shop.example/api/cart',
    'https://shop.example/api/cart?items=3',
    'https://cdn.shop.example/img/hero.jpg?w=800',
    'https://cdn.shop.example/css/site.css',
    'https://fonts.gstatic.com/s/roboto/v30/font.woff2',
    'https://shop.example/collections/summer',
    'https://shop.example/batch-orders/1',
    'https://shop.example/collect-points',
    'https://www.google.com/search?q=shoes',
    'https://www.facebook.com/shop.example',
    'https://shop.example/index.html#/g/collect',
    'https://shop.example/blog/g/collections',
    'https://shop.example/g/cart?x=1',
    'https://shop.example/page?v=2&tab=G-1',
    'https://shop.example/search?q=v%3D2%26tid%3DG-1',
  ])('does not cover ordinary traffic: %s', (url) => {
    expect(matchesTrackingPattern(url)).toBe(false);
  });

  it.each([
    'https://shop.example/metrics/g/collect?v=2&tid=G-SHOP42&en=page_view',
    'https://shop.example/metrics/ag/g/c?v=2&tid=G-SHOP42&en=page_view',
    'https://shop.example/x7k2q?v=2&tid=G-SHOP42&gtm=45je&en=page_view',
    'https://data.shop.example:8443/gw/g/c?v=2&tid=G-SHOP42',
  ])('covers GA4 collection on first-party paths: %s', (url) => {
    expect(matchesTrackingPattern(url)).toBe(true);
    expect(decodeRequest({ url, method: 'POST', body: 'en=page_view' })?.decoder).toBe('ga4');
  });

  it('reads patterns the way Chrome does: scheme, subdomains, ports, path over path and query', () => {
    const re = compilePatterns(['*://*.vendor.example/*', '*://*/g/collect', '*://*/g/collect?*', 'https://exact.example/p/*']);
    expect(re.test('http://vendor.example/x')).toBe(true);
    expect(re.test('https://a.b.vendor.example:8443/x?y=1')).toBe(true);
    expect(re.test('https://notvendor.example/x')).toBe(false);
    expect(re.test('https://vendor.example.evil/x')).toBe(false);
    expect(re.test('http://sgtm.shop.example:8080/g/collect?v=2')).toBe(true);
    expect(re.test('http://shop.example/g/collected')).toBe(false);
    expect(re.test('https://exact.example/p/1')).toBe(true);
    expect(re.test('http://exact.example/p/1')).toBe(false);
    expect(re.test('ftp://vendor.example/x')).toBe(false);
  });

  it('lists only patterns Chrome accepts (scheme, host, path; "*" only leading in hosts)', () => {
    for (const p of TRACKING_PATTERNS) expect(p).toMatch(/^(\*|https?):\/\/(\*|(\*\.)?[a-z0-9.-]+)\/[^#]*$/);
  });

  it('adds custom endpoints: exact hosts and ".suffix" hosts with a path prefix', () => {
    const patterns = endpointPatterns([{ host: 'collect.shop.example', path: '/t' }, { host: '.metrics.example' }, { host: 'bad host/' }]);
    expect(patterns).toEqual(['*://collect.shop.example/t*', '*://*.metrics.example/*']);
    const re = compilePatterns(patterns);
    expect(re.test('https://collect.shop.example/t/hit?x=1')).toBe(true);
    expect(re.test('https://collect.shop.example/other')).toBe(false);
    expect(re.test('https://eu.metrics.example/anything')).toBe(true);
    expect(re.test('https://metrics.example/')).toBe(true);
  });

  it('finds a literal of every URL the list covers, so the quick search never skips tracking', () => {
    const wire = (url: string) => Object.assign(new URL(url), { hash: '' }).href;
    const covered = requests.map(({ req }) => wire(req.url)).filter(matchesTrackingPattern);
    expect(covered.length).toBeGreaterThan(150);
    expect(covered.filter((u) => !TRACKING_LITERALS.test(u))).toEqual([]);
  });

  it('finds a literal in any URL built to match a pattern (wildcards filled with any text, ports, subdomains)', () => {
    const filler = fc.string({ unit: fc.constantFrom('a', 'Z', '0', '-', '.', '/', '?', '&', '=', '%', '_', '~'), maxLength: 12 });
    const fill = (pattern: string, parts: string[], sub: string, port: string) => {
      const m = /^(\*|https?):\/\/([^/]*)(\/.*)$/.exec(pattern) as RegExpExecArray;
      const host = m[2] === '*' ? 'any.example' : (m[2] as string).replace(/^\*\./, sub === '' ? '' : `${sub}.`);
      let i = 0;
      const path = (m[3] as string).replace(/\*/g, () => (parts[i++] ?? '').replace(/#/g, ''));
      return `${m[1] === '*' ? 'https' : m[1]}://${host.replace(/[/?]/g, '')}${port}${path}`;
    };
    let matched = 0;
    fc.assert(
      fc.property(
        fc.constantFrom(...TRACKING_PATTERNS),
        fc.array(filler, { minLength: 4, maxLength: 4 }),
        fc.constantFrom('', 'www', 'eu.data'),
        fc.constantFrom('', ':8443'),
        (pattern, parts, sub, port) => {
          const url = fill(pattern, parts, sub, port);
          if (!compilePatterns([pattern]).test(url)) return true;
          matched++;
          return TRACKING_LITERALS.test(url);
        },
      ),
      { numRuns: 2_000 },
    );
    // Most generated URLs do match their pattern, or the property would prove little.
    expect(matched).toBeGreaterThan(1_000);
  });

  it.each([
    ['*://*.vendor.example/*', 'vendor.example'],
    ['*://*/*hit.xiti*', 'hit.xiti'],
    ['*://*/g/collect?*', '/g/collect?'],
    ['https://exact.example/p/*', 'exact.example'],
  ])('takes the longest literal run of %s', (pattern, literal) => {
    expect(literalOf(pattern)).toBe(literal);
  });
});
