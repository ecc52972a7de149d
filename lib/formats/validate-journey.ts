/** goalpost.journey/1 and /2 validation: required fields and types checked, times normalised to epoch ms. */
import { HIT_KINDS, JOURNEY_FORMATS, ROUTE_KINDS, type HitEvent, type Journey, type JourneyEvent, type JourneyFormat } from './journey';
import { Shape, describe, type Obj } from './shape';
import { parseTime } from './time';

const EVENT_TYPES = ['navigation', 'route', 'request', 'push', 'hit'] as const;
const SOURCES = ['web', 'mobile'] as const;

function common(s: Shape, e: Obj, path: string, t: number): { t: number; browser?: string; tab?: string | number } {
  const out: { t: number; browser?: string; tab?: string | number } = { t };
  const browser = s.optStr(e.browser, `${path}.browser`);
  if (browser !== undefined) out.browser = browser;
  if (e.tab !== undefined) {
    if (typeof e.tab !== 'string' && typeof e.tab !== 'number')
      s.fail(`${path}.tab`, `must be a string or a number, not ${describe(e.tab)}`);
    out.tab = e.tab;
  }
  return out;
}

const CONSENT_STATES = ['granted', 'denied'] as const;

function hitFields(s: Shape, e: Obj, path: string, base: ReturnType<typeof common>): HitEvent {
  const hit: HitEvent = {
    ...base,
    type: 'hit',
    vendor: s.str(e.vendor, `${path}.vendor`),
    kind: s.oneOf(e.kind, HIT_KINDS, `${path}.kind`),
    url: s.str(e.url, `${path}.url`),
  };
  for (const key of ['clientId', 'sessionId', 'name', 'referrer', 'account', 'eventId'] as const) {
    const v = s.optStr(e[key], `${path}.${key}`);
    if (v !== undefined) hit[key] = v;
  }
  if (e.source !== undefined) hit.source = s.oneOf(e.source, SOURCES, `${path}.source`);
  const opensVisit = s.optBool(e.opensVisit, `${path}.opensVisit`);
  if (opensVisit !== undefined) hit.opensVisit = opensVisit;
  const delivered = s.optBool(e.delivered, `${path}.delivered`);
  if (delivered !== undefined) hit.delivered = delivered;
  if (e.consent !== undefined) {
    const x = s.obj(e.consent, `${path}.consent`);
    hit.consent = {};
    for (const key of ['ads', 'analytics'] as const) {
      if (x[key] !== undefined) hit.consent[key] = s.oneOf(x[key], CONSENT_STATES, `${path}.consent.${key}`);
    }
  }
  if (e.experience !== undefined) {
    const x = s.obj(e.experience, `${path}.experience`);
    hit.experience = { id: s.str(x.id, `${path}.experience.id`) };
    const variant = s.optStr(x.variant, `${path}.experience.variant`);
    if (variant !== undefined) hit.experience.variant = variant;
  }
  if (e.transaction !== undefined) {
    const x = s.obj(e.transaction, `${path}.transaction`);
    hit.transaction = { total: s.num(x.total, `${path}.transaction.total`) };
    const currency = s.optStr(x.currency, `${path}.transaction.currency`);
    if (currency !== undefined) hit.transaction.currency = currency;
    const orderId = s.optStr(x.orderId, `${path}.transaction.orderId`);
    if (orderId !== undefined) hit.transaction.orderId = orderId;
  }
  if (e.lead !== undefined) {
    const x = s.obj(e.lead, `${path}.lead`);
    hit.lead = {};
    const topic = s.optStr(x.topic, `${path}.lead.topic`);
    if (topic !== undefined) hit.lead.topic = topic;
    const leadId = s.optStr(x.leadId, `${path}.lead.leadId`);
    if (leadId !== undefined) hit.lead.leadId = leadId;
    const value = s.optNum(x.value, `${path}.lead.value`);
    if (value !== undefined) hit.lead.value = value;
    const currency = s.optStr(x.currency, `${path}.lead.currency`);
    if (currency !== undefined) hit.lead.currency = currency;
  }
  if (e.service !== undefined) {
    const x = s.obj(e.service, `${path}.service`);
    if (typeof x.status !== 'number' && typeof x.status !== 'string') {
      s.fail(
        `${path}.service.status`,
        x.status === undefined ? 'is missing' : `must be a number or a status name, not ${describe(x.status)}`,
      );
    }
    hit.service = { topic: s.str(x.topic, `${path}.service.topic`), status: x.status };
    const serviceId = s.optStr(x.serviceId, `${path}.service.serviceId`);
    if (serviceId !== undefined) hit.service.serviceId = serviceId;
    const category = s.optStr(x.category, `${path}.service.category`);
    if (category !== undefined) hit.service.category = category;
  }
  return hit;
}

