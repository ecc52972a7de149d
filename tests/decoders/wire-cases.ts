/**
 * Requests in the shapes the vendors' real libraries put on the wire, each shape read from the
 * library's published source (versions named per case), and the hits each must yield. Ids and
 * values are ours; field names, nesting, paths and encodings are the library's.
 */
import type { RequestCase } from './request-cases';

const PAGE = 'https://shop.example/checkout/thanks';
const enc = encodeURIComponent;
const b64 = (v: unknown) => Buffer.from(JSON.stringify(v)).toString('base64');

// ---- @amplitude/analytics-browser 2.x (analytics-core 2.61: Revenue.getEventProperties, destination plugin)
/** One upload as the browser SDK's destination sends it: api_key, events with insert_id, options. */
const amplitudeUpload = (events: unknown[]) => JSON.stringify({ api_key: 'AMP-KEY', events, options: { min_id_length: undefined } });
const amplitudeEvent = {
  device_id: 'dev-amp-1',
  session_id: 1772359200000,
  time: 1772359260000,
  platform: 'Web',
  os_name: 'Chrome',
  language: 'en-US',
  ip: '$remote',
  library: 'amplitude-ts/2.31.0',
  event_id: 7,
};

// ---- @rudderstack/analytics-js 3.34 (BeaconQueue: <plane>/beacon/v1/batch?writeKey=…, text/plain { batch, sentAt })
const rudderMessage = (type: string, extra: Record<string, unknown>) => ({
  type,
  channel: 'web',
  anonymousId: 'rs-anon-1',
  messageId: `rs-msg-${type}`,
  originalTimestamp: '2026-03-01T10:00:00.000Z',
  context: {
    library: { name: 'RudderLabs JavaScript SDK', version: '3.34.1' },
    page: { url: PAGE, referrer: 'https://ref.example/', path: '/checkout/thanks' },
  },
  integrations: { All: true },
  ...extra,
});
const rudderBeaconBody = JSON.stringify({
  batch: [
    rudderMessage('page', { name: 'Thanks', properties: { url: PAGE } }),
    rudderMessage('track', { event: 'Order Completed', properties: { order_id: 'RS-1', total: 42, currency: 'EUR' } }),
  ],
  sentAt: '2026-03-01T10:00:01.000Z',
});

// ---- @snowplow/browser-tracker 4.x + browser-plugin-snowplow-ecommerce 4.10 (trackTransaction)
const SP_ACTION = 'iglu:com.snowplowanalytics.snowplow.ecommerce/snowplow_ecommerce_action/jsonschema/1-0-2';
const SP_TRANSACTION = 'iglu:com.snowplowanalytics.snowplow.ecommerce/transaction/jsonschema/1-0-0';
const SP_PRODUCT = 'iglu:com.snowplowanalytics.snowplow.ecommerce/product/jsonschema/1-0-0';
const spUnstruct = (data: unknown) => ({ schema: 'iglu:com.snowplowanalytics.snowplow/unstruct_event/jsonschema/1-0-0', data });
const spContexts = (data: unknown[]) => ({ schema: 'iglu:com.snowplowanalytics.snowplow/contexts/jsonschema/1-0-0', data });
const spTransactionContexts = spContexts([
  { schema: 'iglu:com.snowplowanalytics.snowplow/web_page/jsonschema/1-0-0', data: { id: 'wp-1' } },
  { schema: SP_PRODUCT, data: { id: 'SKU-1', name: 'Ring', price: 30, currency: 'GBP', quantity: 2 } },
  { schema: SP_TRANSACTION, data: { total_quantity: 2, transaction_id: 'SP-T-1', revenue: 60, currency: 'GBP', payment_method: 'card' } },
]);
const spCommon = { tv: 'js-4.6.3', tna: 'sp1', aid: 'shop', p: 'web', duid: 'du-sp-1', sid: 'sid-sp-1', vid: '1', url: PAGE };

// ---- @mparticle/web-sdk 2.68 (sdkToEventsApiConverter: v3 batch, commerce_event with product_action)
const mpBatch = (events: unknown[]) =>
  JSON.stringify({
    source_request_id: 'req-1',
    mpid: '-8234091',
    timestamp_unixtime_ms: 1772359260000,
    environment: 'development',
    events,
    mp_deviceid: 'das-mp-1',
    sdk_version: '2.68.0',
    application_info: { application_name: 'Shop' },
    device_info: { platform: 'web', screen_width: 1280, screen_height: 800 },
    user_attributes: {},
    user_identities: {},
    consent_state: null,
    integration_attributes: {},
  });
const mpCommerce = (productAction: unknown, currency = 'EUR') => ({
  event_type: 'commerce_event',
  data: {
    custom_flags: {},
    product_action: productAction,
    promotion_action: null,
    product_impressions: null,
    shopping_cart: null,
    currency_code: currency,
    timestamp_unixtime_ms: 1772359260000,
    session_uuid: 'MP-SESSION-1',
    session_start_unixtime_ms: 1772359200000,
    custom_attributes: {},
    location: null,
    source_message_id: 'mp-msg-1',
    active_time_on_site_ms: 60000,
  },
});
const mpProduct = {
  id: 'SKU-1',
  name: 'Ring',
  brand: null,
  category: null,
  variant: null,
  total_product_amount: 45,
  position: null,
  price: 22.5,
  quantity: 2,
  coupon_code: null,
  custom_attributes: {},
};

