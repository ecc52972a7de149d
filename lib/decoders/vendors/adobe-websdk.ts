/**
 * Adobe Experience Platform Web SDK (alloy.js): `/ee/[<region>/]v1/interact|collect` on
 * edge.adobedc.net or a first-party CNAME, JSON body `{ events: [{ xdm, data }], xdm, meta }`.
 * Page views are `web.webpagedetails.pageViews`; `commerce.purchases` with `commerce.order`
 * is an order; `decisioning.propositionDisplay` carries the displayed Target/AJO propositions
 * (activity id = experience id, experience id = variant). The ECID comes from identityMap.
 */
import type { HitBody } from '../../formats/journey';
import type { RequestDecoder } from '../types';
import { decoded, experienceHit, hit, pageOf, transactionHit } from '../util/decoded';
import { urlFields } from '../util/fields';
import { flatten, num, parseJson, pick, str } from '../util/json';
import { describe } from '../util/params';

const ID = 'adobe-websdk';
const NAME = 'Adobe Web SDK';
const PATH = /^\/ee\/(?:[^/]+\/)?v\d+\/(interact|collect)\/?$/;

function ecidOf(...xdms: unknown[]): string | undefined {
  for (const x of xdms) {
    const id = str(pick(x, 'identityMap.ECID.0.id'));
    if (id) return id;
  }
  return undefined;
}

function eventHits(event: unknown, top: unknown, req: { pageUrl?: string }, account: string | undefined): HitBody[] {
  const xdm = pick(event, 'xdm');
  const type = str(pick(xdm, 'eventType')) ?? '';
  const base = {
    vendor: ID,
    url: pageOf(str(pick(xdm, 'web.webPageDetails.URL')), req.pageUrl),
    referrer: str(pick(xdm, 'web.webReferrer.URL')),
    clientId: ecidOf(xdm, pick(top, 'xdm')),
    account,
  };
  const hits: HitBody[] = [];
  const purchases = num(pick(xdm, 'commerce.purchases.value'));
  if (type === 'web.webpagedetails.pageViews' || (type === '' && num(pick(xdm, 'web.webPageDetails.pageViews.value')))) {
    hits.push(hit({ ...base, kind: 'pageview' }));
  } else if (type === 'decisioning.propositionDisplay' || type === 'decisioning.propositionInteract') {
    const props = pick(xdm, '_experience.decisioning.propositions');
    for (const p of Array.isArray(props) ? props : []) {
      const activity = str(pick(p, 'scopeDetails.activity.id')) ?? str(pick(p, 'id'));
      const variant = str(pick(p, 'scopeDetails.experience.id')) ?? str(pick(p, 'items.0.id'));
      if (!activity) continue;
      if (type === 'decisioning.propositionDisplay') {
        hits.push(experienceHit(base, activity, variant));
      }
    }
    if (type === 'decisioning.propositionInteract') hits.push(hit({ ...base, kind: 'event', name: type }));
  } else if (type) hits.push(hit({ ...base, kind: 'event', name: type }));
  if (purchases || type === 'commerce.purchases') {
    hits.push(transactionHit(base, {
      total: num(pick(xdm, 'commerce.order.priceTotal')) ?? 0,
      currency: str(pick(xdm, 'commerce.order.currencyCode')),
      orderId: str(pick(xdm, 'commerce.order.purchaseID')),
    }));
  }
  return hits;
}

export const adobeWebSdk: RequestDecoder = {
  id: ID,
  name: NAME,
  match: (url) => PATH.test(url.pathname),
  decode: (url, req) => {
    const problems: string[] = [];
    const q = urlFields(url, problems);
    const account = q.get('configId') ?? q.get('datastreamId');
    const body = req.body ? parseJson(req.body, problems) : undefined;
    const events = pick(body, 'events');
    const list = Array.isArray(events) ? events : [];
    const hits = list.flatMap((e) => eventHits(e, body, req, account));
    const types = list.map((e) => str(pick(e, 'xdm.eventType'))).filter((t): t is string => !!t);
    return decoded(ID, NAME, {
      account,
      requestType: types.join(', ') || PATH.exec(url.pathname)?.[1],
      hits,
      params: [...describe(q, { configId: 'Datastream ID', requestId: 'Request ID' }, 'General'), ...describe(flatten(body), {}, 'Body')],
      problems,
    });
  },
};
