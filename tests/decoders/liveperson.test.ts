/**
 * LivePerson as its web tag and APIs speak. Request shapes follow what public recordings of real
 * sites show the tag sending (`va.v.liveperson.net/api/js/<site>?sid=…&cb=lpCb…&t=sp&ts=…&pid=…
 * &tid=…&vid=…&rvt=…&u=…&df=0&os=0`, a first visit's `sp` without ids, `&sdes=[…]`), and the
 * developer center's Monitoring API, Engagement Attributes API, SDE types and Web Tag events.
 */
import { describe, expect, it } from 'vitest';
import { decodePush, decodeRequest } from '../../lib/decoders/index';
import type { HitBody } from '../../lib/formats/journey';
import type { RequestCase } from './request-cases';
import { itDecodesEach } from './table';

const enc = (v: unknown) => encodeURIComponent(typeof v === 'string' ? v : JSON.stringify(v));
const SITE = '58507821';
const VID = 'U5MTNjZGUzYjA2MjcyNTk1';
const SID = 'aFKaaWZlQueDa41Ci38lzg';
const CART = 'https://m.shop.example/cart';
const THANKS = 'https://m.shop.example/thanks';
const report = (params: string) => `https://va.v.liveperson.net/api/js/${SITE}?${params}`;
const ids = { vendor: 'liveperson', account: SITE, clientId: VID, sessionId: SID };