export function validateEvent(s: Shape, value: unknown, path: string): JourneyEvent {
  const e = s.obj(value, path);
  if (e.t === undefined) s.fail(`${path}.t`, 'is missing (expected an ISO-8601 time with a zone or epoch milliseconds)');
  const t = parseTime(e.t);
  if (t === undefined) s.fail(`${path}.t`, `is ${describe(e.t)}, not an ISO-8601 time with a zone or epoch milliseconds`);
  if (e.type === undefined) s.fail(`${path}.type`, `is missing; expected one of ${EVENT_TYPES.join(', ')}`);
  const type = s.oneOf(e.type, EVENT_TYPES, `${path}.type`);
  const base = common(s, e, path, t);
  switch (type) {
    case 'navigation': {
      const ev: JourneyEvent = { ...base, type, url: s.str(e.url, `${path}.url`) };
      const referrer = s.optStr(e.referrer, `${path}.referrer`);
      if (referrer !== undefined) ev.referrer = referrer;
      for (const key of ['transition', 'userAgent', 'language'] as const) {
        const v = s.optStr(e[key], `${path}.${key}`);
        if (v !== undefined) ev[key] = v;
      }
      const tz = s.optNum(e.timezoneOffset, `${path}.timezoneOffset`);
      if (tz !== undefined) ev.timezoneOffset = tz;
      return ev;
    }
    case 'route': {
      const ev: JourneyEvent = { ...base, type, url: s.str(e.url, `${path}.url`), kind: s.oneOf(e.kind, ROUTE_KINDS, `${path}.kind`) };
      const from = s.optStr(e.from, `${path}.from`);
      if (from !== undefined) ev.from = from;
      return ev;
    }
    case 'request': {
      const ev: JourneyEvent = { ...base, type, url: s.str(e.url, `${path}.url`) };
      for (const key of ['method', 'body', 'error', 'pageUrl', 'initiator'] as const) {
        const v = s.optStr(e[key], `${path}.${key}`);
        if (v !== undefined) ev[key] = v;
      }
      const status = s.optNum(e.status, `${path}.status`);
      if (status !== undefined) ev.status = status;
      const encoding = s.optStr(e.bodyEncoding, `${path}.bodyEncoding`);
      if (encoding !== undefined) {
        if (encoding !== 'base64') s.fail(`${path}.bodyEncoding`, `is "${encoding}"; the only body encoding is "base64"`);
        if (ev.body === undefined) s.fail(`${path}.bodyEncoding`, 'is set but the request has no body');
        if (!/^[A-Za-z0-9+/]*={0,2}$/.test(ev.body)) s.fail(`${path}.body`, 'is not base64 text, as its bodyEncoding says');
        ev.bodyEncoding = 'base64';
      }
      return ev;
    }
    case 'push': {
      if (!('value' in e)) s.fail(`${path}.value`, 'is missing (any JSON value, null included)');
      const ev: JourneyEvent = { ...base, type, target: s.str(e.target, `${path}.target`), value: e.value };
      const pageUrl = s.optStr(e.pageUrl, `${path}.pageUrl`);
      if (pageUrl !== undefined) ev.pageUrl = pageUrl;
      return ev;
    }
    case 'hit':
      return hitFields(s, e, path, base);
  }
}

/**
 * A goalpost.journey/1 or /2 document (already parsed JSON) to a Journey; throws InputError
 * naming the path. Route events are read under either revision: a reader is lenient where
 * nothing can be misread, writers stamp /2 on journeys that hold them.
 */
export function validateJourney(value: unknown, file = 'journey'): Journey {
  const s: Shape = new Shape(file);
  const doc = s.obj(value, '');
  const expected = JOURNEY_FORMATS.map((f) => `"${f}"`).join(' or ');
  if (!(JOURNEY_FORMATS as readonly unknown[]).includes(doc.format)) {
    s.fail('format', doc.format === undefined ? `is missing (expected ${expected})` : `is ${describe(doc.format)}; expected ${expected}`);
  }
  const raw = s.arr(doc.events, 'events');
  const events: JourneyEvent[] = new Array<JourneyEvent>(raw.length);
  for (let i = 0; i < raw.length; i++) events[i] = validateEvent(s, raw[i], `events[${i}]`);
  return { format: doc.format as JourneyFormat, events };
}