// ---- mixpanel-browser 2.83 (batch sender: POST data=<JSON array>, events with $insert_id)
export const mixpanelBatchBody = `data=${enc(
  JSON.stringify([
    {
      event: '$mp_web_page_view',
      properties: {
        token: 'MP-TOKEN',
        distinct_id: '$device:dev-mp-1',
        $device_id: 'dev-mp-1',
        $current_url: PAGE,
        time: 1772359200.123,
        $insert_id: 'ins-pv-1',
        mp_lib: 'web',
      },
    },
    {
      event: 'Purchased',
      properties: {
        token: 'MP-TOKEN',
        distinct_id: '$device:dev-mp-1',
        $device_id: 'dev-mp-1',
        $current_url: PAGE,
        time: 1772359201.456,
        $insert_id: 'ins-buy-1',
        mp_lib: 'web',
      },
    },
  ]),
)}`;
export const MIXPANEL_TRACK = 'https://api-js.mixpanel.com/track/?verbose=1&ip=1&_=1772359202000';

// ---- @optimizely/optimizely-sdk 6.6.1 (event_builder/log_event: makeDecisionSnapshot, makeConversionSnapshot)
/** One batch as the SDK's log event builder makes it: a visitor with its bot-filtering attribute and one snapshot. */
export const optimizelyBatch = (snapshot: unknown) =>
  JSON.stringify({
    client_name: 'javascript-sdk',
    client_version: '6.6.1',
    account_id: '12001',
    project_id: '111001',
    revision: '42',
    anonymize_ip: true,
    enrich_decisions: true,
    visitors: [
      {
        snapshots: [snapshot],
        visitor_id: 'user-opt-1',
        attributes: [{ entity_id: '$opt_bot_filtering', key: '$opt_bot_filtering', type: 'custom', value: false }],
      },
    ],
  });
/** An impression: the decision and its campaign_activated event, whose entity_id is the decision's campaign. */
const optimizelyImpression = {
  decisions: [
    {
      campaign_id: '4',
      experiment_id: '111127',
      variation_id: '111129',
      metadata: {
        flag_key: 'checkout_flow',
        rule_key: 'checkout_test',
        rule_type: 'experiment',
        variation_key: 'treatment',
        enabled: true,
      },
    },
  ],
  events: [{ entity_id: '4', timestamp: 1772359200000, key: 'campaign_activated', uuid: 'opt-uuid-imp-1' }],
};
/** A conversion with a revenue tag: the SDK keeps the tags and adds the integer revenue beside them. */
export const optimizelyConversion = (revenue: unknown) => ({
  events: [
    { entity_id: '111095', key: 'purchase', timestamp: 1772359260000, uuid: 'opt-uuid-buy-1', tags: { revenue, currency: 'EUR' }, revenue },
  ],
});
const optimizelyLegacyCommon = {
  accountId: '12001',
  projectId: '111001',
  revision: '42',
  visitorId: 'user-opt-1',
  timestamp: 1772359200000,
  isGlobalHoldback: false,
  userFeatures: [],
  clientEngine: 'javascript-sdk',
  clientVersion: '1.4.0',
};

// ---- vwo-node-sdk / vwo-javascript-sdk 1.73.0 (ImpressionUtil, UrlEnum, BatchEventsQueue); u = UuidUtil.generateFor('Alice', 12345) as the SDK's own test gives it
const VWO_UUID = 'E3B732864F315FB6974BC3EF4E2FD920';
const VWO_HOST = 'https://dev.visualwebsiteoptimizer.com';
/** The SDK joins `key=value&` without encoding (FunctionUtil.convertObjectKeysToString); the browser's URL parser escapes the rest. */
const vwoQuery = (props: Record<string, string | number>) =>
  `?${Object.entries(props)
    .map(([k, v]) => `${k}=${v}&`)
    .join('')}`;
const vwoBase = {
  sId: 1772359200,
  u: VWO_UUID,
  sdk: 'vwo-javascript-sdk',
  'sdk-v': '1.73.0',
  env: 'vwo-sdk-key',
  account_id: 12345,
  random: 0.4177,
  ap: 'server',
};

// ---- vwo-fme-javascript-sdk 1.60 (NetworkUtil: getEventsBaseProperties, _getEventBasePayload)
const vwoFmeQuery = (en: string) =>
  vwoQuery({
    en,
    a: '12345',
    eTime: 1772359200123,
    random: 0.5521,
    p: 'FS',
    visitor_ua: '',
    visitor_ip: '',
    sn: 'vwo-fme-javascript-sdk',
    sv: '1.60.0',
    env: 'vwo-sdk-key',
    dh: 1,
  });
const vwoFmePayload = (name: string, props: Record<string, unknown>) => ({
  d: {
    msgId: `${VWO_UUID}-1772359200123`,
    visId: VWO_UUID,
    sessionId: 1772359200,
    visitor_ua: '',
    visitor_ip: '',
    event: {
      props: { vwo_sdkName: 'vwo-fme-javascript-sdk', vwo_sdkVersion: '1.60.0', vwo_envKey: 'vwo-sdk-key', ...props },
      name,
      time: 1772359200123,
    },
    visitor: { props: { vwo_fs_environment: 'vwo-sdk-key' } },
  },
});

