/**
 * Real-format requests (shapes as the vendors' tags send them) and the hits each must yield.
 * Hits are compared exactly, so every field a decoder adds or drops is a visible change.
 */
import type { HitBody } from '../../lib/formats/journey';
import type { RawRequest } from '../../lib/decoders/types';

export interface RequestCase {
  name: string;
  req: RawRequest;
  decoder: string;
  account?: string;
  requestType?: string;
  role?: 'hit' | 'library' | 'other';
  hits: HitBody[];
}

const PAGE = 'https://shop.example/checkout/thanks';
const enc = encodeURIComponent;
const b64 = (v: unknown) => Buffer.from(JSON.stringify(v)).toString('base64');

export const requestCases: RequestCase[] = [
  // ---- GA4
  {
    name: 'GA4 page_view GET on google-analytics.com',
    req: {
      method: 'GET',
      url: `https://www.google-analytics.com/g/collect?v=2&tid=G-ABC123&cid=111.222&sid=1700000000&sct=3&seg=1&_ss=1&dl=${enc('https://shop.example/')}&dr=${enc('https://news.example/a')}&dt=Home&en=page_view`,
    },
    decoder: 'ga4',
    account: 'G-ABC123',
    requestType: 'Page View',
    hits: [
      {
        vendor: 'ga4',
        kind: 'pageview',
        url: 'https://shop.example/',
        clientId: '111.222',
        sessionId: '1700000000',
        opensVisit: true,
        referrer: 'https://news.example/a',
        account: 'G-ABC123',
      },
    ],
  },
  {
    name: 'GA4 batched POST on a server-side container: one hit per line, purchase with items',
    req: {
      method: 'POST',
      url: `https://sgtm.shop.example/g/collect?v=2&tid=G-ABC123&cid=111.222&sid=1700000000&dl=${enc(PAGE)}`,
      body: `en=scroll&epn.percent_scrolled=90\nen=purchase&cu=JPY&ep.transaction_id=T-77&epn.value=12000&pr1=idSKU1~nmRing~pr6000~qt2\nen=add_payment_info`,
    },
    decoder: 'ga4',
    account: 'G-ABC123',
    requestType: 'scroll, purchase, add_payment_info',
    hits: [
      { vendor: 'ga4', kind: 'event', name: 'scroll', url: PAGE, clientId: '111.222', sessionId: '1700000000', account: 'G-ABC123' },
      { vendor: 'ga4', kind: 'event', name: 'purchase', url: PAGE, clientId: '111.222', sessionId: '1700000000', account: 'G-ABC123' },
      {
        vendor: 'ga4',
        kind: 'transaction',
        url: PAGE,
        clientId: '111.222',
        sessionId: '1700000000',
        account: 'G-ABC123',
        transaction: { total: 12000, currency: 'JPY', orderId: 'T-77' },
      },
      {
        vendor: 'ga4',
        kind: 'event',
        name: 'add_payment_info',
        url: PAGE,
        clientId: '111.222',
        sessionId: '1700000000',
        account: 'G-ABC123',
      },
    ],
  },
  {
    name: 'GA4 purchase without value: total from the items',
    req: {
      method: 'GET',
      url: `https://analytics.google.com/g/collect?v=2&tid=G-X&cid=1.2&en=purchase&ep.transaction_id=T1&pr1=idA~pr10.5~qt2&pr2=idB~pr4`,
      pageUrl: PAGE,
    },
    decoder: 'ga4',
    account: 'G-X',
    hits: [
      { vendor: 'ga4', kind: 'event', name: 'purchase', url: PAGE, clientId: '1.2', account: 'G-X' },
      { vendor: 'ga4', kind: 'transaction', url: PAGE, clientId: '1.2', account: 'G-X', transaction: { total: 25, orderId: 'T1' } },
    ],
  },
  {
    name: "GA4 consent ping with analytics storage denied: ids are not the visitor's",
    req: {
      method: 'GET',
      url: `https://www.google-analytics.com/g/collect?v=2&tid=G-X&gcs=G100&cid=999.1&sid=5&en=page_view&dl=${enc(PAGE)}`,
    },
    decoder: 'ga4',
    account: 'G-X',
    hits: [{ vendor: 'ga4', kind: 'pageview', url: PAGE, account: 'G-X', consent: { ads: 'denied', analytics: 'denied' } }],
  },
  // ---- UA
  {
    name: 'UA pageview GET',
    req: {
      method: 'GET',
      url: `https://www.google-analytics.com/collect?v=1&t=pageview&tid=UA-1234-1&cid=555.666&dl=${enc(PAGE)}&dr=${enc('https://google.com/')}`,
    },
    decoder: 'ua',
    account: 'UA-1234-1',
    requestType: 'Page View',
    hits: [{ vendor: 'ua', kind: 'pageview', url: PAGE, clientId: '555.666', referrer: 'https://google.com/', account: 'UA-1234-1' }],
  },
  {
    name: 'UA /batch POST: event and classic transaction',
    req: {
      method: 'POST',
      url: 'https://www.google-analytics.com/batch',
      body: `v=1&t=event&tid=UA-1-1&cid=9.9&ec=cta&ea=click&dl=${enc(PAGE)}\nv=1&t=transaction&tid=UA-1-1&cid=9.9&ti=OD-1&tr=99.5&cu=EUR&dh=shop.example&dp=%2Fthanks`,
    },
    decoder: 'ua',
    account: 'UA-1-1',
    requestType: 'Event, Transaction',
    hits: [
      { vendor: 'ua', kind: 'event', name: 'cta / click', url: PAGE, clientId: '9.9', account: 'UA-1-1' },
      {
        vendor: 'ua',
        kind: 'transaction',
        url: 'https://shop.example/thanks',
        clientId: '9.9',
        account: 'UA-1-1',
        transaction: { total: 99.5, currency: 'EUR', orderId: 'OD-1' },
      },
    ],
  },
  {
    name: 'UA on a first-party proxy host is recognised by v=1 and a UA- property',
    req: { method: 'POST', url: 'https://metrics.shop.example/j/collect', body: `v=1&t=pageview&tid=UA-42-3&cid=1.1&dl=${enc(PAGE)}` },
    decoder: 'ua',
    account: 'UA-42-3',
    hits: [{ vendor: 'ua', kind: 'pageview', url: PAGE, clientId: '1.1', account: 'UA-42-3' }],
  },
  // ---- Google Ads / GTM
  {
    name: 'Google Ads purchase conversion with value and order id',
    req: {
      method: 'GET',
      url: `https://googleads.g.doubleclick.net/pagead/viewthroughconversion/998877/?label=AbC&value=120&currency_code=USD&oid=ORD9&data=event%3Dpurchase&url=${enc(PAGE)}`,
    },
    decoder: 'google-ads',
    account: 'AW-998877/AbC',
    requestType: 'purchase',
    hits: [
      { vendor: 'google-ads', kind: 'event', name: 'purchase', url: PAGE, account: 'AW-998877/AbC' },
      {
        vendor: 'google-ads',
        kind: 'transaction',
        url: PAGE,
        account: 'AW-998877/AbC',
        transaction: { total: 120, currency: 'USD', orderId: 'ORD9' },
      },
    ],
  },
  {
    name: 'GTM container load',
    req: { method: 'GET', url: 'https://www.googletagmanager.com/gtm.js?id=GTM-ABC123' },
    decoder: 'gtm',
    account: 'GTM-ABC123',
    role: 'library',
    hits: [],
  },
  // ---- Adobe
  {
    name: 'Adobe Analytics page view on a CNAME, with context data and ECID',
    req: {
      method: 'GET',
      url: `https://smetrics.shop.example/b/ss/shopprod,shopglobal/1/JS-2.24.0/s123?AQB=1&mid=12345678901234567890&pageName=home&g=${enc('https://shop.example/')}&c.=&a.=&activitymap.=&page=Home&.activitymap=&.a=&.c=&AQE=1`,
    },
    decoder: 'adobe',
    account: 'shopprod,shopglobal',
    requestType: 'Page View',
    hits: [
      { vendor: 'adobe', kind: 'pageview', url: 'https://shop.example/', clientId: '12345678901234567890', account: 'shopprod,shopglobal' },
    ],
  },
  {
    name: 'Adobe Analytics purchase via POST body: vid wins over mid, products total',
    req: {
      method: 'POST',
      url: 'https://shop.sc.omtrdc.net/b/ss/shopprod/0/JS-2.24.0/s9',
      body: `AQB=1&vid=CUST-1&mid=777&g=${enc(PAGE)}&events=purchase%2Cevent5%3D2&products=%3BSKU1%3B2%3B30.00%2C%3BSKU2%3B1%3B12.50&purchaseID=PO-5&cc=USD&AQE=1`,
    },
    decoder: 'adobe',
    account: 'shopprod',
    hits: [
      { vendor: 'adobe', kind: 'pageview', url: PAGE, clientId: 'CUST-1', account: 'shopprod' },
      { vendor: 'adobe', kind: 'event', name: 'purchase', url: PAGE, clientId: 'CUST-1', account: 'shopprod' },
      { vendor: 'adobe', kind: 'event', name: 'event5', url: PAGE, clientId: 'CUST-1', account: 'shopprod' },
      {
        vendor: 'adobe',
        kind: 'transaction',
        url: PAGE,
        clientId: 'CUST-1',
        account: 'shopprod',
        transaction: { total: 42.5, currency: 'USD', orderId: 'PO-5' },
      },
    ],
  },
  {
    name: 'Adobe Analytics exit link call',
    req: { method: 'GET', url: `https://metrics.shop.example/b/ss/shopprod/1/JS-2/s1?aid=AID1&pe=lnk_e&pev2=Partner&g=${enc(PAGE)}` },
    decoder: 'adobe',
    account: 'shopprod',
    requestType: 'Exit Click',
    hits: [{ vendor: 'adobe', kind: 'event', name: 'Partner', url: PAGE, clientId: 'AID1', account: 'shopprod' }],
  },
  {
    name: 'Adobe Web SDK: page view, proposition display and order in one interact call',
    req: {
      method: 'POST',
      url: 'https://edge.adobedc.net/ee/irl1/v1/interact?configId=ds-1&requestId=r1',
      body: JSON.stringify({
        xdm: { identityMap: { ECID: [{ id: 'ECID-1', primary: true }] } },
        events: [
          {
            xdm: {
              eventType: 'web.webpagedetails.pageViews',
              web: { webPageDetails: { URL: PAGE }, webReferrer: { URL: 'https://ref.example/' } },
            },
          },
          {
            xdm: {
              eventType: 'decisioning.propositionDisplay',
              web: { webPageDetails: { URL: PAGE } },
              _experience: {
                decisioning: {
                  propositions: [{ id: 'p1', scope: '__view__', scopeDetails: { activity: { id: '123456' }, experience: { id: '1' } } }],
                },
              },
            },
          },
          {
            xdm: {
              eventType: 'commerce.purchases',
              web: { webPageDetails: { URL: PAGE } },
              commerce: { purchases: { value: 1 }, order: { purchaseID: 'W-1', priceTotal: 80, currencyCode: 'EUR' } },
            },
          },
        ],
      }),
    },
    decoder: 'adobe-websdk',
    account: 'ds-1',
    hits: [
      { vendor: 'adobe-websdk', kind: 'pageview', url: PAGE, referrer: 'https://ref.example/', clientId: 'ECID-1', account: 'ds-1' },
      {
        vendor: 'adobe-websdk',
        kind: 'experience',
        url: PAGE,
        clientId: 'ECID-1',
        account: 'ds-1',
        experience: { id: '123456', variant: '1' },
      },
      { vendor: 'adobe-websdk', kind: 'event', name: 'commerce.purchases', url: PAGE, clientId: 'ECID-1', account: 'ds-1' },
      {
        vendor: 'adobe-websdk',
        kind: 'transaction',
        url: PAGE,
        clientId: 'ECID-1',
        account: 'ds-1',
        transaction: { total: 80, currency: 'EUR', orderId: 'W-1' },
      },
    ],
  },
  {
    name: 'Adobe Target delivery API display notification carries activity and experience',
    req: {
      method: 'POST',
      url: 'https://shop.tt.omtrdc.net/rest/v1/delivery?client=shop&sessionId=S-9&version=2.10',
      body: JSON.stringify({
        id: { tntId: 'TNT-1' },
        context: { address: { url: PAGE } },
        notifications: [
          { id: 'n1', type: 'display', mbox: { name: 'target-global-mbox' }, activity: { id: 'A-77' }, experience: { id: 'E-2' } },
        ],
      }),
    },
    decoder: 'adobe-target',
    account: 'shop',
    hits: [
      {
        vendor: 'adobe-target',
        kind: 'experience',
        url: PAGE,
        clientId: 'TNT-1',
        sessionId: 'S-9',
        account: 'shop',
        experience: { id: 'A-77', variant: 'E-2' },
      },
    ],
  },
  // ---- Meta / TikTok / LinkedIn
  {
    name: 'Meta pixel Purchase with value, currency and contents',
    req: {
      method: 'GET',
      url: `https://www.facebook.com/tr/?id=777&ev=Purchase&dl=${enc(PAGE)}&rl=&fbp=fb.1.1700.42&eid=ev-9&cd[value]=59.90&cd[currency]=EUR&cd[contents]=${enc('[{"id":"A","quantity":1}]')}`,
    },
    decoder: 'meta',
    account: '777',
    requestType: 'Purchase',
    hits: [
      { vendor: 'meta', kind: 'event', name: 'Purchase', url: PAGE, clientId: 'fb.1.1700.42', account: '777' },
      {
        vendor: 'meta',
        kind: 'transaction',
        url: PAGE,
        clientId: 'fb.1.1700.42',
        account: '777',
        transaction: { total: 59.9, currency: 'EUR', orderId: 'ev-9' },
      },
    ],
  },
  {
    name: 'Meta pixel PageView as a form POST',
    req: { method: 'POST', url: 'https://www.facebook.com/tr/', body: `id=777&ev=PageView&dl=${enc(PAGE)}&fbp=fb.1.2.3` },
    decoder: 'meta',
    account: '777',
    requestType: 'Page View',
    hits: [{ vendor: 'meta', kind: 'pageview', url: PAGE, clientId: 'fb.1.2.3', account: '777' }],
  },
  {
    name: 'TikTok CompletePayment JSON body',
    req: {
      method: 'POST',
      url: 'https://analytics.tiktok.com/api/v2/pixel',
      body: JSON.stringify({
        event: 'CompletePayment',
        event_id: 'e1',
        context: { pixel: { code: 'CPX1' }, page: { url: enc(PAGE), referrer: '' }, user: { anonymous_id: 'tt-anon' } },
        properties: { value: 30, currency: 'USD', order_id: 'TT-1' },
      }),
    },
    decoder: 'tiktok',
    account: 'CPX1',
    requestType: 'CompletePayment',
    hits: [
      { vendor: 'tiktok', kind: 'event', name: 'CompletePayment', url: PAGE, clientId: 'tt-anon', account: 'CPX1' },
      {
        vendor: 'tiktok',
        kind: 'transaction',
        url: PAGE,
        clientId: 'tt-anon',
        account: 'CPX1',
        transaction: { total: 30, currency: 'USD', orderId: 'TT-1' },
      },
    ],
  },
  {
    name: 'LinkedIn conversion',
    req: { method: 'GET', url: `https://px.ads.linkedin.com/collect/?pid=123456&conversionId=987&fmt=gif&url=${enc(PAGE)}` },
    decoder: 'linkedin',
    account: '123456',
    requestType: 'Conversion',
    hits: [{ vendor: 'linkedin', kind: 'event', name: 'conversion 987', url: PAGE, account: '123456' }],
  },
  // ---- Segment / Mixpanel / Amplitude
  {
    name: 'Segment batch: page and Order Completed',
    req: {
      method: 'POST',
      url: 'https://api.segment.io/v1/batch',
      body: JSON.stringify({
        batch: [
          { type: 'page', anonymousId: 'anon-1', writeKey: 'WK', context: { page: { url: PAGE, referrer: 'https://ref.example/' } } },
          {
            type: 'track',
            event: 'Order Completed',
            anonymousId: 'anon-1',
            writeKey: 'WK',
            context: { page: { url: PAGE } },
            properties: { order_id: 'SO-1', total: 27.5, currency: 'USD' },
          },
        ],
      }),
    },
    decoder: 'segment',
    account: 'WK',
    requestType: 'Batch',
    hits: [
      { vendor: 'segment', kind: 'pageview', url: PAGE, referrer: 'https://ref.example/', clientId: 'anon-1', account: 'WK' },
      { vendor: 'segment', kind: 'event', name: 'Order Completed', url: PAGE, clientId: 'anon-1', account: 'WK' },
      {
        vendor: 'segment',
        kind: 'transaction',
        url: PAGE,
        clientId: 'anon-1',
        account: 'WK',
        transaction: { total: 27.5, currency: 'USD', orderId: 'SO-1' },
      },
    ],
  },
  {
    name: 'Mixpanel base64 data in the query',
    req: {
      method: 'GET',
      url: `https://api-js.mixpanel.com/track/?data=${enc(b64({ event: 'Signed Up', properties: { token: 'TOK', distinct_id: 'd-1', $device_id: 'dev-1', $current_url: PAGE } }))}&ip=1`,
    },
    decoder: 'mixpanel',
    account: 'TOK',
    requestType: 'Signed Up',
    hits: [{ vendor: 'mixpanel', kind: 'event', name: 'Signed Up', url: PAGE, clientId: 'dev-1', account: 'TOK' }],
  },
  {
    name: 'Mixpanel form POST with a JSON array of events',
    req: {
      method: 'POST',
      url: 'https://api-js.mixpanel.com/track/?verbose=1',
      body: `data=${enc(JSON.stringify([{ event: '$mp_web_page_view', properties: { token: 'TOK', $device_id: 'dev-2', $current_url: PAGE } }]))}`,
    },
    decoder: 'mixpanel',
    account: 'TOK',
    hits: [{ vendor: 'mixpanel', kind: 'pageview', url: PAGE, clientId: 'dev-2', account: 'TOK' }],
  },
  {
    name: 'Amplitude HTTP API v2 with session and revenue',
    req: {
      method: 'POST',
      url: 'https://api2.amplitude.com/2/httpapi',
      body: JSON.stringify({
        api_key: 'AK',
        events: [
          {
            event_type: '[Amplitude] Page Viewed',
            device_id: 'dv',
            session_id: 1700000000000,
            event_properties: { '[Amplitude] Page URL': PAGE },
          },
          { event_type: 'purchase', device_id: 'dv', session_id: 1700000000000, revenue: 15, event_properties: { order_id: 'AM-1' } },
        ],
      }),
    },
    decoder: 'amplitude',
    account: 'AK',
    hits: [
      { vendor: 'amplitude', kind: 'pageview', url: PAGE, clientId: 'dv', sessionId: '1700000000000', account: 'AK' },
      { vendor: 'amplitude', kind: 'event', name: 'purchase', url: '', clientId: 'dv', sessionId: '1700000000000', account: 'AK' },
      {
        vendor: 'amplitude',
        kind: 'transaction',
        url: '',
        clientId: 'dv',
        sessionId: '1700000000000',
        account: 'AK',
        transaction: { total: 15, orderId: 'AM-1' },
      },
    ],
  },
  {
    name: 'Amplitude legacy form upload (client + e)',
    req: {
      method: 'POST',
      url: 'https://api.amplitude.com/',
      pageUrl: PAGE,
      body: `client=AK2&e=${enc(JSON.stringify([{ event_type: 'click cta', device_id: 'dv2', session_id: 42 }]))}&v=2`,
    },
    decoder: 'amplitude',
    account: 'AK2',
    hits: [{ vendor: 'amplitude', kind: 'event', name: 'click cta', url: PAGE, clientId: 'dv2', sessionId: '42', account: 'AK2' }],
  },
  // ---- Matomo / Snowplow
  {
    name: 'Matomo ecommerce order (idgoal=0 with ec_id)',
    req: {
      method: 'GET',
      url: `https://stats.shop.example/matomo.php?idsite=3&rec=1&idgoal=0&ec_id=M-1&revenue=69.46&_id=6a45e22e58f0786b&url=${enc(PAGE)}`,
    },
    decoder: 'matomo',
    account: 'stats.shop.example',
    requestType: 'Ecommerce',
    hits: [
      {
        vendor: 'matomo',
        kind: 'transaction',
        url: PAGE,
        clientId: '6a45e22e58f0786b',
        account: 'stats.shop.example',
        transaction: { total: 69.46, orderId: 'M-1' },
      },
    ],
  },
  {
    name: 'Matomo bulk POST: page view and goal; cid overrides _id',
    req: {
      method: 'POST',
      url: 'https://shop.matomo.cloud/matomo.php',
      body: JSON.stringify({
        requests: [
          `?idsite=1&rec=1&action_name=Home&_id=aaaa&url=${enc('https://shop.example/')}`,
          `?idsite=1&rec=1&idgoal=4&_id=aaaa&cid=bbbb&url=${enc(PAGE)}`,
        ],
      }),
    },
    decoder: 'matomo',
    account: 'shop.matomo.cloud',
    requestType: 'Page View, Goal',
    hits: [
      { vendor: 'matomo', kind: 'pageview', url: 'https://shop.example/', clientId: 'aaaa', account: 'shop.matomo.cloud' },
      { vendor: 'matomo', kind: 'event', name: 'goal 4', url: PAGE, clientId: 'bbbb', account: 'shop.matomo.cloud' },
    ],
  },
  {
    name: 'Snowplow GET /i page view',
    req: {
      method: 'GET',
      url: `https://collector.shop.example/i?e=pv&tv=js-3.1.0&aid=shop&duid=du-1&sid=ss-1&vid=2&url=${enc(PAGE)}&refr=${enc('https://ref.example/')}`,
    },
    decoder: 'snowplow',
    account: 'shop',
    requestType: 'Page View',
    hits: [
      {
        vendor: 'snowplow',
        kind: 'pageview',
        url: PAGE,
        referrer: 'https://ref.example/',
        clientId: 'du-1',
        sessionId: 'ss-1',
        account: 'shop',
      },
    ],
  },
  {
    name: 'Snowplow POST tp2 payload_data: structured event, self-describing event, transaction',
    req: {
      method: 'POST',
      url: 'https://collector.shop.example/com.snowplowanalytics.snowplow/tp2',
      body: JSON.stringify({
        schema: 'iglu:com.snowplowanalytics.snowplow/payload_data/jsonschema/1-0-4',
        data: [
          { e: 'se', se_ca: 'video', se_ac: 'play', aid: 'shop', duid: 'du-1', sid: 'ss-1', url: PAGE, tv: 'js-3' },
          {
            e: 'ue',
            ue_px: b64({
              schema: 'iglu:com.snowplowanalytics.snowplow/unstruct_event/jsonschema/1-0-0',
              data: { schema: 'iglu:com.acme/add_to_cart/jsonschema/1-0-0', data: { sku: 'A' } },
            }),
            aid: 'shop',
            duid: 'du-1',
            sid: 'ss-1',
            url: PAGE,
            tv: 'js-3',
          },
          { e: 'tr', tr_id: 'SP-1', tr_tt: '19.99', tr_cu: 'GBP', aid: 'shop', duid: 'du-1', sid: 'ss-1', url: PAGE, tv: 'js-3' },
          { e: 'pp', aid: 'shop', duid: 'du-1', sid: 'ss-1', url: PAGE, tv: 'js-3' },
        ],
      }),
    },
    decoder: 'snowplow',
    account: 'shop',
    hits: [
      { vendor: 'snowplow', kind: 'event', name: 'video / play', url: PAGE, clientId: 'du-1', sessionId: 'ss-1', account: 'shop' },
      { vendor: 'snowplow', kind: 'event', name: 'add_to_cart', url: PAGE, clientId: 'du-1', sessionId: 'ss-1', account: 'shop' },
      {
        vendor: 'snowplow',
        kind: 'transaction',
        url: PAGE,
        clientId: 'du-1',
        sessionId: 'ss-1',
        account: 'shop',
        transaction: { total: 19.99, currency: 'GBP', orderId: 'SP-1' },
      },
    ],
  },
  // ---- Optimizely / VWO
  {
    name: 'Optimizely v1/events: decision → experience, event key → event, revenue in cents',
    req: {
      method: 'POST',
      url: 'https://logx.optimizely.com/v1/events',
      pageUrl: PAGE,
      body: JSON.stringify({
        account_id: '12345',
        visitors: [
          {
            visitor_id: 'oeu1',
            session_id: 'AUTO',
            snapshots: [
              {
                decisions: [{ campaign_id: 'c1', experiment_id: 'exp-42', variation_id: 'var-2', is_campaign_holdback: false }],
                events: [
                  { key: 'campaign_activated', entity_id: 'c1' },
                  { key: 'purchase', entity_id: 'e9', revenue: 12345 },
                ],
              },
            ],
          },
        ],
      }),
    },
    decoder: 'optimizely',
    account: '12345',
    hits: [
      {
        vendor: 'optimizely',
        kind: 'experience',
        url: PAGE,
        clientId: 'oeu1',
        account: '12345',
        experience: { id: 'exp-42', variant: 'var-2' },
      },
      { vendor: 'optimizely', kind: 'event', name: 'purchase', url: PAGE, clientId: 'oeu1', account: '12345' },
      { vendor: 'optimizely', kind: 'transaction', url: PAGE, clientId: 'oeu1', account: '12345', transaction: { total: 123.45 } },
    ],
  },
  {
    name: 'VWO legacy variation pixel',
    req: {
      method: 'GET',
      url: 'https://dev.visualwebsiteoptimizer.com/c.gif?experiment_id=7&account_id=654321&combination=2&u=UUID1',
      pageUrl: PAGE,
    },
    decoder: 'vwo',
    account: '654321',
    hits: [{ vendor: 'vwo', kind: 'experience', url: PAGE, clientId: 'UUID1', account: '654321', experience: { id: '7', variant: '2' } }],
  },
  {
    name: 'VWO events/t variation shown (JSON body)',
    req: {
      method: 'POST',
      url: 'https://dev.visualwebsiteoptimizer.com/events/t?en=vwo_variationShown&a=654321',
      pageUrl: PAGE,
      body: JSON.stringify({
        d: { visId: 'V1', sessionId: 1700000000, event: { name: 'vwo_variationShown', props: { id: 12, variation: 3 } } },
      }),
    },
    decoder: 'vwo',
    account: '654321',
    hits: [
      {
        vendor: 'vwo',
        kind: 'experience',
        url: PAGE,
        clientId: 'V1',
        sessionId: '1700000000',
        account: '654321',
        experience: { id: '12', variant: '3' },
      },
    ],
  },
  // ---- Ptengine / LivePerson loads
  {
    name: 'Ptengine base tag load names the project',
    req: { method: 'GET', url: 'https://js.ptengine.jp/505dxp43.js' },
    decoder: 'ptengine',
    account: '505dxp43',
    role: 'library',
    hits: [],
  },
  {
    name: 'LivePerson lpTag load names the account',
    req: { method: 'GET', url: 'https://lptag.liveperson.net/tag/tag.js?site=90412079' },
    decoder: 'liveperson',
    account: '90412079',
    role: 'library',
    hits: [],
  },
];
