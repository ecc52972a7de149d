import { describe, expect, it } from 'vitest';
import { decodePush, decodeRequest, listDecoders } from '../../lib/decoders/index';
import type { HitBody } from '../../lib/formats/journey';
import type { RawPush } from '../../lib/decoders/types';
import { requestCases } from './request-cases';
import { itDecodesEach } from './table';

describe('request decoders (table)', () => {
  itDecodesEach(requestCases);

  it('every decoder with request fixtures is covered by at least one case', () => {
    const covered = new Set(requestCases.map((c) => c.decoder));
    const mine = [
      'ga4',
      'ua',
      'google-ads',
      'gtm',
      'adobe',
      'adobe-websdk',
      'adobe-target',
      'meta',
      'tiktok',
      'linkedin',
      'segment',
      'mixpanel',
      'amplitude',
      'matomo',
      'snowplow',
      'optimizely',
      'vwo',
      'ptengine',
      'liveperson',
    ];
    const registered = new Set(listDecoders().map((d) => d.id));
    expect(mine.filter((id) => !registered.has(id))).toEqual([]);
    const missing = mine.filter((id) => !covered.has(id));
    expect(missing).toEqual([]);
  });
});

const PAGE = 'https://jewels.example/thanks';
interface PushCase {
  name: string;
  push: RawPush;
  decoder: string;
  hits: HitBody[];
}
const lp = (value: unknown): RawPush => ({ target: 'lpTag.sdes', value, pageUrl: PAGE });
const base = { vendor: 'liveperson', url: PAGE };

const pushCases: PushCase[] = [
  {
    name: 'LivePerson purchase, flat (spec example 05)',
    push: lp({ type: 'purchase', total: 12000, currency: 'JPY', orderId: 'O1' }),
    decoder: 'liveperson',
    hits: [{ ...base, kind: 'transaction', transaction: { total: 12000, currency: 'JPY', orderId: 'O1' } }],
  },
  {
    name: 'LivePerson purchase in an array, with a cart',
    push: lp([
      {
        type: 'purchase',
        total: 9000,
        currency: 'USD',
        orderId: 'O2',
        cart: { products: [{ product: { name: 'ring', price: 9000 }, quantity: 1 }] },
      },
    ]),
    decoder: 'liveperson',
    hits: [{ ...base, kind: 'transaction', transaction: { total: 9000, currency: 'USD', orderId: 'O2' } }],
  },
  {
    name: 'LivePerson lead, documented nested form',
    push: lp({ type: 'lead', lead: { topic: 'luxury car test drive', value: 22.22, leadId: 'xyz123' } }),
    decoder: 'liveperson',
    hits: [{ ...base, kind: 'lead', lead: { topic: 'luxury car test drive', leadId: 'xyz123', value: 22.22 } }],
  },
  {
    name: 'LivePerson lead, flat form with currency',
    push: lp({ type: 'lead', topic: 'newsletter', leadId: 'L9', value: '10', currency: 'EUR' }),
    decoder: 'liveperson',
    hits: [{ ...base, kind: 'lead', lead: { topic: 'newsletter', leadId: 'L9', value: 10, currency: 'EUR' } }],
  },
  {
    name: 'LivePerson service, nested, numeric status',
    push: lp({ type: 'service', service: { topic: 'gold card', status: 0, category: 'cards', serviceId: 'S1' } }),
    decoder: 'liveperson',
    hits: [{ ...base, kind: 'service', service: { topic: 'gold card', status: 0, serviceId: 'S1', category: 'cards' } }],
  },
  {
    name: 'LivePerson service, flat, status by name',
    push: lp({ type: 'service', topic: 'loan', status: 'Approved' }),
    decoder: 'liveperson',
    hits: [{ ...base, kind: 'service', service: { topic: 'loan', status: 'Approved' } }],
  },
  {
    name: 'LivePerson mixed array: cart, ctmrinfo, service',
    push: lp([
      { type: 'cart', total: 11.7, currency: 'USD', numItems: 6 },
      { type: 'ctmrinfo', info: { cstatus: 'cancelled', ctype: 'vip', customerId: '138766AC' } },
      { type: 'service', service: { topic: 'order', status: '7' } },
    ]),
    decoder: 'liveperson',
    hits: [
      { ...base, kind: 'event', name: 'cart' },
      { ...base, kind: 'event', name: 'ctmrinfo' },
      { ...base, kind: 'service', service: { topic: 'order', status: 7 } },
    ],
  },
  {
    name: 'LivePerson offer click is an engagement',
    push: { target: 'lpTag.events', value: { appName: 'LP_OFFERS', eventName: 'OFFER_CLICK', data: {} }, pageUrl: PAGE },
    decoder: 'liveperson',
    hits: [{ ...base, kind: 'engagement' }],
  },
  {
    name: 'dataLayer GA4 purchase',
    push: {
      target: 'dataLayer',
      value: { event: 'purchase', ecommerce: { transaction_id: 'T-1', value: 120, currency: 'USD' } },
      pageUrl: PAGE,
    },
    decoder: 'datalayer',
    hits: [
      { vendor: 'datalayer', url: PAGE, kind: 'event', name: 'purchase' },
      { vendor: 'datalayer', url: PAGE, kind: 'transaction', transaction: { total: 120, currency: 'USD', orderId: 'T-1' } },
    ],
  },
  {
    name: 'dataLayer UA enhanced ecommerce purchase without an event',
    push: {
      target: 'dataLayer',
      value: { ecommerce: { currencyCode: 'EUR', purchase: { actionField: { id: 'UA-O', revenue: '35.43' }, products: [] } } },
      pageUrl: PAGE,
    },
    decoder: 'datalayer',
    hits: [{ vendor: 'datalayer', url: PAGE, kind: 'transaction', transaction: { total: 35.43, currency: 'EUR', orderId: 'UA-O' } }],
  },
  {
    name: 'dataLayer gtag() arguments',
    push: { target: 'dataLayer', value: { 0: 'event', 1: 'sign_up', 2: { method: 'Google' } }, pageUrl: PAGE },
    decoder: 'datalayer',
    hits: [{ vendor: 'datalayer', url: PAGE, kind: 'event', name: 'sign_up' }],
  },
];

