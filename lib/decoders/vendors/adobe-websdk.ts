/**
 * Adobe Experience Platform Web SDK (alloy.js): `/ee/[<region>/]v1/interact|collect` on
 * edge.adobedc.net or a first-party CNAME, JSON body `{ events: [{ xdm, data }], xdm, meta }`.
 * Page views are `web.webpagedetails.pageViews`; `commerce.purchases` with `commerce.order`
 * is an order. Displayed Target/AJO propositions (activity id = experience id, experience id =
 * variant) come in a `decisioning.propositionDisplay` event, or, as alloy 2.x sends them
 * (Personalization `mergeDecisionsMeta`), inside the next event it sends, usually the page view:
 * `xdm._experience.decisioning.propositions` with `propositionEventType: { display: 1 }`.
 * The visitor is the ECID: `identityMap.ECID[0].id` when the page or alloy put it there, else
 * the identity cookie alloy copies into `meta.state.entries` for a third-party edge domain
 * (`kndctr_<org id>_identity`: URL-safe base64 of a protobuf whose field 1 is the ECID, as
 * alloy's `createDecodeKndctrCookie` reads it).
 */
import type { HitBody } from '../../formats/journey';
import type { RequestDecoder } from '../types';
import { base64Bytes } from '../util/base64';
import { decoded, experienceHit, hit, pageOf, transactionHit } from '../util/decoded';
import { urlFields } from '../util/fields';
import { flatten, num, parseJson, pick, str } from '../util/json';
import { describe } from '../util/params';
import { protobufString } from '../util/protobuf';

const ID = 'adobe-websdk';
const NAME = 'Adobe Web SDK';
const PATH = /^\/ee\/(?:[^/]+\/)?v\d+\/(interact|collect)\/?$/;

const IDENTITY_COOKIE = /^kndctr_.+_identity$/;
const ECID_FIELD = 1;

function identityMapEcid(...xdms: unknown[]): string | undefined {
  for (const x of xdms) {
    const id = str(pick(x, 'identityMap.ECID.0.id'));
    if (id) return id;
  }
  return undefined;
}

/** The ECID in the identity cookie alloy transferred into `meta.state.entries`, else a sentence why not. */
function cookieEcid(body: unknown, problems: string[]): string | undefined {
  const entries = pick(body, 'meta.state.entries');
  const entry = (Array.isArray(entries) ? entries : []).find((e) => IDENTITY_COOKIE.test(str(pick(e, 'key')) ?? ''));
  const value = str(pick(entry, 'value'));
  if (value === undefined) return undefined;
  let text = value;
  try {
    text = decodeURIComponent(value);
  } catch {
    // a stray "%" is not an escape; the base64 check below decides
  }
  const bytes = base64Bytes(text);
  const ecid = bytes && protobufString(bytes, ECID_FIELD);
  if (ecid && /^\d{1,64}$/.test(ecid)) return ecid;
  problems.push(
    `The ${str(pick(entry, 'key'))} entry in meta.state is not an identity cookie Goalpost can read, so this request's visitor (ECID) is unknown.`,
  );
  return undefined;
}

/** Whether this event reports its propositions as displayed (alloy's `EVENT_TYPE_TRUE` is 1). */
function displays(xdm: unknown, type: string): boolean {
  return type === 'decisioning.propositionDisplay' || pick(xdm, '_experience.decisioning.propositionEventType.display') === 1;
}

function eventHits(event: unknown, visitor: string | undefined, req: { pageUrl?: string }, account: string | undefined): HitBody[] {
  const xdm = pick(event, 'xdm');
  const type = str(pick(xdm, 'eventType')) ?? '';
  const base = {
    vendor: ID,
    url: pageOf(str(pick(xdm, 'web.webPageDetails.URL')), req.pageUrl),
    referrer: str(pick(xdm, 'web.webReferrer.URL')),
    clientId: identityMapEcid(xdm) ?? visitor,
    account,
  };
  const hits: HitBody[] = [];
  const purchases = num(pick(xdm, 'commerce.purchases.value'));
  if (type === 'web.webpagedetails.pageViews' || (type === '' && num(pick(xdm, 'web.webPageDetails.pageViews.value')))) {
    hits.push(hit({ ...base, kind: 'pageview' }));
  } else if (type && type !== 'decisioning.propositionDisplay') hits.push(hit({ ...base, kind: 'event', name: type }));
  if (displays(xdm, type)) {
    const props = pick(xdm, '_experience.decisioning.propositions');
    for (const p of Array.isArray(props) ? props : []) {
      const activity = str(pick(p, 'scopeDetails.activity.id')) ?? str(pick(p, 'id'));
      const variant = str(pick(p, 'scopeDetails.experience.id')) ?? str(pick(p, 'items.0.id'));
      if (activity) hits.push(experienceHit(base, activity, variant));
    }
  }
  if (purchases || type === 'commerce.purchases') {
    hits.push(
      transactionHit(base, {
        total: num(pick(xdm, 'commerce.order.priceTotal')) ?? 0,
        currency: str(pick(xdm, 'commerce.order.currencyCode')),
        orderId: str(pick(xdm, 'commerce.order.purchaseID')),
      }),
    );
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
    const anonymous = list.some((e) => !identityMapEcid(pick(e, 'xdm')));
    const visitor = identityMapEcid(pick(body, 'xdm')) ?? (anonymous ? cookieEcid(body, problems) : undefined);
    const hits = list.flatMap((e) => eventHits(e, visitor, req, account));
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
