import { json, type Library } from '../library';

const ORG = 'BATTERY0123456789ABCDEF@AdobeOrg';
const ECID = '12345678901234567890123456789012345678';
const ACTIVITY = '4101';
const EXPERIENCE = '0';

/** The kndctr identity cookie Edge stores: a protobuf whose field 1 is the ECID, base64. */
const kndctr = Buffer.concat([Buffer.from([0x0a, ECID.length]), Buffer.from(ECID)]).toString('base64');

const proposition = {
  id: 'AT:battery-proposition-1',
  scope: 'battery-offer',
  scopeDetails: { decisionProvider: 'TGT', activity: { id: ACTIVITY }, experience: { id: EXPERIENCE }, strategies: [{ algorithmID: '0', trafficType: '0' }], characteristics: { eventToken: 'battery-event-token' } },
  items: [{ id: 'item-1', schema: 'https://ns.adobe.com/personalization/json-content-item', data: { id: 'item-1', format: 'application/json', content: { banner: 'spring' } } }],
};

/**
 * @adobe/alloy (Web SDK): POST edge.adobedc.net/ee/v1/interact?configId=… (JSON; /collect by
 * beacon on unload). Edge's answer carries the identity (a state:store of the kndctr cookie and
 * identity:result) and, for the decision scope asked, the proposition the page then reports as
 * displayed (decisioning.propositionDisplay).
 */
export const adobe: Library = {
  id: 'adobe',
  packages: ['@adobe/alloy'],
  decoder: 'adobe-websdk',
  account: 'battery-datastream-0001',
  hosts: ['edge.adobedc.net'],
  answer: (r) => {
    if (!/\/ee\/(?:[^/]+\/)?v1\/(interact|collect)/.test(r.path)) return json({});
    const handle: unknown[] = [
      { type: 'state:store', payload: [{ key: `kndctr_${ORG.replace('@', '_')}_identity`, value: kndctr, maxAge: 34128000 }] },
      { type: 'identity:result', payload: [{ id: ECID, namespace: { code: 'ECID' } }] },
    ];
    if (r.body.includes('battery-offer')) handle.push({ type: 'personalization:decisions', payload: [proposition], eventIndex: 0 });
    return json({ requestId: r.url.searchParams.get('requestId') ?? 'battery', handle });
  },
  isHit: (r) => /\/ee\/(?:[^/]+\/)?v1\/(interact|collect)/.test(r.path),
  pageviews: 2,
  experience: { id: ACTIVITY, variant: EXPERIENCE },
  sent: (received, step) => received.some((r) => r.body.includes(step === 'home' ? 'commerce.productListAdds' : 'order-adobe-1001')),
  waitsFor: { visitor: 'Adobe Web SDK: the ECID from the kndctr identity in meta.state when identityMap has none (others branch)' },
};
