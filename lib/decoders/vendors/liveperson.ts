/**
 * LivePerson (LiveEngage / Conversational Cloud).
 * - `lpTag` loads: `lptag.liveperson.net/tag/tag.js?site=<account>` (and other
 *   *.liveperson.net / *.lpsnmedia.net traffic, shown as vendor traffic).
 * - `lpTag.sdes.push(sde | sde[])` engagement attributes, per LivePerson's documented SDE
 *   shapes: purchase `{type, total, currency, orderId, cart}`, lead `{type, lead:{topic,
 *   value, leadId}}`, service `{type, service:{topic, status, category, serviceId}}`, cart,
 *   ctmrinfo, personal, prodView, mrktInfo, searchContent, error. Nested (`sde[type]`) and
 *   flat forms are both read. purchase → transaction, lead → lead, service → service, the
 *   rest → event hits named after their type.
 * - `lpTag.events` publications: an offer click (LP_OFFERS OFFER_CLICK) is an `engagement`
 *   hit, other publications event hits (inferred mapping: LiveEngage counts an engagement
 *   when the visitor accepts an offer).
 */
import type { HitBody } from '../../formats/journey';
import type { Decoded, PushDecoder, RawPush, RequestDecoder } from '../types';
import { decoded, hit, pageOf, transactionHit } from '../util/decoded';
import { urlFields } from '../util/fields';
import { flatten, isObject, num, pick, str, type JsonObject } from '../util/json';
import { hostIn } from '../util/match';
import { describe, param } from '../util/params';

export const LIVEPERSON_ID = 'liveperson';
const NAME = 'LivePerson';

/** The SDE's own fields: `sde[type]` when it is an object (documented nesting), else the SDE. */
function body(sde: JsonObject, type: string): JsonObject {
  const nested = sde[type];
  return isObject(nested) ? { ...sde, ...nested } : sde;
}

export function sdeHit(sde: unknown, pageUrl: string | undefined, problems: string[]): HitBody | undefined {
  if (!isObject(sde)) {
    problems.push('An engagement attribute is not an object.');
    return undefined;
  }
  const type = str(sde.type);
  if (!type) {
    problems.push('An engagement attribute has no type.');
    return undefined;
  }
  const b = body(sde, type);
  const base = { vendor: LIVEPERSON_ID, url: pageOf(undefined, pageUrl) };
  switch (type) {
    case 'purchase': {
      const total = num(b.total) ?? num(pick(b, 'cart.total'));
      if (total === undefined) problems.push('A purchase has no readable total; counted as 0.');
      return transactionHit(base, {
        total: total ?? 0,
        currency: str(b.currency) ?? str(pick(b, 'cart.currency')),
        orderId: str(b.orderId),
      });
    }
    case 'lead': {
      const lead: NonNullable<HitBody['lead']> = {};
      if (str(b.topic)) lead.topic = str(b.topic);
      if (str(b.leadId)) lead.leadId = str(b.leadId);
      if (num(b.value) !== undefined) lead.value = num(b.value);
      if (str(b.currency)) lead.currency = str(b.currency);
      return hit({ ...base, kind: 'lead', lead });
    }
    case 'service': {
      const topic = str(b.topic) ?? '';
      const rawStatus = b.status;
      const status = typeof rawStatus === 'number' ? rawStatus : num(rawStatus) ?? str(rawStatus);
      if (!topic) problems.push('A service attribute has no topic.');
      if (status === undefined) problems.push('A service attribute has no status.');
      const service: NonNullable<HitBody['service']> = { topic, status: status ?? '' };
      if (str(b.serviceId)) service.serviceId = str(b.serviceId);
      if (str(b.category)) service.category = str(b.category);
      return hit({ ...base, kind: 'service', service });
    }
    default:
      return hit({ ...base, kind: 'event', name: type });
  }
}

function decodeSdes(push: RawPush): Decoded | null {
  const list = Array.isArray(push.value) ? push.value : [push.value];
  if (list.length === 0) return null;
  const problems: string[] = [];
  const hits = list.map((sde) => sdeHit(sde, push.pageUrl, problems)).filter((h): h is HitBody => h !== undefined);
  const types = list.map((s) => str(pick(s, 'type')) ?? '?');
  return decoded(LIVEPERSON_ID, NAME, {
    requestType: types.join(', '),
    hits,
    params: describe(flatten(push.value), {}, 'Engagement attributes').filter((p) => p.key !== ''),
    problems,
  });
}

function decodeEvents(push: RawPush): Decoded | null {
  const v = push.value;
  const eventName = str(pick(v, 'eventName')) ?? (Array.isArray(v) ? str(v[1]) : undefined);
  const appName = str(pick(v, 'appName')) ?? (Array.isArray(v) ? str(v[0]) : undefined);
  if (!eventName) return null;
  const base = { vendor: LIVEPERSON_ID, url: pageOf(undefined, push.pageUrl) };
  const engaged = eventName === 'OFFER_CLICK';
  return decoded(LIVEPERSON_ID, NAME, {
    requestType: [appName, eventName].filter(Boolean).join(' '),
    hits: [engaged ? hit({ ...base, kind: 'engagement' }) : hit({ ...base, kind: 'event', name: eventName })],
    params: [param('appName', 'App', appName ?? '', 'Event'), param('eventName', 'Event', eventName, 'Event')],
  });
}

export const livepersonPush: PushDecoder = {
  id: LIVEPERSON_ID,
  name: NAME,
  targets: ['lpTag.sdes', 'lpTag.events'],
  decode: (push) => (push.target === 'lpTag.events' ? decodeEvents(push) : decodeSdes(push)),
};

export const liveperson: RequestDecoder = {
  id: LIVEPERSON_ID,
  name: NAME,
  match: (url) => hostIn(url.hostname, ['.liveperson.net', '.lpsnmedia.net']),
  decode: (url) => {
    const problems: string[] = [];
    const q = urlFields(url, problems);
    const isTag = /\/tag\/tag\.js$/.test(url.pathname);
    const account = q.get('site') ?? /\/(?:api\/account|le_re|hc)\/(\d+)/.exec(url.pathname)?.[1];
    return decoded(LIVEPERSON_ID, NAME, {
      role: isTag ? 'library' : 'other',
      account,
      requestType: isTag ? 'lpTag load' : 'Vendor traffic',
      params: describe(q, { site: 'Account ID' }),
      problems,
    });
  },
};
