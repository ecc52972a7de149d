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
  scopeDetails: {
    decisionProvider: 'TGT',
    activity: { id: ACTIVITY },
    experience: { id: EXPERIENCE },
    strategies: [{ algorithmID: '0', trafficType: '0' }],
    characteristics: { eventToken: 'battery-event-token' },
  },
  items: [
    {
      id: 'item-1',
      schema: 'https://ns.adobe.com/personalization/json-content-item',
      data: { id: 'item-1', format: 'application/json', content: { banner: 'spring' } },
    },
  ],
};

/** A page-load (__view__) proposition Web SDK renders itself: a DOM action on the page's heading. */
const viewProposition = {
  id: 'AT:battery-view-proposition-1',
  scope: '__view__',
  scopeDetails: {
    decisionProvider: 'TGT',
    activity: { id: '4102' },
    experience: { id: '1' },
    strategies: [{ algorithmID: '0', trafficType: '0' }],
    characteristics: { eventToken: 'battery-view-token' },
  },
  items: [
    {
      id: 'item-view-1',
      schema: 'https://ns.adobe.com/personalization/dom-action',
      data: { type: 'setHtml', format: 'application/vnd.adobe.target.dom-action', selector: 'h1', content: 'Spring sale' },
    },
  ],
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
    const propositions = [
      ...(r.body.includes('battery-offer') ? [proposition] : []),
      ...(r.body.includes('__view__') ? [viewProposition] : []),
    ];
    if (propositions.length > 0) handle.push({ type: 'personalization:decisions', payload: propositions, eventIndex: 0 });
    return json({ requestId: r.url.searchParams.get('requestId') ?? 'battery', handle });
  },
  isHit: (r) => /\/ee\/(?:[^/]+\/)?v1\/(interact|collect)/.test(r.path),
  pageviews: 2,
  experience: { id: ACTIVITY, variant: EXPERIENCE },
  sent: (received, step, orderId) => received.some((r) => r.body.includes(step === 'home' ? 'commerce.productListAdds' : orderId)),
  mintsVisitor: true,
};

/** The same library rendering a page-load proposition and reporting its display inside the page view. */
export const adobeRendered: Library = {
  ...adobe,
  id: 'adobe-rendered',
  script: 'adobe',
  options: { rendered: true },
  experience: { id: '4102', variant: '1' },
};