const cases: RequestCase[] = [
  {
    name: 'page start (sp) of a returning visitor: a page view with LivePerson visitor and session ids',
    req: {
      method: 'GET',
      url: report(
        `sid=${SID}&cb=lpCb38037x32407&t=sp&ts=1497253991567&pid=6684145455&tid=1033325825&vid=${VID}&rvt=1497253974531&u=${enc(CART)}&df=0&os=0`,
      ),
    },
    decoder: 'liveperson',
    account: SITE,
    requestType: 'Page start (sp)',
    hits: [{ ...ids, kind: 'pageview', url: CART }],
  },
  {
    name: "a first visit's page start has no ids yet (the answer assigns them) and carries title, sections and SDEs",
    req: {
      method: 'GET',
      url: `https://va.v.liveperson.net/api/js/48719195?&cb=lpCb2316x15742&t=sp&ts=1585968675293&pid=3018057214&tid=558093679&pt=${enc('Stores | Shop')}&u=${enc('https://www.shop.example/stores')}&sec=${enc(['US', 'unknown'])}&df=0&os=1&sdes=${enc([{ type: 'ctmrinfo', info: { cstatus: 'shop.example' } }])}&identities=${enc([{ iss: 'LivePerson', acr: '0' }])}`,
    },
    decoder: 'liveperson',
    account: '48719195',
    requestType: 'Page start (sp)',
    hits: [
      { vendor: 'liveperson', account: '48719195', kind: 'pageview', url: 'https://www.shop.example/stores' },
      { vendor: 'liveperson', account: '48719195', kind: 'event', name: 'ctmrinfo', url: 'https://www.shop.example/stores' },
    ],
  },
  {
    name: 'page loaded (pl) reports the same page again: no page view',
    req: {
      method: 'GET',
      url: report(`sid=${SID}&cb=lpCb75191x44809&t=pl&ts=1497253991572&pid=6684145455&tid=1033325825&vid=${VID}`),
      pageUrl: CART,
    },
    decoder: 'liveperson',
    account: SITE,
    requestType: 'Page loaded (pl)',
    hits: [],
  },
  {
    name: 'in-page poll (ip) with nothing new: no hit',
    req: {
      method: 'GET',
      url: report(`sid=${SID}&cb=lpCb75822x79794&t=ip&ts=1497254023074&pid=6684145455&tid=1033325825&vid=${VID}`),
      pageUrl: CART,
    },
    decoder: 'liveperson',
    account: SITE,
    requestType: 'In-page poll (ip)',
    hits: [],
  },
  {
    name: 'a page start carrying purchase, lead, service and searchInfo SDEs',
    req: {
      method: 'GET',
      url: report(
        `sid=${SID}&cb=lpCb1x2&t=sp&ts=1&pid=1&tid=2&vid=${VID}&u=${enc(THANKS)}&pt=Thanks&r=${enc(CART)}&sdes=${enc([
          {
            type: 'purchase',
            total: 11.7,
            currency: 'USD',
            orderId: 'DRV1534XC',
            cart: { products: [{ product: { name: 'antivirus pro plan', sku: 'xyz001', price: 7.8 }, quantity: 3 }] },
          },
          { type: 'lead', lead: { topic: 'luxury car test drive 2015', value: 22.22, currency: 'USD', leadId: 'xyz123' } },
          { type: 'service', service: { topic: 'order checkbook', status: 0, category: 'finance', serviceId: 'service12' } },
          { type: 'searchInfo', keywords: ['Reset password'] },
        ])}`,
      ),
    },
    decoder: 'liveperson',
    account: SITE,
    requestType: 'Page start (sp)',
    hits: [
      { ...ids, kind: 'pageview', url: THANKS, referrer: CART },
      { ...ids, kind: 'transaction', url: THANKS, transaction: { total: 11.7, currency: 'USD', orderId: 'DRV1534XC' } },
      { ...ids, kind: 'lead', url: THANKS, lead: { topic: 'luxury car test drive 2015', leadId: 'xyz123', value: 22.22, currency: 'USD' } },
      {
        ...ids,
        kind: 'service',
        url: THANKS,
        service: { topic: 'order checkbook', status: 0, serviceId: 'service12', category: 'finance' },
      },
      { ...ids, kind: 'event', url: THANKS, name: 'searchInfo' },
    ],
  },
  {
    name: 'an in-page report carrying an SDE sent after the page started: the SDE only, on the page that sent it',
    req: {
      method: 'GET',
      url: report(
        `sid=${SID}&cb=lpCb3x1&t=ip&ts=2&pid=1&tid=2&vid=${VID}&sdes=${enc([{ type: 'lead', lead: { topic: 'chat', leadId: 'L1' } }])}`,
      ),
      pageUrl: CART,
    },
    decoder: 'liveperson',
    account: SITE,
    requestType: 'In-page poll (ip)',
    hits: [{ ...ids, kind: 'lead', url: CART, lead: { topic: 'chat', leadId: 'L1' } }],
  },
  {
    name: 'Monitoring API report: SDEs and impression events of an app, with its visitor and session',
    req: {
      method: 'PUT',
      url: `https://va.v.liveperson.net/api/account/${SITE}/app/123/report?v=1.0&vid=myVisitorId&sid=mySessionId`,
      body: JSON.stringify({
        consumerId: 'myConsumerId',
        pageId: '4743822558',
        entryPoints: ['tel://972737004000', 'http://www.brand.com'],
        engagementAttributes: [
          { type: 'purchase', total: 11.7, orderId: 'DRV1534XC' },
          { type: 'lead', lead: { topic: 'luxury car test drive 2015', value: 22.22, leadId: 'xyz123' } },
          {
            type: 'impDisplay',
            campaign: 3115242510,
            engId: 3115242810,
            revision: 537,
            eContext: [{ type: 'engagementContext', id: '1' }],
          },
          { type: 'impAccept', campaign: 3115242510, engId: 3115242810, revision: 537 },
        ],
      }),
    },
    decoder: 'liveperson',
    account: SITE,
    requestType: 'Monitoring API report: purchase, lead, impDisplay, impAccept',
    hits: ((b) => [
      { ...b, kind: 'transaction', transaction: { total: 11.7, orderId: 'DRV1534XC' } },
      { ...b, kind: 'lead', lead: { topic: 'luxury car test drive 2015', leadId: 'xyz123', value: 22.22 } },
      { ...b, kind: 'experience', experience: { id: '3115242810' } },
      { ...b, kind: 'engagement' },
    ])({ vendor: 'liveperson', url: '', account: SITE, clientId: 'myVisitorId', sessionId: 'mySessionId' }) as HitBody[],
  },
  {
    name: 'Monitoring API engagement request: its SDEs, no ids yet on a first call',
    req: {
      method: 'POST',
      url: `https://va.v.liveperson.net/api/account/${SITE}/app/123/engagement?v=1.0`,
      pageUrl: 'https://app.example/',
      body: JSON.stringify({ engagementAttributes: [{ type: 'personal', personal: { firstname: 'test', gender: 'FEMALE' } }] }),
    },
    decoder: 'liveperson',
    account: SITE,
    requestType: 'Monitoring API engagement: personal',
    hits: [{ vendor: 'liveperson', account: SITE, url: 'https://app.example/', kind: 'event', name: 'personal' }],
  },
  {
    name: 'Engagement Attributes API: the visitor in the path, the session in the query, the SDE array as body',
    req: {
      method: 'POST',
      url: `https://lo.v.liveperson.net/api/account/1234/monitoring/visitors/xyz/visits/current/events?v=1&sid=rty.uio`,
      body: JSON.stringify([
        { type: 'lead', lead: { topic: 'inquiry', value: 200, leadId: 'xyz123' } },
        { type: 'service', service: { topic: 'add authorized user', status: 0, category: 'account maintenance', serviceId: 'service12' } },
      ]),
    },
    decoder: 'liveperson',
    account: '1234',
    requestType: 'Engagement Attributes API: lead, service',
    hits: ((b) => [
      { ...b, kind: 'lead', lead: { topic: 'inquiry', leadId: 'xyz123', value: 200 } },
      {
        ...b,
        kind: 'service',
        service: { topic: 'add authorized user', status: 0, serviceId: 'service12', category: 'account maintenance' },
      },
    ])({ vendor: 'liveperson', url: '', account: '1234', clientId: 'xyz', sessionId: 'rty.uio' }) as HitBody[],
  },
  {
    name: 'the taglet configuration is vendor traffic naming the account',
    req: {
      method: 'GET',
      url: `https://lptag.liveperson.net/lptag/api/account/${SITE}/configuration/applications/taglets/.jsonp?df=0&b=1`,
    },
    decoder: 'liveperson',
    account: SITE,
    role: 'other',
    hits: [],
  },
];

