/**
 * LivePerson engagement attributes (SDEs), as the page pushes them (`lpTag.sdes.push/send`,
 * `lpTag.newPage(url, {sdes})`) and as LivePerson receives them (the page report's `sdes`
 * parameter, the Monitoring API's `engagementAttributes`, the Engagement Attributes API body).
 *
 * Shapes per LivePerson's "Types of Engagement Attributes" (developer center): purchase
 * `{type, total, currency, orderId, cart}`, lead `{type, lead:{topic, value, currency, leadId}}`,
 * service `{type, service:{topic, status, category, serviceId}}`, cart, ctmrinfo, mrktInfo,
 * personal, prodView, error, searchInfo. The nested form is documented; the flat form
 * (`{type:'lead', topic}`) is read too because pages send it. The Monitoring API adds the
 * impression events: `impDisplay` (counted as an exposure: an experience display) and
 * `impAccept` (an accepted offer: an engagement), both naming the engagement in `engId`.
 */
import type { HitBody } from '../../formats/journey';
import { experienceHit, hit, transactionHit } from '../util/decoded';
import { isObject, num, pick, str, type JsonObject } from '../util/json';

export const LIVEPERSON_ID = 'liveperson';
export const LIVEPERSON_NAME = 'LivePerson';

/** What every hit of one request or push shares: the page, and LivePerson's own ids when known. */
export type SdeBase = Omit<HitBody, 'kind'>;

/** The SDE's own fields: `sde[type]` when it is an object (documented nesting), else the SDE. */
function body(sde: JsonObject, type: string): JsonObject {
  const nested = sde[type];
  return isObject(nested) ? { ...sde, ...nested } : sde;
}

/** One SDE to one hit; undefined (with a problem) when it is not an SDE at all. */
export function sdeHit(sde: unknown, base: SdeBase, problems: string[]): HitBody | undefined {
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
      const status = typeof rawStatus === 'number' ? rawStatus : (num(rawStatus) ?? str(rawStatus));
      if (!topic) problems.push('A service attribute has no topic.');
      if (status === undefined) problems.push('A service attribute has no status.');
      const service: NonNullable<HitBody['service']> = { topic, status: status ?? '' };
      if (str(b.serviceId)) service.serviceId = str(b.serviceId);
      if (str(b.category)) service.category = str(b.category);
      return hit({ ...base, kind: 'service', service });
    }
    case 'impDisplay': {
      const engagement = str(b.engId);
      if (!engagement) {
        problems.push('An impDisplay event names no engagement (engId).');
        return undefined;
      }
      return experienceHit(base, engagement, undefined);
    }
    case 'impAccept':
      return hit({ ...base, kind: 'engagement' });
    default:
      return hit({ ...base, kind: 'event', name: type });
  }
}

/**
 * The SDEs in what a page pushed or a request carried: one SDE, an array of them, or arrays of
 * arrays (`push([a, b], c)` recorded as one value). Bounded so a hostile value cannot explode.
 */
export function sdeList(value: unknown, out: unknown[] = [], depth = 0): unknown[] {
  if (Array.isArray(value) && depth < 3) {
    for (const v of value) {
      if (out.length >= 200) break;
      sdeList(v, out, depth + 1);
    }
  } else if (value !== undefined && value !== null) out.push(value);
  return out;
}

/** Every SDE in `value` as hits; what could not be read goes to `problems`. */
export function sdeHits(value: unknown, base: SdeBase, problems: string[]): HitBody[] {
  return sdeList(value)
    .map((sde) => sdeHit(sde, base, problems))
    .filter((h): h is HitBody => h !== undefined);
}

/** "purchase, cart" for the panel's request type. */
export function sdeTypes(value: unknown): string {
  return sdeList(value)
    .map((s) => str(pick(s, 'type')) ?? '?')
    .join(', ');
}
