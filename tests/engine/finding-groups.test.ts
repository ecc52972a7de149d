import { describe, expect, it } from 'vitest';
import { groupFindings, pagePattern, plainGroup } from '../../lib/engine/finding-groups';
import type { Finding, FindingCode, Severity } from '../../lib/formats/report';

const T = (s: number) => new Date(Date.parse('2026-03-01T10:00:00Z') + s * 1000).toISOString();

function finding(code: FindingCode, severity: Severity, seconds: number | undefined, extra: Partial<Finding> = {}): Finding {
  return {
    code,
    severity,
    message: `${code} ${seconds ?? '-'} ${extra.url ?? ''}`,
    ...(seconds === undefined ? {} : { t: T(seconds) }),
    ...extra,
  };
}
const failed = (s: number, url: string, vendor = 'ga4') => finding('tag-failed', 'error', s, { url, vendor });

describe('pagePattern: the page with ids collapsed', () => {
  it.each([
    ['https://www.shop.example/p/17', 'www.shop.example/p/:id'],
    ['https://www.shop.example/thanks?order=A1001', 'www.shop.example/thanks'],
    ['http://www.shop.example:40163/product/espresso-machine', 'www.shop.example/product/espresso-machine'],
    ['https://shop.example/order/A1001/receipt', 'shop.example/order/:id/receipt'],
    ['https://shop.example/u/3f2504e0-4f89-11d3-9a0c-0305e82c3301/cart', 'shop.example/u/:id/cart'],
    ['https://shop.example/s/5d41402abc4b2a76', 'shop.example/s/:id'],
    ['https://shop.example/t/Zx8k2Pq9LmN4vB7wQ', 'shop.example/t/:id'],
    ['https://shop.example/v2/cart', 'shop.example/v2/cart'],
    ['https://shop.example/2026/03/spring', 'shop.example/:id/:id/spring'],
    ['https://shop.example', 'shop.example/'],
    ['https://shop.example#top', 'shop.example/'],
    ['https://shop.example?q=1', 'shop.example/'],
    ['https://SHOP.example/Cart', 'shop.example/Cart'],
    ['not a url?x=1', 'not a url'],
  ])('%s → %s', (url, pattern) => {
    expect(pagePattern(url)).toBe(pattern);
  });
});