describe('LivePerson requests (table)', () => {
  itDecodesEach(cases);
});

describe('LivePerson requests that cannot be fully read', () => {
  it('keeps the page view of a report whose sdes parameter is not JSON, and says why', () => {
    const d = decodeRequest({ method: 'GET', url: report(`sid=${SID}&vid=${VID}&t=sp&u=${enc(CART)}&sdes=%5B%7Btype%3Apurchase`) })!;
    expect(d.hits.map((h) => h.kind)).toEqual(['pageview']);
    expect(d.problems?.join(' ')).toMatch(/sdes parameter is not valid JSON/);
  });

  it('reads a purchase without a total as 0 and says so', () => {
    const d = decodeRequest({ method: 'GET', url: report(`t=sp&u=${enc(THANKS)}&sdes=${enc([{ type: 'purchase', orderId: 'X' }])}`) })!;
    expect(d.hits[1]).toMatchObject({ kind: 'transaction', transaction: { total: 0, orderId: 'X' } });
    expect(d.problems).toContain('A purchase has no readable total; counted as 0.');
  });

  it('names a Monitoring API report without a body and one with garbage', () => {
    const url = `https://va.v.liveperson.net/api/account/${SITE}/app/123/report?v=1.0&vid=v&sid=s`;
    expect(decodeRequest({ method: 'PUT', url })!.problems?.[0]).toMatch(/no body/);
    const garbage = decodeRequest({ method: 'PUT', url, body: '\u0000\u0001{' })!;
    expect(garbage.hits).toEqual([]);
    expect(garbage.problems?.[0]).toMatch(/not valid JSON/);
    expect(decodeRequest({ method: 'PUT', url, body: '{"pageId":"1"}' })!.problems).toContain('The body has no engagementAttributes.');
  });

  it('an impDisplay without an engagement id yields no experience, with a problem', () => {
    const d = decodeRequest({
      method: 'PUT',
      url: `https://va.v.liveperson.net/api/account/${SITE}/app/1/report?v=1&vid=v&sid=s`,
      body: JSON.stringify({ engagementAttributes: [{ type: 'impDisplay', campaign: 1 }] }),
    })!;
    expect(d.hits).toEqual([]);
    expect(d.problems).toContain('An impDisplay event names no engagement (engId).');
  });
});

