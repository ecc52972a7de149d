/**
 * Real-format requests for the conformance-set vendors (tag loads, ad pixels, analytics
 * beacons beyond the major ones) and the exact hits each must yield. Same shape as
 * request-cases.ts so the two tables can be run and counted together.
 */
import type { RawRequest } from '../../lib/decoders/types';
import type { RequestCase } from './request-cases';

const PAGE = 'https://shop.example/thanks';
const enc = encodeURIComponent;

/** A tag's own script, fetched with GET: it shows the tag is installed and yields no hit. */
const library = (name: string, url: string, decoder: string, account: string, requestType = 'Library Load'): RequestCase => ({
  name,
  req: { method: 'GET', url },
  decoder,
  account,
  requestType,
  role: 'library',
  hits: [],
});

/** Vendor traffic that is neither a load nor a hit (id syncs, lookups, media pings). */
const other = (name: string, req: RawRequest, decoder: string, requestType: string, account?: string): RequestCase => ({
  name,
  req,
  decoder,
  ...(account === undefined ? {} : { account }),
  requestType,
  role: 'other',
  hits: [],
});

export const moreRequestCases: RequestCase[] = [
  // ---- Tag-manager and tag loads: library role, no hits
  library('Adobe Launch production library', 'https://assets.adobedtm.com/abc/def/launch-EN1234abcd.min.js', 'adobe-launch', 'EN1234abcd'),
  library('Adobe DTM staging library', 'https://assets.adobedtm.com/0123abcd/satelliteLib-89abcdef-staging.js', 'adobe-dtm', '0123abcd'),
  library('Ensighten bootstrap with a publish space', 'https://nexus.ensighten.com/acme/Prod2/Bootstrap.js', 'ensighten', 'acme / Prod2'),
  library('Hotjar tracking code', 'https://static.hotjar.com/c/hotjar-998877.js?sv=6', 'hotjar', '998877'),
  library('Invoca draft tag', 'https://solutions.invocacdn.com/js/networks/42/abc123/tag-draft.js', 'invoca', '42/abc123'),
  library('Microsoft Clarity tag', 'https://www.clarity.ms/tag/k2x9abcd', 'clarity', 'k2x9abcd'),
  library(
    'Piwik PRO Tag Manager container on containers.piwik.pro',
    'https://acme.containers.piwik.pro/0f0e0d0c-1111-2222-3333-444455556666.js',
    'piwik-pro-tm',
    '0f0e0d0c-1111-2222-3333-444455556666',
  ),
  library(
    'Tealium iQ sync library',
    'https://tags.tiqcdn.com/utag/acme/web/qa/utag.sync.js',
    'tealium-iq',
    'acme / web',
    'Sync Library Load',
  ),

  // ---- Vendor traffic that is not a hit: role other
  other(
    'Audience Manager ID sync (parameters in the path)',
    { method: 'GET', url: 'https://dpm.demdex.net/ibs:dpid=411&dpuuid=XYZ' },
    'adobe-audience-manager',
    'ID Sync',
  ),
  other(
    'Experience Cloud ID service',
    { method: 'GET', url: 'https://dpm.demdex.net/id?d_visid_ver=5.2.0&d_fieldgroup=MC&d_orgid=ABC%40AdobeOrg&d_nsid=0' },
    'adobe-ecid',
    'ID Service',
    'ABC@AdobeOrg',
  ),
  other(
    'Adobe Media Collection event through a first-party proxy',
    {
      method: 'POST',
      url: 'https://media.shop.example/api/v1/sessions/s123/events',
      body: JSON.stringify({ eventType: 'play', playerTime: { playhead: 3, ts: 1 } }),
    },
    'adobe-heartbeat',
    'play',
  ),
  other(
    'Demandbase IP lookup',
    { method: 'GET', url: `https://api.company-target.com/api/v2/ip.json?key=k1&page=${enc(PAGE)}` },
    'demandbase',
    'IP Lookup',
    'k1',
  ),
  other(
    'Dynamic Yield user identification',
    { method: 'GET', url: 'https://async-px.dynamicyield.com/uia?cnst=1&sec=8765&_=1' },
    'dynamic-yield',
    'User Identification',
    '8765',
  ),
  other('6sense company details', { method: 'GET', url: 'https://epsilon.6sense.com/v3/company/details' }, 'sixsense', 'Company Details'),
  other(
    'Split impression counts (aggregates, no hit)',
    {
      method: 'POST',
      url: 'https://events.split.io/api/testImpressions/count/beacon',
      body: JSON.stringify({ entries: { pf: [{ f: 'new_checkout', m: 1, rc: 2 }] }, token: 't', sdk: 's' }),
    },
    'splitio',
    'Impression Counts',
  ),

  // ---- Hits
  {
    name: 'AT Internet page display on a first-party collector',
    req: {
      method: 'GET',
      url: `https://logs.shop.example/hit.xiti?s=598308&idclient=v-1&p=home&ref=${enc('https://news.example/')}`,
      pageUrl: PAGE,
    },
    decoder: 'atinternet',
    account: '598308',
    requestType: 'Page View',
    hits: [{ vendor: 'atinternet', kind: 'pageview', url: PAGE, clientId: 'v-1', referrer: 'https://news.example/', account: '598308' }],
  },
  {
    name: 'AT Internet click hit',
    req: { method: 'GET', url: 'https://logs.shop.example/hit.xiti?s=1&type=click&click=A&p=cta::buy', pageUrl: PAGE },
    decoder: 'atinternet',
    account: '1',
    requestType: 'click',
    hits: [{ vendor: 'atinternet', kind: 'event', name: 'click', url: PAGE, account: '1' }],
  },
  {
    name: 'Bing UET page load',
    req: { method: 'GET', url: `https://bat.bing.com/action/0?ti=5555&Ver=2&evt=pageLoad&vid=V1&sid=S1&p=${enc(PAGE)}&r=` },
    decoder: 'bing-uet',
    account: '5555',
    requestType: 'Page View',
    hits: [{ vendor: 'bing-uet', kind: 'pageview', url: PAGE, clientId: 'V1', sessionId: 'S1', account: '5555' }],
  },
  {
    name: 'Bing UET custom event',
    req: { method: 'GET', url: `https://bat.bing.com/action/0?ti=5555&evt=custom&ec=Ecommerce&ea=Purchase&gv=12.5&p=${enc(PAGE)}` },
    decoder: 'bing-uet',
    account: '5555',
    requestType: 'Custom',
    hits: [{ vendor: 'bing-uet', kind: 'event', name: 'Purchase', url: PAGE, account: '5555' }],
  },
  {
    name: 'Comscore page view',
    req: { method: 'GET', url: `https://sb.scorecardresearch.com/p?c1=2&c2=123&c7=${enc(PAGE)}&c12=vis` },
    decoder: 'comscore',
    account: '123',
    requestType: 'Page view tag',
    hits: [{ vendor: 'comscore', kind: 'pageview', url: PAGE, clientId: 'vis', account: '123' }],
  },
  {
    name: 'Criteo purchase: total from price × quantity',
    req: {
      method: 'GET',
      url: `https://sslwidget.criteo.com/event?a=77&p0=${enc('e=exd&site_type=d')}&p1=${enc(`e=vc&c=EUR&id=O-9&p=${enc('[i=A&pr=10.5&q=2,i=B&pr=4&q=1]')}`)}`,
      pageUrl: PAGE,
    },
    decoder: 'criteo',
    account: '77',
    requestType: 'Purchase',
    hits: [
      { vendor: 'criteo', kind: 'transaction', transaction: { total: 25, currency: 'EUR', orderId: 'O-9' }, url: PAGE, account: '77' },
    ],
  },
  {
    name: 'Floodlight sales tag is a transaction',
    req: {
      method: 'GET',
      url: `https://99.fls.doubleclick.net/activityi;src=99;type=sales;cat=buy;qty=2;cost=49.90;ord=ORD-1;~oref=${enc(PAGE)}?`,
    },
    decoder: 'floodlight',
    account: 'DC-99/sales/buy',
    requestType: 'buy',
    hits: [
      { vendor: 'floodlight', kind: 'transaction', transaction: { total: 49.9, orderId: 'ORD-1' }, url: PAGE, account: 'DC-99/sales/buy' },
    ],
  },
  {
    name: 'Floodlight counter tag is an event',
    req: { method: 'GET', url: `https://99.fls.doubleclick.net/activityi;src=99;type=leads;cat=form;ord=1;~oref=${enc(PAGE)}?` },
    decoder: 'floodlight',
    account: 'DC-99/leads/form',
    requestType: 'form',
    hits: [{ vendor: 'floodlight', kind: 'event', name: 'form', url: PAGE, account: 'DC-99/leads/form' }],
  },
  {
    name: 'Lytics page view and conversion event',
    req: { method: 'GET', url: 'https://c.lytics.io/c/acc1?_e=pv&event=conversion&_uid=u.1&url=shop.example%2Fthanks' },
    decoder: 'lytics',
    account: 'acc1',
    requestType: 'Page View',
    hits: [
      { vendor: 'lytics', kind: 'pageview', url: 'https://shop.example/thanks', clientId: 'u.1', account: 'acc1' },
      { vendor: 'lytics', kind: 'event', name: 'conversion', url: 'https://shop.example/thanks', clientId: 'u.1', account: 'acc1' },
    ],
  },
  {
    name: 'mParticle v2 screen view',
    req: {
      method: 'POST',
      url: 'https://jssdks.mparticle.com/v2/JS/key1/Events',
      body: JSON.stringify({ n: 'Page View', dt: 3, sid: 'S-1', das: 'D-1', attrs: { url: PAGE } }),
    },
    decoder: 'mparticle',
    account: 'key1',
    requestType: 'Page View',
    hits: [{ vendor: 'mparticle', kind: 'pageview', url: PAGE, clientId: 'D-1', sessionId: 'S-1', account: 'key1' }],
  },
  {
    name: 'mParticle v3 batch custom event',
    req: {
      method: 'POST',
      url: 'https://jssdks.mparticle.com/v3/JS/us1-key/events',
      body: JSON.stringify({ mpid: 'M1', events: [{ event_type: 'custom_event', data: { event_name: 'signup', session_uuid: 'U1' } }] }),
      pageUrl: PAGE,
    },
    decoder: 'mparticle',
    account: 'us1-key',
    requestType: 'custom_event',
    hits: [{ vendor: 'mparticle', kind: 'event', name: 'signup', url: PAGE, clientId: 'M1', sessionId: 'U1', account: 'us1-key' }],
  },
  {
    name: 'Outbrain purchase with order value',
    req: {
      method: 'GET',
      url: `https://tr.outbrain.com/unifiedPixel?marketerId=m1&name=purchase&orderValue=12.25&currency=USD&orderId=o1&dl=${enc(PAGE)}`,
    },
    decoder: 'outbrain',
    account: 'm1',
    requestType: 'purchase',
    hits: [
      { vendor: 'outbrain', kind: 'transaction', transaction: { total: 12.25, currency: 'USD', orderId: 'o1' }, url: PAGE, account: 'm1' },
    ],
  },
  {
    name: 'Parse.ly page view',
    req: { method: 'GET', url: `https://p1.parsely.com/plogger/?idsite=news.example&action=pageview&url=${enc(PAGE)}&urlref=&u=pid%3Dabc` },
    decoder: 'parsely',
    account: 'news.example',
    requestType: 'Page View',
    hits: [{ vendor: 'parsely', kind: 'pageview', url: PAGE, clientId: 'pid=abc', account: 'news.example' }],
  },
  {
    name: 'Parse.ly heartbeat yields no hit',
    req: { method: 'GET', url: `https://p1.parsely.com/plogger/?idsite=news.example&action=heartbeat&inc=5&url=${enc(PAGE)}` },
    decoder: 'parsely',
    account: 'news.example',
    requestType: 'Heartbeat',
    hits: [],
  },
  {
    name: 'Pinterest checkout',
    req: {
      method: 'GET',
      url: `https://ct.pinterest.com/v3/?tid=26&event=checkout&ed=${enc(JSON.stringify({ value: 116, currency: 'USD', order_id: 'P-1' }))}&ad=${enc(JSON.stringify({ loc: PAGE }))}`,
    },
    decoder: 'pinterest',
    account: '26',
    requestType: 'Checkout',
    hits: [
      { vendor: 'pinterest', kind: 'transaction', transaction: { total: 116, currency: 'USD', orderId: 'P-1' }, url: PAGE, account: '26' },
    ],
  },
  {
    name: 'Piwik PRO ecommerce order (read by the Matomo protocol decoder)',
    req: {
      method: 'GET',
      url: `https://stats.shop.example/ppms.php?idsite=abc&rec=1&idgoal=0&ec_id=A1&revenue=69.46&_id=vis1&url=${enc(PAGE)}`,
    },
    decoder: 'piwik-pro',
    account: 'stats.shop.example',
    requestType: 'Ecommerce',
    hits: [
      {
        vendor: 'piwik-pro',
        kind: 'transaction',
        transaction: { total: 69.46, orderId: 'A1' },
        url: PAGE,
        clientId: 'vis1',
        account: 'stats.shop.example',
      },
    ],
  },
  {
    name: 'Reddit purchase',
    req: {
      method: 'GET',
      url: 'https://alb.reddit.com/rp.gif?id=t2_x&event=Purchase&m.valueDecimal=20&m.currency=USD&m.transactionId=R-1&uuid=u1',
      pageUrl: PAGE,
    },
    decoder: 'reddit',
    account: 't2_x',
    requestType: 'Purchase',
    hits: [
      {
        vendor: 'reddit',
        kind: 'transaction',
        transaction: { total: 20, currency: 'USD', orderId: 'R-1' },
        url: PAGE,
        clientId: 'u1',
        account: 't2_x',
      },
    ],
  },
  {
    name: 'RudderStack track Order Completed (Segment spec)',
    req: {
      method: 'POST',
      url: 'https://acmeabc.dataplane.rudderstack.com/v1/track',
      body: JSON.stringify({
        type: 'track',
        event: 'Order Completed',
        anonymousId: 'a1',
        properties: { total: 30, currency: 'EUR', order_id: 'R9' },
        context: { page: { url: PAGE } },
      }),
    },
    decoder: 'rudderstack',
    requestType: 'Track',
    hits: [
      { vendor: 'rudderstack', kind: 'event', name: 'Order Completed', url: PAGE, clientId: 'a1' },
      { vendor: 'rudderstack', kind: 'transaction', transaction: { total: 30, currency: 'EUR', orderId: 'R9' }, url: PAGE, clientId: 'a1' },
    ],
  },
  {
    name: 'Sklik conversion with value',
    req: { method: 'GET', url: `https://c.seznam.cz/conv?id=100&value=199.9&orderId=S1&url=${enc(PAGE)}` },
    decoder: 'sklik',
    account: '100',
    requestType: 'Conversion',
    hits: [{ vendor: 'sklik', kind: 'transaction', transaction: { total: 199.9, orderId: 'S1' }, url: PAGE, account: '100' }],
  },
  {
    name: 'Sklik retargeting is a page view',
    req: { method: 'GET', url: 'https://c.seznam.cz/retargeting?id=100', pageUrl: PAGE },
    decoder: 'sklik',
    account: '100',
    requestType: 'Retargeting',
    hits: [{ vendor: 'sklik', kind: 'pageview', url: PAGE, account: '100' }],
  },
  {
    name: 'Snap Pixel event in a form body',
    req: { method: 'POST', url: 'https://tr.snapchat.com/p', body: `pid=p1&ev=ADD_CART&pl=${enc(PAGE)}&u_c1=c1` },
    decoder: 'snapchat',
    account: 'p1',
    requestType: 'Add Cart',
    hits: [{ vendor: 'snapchat', kind: 'event', name: 'ADD_CART', url: PAGE, clientId: 'c1', account: 'p1' }],
  },
  {
    name: 'Split impressions are experiences',
    req: {
      method: 'POST',
      url: 'https://events.split.io/api/testImpressions/bulk',
      body: JSON.stringify([{ f: 'new_checkout', i: [{ k: 'user-1', t: 'on', m: 1 }] }]),
      pageUrl: PAGE,
    },
    decoder: 'splitio',
    requestType: 'Impressions',
    hits: [{ vendor: 'splitio', kind: 'experience', experience: { id: 'new_checkout', variant: 'on' }, url: PAGE, clientId: 'user-1' }],
  },
  {
    name: 'Tealium EventStream view',
    req: {
      method: 'POST',
      url: 'https://collect.tealiumiq.com/event',
      body: JSON.stringify({
        tealium_account: 'acme',
        tealium_profile: 'main',
        tealium_event: 'view',
        tealium_visitor_id: 'V',
        tealium_session_id: '17',
        'dom.url': PAGE,
      }),
    },
    decoder: 'tealium-eventstream',
    account: 'acme / main',
    requestType: 'view',
    hits: [{ vendor: 'tealium-eventstream', kind: 'pageview', url: PAGE, clientId: 'V', sessionId: '17', account: 'acme / main' }],
  },
  {
    name: 'X (Twitter) purchase',
    req: {
      method: 'GET',
      url: `https://analytics.twitter.com/i/adsct?txn_id=o1x&events=${enc(JSON.stringify([['purchase', { value: '29.95', currency: 'USD' }]]))}&tw_document_href=${enc(PAGE)}`,
    },
    decoder: 'twitter',
    account: 'o1x',
    requestType: 'purchase',
    hits: [{ vendor: 'twitter', kind: 'transaction', transaction: { total: 29.95, currency: 'USD' }, url: PAGE, account: 'o1x' }],
  },
  {
    name: 'Webtrends page view',
    req: {
      method: 'GET',
      url: 'https://statse.webtrendslive.com/dcsabc_1d/dcs.gif?dcssip=shop.example&dcsuri=/thanks&WT.dl=0&WT.co_f=cof1',
    },
    decoder: 'webtrends',
    account: 'dcsabc_1d',
    requestType: 'Page View',
    hits: [{ vendor: 'webtrends', kind: 'pageview', url: PAGE, clientId: 'cof1', account: 'dcsabc_1d' }],
  },
];
