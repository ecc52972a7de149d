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
  device_id: 'dev-amp-1', session_id: 1772359200000, time: 1772359260000, platform: 'Web', os_name: 'Chrome', language: 'en-US',
  ip: '$remote', library: 'amplitude-ts/2.31.0', event_id: 7,
};

// ---- @rudderstack/analytics-js 3.34 (BeaconQueue: <plane>/beacon/v1/batch?writeKey=…, text/plain { batch, sentAt })
const rudderMessage = (type: string, extra: Record<string, unknown>) => ({
  type, channel: 'web', anonymousId: 'rs-anon-1', messageId: `rs-msg-${type}`, originalTimestamp: '2026-03-01T10:00:00.000Z',
  context: { library: { name: 'RudderLabs JavaScript SDK', version: '3.34.1' }, page: { url: PAGE, referrer: 'https://ref.example/', path: '/checkout/thanks' } },
  integrations: { All: true }, ...extra,
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
const mpBatch = (events: unknown[]) => JSON.stringify({
  source_request_id: 'req-1', mpid: '-8234091', timestamp_unixtime_ms: 1772359260000, environment: 'development', events,
  mp_deviceid: 'das-mp-1', sdk_version: '2.68.0', application_info: { application_name: 'Shop' },
  device_info: { platform: 'web', screen_width: 1280, screen_height: 800 }, user_attributes: {}, user_identities: {}, consent_state: null,
  integration_attributes: {},
});
const mpCommerce = (productAction: unknown, currency = 'EUR') => ({
  event_type: 'commerce_event',
  data: {
    custom_flags: {}, product_action: productAction, promotion_action: null, product_impressions: null, shopping_cart: null,
    currency_code: currency, timestamp_unixtime_ms: 1772359260000, session_uuid: 'MP-SESSION-1', session_start_unixtime_ms: 1772359200000,
    custom_attributes: {}, location: null, source_message_id: 'mp-msg-1', active_time_on_site_ms: 60000,
  },
});
const mpProduct = { id: 'SKU-1', name: 'Ring', brand: null, category: null, variant: null, total_product_amount: 45, position: null, price: 22.5, quantity: 2, coupon_code: null, custom_attributes: {} };

// ---- mixpanel-browser 2.83 (batch sender: POST data=<JSON array>, events with $insert_id)
export const mixpanelBatchBody = `data=${enc(JSON.stringify([
  { event: '$mp_web_page_view', properties: { token: 'MP-TOKEN', distinct_id: '$device:dev-mp-1', $device_id: 'dev-mp-1', $current_url: PAGE, time: 1772359200.123, $insert_id: 'ins-pv-1', mp_lib: 'web' } },
  { event: 'Purchased', properties: { token: 'MP-TOKEN', distinct_id: '$device:dev-mp-1', $device_id: 'dev-mp-1', $current_url: PAGE, time: 1772359201.456, $insert_id: 'ins-buy-1', mp_lib: 'web' } },
]))}`;
export const MIXPANEL_TRACK = 'https://api-js.mixpanel.com/track/?verbose=1&ip=1&_=1772359202000';

export const wireCases: RequestCase[] = [
  // ---- Amplitude revenue
  {
    name: 'Amplitude Browser SDK revenue_amount from the Revenue class: $price × $quantity, $currency, order_id → transaction',
    req: { method: 'POST', url: 'https://api2.amplitude.com/2/httpapi', pageUrl: PAGE, body: amplitudeUpload([
      { ...amplitudeEvent, event_type: 'revenue_amount', insert_id: 'amp-ins-1', event_properties: { order_id: 'AMP-ORD-1', $productId: 'SKU-1', $quantity: 2, $price: 12.5, $currency: 'EUR' } },
    ]) },
    decoder: 'amplitude', account: 'AMP-KEY', requestType: 'revenue_amount',
    hits: [
      { vendor: 'amplitude', kind: 'event', name: 'revenue_amount', url: PAGE, clientId: 'dev-amp-1', sessionId: '1772359200000', account: 'AMP-KEY', eventId: 'amp-ins-1' },
      { vendor: 'amplitude', kind: 'transaction', url: PAGE, clientId: 'dev-amp-1', sessionId: '1772359200000', account: 'AMP-KEY', eventId: 'amp-ins-1', transaction: { total: 25, currency: 'EUR', orderId: 'AMP-ORD-1' } },
    ],
  },
  {
    name: 'Amplitude revenue_amount with setRevenue: $revenue wins over the default $price 0',
    req: { method: 'POST', url: 'https://api.eu.amplitude.com/2/httpapi', pageUrl: PAGE, body: amplitudeUpload([
      { ...amplitudeEvent, event_type: 'revenue_amount', insert_id: 'amp-ins-2', event_properties: { $productId: '', $quantity: 1, $price: 0, $revenue: 99.9, $currency: 'USD' } },
    ]) },
    decoder: 'amplitude', account: 'AMP-KEY',
    hits: [
      { vendor: 'amplitude', kind: 'event', name: 'revenue_amount', url: PAGE, clientId: 'dev-amp-1', sessionId: '1772359200000', account: 'AMP-KEY', eventId: 'amp-ins-2' },
      { vendor: 'amplitude', kind: 'transaction', url: PAGE, clientId: 'dev-amp-1', sessionId: '1772359200000', account: 'AMP-KEY', eventId: 'amp-ins-2', transaction: { total: 99.9, currency: 'USD' } },
    ],
  },
  {
    name: 'Amplitude revenue_amount with $price and no $quantity: quantity 1',
    req: { method: 'POST', url: 'https://api2.amplitude.com/2/httpapi', pageUrl: PAGE, body: amplitudeUpload([
      { ...amplitudeEvent, event_type: 'revenue_amount', insert_id: 'amp-ins-3', event_properties: { $price: 7 } },
    ]) },
    decoder: 'amplitude', account: 'AMP-KEY',
    hits: [
      { vendor: 'amplitude', kind: 'event', name: 'revenue_amount', url: PAGE, clientId: 'dev-amp-1', sessionId: '1772359200000', account: 'AMP-KEY', eventId: 'amp-ins-3' },
      { vendor: 'amplitude', kind: 'transaction', url: PAGE, clientId: 'dev-amp-1', sessionId: '1772359200000', account: 'AMP-KEY', eventId: 'amp-ins-3', transaction: { total: 7 } },
    ],
  },
  {
    name: 'Amplitude ordinary event: no revenue property, no transaction; insert_id is the event id',
    req: { method: 'POST', url: 'https://api2.amplitude.com/2/httpapi', pageUrl: PAGE, body: amplitudeUpload([
      { ...amplitudeEvent, event_type: 'Add To Cart', insert_id: 'amp-ins-4', event_properties: { sku: 'SKU-1', price_band: 'high' } },
    ]) },
    decoder: 'amplitude', account: 'AMP-KEY',
    hits: [{ vendor: 'amplitude', kind: 'event', name: 'Add To Cart', url: PAGE, clientId: 'dev-amp-1', sessionId: '1772359200000', account: 'AMP-KEY', eventId: 'amp-ins-4' }],
  },
  // ---- RudderStack beacon transport
  {
    name: 'RudderStack v3 beacon on a hosted data plane: writeKey in the query is the account, messageId the event id',
    req: { method: 'POST', url: 'https://acmeabc.dataplane.rudderstack.com/beacon/v1/batch?writeKey=2AbCdWriteKey', pageUrl: PAGE, body: rudderBeaconBody },
    decoder: 'rudderstack', account: '2AbCdWriteKey', requestType: 'Batch (beacon)',
    hits: [
      { vendor: 'rudderstack', kind: 'pageview', url: PAGE, referrer: 'https://ref.example/', clientId: 'rs-anon-1', account: '2AbCdWriteKey', eventId: 'rs-msg-page' },
      { vendor: 'rudderstack', kind: 'event', name: 'Order Completed', url: PAGE, referrer: 'https://ref.example/', clientId: 'rs-anon-1', account: '2AbCdWriteKey', eventId: 'rs-msg-track' },
      { vendor: 'rudderstack', kind: 'transaction', url: PAGE, referrer: 'https://ref.example/', clientId: 'rs-anon-1', account: '2AbCdWriteKey', eventId: 'rs-msg-track', transaction: { total: 42, currency: 'EUR', orderId: 'RS-1' } },
    ],
  },
  {
    name: 'RudderStack v3 beacon on a self-hosted data plane under a path prefix',
    req: { method: 'POST', url: 'https://data.shop.example/rudder/beacon/v1/batch?writeKey=SelfHostedKey', pageUrl: PAGE, body: JSON.stringify({ batch: [rudderMessage('page', { name: 'Thanks' })], sentAt: '2026-03-01T10:00:01.000Z' }) },
    decoder: 'rudderstack', account: 'SelfHostedKey', requestType: 'Batch (beacon)',
    hits: [{ vendor: 'rudderstack', kind: 'pageview', url: PAGE, referrer: 'https://ref.example/', clientId: 'rs-anon-1', account: 'SelfHostedKey', eventId: 'rs-msg-page' }],
  },
  {
    name: 'RudderStack v3 XHR batch: the write key is in the Authorization header, so no account',
    req: { method: 'POST', url: 'https://acmeabc.dataplane.rudderstack.com/v1/batch', pageUrl: PAGE, body: JSON.stringify({ batch: [rudderMessage('page', { name: 'Thanks' })], sentAt: '2026-03-01T10:00:01.000Z' }) },
    decoder: 'rudderstack', requestType: 'Batch',
    hits: [{ vendor: 'rudderstack', kind: 'pageview', url: PAGE, referrer: 'https://ref.example/', clientId: 'rs-anon-1', eventId: 'rs-msg-page' }],
  },
  // ---- Segment messageId
  {
    name: 'Segment analytics-next track: messageId is the event id',
    req: { method: 'POST', url: 'https://api.segment.io/v1/t', pageUrl: PAGE, body: JSON.stringify({
      type: 'track', event: 'Signed Up', messageId: 'ajs-next-1772359200000-abc', anonymousId: 'seg-anon-1', writeKey: 'SEG-WK',
      context: { page: { url: PAGE }, library: { name: 'analytics.js', version: 'npm:next-1.84.3' } }, properties: {}, sentAt: '2026-03-01T10:00:00.000Z',
    }) },
    decoder: 'segment', account: 'SEG-WK', requestType: 'Track',
    hits: [{ vendor: 'segment', kind: 'event', name: 'Signed Up', url: PAGE, clientId: 'seg-anon-1', account: 'SEG-WK', eventId: 'ajs-next-1772359200000-abc' }],
  },
  // ---- Snowplow v4 ecommerce
  {
    name: 'Snowplow v4 ecommerce trackTransaction, POST tp2 with ue_pr and co: event + transaction from the transaction entity',
    req: { method: 'POST', url: 'https://collector.shop.example/com.snowplowanalytics.snowplow/tp2', pageUrl: PAGE, body: JSON.stringify({
      schema: 'iglu:com.snowplowanalytics.snowplow/payload_data/jsonschema/1-0-4',
      data: [{ e: 'ue', eid: 'sp-eid-1', ...spCommon, ue_pr: JSON.stringify(spUnstruct({ schema: SP_ACTION, data: { type: 'transaction' } })), co: JSON.stringify(spTransactionContexts), dtm: '1772359260000', stm: '1772359260100' }],
    }) },
    decoder: 'snowplow', account: 'shop',
    hits: [
      { vendor: 'snowplow', kind: 'event', name: 'snowplow_ecommerce_action', url: PAGE, clientId: 'du-sp-1', sessionId: 'sid-sp-1', account: 'shop', eventId: 'sp-eid-1' },
      { vendor: 'snowplow', kind: 'transaction', url: PAGE, clientId: 'du-sp-1', sessionId: 'sid-sp-1', account: 'shop', eventId: 'sp-eid-1', transaction: { total: 60, currency: 'GBP', orderId: 'SP-T-1' } },
    ],
  },
  {
    name: 'Snowplow v4 ecommerce trackTransaction, GET /i with base64 ue_px and cx',
    req: { method: 'GET', url: `https://collector.shop.example/i?e=ue&eid=sp-eid-2&tv=js-4.6.3&aid=shop&p=web&duid=du-sp-1&sid=sid-sp-1&url=${enc(PAGE)}&ue_px=${enc(b64(spUnstruct({ schema: SP_ACTION, data: { type: 'transaction' } })))}&cx=${enc(b64(spTransactionContexts))}` },
    decoder: 'snowplow', account: 'shop',
    hits: [
      { vendor: 'snowplow', kind: 'event', name: 'snowplow_ecommerce_action', url: PAGE, clientId: 'du-sp-1', sessionId: 'sid-sp-1', account: 'shop', eventId: 'sp-eid-2' },
      { vendor: 'snowplow', kind: 'transaction', url: PAGE, clientId: 'du-sp-1', sessionId: 'sid-sp-1', account: 'shop', eventId: 'sp-eid-2', transaction: { total: 60, currency: 'GBP', orderId: 'SP-T-1' } },
    ],
  },
  {
    name: 'Snowplow v4 ecommerce add_to_cart action: an event, not an order',
    req: { method: 'POST', url: 'https://collector.shop.example/com.snowplowanalytics.snowplow/tp2', pageUrl: PAGE, body: JSON.stringify({
      schema: 'iglu:com.snowplowanalytics.snowplow/payload_data/jsonschema/1-0-4',
      data: [{ e: 'ue', eid: 'sp-eid-3', ...spCommon, ue_pr: JSON.stringify(spUnstruct({ schema: SP_ACTION, data: { type: 'add_to_cart' } })), co: JSON.stringify(spContexts([
        { schema: SP_PRODUCT, data: { id: 'SKU-1', price: 30, currency: 'GBP', quantity: 1 } },
        { schema: 'iglu:com.snowplowanalytics.snowplow.ecommerce/cart/jsonschema/1-0-0', data: { total_value: 30, currency: 'GBP' } },
      ])) }],
    }) },
    decoder: 'snowplow', account: 'shop',
    hits: [{ vendor: 'snowplow', kind: 'event', name: 'snowplow_ecommerce_action', url: PAGE, clientId: 'du-sp-1', sessionId: 'sid-sp-1', account: 'shop', eventId: 'sp-eid-3' }],
  },
  {
    name: 'Snowplow legacy e=tr transaction keeps its eid as the event id',
    req: { method: 'GET', url: `https://collector.shop.example/i?e=tr&eid=sp-eid-4&tv=js-3.24.0&aid=shop&duid=du-sp-1&sid=sid-sp-1&url=${enc(PAGE)}&tr_id=SP-T-2&tr_tt=19.99&tr_cu=GBP` },
    decoder: 'snowplow', account: 'shop', requestType: 'Transaction',
    hits: [{ vendor: 'snowplow', kind: 'transaction', url: PAGE, clientId: 'du-sp-1', sessionId: 'sid-sp-1', account: 'shop', eventId: 'sp-eid-4', transaction: { total: 19.99, currency: 'GBP', orderId: 'SP-T-2' } }],
  },
  // ---- mParticle v3 commerce events
  {
    name: 'mParticle v3 commerce_event purchase: event "purchase" + transaction (total_amount, transaction_id, currency_code)',
    req: { method: 'POST', url: 'https://jssdks.mparticle.com/v3/JS/us1-mpkey/events', pageUrl: PAGE, body: mpBatch([
      mpCommerce({ action: 'purchase', checkout_step: null, checkout_options: null, transaction_id: 'MP-T-1', affiliation: null, total_amount: 45, tax_amount: null, shipping_amount: null, coupon_code: null, products: [mpProduct] }),
    ]) },
    decoder: 'mparticle', account: 'us1-mpkey', requestType: 'commerce_event',
    hits: [
      { vendor: 'mparticle', kind: 'event', name: 'purchase', url: PAGE, clientId: '-8234091', sessionId: 'MP-SESSION-1', account: 'us1-mpkey' },
      { vendor: 'mparticle', kind: 'transaction', url: PAGE, clientId: '-8234091', sessionId: 'MP-SESSION-1', account: 'us1-mpkey', transaction: { total: 45, currency: 'EUR', orderId: 'MP-T-1' } },
    ],
  },
  {
    name: 'mParticle v3 commerce_event add_to_cart on a CNAME (/webevents/v3/JS/…): an event named after the action',
    req: { method: 'POST', url: 'https://mp.shop.example/webevents/v3/JS/us1-mpkey/events', pageUrl: PAGE, body: mpBatch([
      mpCommerce({ action: 'add_to_cart', transaction_id: null, total_amount: null, products: [mpProduct] }),
    ]) },
    decoder: 'mparticle', account: 'us1-mpkey', requestType: 'commerce_event',
    hits: [{ vendor: 'mparticle', kind: 'event', name: 'add_to_cart', url: PAGE, clientId: '-8234091', sessionId: 'MP-SESSION-1', account: 'us1-mpkey' }],
  },
  // ---- Mixpanel $insert_id
  {
    name: 'Mixpanel batch POST: each event keeps its $insert_id as the event id',
    req: { method: 'POST', url: MIXPANEL_TRACK, pageUrl: PAGE, body: mixpanelBatchBody },
    decoder: 'mixpanel', account: 'MP-TOKEN', requestType: '$mp_web_page_view, Purchased',
    hits: [
      { vendor: 'mixpanel', kind: 'pageview', url: PAGE, clientId: 'dev-mp-1', account: 'MP-TOKEN', eventId: 'ins-pv-1' },
      { vendor: 'mixpanel', kind: 'event', name: 'Purchased', url: PAGE, clientId: 'dev-mp-1', account: 'MP-TOKEN', eventId: 'ins-buy-1' },
    ],
  },
];