describe('LivePerson page API pushes', () => {
  const PAGE = 'https://shop.example/product';
  it('lpTag.sdes.send: what was passed, one SDE or an array', () => {
    const d = decodePush({
      target: 'lpTag.sdes.send',
      value: [
        { type: 'lead', lead: { topic: 'chat', leadId: 'L7' } },
        { type: 'cart', total: 1 },
      ],
      pageUrl: PAGE,
    })!;
    expect(d.requestType).toBe('lpTag.sdes.send: lead, cart');
    expect(d.hits).toEqual([
      { vendor: 'liveperson', url: PAGE, kind: 'lead', lead: { topic: 'chat', leadId: 'L7' } },
      { vendor: 'liveperson', url: PAGE, kind: 'event', name: 'cart' },
    ]);
  });

  it('lpTag.sdes.send with a callback: the callback the hook recorded is not an SDE', () => {
    const d = decodePush({
      target: 'lpTag.sdes.send',
      value: [[{ type: 'purchase', total: 5, orderId: 'P1' }], '[function]'],
      pageUrl: PAGE,
    })!;
    expect(d.hits).toEqual([{ vendor: 'liveperson', url: PAGE, kind: 'transaction', transaction: { total: 5, orderId: 'P1' } }]);
    expect(d.problems ?? []).toEqual([]);
  });

  it('lpTag.newPage: no page view of its own (the report is the page view), its options.sdes on the new URL', () => {
    const d = decodePush({
      target: 'lpTag.newPage',
      value: { url: 'https://x.com/newUrl/Cart.html', options: { section: ['sales'], sdes: [{ type: 'cart', total: 11.7, numItems: 6 }] } },
      pageUrl: 'https://x.com/',
    })!;
    expect(d.hits).toEqual([{ vendor: 'liveperson', url: 'https://x.com/newUrl/Cart.html', kind: 'event', name: 'cart' }]);
    const bare = decodePush({ target: 'lpTag.newPage', value: { url: 'https://x.com/Page' }, pageUrl: 'https://x.com/' })!;
    expect(bare.hits).toEqual([]);
    expect(bare.requestType).toBe('lpTag.newPage');
  });

  it('LP_OFFERS OFFER_DISPLAY and OFFER_IMPRESSION are displays of the engagement; OFFER_CLICK is the engagement', () => {
    const data = {
      contexts: [{ EngagementContext: { id: '2' } }],
      campaignId: 248955910,
      engagementId: 248956110,
      engagementRevision: 14,
      engagementType: 6,
      contextId: '2',
      engagementName: 'Mine',
    };
    for (const eventName of ['OFFER_DISPLAY', 'OFFER_IMPRESSION']) {
      expect(decodePush({ target: 'lpTag.events', value: { appName: 'LP_OFFERS', eventName, data }, pageUrl: PAGE })!.hits).toEqual([
        { vendor: 'liveperson', url: PAGE, kind: 'experience', experience: { id: '248956110' } },
      ]);
    }
    expect(
      decodePush({ target: 'lpTag.events', value: { appName: 'LP_OFFERS', eventName: 'OFFER_CLICK', data }, pageUrl: PAGE })!.hits,
    ).toEqual([{ vendor: 'liveperson', url: PAGE, kind: 'engagement' }]);
  });

  it('other publications are events; an offer display without its engagement id says so', () => {
    expect(
      decodePush({ target: 'lpTag.events', value: { appName: 'lp_sdes', eventName: 'VAR_ADDED', data: { type: 'cart' } }, pageUrl: PAGE })!
        .hits,
    ).toEqual([{ vendor: 'liveperson', url: PAGE, kind: 'event', name: 'VAR_ADDED' }]);
    const d = decodePush({ target: 'lpTag.events', value: { appName: 'LP_OFFERS', eventName: 'OFFER_DISPLAY', data: {} }, pageUrl: PAGE })!;
    expect(d.problems?.[0]).toMatch(/names no engagementId/);
  });

  it('hostile values give problems, not exceptions', () => {
    for (const value of [
      null,
      'x',
      42,
      [[[[{ type: 'purchase', total: 1 }]]]],
      { type: 5 },
      Array.from({ length: 1000 }, () => ({ type: 'cart' })),
    ]) {
      for (const target of ['lpTag.sdes', 'lpTag.sdes.send', 'lpTag.newPage', 'lpTag.events']) {
        expect(() => decodePush({ target, value, pageUrl: PAGE })).not.toThrow();
      }
    }
    expect(
      decodePush({ target: 'lpTag.sdes', value: Array.from({ length: 1000 }, () => ({ type: 'cart' })), pageUrl: PAGE })!.hits.length,
    ).toBe(200);
  });
});
