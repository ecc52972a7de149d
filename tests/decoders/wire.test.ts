import { describe, expect, it } from 'vitest';
import { decodeRequest } from '../../lib/decoders/index';
import { itDecodesEach } from './table';
import { ALLOY_INTERACT, alloyProposition, alloyState, optimizelyBatch, optimizelyConversion, wireCases } from './wire-cases';

const PAGE = 'https://shop.example/checkout/thanks';

describe("requests as the vendors' real libraries send them (table)", () => {
  itDecodesEach(wireCases);
});

describe('what those protocols do not cover', () => {
  it('a /beacon/v1/batch without a write key is not claimed as RudderStack on another host', () => {
    const d = decodeRequest({ method: 'POST', url: 'https://data.shop.example/beacon/v1/batch', body: '{"batch":[]}' });
    expect(d?.decoder).not.toBe('rudderstack');
  });

  it("the RudderStack XHR path on a host that is not RudderStack's is left to others", () => {
    const d = decodeRequest({ method: 'POST', url: 'https://data.shop.example/v1/batch', body: '{"batch":[]}' });
    expect(d?.decoder).not.toBe('rudderstack');
  });

  it('a Snowplow ecommerce transaction action without its transaction entity is an event and says why there is no order', () => {
    const ue = JSON.stringify({
      schema: 'iglu:com.snowplowanalytics.snowplow/unstruct_event/jsonschema/1-0-0',
      data: {
        schema: 'iglu:com.snowplowanalytics.snowplow.ecommerce/snowplow_ecommerce_action/jsonschema/1-0-2',
        data: { type: 'transaction' },
      },
    });
    const d = decodeRequest({
      method: 'POST',
      url: 'https://c.shop.example/com.snowplowanalytics.snowplow/tp2',
      pageUrl: PAGE,
      body: JSON.stringify({ data: [{ e: 'ue', tv: 'js-4', aid: 'shop', ue_pr: ue }] }),
    });
    expect(d?.hits.map((h) => h.kind)).toEqual(['event']);
    expect(d?.problems).toEqual([
      'The ecommerce transaction action carries no ecommerce/transaction context entity, so its order is unknown.',
    ]);
  });

  it('a Snowplow co that is not JSON is a problem, and the event is still read', () => {
    const d = decodeRequest({
      method: 'GET',
      url: `https://c.shop.example/i?e=pv&tv=js-4&aid=shop&url=${encodeURIComponent(PAGE)}&co=%7Bnot-json`,
    });
    expect(d?.hits.map((h) => h.kind)).toEqual(['pageview']);
  });

  it('an mParticle commerce event that is a refund is no order', () => {
    const body = JSON.stringify({
      mpid: 'M1',
      events: [
        {
          event_type: 'commerce_event',
          data: { product_action: { action: 'refund', transaction_id: 'T1', total_amount: 10 }, currency_code: 'EUR' },
        },
      ],
    });
    const d = decodeRequest({ method: 'POST', url: 'https://jssdks.mparticle.com/v3/JS/k/events', pageUrl: PAGE, body });
    expect(d?.hits).toEqual([{ vendor: 'mparticle', kind: 'event', name: 'refund', url: PAGE, clientId: 'M1', account: 'k' }]);
  });

  it('an Amplitude revenue property that is not a number makes no transaction', () => {
    const body = JSON.stringify({
      api_key: 'K',
      events: [{ event_type: 'revenue_amount', device_id: 'd', event_properties: { $price: 'twelve' } }],
    });
    const d = decodeRequest({ method: 'POST', url: 'https://api2.amplitude.com/2/httpapi', pageUrl: PAGE, body });
    expect(d?.hits.map((h) => h.kind)).toEqual(['event']);
  });

  it('Optimizely revenue sent as a string is a problem naming the event, not an order', () => {
    const d = decodeRequest({
      method: 'POST',
      url: 'https://logx.optimizely.com/v1/events',
      pageUrl: PAGE,
      body: optimizelyBatch(optimizelyConversion('42.50')),
    });
    expect(d?.hits.map((h) => h.kind)).toEqual(['event']);
    expect(d?.problems).toEqual([
      'Optimizely event "purchase" has revenue "42.50" (a string): the Event API takes revenue as a whole number of cents, so no order is counted; send e.g. 1250 for 12.50.',
    ]);
  });

  it('Optimizely revenue with a fraction of a cent is a problem, not an order', () => {
    const d = decodeRequest({
      method: 'POST',
      url: 'https://logx.optimizely.com/v1/events',
      pageUrl: PAGE,
      body: optimizelyBatch(optimizelyConversion(42.5)),
    });
    expect(d?.hits.map((h) => h.kind)).toEqual(['event']);
    expect(d?.problems?.[0]).toContain('has revenue 42.5: the Event API takes revenue as a whole number of cents');
  });

  it('an Optimizely revenue tag the SDK could not read (no revenue field beside it) says so', () => {
    const body = optimizelyBatch({
      events: [{ entity_id: '111095', key: 'purchase', timestamp: 1, uuid: 'u', tags: { revenue: 'forty' } }],
    });
    const d = decodeRequest({ method: 'POST', url: 'https://logx.optimizely.com/v1/events', pageUrl: PAGE, body });
    expect(d?.hits.map((h) => h.kind)).toEqual(['event']);
    expect(d?.problems).toEqual([
      'Optimizely event "purchase" has a revenue tag but no revenue field: the SDK could not read the tag as a number, so Optimizely records no revenue; pass revenue as integer cents.',
    ]);
  });

  it('an Optimizely campaign holdback is activated but displays nothing; an activation of another campaign displays no decision of this one', () => {
    const held = optimizelyBatch({
      decisions: [{ campaign_id: '4', experiment_id: '111127', variation_id: null, is_campaign_holdback: true }],
      events: [{ entity_id: '4', key: 'campaign_activated', uuid: 'u1' }],
    });
    expect(decodeRequest({ method: 'POST', url: 'https://logx.optimizely.com/v1/events', pageUrl: PAGE, body: held })?.hits).toEqual([]);
    const other = optimizelyBatch({
      decisions: [{ campaign_id: '4', experiment_id: '111127', variation_id: '111129' }],
      events: [{ entity_id: '9', key: 'campaign_activated', uuid: 'u2' }],
    });
    expect(decodeRequest({ method: 'POST', url: 'https://logx.optimizely.com/v1/events', pageUrl: PAGE, body: other })?.hits).toEqual([]);
  });

  it("Optimizely's paths on a look-alike host are not Optimizely", () => {
    const d = decodeRequest({
      method: 'POST',
      url: 'https://logx.optimizely.com.shop.example/v1/events',
      body: optimizelyBatch(optimizelyConversion(100)),
    });
    expect(d?.decoder).not.toBe('optimizely');
  });

  it('a VWO goal revenue that is not a number is a problem naming the goal, and the conversion is kept', () => {
    const d = decodeRequest({
      method: 'GET',
      url: 'https://dev.visualwebsiteoptimizer.com/server-side/track-goal?experiment_id=12&combination=2&u=U1&account_id=1&goal_id=3&r=lots',
      pageUrl: PAGE,
    });
    expect(d?.hits.map((h) => h.kind)).toEqual(['event']);
    expect(d?.problems).toEqual(['VWO goal 3 has revenue "lots", which is not a number, so no order is counted.']);
  });

  it('a VWO batch body without its ev list reads nothing and says why', () => {
    const d = decodeRequest({
      method: 'POST',
      url: 'https://dev.visualwebsiteoptimizer.com/server-side/batch-events?a=1',
      pageUrl: PAGE,
      body: '{"events":[]}',
    });
    expect(d?.hits).toEqual([]);
    expect(d?.problems).toEqual(['The batch body has no "ev" list of events, so none is read.']);
  });

  it("the VWO FME usage-stats event (sent to VWO's own account) is SDK traffic, not a visitor's hit", () => {
    const body = JSON.stringify({ d: { visId: 'X', event: { name: 'vwo_sdkUsageStats', props: { product: 'fme' } } } });
    const d = decodeRequest({
      method: 'POST',
      url: 'https://dev.visualwebsiteoptimizer.com/events/t?en=vwo_sdkUsageStats&a=999',
      pageUrl: PAGE,
      body,
    });
    expect(d?.role).toBe('other');
    expect(d?.hits).toEqual([]);
  });

  it('the VWO SDK fetching its settings shows the SDK is installed', () => {
    const d = decodeRequest({ method: 'GET', url: 'https://dev.visualwebsiteoptimizer.com/server-side/v2-settings?i=key&r=0.1&a=12345' });
    expect([d?.role, d?.account]).toEqual(['library', '12345']);
  });

  it("reads the kndctr identity cookie as alloy does: alloy's own test cookie (percent-escaped, URL-safe) gives its ECID", () => {
    // createDecodeKndctrCookie.spec.js in adobe/alloy decodes this value to this ECID.
    const cookie = 'CiYxNDAxNTI0NjEzODM4MjI2ODk1MTgwNTkyMTYxNjkxNTc0MzEyOFISCIelhf%5FOMRABGAEqA09SMjAA8AHX%5F4DZlzI%3D';
    const body = JSON.stringify({
      events: [{ xdm: { eventType: 'web.webpagedetails.pageViews', web: { webPageDetails: { URL: PAGE } } } }],
      meta: alloyState(cookie),
    });
    const d = decodeRequest({ method: 'POST', url: ALLOY_INTERACT, pageUrl: PAGE, body });
    expect(d?.hits.map((h) => h.clientId)).toEqual(['14015246138382268951805921616915743128']);
    expect(d?.problems ?? []).toEqual([]);
  });

  it('an unreadable kndctr identity cookie leaves the visitor unknown and names the cookie', () => {
    const body = JSON.stringify({
      events: [
        {
          xdm: {
            eventType: 'web.webpagedetails.pageViews',
            _experience: { decisioning: { propositions: [alloyProposition], propositionEventType: { display: 1 } } },
          },
        },
      ],
      meta: alloyState('%%%not-a-cookie'),
    });
    const d = decodeRequest({ method: 'POST', url: ALLOY_INTERACT, pageUrl: PAGE, body });
    expect(d?.hits.map((h) => [h.kind, h.clientId])).toEqual([
      ['pageview', undefined],
      ['experience', undefined],
    ]);
    expect(d?.problems).toEqual([
      "The kndctr_ABC123_AdobeOrg_identity entry in meta.state is not an identity cookie Goalpost can read, so this request's visitor (ECID) is unknown.",
    ]);
  });
});