// ---- @adobe/alloy 2.33.1 (Context, Personalization mergeDecisionsMeta, cookie transfer into meta.state.entries)
const ALLOY_ECID = '61512416208146339721380436545542281212';
/**
 * The identity cookie Adobe's edge stores, as alloy's createDecodeKndctrCookie describes it:
 * URL-safe base64 (no padding) of a protobuf Identity with the ECID in field 1, metadata
 * (created_at, is_new, device_type, region) in field 10 and write_time in field 30.
 */
function kndctrIdentity(ecid: string): string {
  const id = Buffer.from(ecid, 'utf8');
  const metadata = Buffer.from([0x08, 0x96, 0x01, 0x10, 0x01, 0x18, 0x01, 0x2a, 0x03, ...Buffer.from('OR2')]);
  return Buffer.concat([
    Buffer.from([0x0a, id.length]),
    id,
    Buffer.from([0x52, metadata.length]),
    metadata,
    Buffer.from([0xf0, 0x01, 0xac, 0x02]),
  ]).toString('base64url');
}
export const alloyState = (identity: string) => ({
  state: {
    domain: 'shop.example',
    cookiesEnabled: true,
    entries: [
      { key: 'kndctr_ABC123_AdobeOrg_identity', value: identity },
      { key: 'kndctr_ABC123_AdobeOrg_cluster', value: 'or2' },
    ],
  },
});
const alloyContext = {
  web: { webPageDetails: { URL: PAGE }, webReferrer: { URL: 'https://ref.example/' } },
  device: { screenHeight: 800, screenWidth: 1280, screenOrientation: 'landscape' },
  environment: { type: 'browser', browserDetails: { viewportWidth: 1280, viewportHeight: 720 } },
  placeContext: { localTime: '2026-03-01T11:00:00.000+01:00', localTimezoneOffset: -60 },
  timestamp: '2026-03-01T10:00:00.000Z',
  implementationDetails: { name: 'https://ns.adobe.com/experience/alloy', version: '2.33.1', environment: 'browser' },
};
/** A Target proposition as alloy reports it back: id, scope and scopeDetails only. */
export const alloyProposition = {
  id: 'AT:eyJhY3Rpdml0eUlkIjoiMTIzNDU2IiwiZXhwZXJpZW5jZUlkIjoiMSJ9',
  scope: '__view__',
  scopeDetails: {
    decisionProvider: 'TGT',
    activity: { id: '123456' },
    experience: { id: '1' },
    strategies: [{ algorithmID: '0', trafficType: '0' }],
    characteristics: { eventToken: 'tok-1' },
  },
};
export const ALLOY_INTERACT = 'https://edge.adobedc.net/ee/v1/interact?configId=ds-alloy-1&requestId=5a1b2c3d-0000-4000-8000-000000000001';

