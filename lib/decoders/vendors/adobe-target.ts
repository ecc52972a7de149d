/**
 * Adobe Target: at.js 1.x mbox calls (`/m2/<client>/mbox/<type>?mbox=…`, query or form body)
 * and at.js 2.x / Delivery API calls (`/rest/v1/delivery?client=…&sessionId=…`, JSON body).
 * The visitor is mboxPC / tntId (or the ECID), the session mboxSession / sessionId. Display
 * notifications that carry activity/experience ids yield `experience` hits; a plain mbox call
 * carries none (the offer comes back in the response), so it yields no hit.
 */
import type { HitBody } from '../../formats/journey';
import type { DecodedParam, RequestDecoder } from '../types';
import { decoded, experienceHit, hit, pageOf } from '../util/decoded';
import { Fields, looksLikeForm, parseQuery, urlFields } from '../util/fields';
import { flatten, isObject, parseJson, pick, str } from '../util/json';
import { describe, param, type Dictionary } from '../util/params';

const ID = 'adobe-target';
const NAME = 'Adobe Target';
const MBOX = /^\/m2\/([^/]+)\/mbox\/([^/]*)\/?$/;
const DELIVERY = /^\/rest\/v1\/delivery\/?$/;

const DICT: Dictionary = {
  mbox: { label: 'Mbox', group: 'General' },
  mboxHost: { label: 'Host', group: 'Page' },
  mboxURL: { label: 'Page URL', group: 'Page' },
  mboxReferrer: { label: 'Referrer', group: 'Page' },
  mboxPC: { label: 'Visitor (PC) ID', group: 'Visitor' },
  mboxSession: { label: 'Session ID', group: 'Session' },
  mboxMCGVID: { label: 'Experience Cloud ID', group: 'Visitor' },
  mboxVersion: { label: 'Library version', group: 'General' },
  'profile.*': { label: 'Profile', group: 'Profile' },
  'entity.*': { label: 'Entity', group: 'Recommendations' },
};

/** A JSON object whose values are one-element arrays (how browsers report form bodies). */
function formObject(body: string, problems: string[]): Fields | undefined {
  const json = parseJson(body, problems);
  if (!isObject(json)) return undefined;
  const pairs: [string, string][] = [];
  for (const [k, v] of Object.entries(json)) {
    for (const item of Array.isArray(v) ? v : [v]) pairs.push([k, str(item) ?? '']);
  }
  return new Fields(pairs);
}

function deliveryHits(body: unknown, base: Omit<HitBody, 'kind'>): HitBody[] {
  const hits: HitBody[] = [];
  const notifications = pick(body, 'notifications');
  if (!Array.isArray(notifications)) return hits;
  for (const n of notifications) {
    const activity = str(pick(n, 'activity.id')) ?? str(pick(n, 'metrics.0.activityId'));
    const experience = str(pick(n, 'experience.id')) ?? str(pick(n, 'metrics.0.experienceId'));
    if (activity) hits.push(experienceHit(base, activity, experience));
  }
  return hits;
}

export const adobeTarget: RequestDecoder = {
  id: ID,
  name: NAME,
  match: (url) => MBOX.test(url.pathname) || (DELIVERY.test(url.pathname) && url.searchParams.has('client')),
  decode: (url, req) => {
    const problems: string[] = [];
    const q = urlFields(url, problems);
    const mbox = MBOX.exec(url.pathname);
    if (mbox) {
      let f = q;
      if (req.body && looksLikeForm(req.body)) f = f.concat(parseQuery(req.body, problems));
      else if (req.body?.trim().startsWith('{')) f = f.concat(formObject(req.body, problems) ?? new Fields());
      const client = mbox[1] ?? '';
      const type = mbox[2] || undefined;
      const params: DecodedParam[] = [param('clientCode', 'Client code', client, 'General')];
      if (type) params.push(param('mboxType', 'Mbox type', type, 'General'));
      params.push(...describe(f, DICT));
      return decoded(ID, NAME, { account: f.get('mbox') ?? client, requestType: type, params, problems });
    }
    const body = req.body ? parseJson(req.body, problems) : undefined;
    const client = q.get('client');
    const base = {
      vendor: ID,
      url: pageOf(str(pick(body, 'context.address.url')), req.pageUrl),
      clientId: str(pick(body, 'id.tntId')) ?? str(pick(body, 'id.marketingCloudVisitorId')),
      sessionId: q.get('sessionId'),
      account: client,
    };
    const hits = deliveryHits(body, base).map(hit);
    const params = [
      ...describe(q, { client: 'Client code', sessionId: 'Session ID', version: 'Library version' }),
      ...describe(flatten(body), {}, 'Body'),
    ];
    return decoded(ID, NAME, { account: client, requestType: 'delivery', hits, params, problems });
  },
};
