import { describe, expect, it } from 'vitest';
import { at, hit, nav, run } from './build';
import type { ModelName } from '../../lib/formats/goals';
import type { JourneyEvent } from '../../lib/formats/journey';

function hop(fromUrl: string, toUrl: string, hitTo = toUrl.replace(/[?#].*$/, ''), vendor = 'ptengine'): JourneyEvent[] {
  return [
    nav(at(0), fromUrl),
    hit(at(0, 1), fromUrl, { vendor }),
    nav(at(1), toUrl, { referrer: fromUrl }),
    hit(at(1, 1), hitTo, { vendor }),
  ];
}

describe('simulated cookies per registrable domain (Public Suffix List)', () => {
  it('subdomains under a multi-part suffix share one visitor', () => {
    const r = run(hop('https://www.shop.co.uk/cart', 'https://sp.shop.co.uk/pay'));
    expect(r.visitors).toHaveLength(1);
    expect(r.sessions).toHaveLength(1);
    expect(r.findings.filter((f) => f.code === 'cross-domain-break')).toEqual([]);
  });
  it('two registrable domains under one suffix are two visitors, with a cross-domain break', () => {
    const r = run(hop('https://a.co.uk/cart', 'https://b.co.uk/pay'));
    expect(r.visitors).toHaveLength(2);
    const f = r.findings.find((x) => x.code === 'cross-domain-break');
    expect(f?.severity).toBe('error');
    expect(f?.message).toContain('a.co.uk and b.co.uk');
    expect(f?.message).toContain('_pt_link was absent');
    expect(r.hops).toEqual([
      expect.objectContaining({ from: 'a.co.uk', to: 'b.co.uk', linked: false, visitorFrom: 'v1', visitorTo: 'v2' }),
    ]);
  });
  it('a clientId is the visitor whatever the domain', () => {
    const r = run([hit(at(0), 'https://a.example/', { clientId: 'X' }), hit(at(1), 'https://b.example/', { clientId: 'X' })]);
    expect(r.visitors.map((v) => v.id)).toEqual(['X']);
  });
  it('several browsers are several people', () => {
    const r = run([hit(at(0), 'https://shop.example/', { browser: 'alice' }), hit(at(0), 'https://shop.example/', { browser: 'bob' })]);
    expect(r.visitors.map((v) => v.browser)).toEqual(['alice', 'bob']);
    expect(r.sessions).toHaveLength(2);
  });
});

describe('cross-domain link parameter', () => {
  it.each<[string, ModelName, string, number]>([
    ['ptengine, fragment', 'ptengine', 'https://pay.example/p#_pt_link=abc', 1],
    ['ptengine, query', 'ptengine', 'https://pay.example/p?x=1&_pt_link=abc', 1],
    ['ptengine ignores _gl', 'ptengine', 'https://pay.example/p?_gl=1*abc', 2],
    ['ga4, query', 'ga4', 'https://pay.example/p?_gl=1*abc', 1],
    ['ga4, fragment', 'ga4', 'https://pay.example/p#_gl=1*abc', 1],
    ['ga4 ignores _pt_link', 'ga4', 'https://pay.example/p?_pt_link=abc', 2],
    ['ua, _ga', 'ua', 'https://pay.example/p?_ga=2.1.2', 1],
    ['ua, _gl', 'ua', 'https://pay.example/p?_gl=1*x', 1],
    ['liveengage has none', 'liveengage', 'https://pay.example/p?_gl=1*x&_pt_link=a', 2],
    ['parameter name must match exactly', 'ptengine', 'https://pay.example/p?x_pt_link=abc', 2],
  ])('%s', (_label, model, landing, visitors) => {
    const r = run(hop('https://shop.example/cart', landing), [], {}, model);
    expect(r.visitors).toHaveLength(visitors);
    expect(r.findings.some((f) => f.code === 'cross-domain-break')).toBe(visitors === 2);
    if (visitors === 1) expect(r.hops?.[0]).toMatchObject({ linked: true });
  });

  it('present but not honoured: the landing domain is not in crossDomain', () => {
    const r = run(
      hop('https://shop.example/cart', 'https://pay.example/p?_gl=1*x'),
      [],
      { crossDomain: { domains: ['shop.example'] } },
      'ga4',
    );
    const f = r.findings.find((x) => x.code === 'cross-domain-break');
    expect(f?.message).toMatch(/link parameter _gl was on the landing URL, because pay\.example is not in crossDomain\.domains/);
    expect(f?.message).toContain('only shop.example is in crossDomain.domains');
  });

  it('present but not honoured by the vendor: two client ids despite the parameter', () => {
    const r = run(
      [
        nav(at(0), 'https://shop.example/cart'),
        hit(at(0, 1), 'https://shop.example/cart', { vendor: 'ga4', clientId: '1.1' }),
        nav(at(1), 'https://pay.example/p?_gl=1*x'),
        hit(at(1, 1), 'https://pay.example/p?_gl=1*x', { vendor: 'ga4', clientId: '2.2' }),
      ],
      [],
      { crossDomain: { domains: ['shop.example', 'pay.example'] } },
      'ga4',
    );
    const f = r.findings.find((x) => x.code === 'cross-domain-break');
    expect(f?.message).toContain('did not honour it');
    expect(f?.message).toContain('both domains are in crossDomain.domains');
    expect(f?.message).toContain('1.1, then 2.2');
  });

  it('on the link but not on the landing URL (a redirect dropped it)', () => {
    const r = run([
      nav(at(0), 'https://shop.example/cart'),
      hit(at(0, 1), 'https://shop.example/cart'),
      nav(at(1), 'https://pay.example/go#_pt_link=abc'),
      nav(at(1, 1), 'https://pay.example/pay'),
      hit(at(1, 2), 'https://pay.example/pay'),
    ]);
    expect(r.visitors).toHaveLength(2);
    expect(r.findings.find((x) => x.code === 'cross-domain-break')?.message).toContain(
      'the link parameter _pt_link was on the link but not on the landing URL',
    );
  });

  it('the same domain listed in crossDomain is named in the sentence when the parameter is absent', () => {
    const r = run(hop('https://shop.example/cart', 'https://pay.example/p'), [], {
      crossDomain: { domains: ['shop.example', 'www.pay.example'] },
    });
    expect(r.findings.find((x) => x.code === 'cross-domain-break')?.message).toMatch(
      /^Set up cross-domain tracking for shop\.example and pay\.example: .*absent.*both domains are in crossDomain\.domains\.$/,
    );
  });
});