describe('push decoders (table)', () => {
  it.each(pushCases.map((c) => [c.name, c] as const))('%s', (_name, c) => {
    const d = decodePush(c.push);
    expect(d).not.toBeNull();
    expect(d!.decoder).toBe(c.decoder);
    expect(d!.hits).toEqual(c.hits);
  });

  it('GTM lifecycle events and unknown targets yield nothing', () => {
    expect(decodePush({ target: 'dataLayer', value: { event: 'gtm.js', 'gtm.start': 1 } })).toBeNull();
    expect(decodePush({ target: 'dataLayer', value: ['config', 'G-1'] })).toBeNull();
    expect(decodePush({ target: 'someQueue', value: { event: 'x' } })).toBeNull();
  });

  it('Ptengine setAccount names the account without a hit', () => {
    const d = decodePush({ target: '_pt_sp_2', value: 'setAccount,1a2b3c' });
    expect(d?.account).toBe('1a2b3c');
    expect(d?.hits).toEqual([]);
  });

  it('LivePerson SDEs without a type are reported, not dropped silently', () => {
    const d = decodePush(lp([{ total: 5 }, 'nonsense', { type: 'purchase', total: 'abc' }]));
    expect(d?.hits).toEqual([{ ...base, kind: 'transaction', transaction: { total: 0 } }]);
    expect(d?.problems).toEqual([
      'An engagement attribute has no type.',
      'An engagement attribute is not an object.',
      'A purchase has no readable total; counted as 0.',
    ]);
  });
});

describe('registry behaviour', () => {
  it('returns null for unparseable URLs and unknown hosts', () => {
    expect(decodeRequest({ url: 'not a url', method: 'GET' })).toBeNull();
    expect(decodeRequest({ url: 'https://shop.example/collect?v=2&foo=bar', method: 'GET' })).toBeNull();
  });

  it('lists request and push decoders with names', () => {
    const list = listDecoders();
    expect(list.find((d) => d.id === 'ga4')).toEqual({ id: 'ga4', name: 'Google Analytics 4', kind: 'request' });
    expect(list.filter((d) => d.kind === 'push').map((d) => d.id)).toEqual(['liveperson', 'ptengine', 'datalayer']);
  });

  it('cuts huge bodies and says so', () => {
    const line = `en=scroll&cid=1.1&tid=G-1\n`;
    const body = line.repeat(Math.ceil((300 * 1024) / line.length));
    const d = decodeRequest({ url: 'https://www.google-analytics.com/g/collect?v=2', method: 'POST', body });
    expect(d?.problems?.[0]).toMatch(/only the first 256 KB were decoded/);
    expect(d!.hits.length).toBeLessThan(body.split('\n').length - 1);
    expect(d!.hits.length).toBeGreaterThan(1000);
  });

  it('keeps undecodable escapes raw and reports them', () => {
    const d = decodeRequest({
      url: 'https://www.google-analytics.com/g/collect?v=2&tid=G-1&cid=1.1&en=page_view&dl=https%3A%2F%2Fshop.example%2F%E0%A4%A&dt=100%',
      method: 'GET',
    });
    expect(d?.hits[0]?.url).toBe('https://shop.example/%E0%A4%A');
    expect(d?.params.find((p) => p.key === 'dt')?.value).toBe('100%');
    expect(d?.problems?.[0]).toMatch(/undecodable percent-escape/);
  });
});
