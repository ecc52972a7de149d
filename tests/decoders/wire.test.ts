import { describe, expect, it } from 'vitest';
import { decodeRequest } from '../../lib/decoders/index';
import { itDecodesEach } from './table';
import { wireCases } from './wire-cases';

const PAGE = 'https://shop.example/checkout/thanks';

describe('requests as the vendors\' real libraries send them (table)', () => {
  itDecodesEach(wireCases);
});

describe('what those protocols do not cover', () => {
  it('a /beacon/v1/batch without a write key is not claimed as RudderStack on another host', () => {
    const d = decodeRequest({ method: 'POST', url: 'https://data.shop.example/beacon/v1/batch', body: '{"batch":[]}' });
    expect(d?.decoder).not.toBe('rudderstack');
  });

  it('the RudderStack XHR path on a host that is not RudderStack\'s is left to others', () => {
    const d = decodeRequest({ method: 'POST', url: 'https://data.shop.example/v1/batch', body: '{"batch":[]}' });
    expect(d?.decoder).not.toBe('rudderstack');
  });

  it('a Snowplow ecommerce transaction action without its transaction entity is an event and says why there is no order', () => {
    const ue = JSON.stringify({ schema: 'iglu:com.snowplowanalytics.snowplow/unstruct_event/jsonschema/1-0-0', data: { schema: 'iglu:com.snowplowanalytics.snowplow.ecommerce/snowplow_ecommerce_action/jsonschema/1-0-2', data: { type: 'transaction' } } });
    const d = decodeRequest({ method: 'POST', url: 'https://c.shop.example/com.snowplowanalytics.snowplow/tp2', pageUrl: PAGE, body: JSON.stringify({ data: [{ e: 'ue', tv: 'js-4', aid: 'shop', ue_pr: ue }] }) });
    expect(d?.hits.map((h) => h.kind)).toEqual(['event']);
    expect(d?.problems).toEqual(['The ecommerce transaction action carries no ecommerce/transaction context entity, so its order is unknown.']);
  });

  it('a Snowplow co that is not JSON is a problem, and the event is still read', () => {
    const d = decodeRequest({ method: 'GET', url: `https://c.shop.example/i?e=pv&tv=js-4&aid=shop&url=${encodeURIComponent(PAGE)}&co=%7Bnot-json` });
    expect(d?.hits.map((h) => h.kind)).toEqual(['pageview']);
  });

  it('an mParticle commerce event that is a refund is no order', () => {
    const body = JSON.stringify({ mpid: 'M1', events: [{ event_type: 'commerce_event', data: { product_action: { action: 'refund', transaction_id: 'T1', total_amount: 10 }, currency_code: 'EUR' } }] });
    const d = decodeRequest({ method: 'POST', url: 'https://jssdks.mparticle.com/v3/JS/k/events', pageUrl: PAGE, body });
    expect(d?.hits).toEqual([{ vendor: 'mparticle', kind: 'event', name: 'refund', url: PAGE, clientId: 'M1', account: 'k' }]);
  });

  it('an Amplitude revenue property that is not a number makes no transaction', () => {
    const body = JSON.stringify({ api_key: 'K', events: [{ event_type: 'revenue_amount', device_id: 'd', event_properties: { $price: 'twelve' } }] });
    const d = decodeRequest({ method: 'POST', url: 'https://api2.amplitude.com/2/httpapi', pageUrl: PAGE, body });
    expect(d?.hits.map((h) => h.kind)).toEqual(['event']);
  });
});