export const wireCases: RequestCase[] = [
  // ---- Amplitude revenue
  {
    name: 'Amplitude Browser SDK revenue_amount from the Revenue class: $price × $quantity, $currency, order_id → transaction',
    req: {
      method: 'POST',
      url: 'https://api2.amplitude.com/2/httpapi',
      pageUrl: PAGE,
      body: amplitudeUpload([
        {
          ...amplitudeEvent,
          event_type: 'revenue_amount',
          insert_id: 'amp-ins-1',
          event_properties: { order_id: 'AMP-ORD-1', $productId: 'SKU-1', $quantity: 2, $price: 12.5, $currency: 'EUR' },
        },
      ]),
    },
    decoder: 'amplitude',
    account: 'AMP-KEY',
    requestType: 'revenue_amount',
    hits: [
      {
        vendor: 'amplitude',
        kind: 'event',
        name: 'revenue_amount',
        url: PAGE,
        clientId: 'dev-amp-1',
        sessionId: '1772359200000',
        account: 'AMP-KEY',
        eventId: 'amp-ins-1',
      },
      {
        vendor: 'amplitude',
        kind: 'transaction',
        url: PAGE,
        clientId: 'dev-amp-1',
        sessionId: '1772359200000',
        account: 'AMP-KEY',
        eventId: 'amp-ins-1',
        transaction: { total: 25, currency: 'EUR', orderId: 'AMP-ORD-1' },
      },
    ],
  },
  {
    name: 'Amplitude revenue_amount with setRevenue: $revenue wins over the default $price 0',
    req: {
      method: 'POST',
      url: 'https://api.eu.amplitude.com/2/httpapi',
      pageUrl: PAGE,
      body: amplitudeUpload([
        {
          ...amplitudeEvent,
          event_type: 'revenue_amount',
          insert_id: 'amp-ins-2',
          event_properties: { $productId: '', $quantity: 1, $price: 0, $revenue: 99.9, $currency: 'USD' },
        },
      ]),
    },
    decoder: 'amplitude',
    account: 'AMP-KEY',
    hits: [
      {
        vendor: 'amplitude',
        kind: 'event',
        name: 'revenue_amount',
        url: PAGE,
        clientId: 'dev-amp-1',
        sessionId: '1772359200000',
        account: 'AMP-KEY',
        eventId: 'amp-ins-2',
      },
      {
        vendor: 'amplitude',
        kind: 'transaction',
        url: PAGE,
        clientId: 'dev-amp-1',
        sessionId: '1772359200000',
        account: 'AMP-KEY',
        eventId: 'amp-ins-2',
        transaction: { total: 99.9, currency: 'USD' },
      },
    ],
  },
  {
    name: 'Amplitude revenue_amount with $price and no $quantity: quantity 1',
    req: {
      method: 'POST',
      url: 'https://api2.amplitude.com/2/httpapi',
      pageUrl: PAGE,
      body: amplitudeUpload([{ ...amplitudeEvent, event_type: 'revenue_amount', insert_id: 'amp-ins-3', event_properties: { $price: 7 } }]),
    },
    decoder: 'amplitude',
    account: 'AMP-KEY',
    hits: [
      {
        vendor: 'amplitude',
        kind: 'event',
        name: 'revenue_amount',
        url: PAGE,
        clientId: 'dev-amp-1',
        sessionId: '1772359200000',
        account: 'AMP-KEY',
        eventId: 'amp-ins-3',
      },
      {
        vendor: 'amplitude',
        kind: 'transaction',
        url: PAGE,
        clientId: 'dev-amp-1',
        sessionId: '1772359200000',
        account: 'AMP-KEY',
        eventId: 'amp-ins-3',
        transaction: { total: 7 },
      },
    ],
  },
  {
    name: 'Amplitude ordinary event: no revenue property, no transaction; insert_id is the event id',
    req: {
      method: 'POST',
      url: 'https://api2.amplitude.com/2/httpapi',
      pageUrl: PAGE,
      body: amplitudeUpload([
        { ...amplitudeEvent, event_type: 'Add To Cart', insert_id: 'amp-ins-4', event_properties: { sku: 'SKU-1', price_band: 'high' } },
      ]),
    },
    decoder: 'amplitude',
    account: 'AMP-KEY',
    hits: [
      {
        vendor: 'amplitude',
        kind: 'event',
        name: 'Add To Cart',
        url: PAGE,
        clientId: 'dev-amp-1',
        sessionId: '1772359200000',
        account: 'AMP-KEY',
        eventId: 'amp-ins-4',
      },
    ],
  },
  // ---- RudderStack beacon transport
  {
    name: 'RudderStack v3 beacon on a hosted data plane: writeKey in the query is the account, messageId the event id',
    req: {
      method: 'POST',
      url: 'https://acmeabc.dataplane.rudderstack.com/beacon/v1/batch?writeKey=2AbCdWriteKey',
      pageUrl: PAGE,
      body: rudderBeaconBody,
    },
    decoder: 'rudderstack',
    account: '2AbCdWriteKey',
    requestType: 'Batch (beacon)',
    hits: [
      {
        vendor: 'rudderstack',
        kind: 'pageview',
        url: PAGE,
        referrer: 'https://ref.example/',
        clientId: 'rs-anon-1',
        account: '2AbCdWriteKey',
        eventId: 'rs-msg-page',
      },
      {
        vendor: 'rudderstack',
        kind: 'event',
        name: 'Order Completed',
        url: PAGE,
        referrer: 'https://ref.example/',
        clientId: 'rs-anon-1',
        account: '2AbCdWriteKey',
        eventId: 'rs-msg-track',
      },
      {
        vendor: 'rudderstack',
        kind: 'transaction',
        url: PAGE,
        referrer: 'https://ref.example/',
        clientId: 'rs-anon-1',
        account: '2AbCdWriteKey',
        eventId: 'rs-msg-track',
        transaction: { total: 42, currency: 'EUR', orderId: 'RS-1' },
      },
    ],
  },
  {
    name: 'RudderStack v3 beacon on a self-hosted data plane under a path prefix',
    req: {
      method: 'POST',
      url: 'https://data.shop.example/rudder/beacon/v1/batch?writeKey=SelfHostedKey',
      pageUrl: PAGE,
      body: JSON.stringify({ batch: [rudderMessage('page', { name: 'Thanks' })], sentAt: '2026-03-01T10:00:01.000Z' }),
    },
    decoder: 'rudderstack',
    account: 'SelfHostedKey',
    requestType: 'Batch (beacon)',
    hits: [
      {
        vendor: 'rudderstack',
        kind: 'pageview',
        url: PAGE,
        referrer: 'https://ref.example/',
        clientId: 'rs-anon-1',
        account: 'SelfHostedKey',
        eventId: 'rs-msg-page',
      },
    ],
  },
  {
    name: 'RudderStack v3 XHR batch: the write key is in the Authorization header, so no account',
    req: {
      method: 'POST',
      url: 'https://acmeabc.dataplane.rudderstack.com/v1/batch',
      pageUrl: PAGE,
      body: JSON.stringify({ batch: [rudderMessage('page', { name: 'Thanks' })], sentAt: '2026-03-01T10:00:01.000Z' }),
    },
    decoder: 'rudderstack',
    requestType: 'Batch',
    hits: [
      {
        vendor: 'rudderstack',
        kind: 'pageview',
        url: PAGE,
        referrer: 'https://ref.example/',
        clientId: 'rs-anon-1',
        eventId: 'rs-msg-page',
      },
    ],
  },
  // ---- Segment messageId
  {
    name: 'Segment analytics-next track: messageId is the event id',
    req: {
      method: 'POST',
      url: 'https://api.segment.io/v1/t',
      pageUrl: PAGE,
      body: JSON.stringify({
        type: 'track',
        event: 'Signed Up',
        messageId: 'ajs-next-1772359200000-abc',
        anonymousId: 'seg-anon-1',
        writeKey: 'SEG-WK',
        context: { page: { url: PAGE }, library: { name: 'analytics.js', version: 'npm:next-1.84.3' } },
        properties: {},
        sentAt: '2026-03-01T10:00:00.000Z',
      }),
    },
    decoder: 'segment',
    account: 'SEG-WK',
    requestType: 'Track',
    hits: [
      {
        vendor: 'segment',
        kind: 'event',
        name: 'Signed Up',
        url: PAGE,
        clientId: 'seg-anon-1',
        account: 'SEG-WK',
        eventId: 'ajs-next-1772359200000-abc',
      },
    ],
  },
  // ---- Snowplow v4 ecommerce
  {
    name: 'Snowplow v4 ecommerce trackTransaction, POST tp2 with ue_pr and co: event + transaction from the transaction entity',
    req: {
      method: 'POST',
      url: 'https://collector.shop.example/com.snowplowanalytics.snowplow/tp2',
      pageUrl: PAGE,
      body: JSON.stringify({
        schema: 'iglu:com.snowplowanalytics.snowplow/payload_data/jsonschema/1-0-4',
        data: [
          {
            e: 'ue',
            eid: 'sp-eid-1',
            ...spCommon,
            ue_pr: JSON.stringify(spUnstruct({ schema: SP_ACTION, data: { type: 'transaction' } })),
            co: JSON.stringify(spTransactionContexts),
            dtm: '1772359260000',
            stm: '1772359260100',
          },
        ],
      }),
    },
    decoder: 'snowplow',
    account: 'shop',
    hits: [
      {
        vendor: 'snowplow',
        kind: 'event',
        name: 'snowplow_ecommerce_action',
        url: PAGE,
        clientId: 'du-sp-1',
        sessionId: 'sid-sp-1',
        account: 'shop',
        eventId: 'sp-eid-1',
      },
      {
        vendor: 'snowplow',
        kind: 'transaction',
        url: PAGE,
        clientId: 'du-sp-1',
        sessionId: 'sid-sp-1',
        account: 'shop',
        eventId: 'sp-eid-1',
        transaction: { total: 60, currency: 'GBP', orderId: 'SP-T-1' },
      },
    ],
  },
  {
    name: 'Snowplow v4 ecommerce trackTransaction, GET /i with base64 ue_px and cx',
    req: {
      method: 'GET',
      url: `https://collector.shop.example/i?e=ue&eid=sp-eid-2&tv=js-4.6.3&aid=shop&p=web&duid=du-sp-1&sid=sid-sp-1&url=${enc(PAGE)}&ue_px=${enc(b64(spUnstruct({ schema: SP_ACTION, data: { type: 'transaction' } })))}&cx=${enc(b64(spTransactionContexts))}`,
    },
    decoder: 'snowplow',
    account: 'shop',
    hits: [
      {
        vendor: 'snowplow',
        kind: 'event',
        name: 'snowplow_ecommerce_action',
        url: PAGE,
        clientId: 'du-sp-1',
        sessionId: 'sid-sp-1',
        account: 'shop',
        eventId: 'sp-eid-2',
      },
      {
        vendor: 'snowplow',
        kind: 'transaction',
        url: PAGE,
        clientId: 'du-sp-1',
        sessionId: 'sid-sp-1',
        account: 'shop',
        eventId: 'sp-eid-2',
        transaction: { total: 60, currency: 'GBP', orderId: 'SP-T-1' },
      },
    ],
  },
  {
    name: 'Snowplow v4 ecommerce add_to_cart action: an event, not an order',
    req: {
      method: 'POST',
      url: 'https://collector.shop.example/com.snowplowanalytics.snowplow/tp2',
      pageUrl: PAGE,
      body: JSON.stringify({
        schema: 'iglu:com.snowplowanalytics.snowplow/payload_data/jsonschema/1-0-4',
        data: [
          {
            e: 'ue',
            eid: 'sp-eid-3',
            ...spCommon,
            ue_pr: JSON.stringify(spUnstruct({ schema: SP_ACTION, data: { type: 'add_to_cart' } })),
            co: JSON.stringify(
              spContexts([
                { schema: SP_PRODUCT, data: { id: 'SKU-1', price: 30, currency: 'GBP', quantity: 1 } },
                {
                  schema: 'iglu:com.snowplowanalytics.snowplow.ecommerce/cart/jsonschema/1-0-0',
                  data: { total_value: 30, currency: 'GBP' },
                },
              ]),
            ),
          },
        ],
      }),
    },
    decoder: 'snowplow',
    account: 'shop',
    hits: [
      {
        vendor: 'snowplow',
        kind: 'event',
        name: 'snowplow_ecommerce_action',
        url: PAGE,
        clientId: 'du-sp-1',
        sessionId: 'sid-sp-1',
        account: 'shop',
        eventId: 'sp-eid-3',
      },
    ],
  },
  {
    name: 'Snowplow legacy e=tr transaction keeps its eid as the event id',
    req: {
      method: 'GET',
      url: `https://collector.shop.example/i?e=tr&eid=sp-eid-4&tv=js-3.24.0&aid=shop&duid=du-sp-1&sid=sid-sp-1&url=${enc(PAGE)}&tr_id=SP-T-2&tr_tt=19.99&tr_cu=GBP`,
    },
    decoder: 'snowplow',
    account: 'shop',
    requestType: 'Transaction',
    hits: [
      {
        vendor: 'snowplow',
        kind: 'transaction',
        url: PAGE,
        clientId: 'du-sp-1',
        sessionId: 'sid-sp-1',
        account: 'shop',
        eventId: 'sp-eid-4',
        transaction: { total: 19.99, currency: 'GBP', orderId: 'SP-T-2' },
      },
    ],
  },
  // ---- mParticle v3 commerce events
  {
    name: 'mParticle v3 commerce_event purchase: event "purchase" + transaction (total_amount, transaction_id, currency_code)',
    req: {
      method: 'POST',
      url: 'https://jssdks.mparticle.com/v3/JS/us1-mpkey/events',
      pageUrl: PAGE,
      body: mpBatch([
        mpCommerce({
          action: 'purchase',
          checkout_step: null,
          checkout_options: null,
          transaction_id: 'MP-T-1',
          affiliation: null,
          total_amount: 45,
          tax_amount: null,
          shipping_amount: null,
          coupon_code: null,
          products: [mpProduct],
        }),
      ]),
    },
    decoder: 'mparticle',
    account: 'us1-mpkey',
    requestType: 'commerce_event',
    hits: [
      {
        vendor: 'mparticle',
        kind: 'event',
        name: 'purchase',
        url: PAGE,
        clientId: '-8234091',
        sessionId: 'MP-SESSION-1',
        account: 'us1-mpkey',
      },
      {
        vendor: 'mparticle',
        kind: 'transaction',
        url: PAGE,
        clientId: '-8234091',
        sessionId: 'MP-SESSION-1',
        account: 'us1-mpkey',
        transaction: { total: 45, currency: 'EUR', orderId: 'MP-T-1' },
      },
    ],
  },
  {
    name: 'mParticle v3 commerce_event add_to_cart on a CNAME (/webevents/v3/JS/…): an event named after the action',
    req: {
      method: 'POST',
      url: 'https://mp.shop.example/webevents/v3/JS/us1-mpkey/events',
      pageUrl: PAGE,
      body: mpBatch([mpCommerce({ action: 'add_to_cart', transaction_id: null, total_amount: null, products: [mpProduct] })]),
    },
    decoder: 'mparticle',
    account: 'us1-mpkey',
    requestType: 'commerce_event',
    hits: [
      {
        vendor: 'mparticle',
        kind: 'event',
        name: 'add_to_cart',
        url: PAGE,
        clientId: '-8234091',
        sessionId: 'MP-SESSION-1',
        account: 'us1-mpkey',
      },
    ],
  },
  // ---- Mixpanel $insert_id
  {
    name: 'Mixpanel batch POST: each event keeps its $insert_id as the event id',
    req: { method: 'POST', url: MIXPANEL_TRACK, pageUrl: PAGE, body: mixpanelBatchBody },
    decoder: 'mixpanel',
    account: 'MP-TOKEN',
    requestType: '$mp_web_page_view, Purchased',
    hits: [
      { vendor: 'mixpanel', kind: 'pageview', url: PAGE, clientId: 'dev-mp-1', account: 'MP-TOKEN', eventId: 'ins-pv-1' },
      { vendor: 'mixpanel', kind: 'event', name: 'Purchased', url: PAGE, clientId: 'dev-mp-1', account: 'MP-TOKEN', eventId: 'ins-buy-1' },
    ],
  },
  // ---- Optimizely
  {
    name: 'Optimizely JS SDK impression: the decision with its campaign_activated event is a display; uuid is the event id',
    req: { method: 'POST', url: 'https://logx.optimizely.com/v1/events', pageUrl: PAGE, body: optimizelyBatch(optimizelyImpression) },
    decoder: 'optimizely',
    account: '12001',
    requestType: 'campaign_activated',
    hits: [
      {
        vendor: 'optimizely',
        kind: 'experience',
        url: PAGE,
        clientId: 'user-opt-1',
        account: '12001',
        eventId: 'opt-uuid-imp-1',
        experience: { id: '111127', variant: '111129' },
      },
    ],
  },
  {
    name: 'Optimizely JS SDK conversion with revenue 4250 (integer cents) on the EU endpoint: event + order of 42.50',
    req: {
      method: 'POST',
      url: 'https://eu.logx.optimizely.com/v1/events',
      pageUrl: PAGE,
      body: optimizelyBatch(optimizelyConversion(4250)),
    },
    decoder: 'optimizely',
    account: '12001',
    requestType: 'purchase',
    hits: [
      {
        vendor: 'optimizely',
        kind: 'event',
        name: 'purchase',
        url: PAGE,
        clientId: 'user-opt-1',
        account: '12001',
        eventId: 'opt-uuid-buy-1',
      },
      {
        vendor: 'optimizely',
        kind: 'transaction',
        url: PAGE,
        clientId: 'user-opt-1',
        account: '12001',
        eventId: 'opt-uuid-buy-1',
        transaction: { total: 42.5 },
      },
    ],
  },
  {
    name: 'Optimizely conversion carrying the visitor\'s decisions (Event API: buckets "for the session thus far"): an event, no display',
    req: {
      method: 'POST',
      url: 'https://logx.optimizely.com/v1/events',
      pageUrl: PAGE,
      body: optimizelyBatch({
        decisions: [{ campaign_id: '4', experiment_id: '111127', variation_id: '111129', is_campaign_holdback: false }],
        events: [{ entity_id: '8766076075', key: 'add_to_cart', type: 'other', timestamp: 1772359230000, uuid: 'opt-uuid-cart-1' }],
      }),
    },
    decoder: 'optimizely',
    account: '12001',
    requestType: 'add_to_cart',
    hits: [
      {
        vendor: 'optimizely',
        kind: 'event',
        name: 'add_to_cart',
        url: PAGE,
        clientId: 'user-opt-1',
        account: '12001',
        eventId: 'opt-uuid-cart-1',
      },
    ],
  },
  {
    name: 'Optimizely legacy /log/decision (JS SDK 1.x impression): one display of decision.experimentId',
    req: {
      method: 'POST',
      url: 'https://logx.optimizely.com/log/decision',
      pageUrl: PAGE,
      body: JSON.stringify({
        ...optimizelyLegacyCommon,
        layerId: '4',
        decision: { isLayerHoldback: false, experimentId: '111127', variationId: '111129' },
      }),
    },
    decoder: 'optimizely',
    account: '12001',
    requestType: 'decision',
    hits: [
      {
        vendor: 'optimizely',
        kind: 'experience',
        url: PAGE,
        clientId: 'user-opt-1',
        account: '12001',
        experience: { id: '111127', variant: '111129' },
      },
    ],
  },
  {
    name: 'Optimizely legacy /log/event (JS SDK 1.x conversion): layerStates are its buckets, eventMetrics revenue its order',
    req: {
      method: 'POST',
      url: 'https://logx.optimizely.com/log/event',
      pageUrl: PAGE,
      body: JSON.stringify({
        ...optimizelyLegacyCommon,
        eventEntityId: '111095',
        eventName: 'purchase',
        eventFeatures: [{ id: 'revenue', type: 'custom', value: 4250, shouldIndex: false }],
        layerStates: [
          {
            layerId: '4',
            revision: '42',
            decision: { isLayerHoldback: false, experimentId: '111127', variationId: '111129' },
            actionTriggered: true,
          },
        ],
        eventMetrics: [{ name: 'revenue', value: 4250 }],
      }),
    },
    decoder: 'optimizely',
    account: '12001',
    requestType: 'event',
    hits: [
      { vendor: 'optimizely', kind: 'event', name: 'purchase', url: PAGE, clientId: 'user-opt-1', account: '12001' },
      { vendor: 'optimizely', kind: 'transaction', url: PAGE, clientId: 'user-opt-1', account: '12001', transaction: { total: 42.5 } },
    ],
  },
  // ---- VWO server-side
  {
    name: 'VWO server-side track-user (activate): experiment_id and combination shown to visitor u',
    req: {
      method: 'GET',
      url: `${VWO_HOST}/server-side/track-user${vwoQuery({ experiment_id: 12, combination: 2, visitor_ua: '', visitor_ip: '', ...vwoBase, cl: 1, _l: 1, ed: '{"p":"server"}' })}`,
      pageUrl: PAGE,
    },
    decoder: 'vwo',
    account: '12345',
    requestType: 'Track user',
    hits: [{ vendor: 'vwo', kind: 'experience', url: PAGE, clientId: VWO_UUID, account: '12345', experience: { id: '12', variant: '2' } }],
  },
  {
    name: 'VWO server-side track-goal of a revenue goal: goal_id is the conversion, r its order; the combination is its bucket, not a display',
    req: {
      method: 'GET',
      url: `${VWO_HOST}/server-side/track-goal${vwoQuery({ experiment_id: 12, combination: 2, ...vwoBase, visitor_ua: '', visitor_ip: '', goal_id: 3, r: 49.99 })}`,
      pageUrl: PAGE,
    },
    decoder: 'vwo',
    account: '12345',
    requestType: 'Track goal',
    hits: [
      { vendor: 'vwo', kind: 'event', name: 'goal 3', url: PAGE, clientId: VWO_UUID, account: '12345' },
      { vendor: 'vwo', kind: 'transaction', url: PAGE, clientId: VWO_UUID, account: '12345', transaction: { total: 49.99 } },
    ],
  },
  {
    name: 'VWO server-side batch-events: eT 1 display, eT 2 goal with revenue, eT 3 push (no hit)',
    req: {
      method: 'POST',
      url: `${VWO_HOST}/server-side/batch-events${vwoQuery({ a: 12345, cl: 1, _l: 1, sdk: 'vwo-node-sdk', 'sdk-v': '1.73.0', env: 'vwo-sdk-key' })}`,
      pageUrl: PAGE,
      body: JSON.stringify({
        ev: [
          { e: 12, c: 2, sId: 1772359200, u: VWO_UUID, eT: 1, visitor_ua: '', visitor_ip: '' },
          { e: 12, c: 2, sId: 1772359260, u: VWO_UUID, eT: 2, visitor_ua: '', visitor_ip: '', g: 3, r: 49.99 },
          { sId: 1772359261, u: VWO_UUID, eT: 3, t: enc(JSON.stringify({ u: { plan: 'gold' } })) },
        ],
      }),
    },
    decoder: 'vwo',
    account: '12345',
    requestType: 'Batch: track user, track goal, push',
    hits: [
      { vendor: 'vwo', kind: 'experience', url: PAGE, clientId: VWO_UUID, account: '12345', experience: { id: '12', variant: '2' } },
      { vendor: 'vwo', kind: 'event', name: 'goal 3', url: PAGE, clientId: VWO_UUID, account: '12345' },
      { vendor: 'vwo', kind: 'transaction', url: PAGE, clientId: VWO_UUID, account: '12345', transaction: { total: 49.99 } },
    ],
  },
  {
    name: 'VWO FME getFlag: /events/t?en=vwo_variationShown with props id and variation → display',
    req: {
      method: 'POST',
      url: `${VWO_HOST}/events/t${vwoFmeQuery('vwo_variationShown')}`,
      pageUrl: PAGE,
      body: JSON.stringify(vwoFmePayload('vwo_variationShown', { id: 12, variation: 2, isFirst: 1 })),
    },
    decoder: 'vwo',
    account: '12345',
    requestType: 'vwo_variationShown',
    hits: [
      {
        vendor: 'vwo',
        kind: 'experience',
        url: PAGE,
        clientId: VWO_UUID,
        sessionId: '1772359200',
        account: '12345',
        experience: { id: '12', variant: '2' },
      },
    ],
  },
  {
    name: "VWO FME trackEvent: the custom event by name; its props id/variation 1 are the SDK's placeholders, not a display",
    req: {
      method: 'POST',
      url: `${VWO_HOST}/events/t${vwoFmeQuery('purchase_completed')}`,
      pageUrl: PAGE,
      body: JSON.stringify(vwoFmePayload('purchase_completed', { isCustomEvent: true, variation: 1, id: 1, amount: 49.99 })),
    },
    decoder: 'vwo',
    account: '12345',
    requestType: 'purchase_completed',
    hits: [
      {
        vendor: 'vwo',
        kind: 'event',
        name: 'purchase_completed',
        url: PAGE,
        clientId: VWO_UUID,
        sessionId: '1772359200',
        account: '12345',
      },
    ],
  },
  {
    name: "VWO FME batch-events-v2: the same payloads in { ev }, the SDK's own init event yields nothing",
    req: {
      method: 'POST',
      url: `${VWO_HOST}/server-side/batch-events-v2${vwoQuery({ a: 12345, env: 'vwo-sdk-key', sn: 'vwo-fme-node-sdk', sv: '1.60.0' })}`,
      pageUrl: PAGE,
      body: JSON.stringify({
        ev: [
          vwoFmePayload('vwo_fmeSdkInit', { data: { isSDKInitialized: true, settingsFetchTime: 120, sdkInitTime: 150 } }),
          vwoFmePayload('vwo_variationShown', { id: 12, variation: 2, isFirst: 1 }),
          vwoFmePayload('purchase_completed', { isCustomEvent: true, variation: 1, id: 1 }),
        ],
      }),
    },
    decoder: 'vwo',
    account: '12345',
    requestType: 'Batch: vwo_fmeSdkInit, vwo_variationShown, purchase_completed',
    hits: [
      {
        vendor: 'vwo',
        kind: 'experience',
        url: PAGE,
        clientId: VWO_UUID,
        sessionId: '1772359200',
        account: '12345',
        experience: { id: '12', variant: '2' },
      },
      {
        vendor: 'vwo',
        kind: 'event',
        name: 'purchase_completed',
        url: PAGE,
        clientId: VWO_UUID,
        sessionId: '1772359200',
        account: '12345',
      },
    ],
  },
  // ---- Adobe Web SDK
  {
    name: 'Adobe Web SDK page view carrying the propositions it displayed (propositionEventType.display 1): page view + display; ECID from the kndctr identity cookie in meta.state',
    req: {
      method: 'POST',
      url: ALLOY_INTERACT,
      pageUrl: PAGE,
      body: JSON.stringify({
        events: [
          {
            xdm: {
              ...alloyContext,
              eventType: 'web.webpagedetails.pageViews',
              _experience: { decisioning: { propositions: [alloyProposition], propositionEventType: { display: 1 } } },
            },
            data: {},
          },
        ],
        meta: alloyState(kndctrIdentity(ALLOY_ECID)),
      }),
    },
    decoder: 'adobe-websdk',
    account: 'ds-alloy-1',
    requestType: 'web.webpagedetails.pageViews',
    hits: [
      {
        vendor: 'adobe-websdk',
        kind: 'pageview',
        url: PAGE,
        referrer: 'https://ref.example/',
        clientId: ALLOY_ECID,
        account: 'ds-alloy-1',
      },
      {
        vendor: 'adobe-websdk',
        kind: 'experience',
        url: PAGE,
        referrer: 'https://ref.example/',
        clientId: ALLOY_ECID,
        account: 'ds-alloy-1',
        experience: { id: '123456', variant: '1' },
      },
    ],
  },
  {
    name: 'Adobe Web SDK click on a proposition (propositionEventType.interact): an event, no display; identityMap ECID wins over the cookie',
    req: {
      method: 'POST',
      url: ALLOY_INTERACT,
      pageUrl: PAGE,
      body: JSON.stringify({
        events: [
          {
            xdm: {
              ...alloyContext,
              eventType: 'decisioning.propositionInteract',
              identityMap: { ECID: [{ id: '11111111111111111111111111111111111111', authenticatedState: 'ambiguous', primary: true }] },
              _experience: {
                decisioning: {
                  propositions: [alloyProposition],
                  propositionEventType: { interact: 1 },
                  propositionAction: { label: 'Buy' },
                },
              },
            },
          },
        ],
        meta: alloyState(kndctrIdentity(ALLOY_ECID)),
      }),
    },
    decoder: 'adobe-websdk',
    account: 'ds-alloy-1',
    requestType: 'decisioning.propositionInteract',
    hits: [
      {
        vendor: 'adobe-websdk',
        kind: 'event',
        name: 'decisioning.propositionInteract',
        url: PAGE,
        referrer: 'https://ref.example/',
        clientId: '11111111111111111111111111111111111111',
        account: 'ds-alloy-1',
      },
    ],
  },
];