describe('groupFindings', () => {
  it('groups by code, vendor and registrable domain; a goal finding also by goal', () => {
    const groups = groupFindings([
      failed(1, 'https://www.shop.example/p/1'),
      failed(2, 'https://m.shop.example/p/2'),
      failed(3, 'https://www.shop.example/p/3', 'ptengine'),
      failed(4, 'https://pay.example-checkout.com/pay'),
      finding('tag-missing', 'error', 5, { url: 'https://www.shop.example/p/1', vendor: 'ga4' }),
      finding('goal-before-experience', 'warning', 6, { url: 'https://www.shop.example/thanks', goal: 'thanks', session: 's1' }),
      finding('goal-before-experience', 'warning', 7, { url: 'https://www.shop.example/thanks', goal: 'thanks', session: 's2' }),
      finding('goal-before-experience', 'warning', 8, { url: 'https://www.shop.example/thanks', goal: 'cart', session: 's2' }),
      finding('conversion-goal-mismatch', 'info', 9, { goal: 'thanks' }),
      finding('tag-failed', 'error', 10, { url: 'http://127.0.0.1:8080/x', vendor: 'ga4' }),
    ]);
    expect(groups.map(({ code, vendor, site, goal, count }) => [code, vendor, site, goal, count])).toEqual([
      ['tag-failed', 'ga4', 'shop.example', undefined, 2],
      ['tag-failed', 'ptengine', 'shop.example', undefined, 1],
      ['tag-failed', 'ga4', 'example-checkout.com', undefined, 1],
      ['tag-missing', 'ga4', 'shop.example', undefined, 1],
      ['tag-failed', 'ga4', '127.0.0.1', undefined, 1],
      ['goal-before-experience', undefined, 'shop.example', 'thanks', 2],
      ['goal-before-experience', undefined, 'shop.example', 'cart', 1],
      ['conversion-goal-mismatch', undefined, undefined, 'thanks', 1],
    ]);
    expect(groups[0]!.pages).toEqual([
      { pattern: 'm.shop.example/p/:id', count: 1 },
      { pattern: 'www.shop.example/p/:id', count: 1 },
    ]);
    expect(groups.at(-1)!.pages).toEqual([]);
  });

  it('orders worst first: severity, then the most findings, then the earliest, then the report’s order', () => {
    const groups = groupFindings([
      finding('session-timeout', 'info', 1, { url: 'https://a.example/', vendor: 'ga4' }),
      finding('goal-before-experience', 'warning', 2, { url: 'https://a.example/', goal: 'g' }),
      failed(30, 'https://b.example/'),
      failed(20, 'https://c.example/'),
      failed(21, 'https://c.example/'),
      failed(10, 'https://d.example/'),
      finding('tag-missing', 'error', 10, { url: 'https://d.example/', vendor: 'ga4' }),
      finding('cross-domain-break', 'error', undefined, { url: 'https://e.example/' }),
    ]);
    expect(groups.map((g) => `${g.severity} ${g.code} ${g.site}`)).toEqual([
      'error tag-failed c.example',
      'error tag-failed d.example',
      'error tag-missing d.example',
      'error tag-failed b.example',
      'error cross-domain-break e.example',
      'warning goal-before-experience a.example',
      'info session-timeout a.example',
    ]);
  });

  it('reads a report without repeats in the old order: severity, then time', () => {
    const findings = [
      finding('cross-domain-break', 'error', 3, { url: 'https://pay.example/' }),
      finding('conversion-goal-mismatch', 'info', 4, { goal: 'a' }),
      finding('tag-missing', 'error', 5, { url: 'https://shop.example/x', vendor: 'ptengine' }),
      finding('goal-before-experience', 'warning', 6, { url: 'https://shop.example/c', goal: 'a' }),
    ];
    expect(groupFindings(findings).map((g) => g.examples)).toEqual([[findings[0]], [findings[2]], [findings[3]], [findings[1]]]);
  });

  it('takes first and last by time, whatever the order they come in', () => {
    const [g] = groupFindings([
      failed(50, 'https://shop.example/a'),
      failed(10, 'https://shop.example/a'),
      failed(30, 'https://shop.example/a'),
    ]);
    expect([g!.first, g!.last]).toEqual([T(10), T(50)]);
    const [untimed] = groupFindings([finding('cross-domain-break', 'error', undefined, { url: 'https://shop.example/' })]);
    expect([untimed!.first, untimed!.last]).toEqual([undefined, undefined]);
  });

  it('keeps a small group whole and a large one as its first, another page and its last', () => {
    const small = [failed(3, 'https://shop.example/p/1'), failed(1, 'https://shop.example/p/2'), failed(2, 'https://shop.example/cart')];
    expect(groupFindings(small)[0]!.examples).toEqual([small[1], small[2], small[0]]);

    const onePage = [1, 2, 3, 4, 5].map((s) => failed(s, `https://shop.example/p/${s}`));
    expect(groupFindings(onePage)[0]!.examples).toEqual([onePage[0], onePage[1], onePage[4]]);

    const spread = [
      failed(1, 'https://shop.example/p/1'),
      failed(2, 'https://shop.example/p/2'),
      failed(3, 'https://shop.example/cart'),
      failed(4, 'https://shop.example/search?q=a'),
      failed(5, 'https://shop.example/search?q=b'),
      failed(6, 'https://shop.example/p/3'),
    ];
    // The other page with the most findings (search, 2) before the one with fewer (cart, 1).
    expect(groupFindings(spread)[0]!.examples).toEqual([spread[0], spread[3], spread[5]]);
    expect(groupFindings(spread, { examples: 1 })[0]!.examples).toEqual([spread[0]]);
  });

  it('lists the five pages with the most findings and counts the rest', () => {
    const findings = [1, 2, 3, 4, 5, 6, 7].flatMap((n) =>
      Array.from({ length: n }, (_, i) => failed(n * 10 + i, `https://shop.example/s${'x'.repeat(n)}`)),
    );
    const [g] = groupFindings(findings);
    expect(g!.count).toBe(28);
    expect(g!.pages.map((p) => p.count)).toEqual([7, 6, 5, 4, 3]);
    expect(g!.otherPages).toBe(3);
  });

  it('gives a view its members and writes no view fields into the report', () => {
    const findings = [failed(1, 'https://shop.example/a'), failed(2, 'https://shop.example/b'), failed(3, 'https://other.example/')];
    const groups = groupFindings(findings, { members: true });
    expect(groups.map((g) => g.members)).toEqual([[findings[0], findings[1]], [findings[2]]]);
    expect(groups[0]!.key).not.toBe(groups[1]!.key);
    expect(Object.keys(plainGroup(groups[0]!)).sort()).toEqual([
      'code',
      'count',
      'examples',
      'first',
      'last',
      'pages',
      'severity',
      'site',
      'vendor',
    ]);
    expect(groupFindings(findings)[0]!.members).toBeUndefined();
  });
});
