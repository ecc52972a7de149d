import { describe, expect, it } from 'vitest';
import { at, hit, nav, push, run } from './build';

const thanks = { id: 'thanks', when: { url: { contains: '/thanks' } } };

describe('whose hits are counted', () => {
  it('a page tagged by two vendors is one visitor reaching the goal once, under the model vendor', () => {
    const r = run(
      [
        nav(at(0), 'https://shop.example/thanks'),
        hit(at(0, 1), 'https://shop.example/thanks'),
        hit(at(0, 2), 'https://shop.example/thanks', { vendor: 'ga4', clientId: 'GA.1' }),
      ],
      [thanks],
    );
    expect(r.counted).toEqual(['ptengine']);
    expect(r.visitors).toHaveLength(1);
    expect(r.goals[0]).toMatchObject({ sessions: 1, users: 1, total: 1 });
    // Both tags still show on the page.
    expect(Object.keys(r.pages[0]!.vendors).sort()).toEqual(['ga4', 'ptengine']);
  });

  it('the ga4 model counts GA4 hits and their client id', () => {
    const r = run(
      [hit(at(0), 'https://shop.example/thanks'), hit(at(0, 2), 'https://shop.example/thanks', { vendor: 'ga4', clientId: 'GA.1' })],
      [thanks],
      {},
      'ga4',
    );
    expect(r.counted).toEqual(['ga4']);
    expect(r.visitors.map((v) => v.id)).toEqual(['GA.1']);
    expect(r.goals[0]!.total).toBe(1);
  });

  it('a journey without the model vendor counts every vendor rather than nothing', () => {
    const r = run([hit(at(0), 'https://shop.example/thanks', { vendor: 'adobe', clientId: 'MID1' })], [thanks]);
    expect(r.counted).toEqual(['adobe']);
    expect(r.goals[0]!.total).toBe(1);
  });

  it('dataLayer pushes never double a vendor hit unless the goals name them', () => {
    const purchase = { event: 'purchase', ecommerce: { transaction_id: 'T1', value: 50, currency: 'EUR' } };
    const events = [
      hit(at(0), 'https://shop.example/thanks', { vendor: 'adobe', clientId: 'MID1' }),
      push(at(0, 1), purchase, { target: 'dataLayer', pageUrl: 'https://shop.example/thanks' }),
    ];
    const goal = { id: 'order', when: { transaction: {} } };
    expect(run(events, [goal]).goals[0]!.total).toBe(0);
    const named = run(events, [goal], { vendors: ['datalayer'] });
    expect(named.counted).toEqual(['datalayer']);
    expect(named.goals[0]!.total).toBe(1);
  });

  it("an A/B tool's experience shown before the counted tag's first hit still precedes the goal", () => {
    const r = run(
      [
        nav(at(0), 'https://shop.example/checkout'),
        hit(at(0, 1), 'https://shop.example/checkout', {
          vendor: 'optimizely',
          clientId: 'OPT',
          kind: 'experience',
          experience: { id: 'exp-9', variant: 'b' },
        }),
        hit(at(0, 2), 'https://shop.example/checkout'),
        nav(at(1), 'https://shop.example/thanks'),
        hit(at(1, 1), 'https://shop.example/thanks'),
      ],
      [{ ...thanks, experience: 'exp-9' }],
    );
    expect(r.visitors).toHaveLength(1);
    expect(r.goals[0]!.occurrences.map((o) => o.reason)).toEqual(['counted']);
  });

  it("an A/B tool's experience shown after the goal makes it before-experience", () => {
    const r = run(
      [
        nav(at(0), 'https://shop.example/thanks'),
        hit(at(0, 1), 'https://shop.example/thanks'),
        hit(at(0, 5), 'https://shop.example/thanks', { vendor: 'vwo', kind: 'experience', experience: { id: 'exp-9' } }),
      ],
      [{ ...thanks, experience: 'exp-9' }],
    );
    expect(r.goals[0]!.occurrences.map((o) => o.reason)).toEqual(['before-experience']);
  });

  it('a tag without ids of its own joins the person its neighbour tag identified in that browser', () => {
    const r = run(
      [
        nav(at(0), 'https://jewels.example/thanks'),
        hit(at(0, 1), 'https://jewels.example/thanks', { clientId: 'PT-1' }),
        push(at(0, 2), { type: 'purchase', total: 20000, currency: 'JPY', orderId: 'O1' }, { pageUrl: 'https://jewels.example/thanks' }),
      ],
      [thanks, { id: 'sale', when: { transaction: { moreThan: 10000 } } }],
      { vendors: ['ptengine', 'liveperson'] },
    );
    expect(r.visitors.map((v) => v.id)).toEqual(['PT-1']);
    expect(r.goals.map((g) => [g.id, g.users, g.total])).toEqual([
      ['thanks', 1, 1],
      ['sale', 1, 1],
    ]);
  });

  it("the untagged-page rule is about Ptengine's own tag, not a tag that fires on some pages only", () => {
    const r = run(
      [
        nav(at(0), 'https://shop.example/a'),
        hit(at(0, 1), 'https://shop.example/a'),
        hit(at(0, 2), 'https://shop.example/a', { vendor: 'optimizely', kind: 'event', name: 'view' }),
        nav(at(1), 'https://shop.example/b'),
        hit(at(1, 1), 'https://shop.example/b'),
        nav(at(2), 'https://shop.example/c'),
        hit(at(2, 1), 'https://shop.example/c'),
        hit(at(2, 2), 'https://shop.example/c', { vendor: 'optimizely', kind: 'event', name: 'view' }),
      ],
      [],
      { vendors: ['ptengine', 'optimizely'] },
    );
    expect(r.sessions.map((x) => x.reason)).toEqual(['first']);
  });

  it("an id-less hit on a linked landing page joins the id read on that page, not the domain's earlier visitor", () => {
    const lp = (t: number, url: string) => push(t, { type: 'purchase', total: 1, orderId: `O${t}` }, { pageUrl: url });
    const r = run(
      [
        nav(at(0), 'https://shop.example/cart'),
        hit(at(0, 1), 'https://shop.example/cart', { clientId: 'A' }),
        nav(at(1), 'https://pay.example/pay'),
        hit(at(1, 1), 'https://pay.example/pay', { clientId: 'P' }),
        nav(at(2), 'https://shop.example/cart'),
        hit(at(2, 1), 'https://shop.example/cart', { clientId: 'A' }),
        nav(at(3), 'https://pay.example/pay#_pt_link=A'),
        lp(at(3, 1), 'https://pay.example/pay'),
        hit(at(3, 2), 'https://pay.example/pay', { clientId: 'A' }),
      ],
      [],
      { vendors: ['ptengine', 'liveperson'] },
    );
    expect(r.hops!.map((h) => h.linked)).toEqual([false, false, true]);
    // The two unlinked hops break; the linked one, whose first hit there is the id-less push, does not.
    expect(r.findings.filter((f) => f.code === 'cross-domain-break').map((f) => f.t)).toEqual([
      new Date(at(1)).toISOString(),
      new Date(at(2)).toISOString(),
    ]);
  });
});
