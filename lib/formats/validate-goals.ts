/** goalpost.goals/1 validation: every condition, regex and status checked, with a JSON path on failure. */
import { GOALS_FORMAT, MODEL_NAMES, type Condition, type CustomEndpoint, type Goal, type GoalsDoc, type Match } from './goals';
import { SERVICE_STATUS_NAMES, serviceStatusNumber } from './service-status';
import { Shape, describe, type Obj } from './shape';
import { checkEndpoints } from '../decoders/endpoints';

const CONDITIONS = ['url', 'event', 'transaction', 'lead', 'service', 'pageviews', 'engagement', 'anyOf'] as const;
const MATCH_KINDS = ['equals', 'contains', 'startsWith', 'regex'] as const;

function validateMatch(s: Shape, value: unknown, path: string): Match {
  if (typeof value === 'string') {
    if (value === '') s.fail(path, 'is an empty string (it would match every URL)');
    return value;
  }
  const o = s.obj(value, path);
  const kinds = MATCH_KINDS.filter((k) => o[k] !== undefined);
  if (kinds.length !== 1) {
    s.fail(
      path,
      `must be a string or an object with exactly one of ${MATCH_KINDS.join(', ')}${kinds.length ? ` (found ${kinds.join(', ')})` : ''}`,
    );
  }
  const kind = kinds[0]!;
  const text = s.str(o[kind], `${path}.${kind}`);
  if (kind === 'regex') {
    try {
      new RegExp(text);
    } catch (e) {
      s.fail(`${path}.regex`, `is not a valid regular expression: ${e instanceof Error ? e.message : String(e)}`);
    }
  }
  return { [kind]: text } as Match;
}

/**
 * How deep `anyOf` may nest. Real goals nest one or two levels; the limit keeps this validator,
 * the engine's matcher and the panel's editor (all recursive) far from the call stack's end.
 */
export const MAX_CONDITION_DEPTH = 32;

function validateCondition(s: Shape, value: unknown, path: string, depth = 0): Condition {
  const o = s.obj(value, path);
  const present = CONDITIONS.filter((k) => o[k] !== undefined);
  if (present.length === 0) {
    const keys = Object.keys(o);
    s.fail(
      path,
      `${keys.length ? `has no known condition (found ${keys.map((k) => `"${k}"`).join(', ')})` : 'is empty'}; expected one of ${CONDITIONS.join(', ')}`,
    );
  }
  if (present.length > 1) s.fail(path, `has several conditions (${present.join(', ')}); combine them with anyOf`);
  const kind = present[0]!;
  const v = o[kind];
  const p = `${path}.${kind}`;
  switch (kind) {
    case 'url':
      return { url: validateMatch(s, v, p) };
    case 'event': {
      const name = s.str(v, p);
      if (name === '') s.fail(p, 'is an empty event name');
      return { event: name };
    }
    case 'transaction': {
      const x = s.obj(v, p);
      const moreThan = s.optNum(x.moreThan, `${p}.moreThan`);
      return { transaction: moreThan === undefined ? {} : { moreThan } };
    }
    case 'lead': {
      const x = s.obj(v, p);
      const topic = s.optStr(x.topic, `${p}.topic`);
      return { lead: topic === undefined ? {} : { topic } };
    }
    case 'service': {
      const x = s.obj(v, p);
      const topics = s.arr(x.topics, `${p}.topics`);
      if (topics.length === 0) s.fail(`${p}.topics`, 'is empty (list at least one topic with its statuses)');
      return {
        service: {
          topics: topics.map((t, i) => {
            const tp = `${p}.topics[${i}]`;
            const rule = s.obj(t, tp);
            const statuses = s.arr(rule.statuses, `${tp}.statuses`);
            if (statuses.length === 0) s.fail(`${tp}.statuses`, 'is empty (list at least one status)');
            statuses.forEach((st, j) => {
              const sp = `${tp}.statuses[${j}]`;
              if (typeof st !== 'number' && typeof st !== 'string') s.fail(sp, `must be a status number or name, not ${describe(st)}`);
              if (serviceStatusNumber(st) === undefined) {
                s.fail(sp, `is ${describe(st)}, not a LivePerson status (0-10 or one of ${SERVICE_STATUS_NAMES.join(', ')})`);
              }
            });
            return { topic: s.str(rule.topic, `${tp}.topic`), statuses: statuses as (number | string)[] };
          }),
        },
      };
    }
    case 'pageviews': {
      const x = s.obj(v, p);
      const atLeast = s.num(x.atLeast, `${p}.atLeast`);
      if (!Number.isInteger(atLeast) || atLeast < 1) s.fail(`${p}.atLeast`, `must be a whole number of at least 1, not ${atLeast}`);
      return { pageviews: x.url === undefined ? { atLeast } : { atLeast, url: validateMatch(s, x.url, `${p}.url`) } };
    }
    case 'engagement':
      if (v !== true) s.fail(p, `must be true, not ${describe(v)}`);
      return { engagement: true };
    case 'anyOf': {
      const list = s.arr(v, p);
      if (list.length === 0) s.fail(p, 'is empty (list at least one condition)');
      if (depth >= MAX_CONDITION_DEPTH)
        s.fail(p, `nests anyOf more than ${MAX_CONDITION_DEPTH} levels deep (flatten it: anyOf inside anyOf means the same as one list)`);
      return { anyOf: list.map((c, i) => validateCondition(s, c, `${p}[${i}]`, depth + 1)) };
    }
  }
}

export const GA4_MAX_TIMEOUT_MINUTES = 7 * 60 + 55;

function validTimeZone(zone: string): boolean {
  try {
    new Intl.DateTimeFormat('en-US', { timeZone: zone });
    return true;
  } catch {
    return false;
  }
}

/** `session.timeoutMinutes`: more than 0, as one number or per device `{ pc, smartphone }`. */
function timeoutMinutes(s: Shape, value: unknown): number | { pc: number; smartphone: number } | undefined {
  const positive = (v: unknown, path: string): number => {
    const n = s.num(v, path);
    if (n <= 0) s.fail(path, `must be more than 0, not ${n}`);
    return n;
  };
  if (value === undefined) return undefined;
  if (typeof value === 'object' && value !== null && !Array.isArray(value)) {
    const x = value as Obj;
    return { pc: positive(x.pc, 'session.timeoutMinutes.pc'), smartphone: positive(x.smartphone, 'session.timeoutMinutes.smartphone') };
  }
  if (typeof value !== 'number')
    s.fail('session.timeoutMinutes', `must be a number or { "pc": N, "smartphone": M }, not ${describe(value)}`);
  return positive(value, 'session.timeoutMinutes');
}

/** A goals document (parsed JSON) to a GoalsDoc; throws InputError with a one-sentence message. */
export function validateGoals(value: unknown, file = 'goals'): GoalsDoc {
  const s: Shape = new Shape(file);
  const doc: Obj = s.obj(value, '');
  if (doc.format !== GOALS_FORMAT) {
    s.fail(
      'format',
      doc.format === undefined ? `is missing (expected "${GOALS_FORMAT}")` : `is ${describe(doc.format)}; expected "${GOALS_FORMAT}"`,
    );
  }
  const out: GoalsDoc = { format: GOALS_FORMAT, goals: [] };
  if (doc.model !== undefined) out.model = s.oneOf(doc.model, MODEL_NAMES, 'model');
  if (doc.session !== undefined) {
    const x = s.obj(doc.session, 'session');
    out.session = {};
    const minutes = timeoutMinutes(s, x.timeoutMinutes);
    // A GA4 property's session timeout goes up to 7 h 55 min (Admin > Data streams > Adjust session timeout).
    if (out.model === 'ga4' && typeof minutes === 'number' && minutes > GA4_MAX_TIMEOUT_MINUTES) {
      s.fail(
        'session.timeoutMinutes',
        `is ${minutes}, but a GA4 property's session timeout is at most 7 h 55 min (${GA4_MAX_TIMEOUT_MINUTES})`,
      );
    }
    if (minutes !== undefined) out.session.timeoutMinutes = minutes;
    const zone = s.optStr(x.timezone, 'session.timezone');
    if (zone !== undefined) {
      if (!validTimeZone(zone)) s.fail('session.timezone', `is "${zone}", not an IANA time zone such as "UTC" or "Asia/Tokyo"`);
      out.session.timezone = zone;
    }
  }
  if (doc.crossDomain !== undefined) {
    const x = s.obj(doc.crossDomain, 'crossDomain');
    const domains = s.arr(x.domains, 'crossDomain.domains').map((d, i) => s.str(d, `crossDomain.domains[${i}]`));
    out.crossDomain = { domains };
  }
  if (doc.vendors !== undefined) {
    out.vendors = s.arr(doc.vendors, 'vendors').map((v, i) => {
      const id = s.str(v, `vendors[${i}]`);
      if (id === '') s.fail(`vendors[${i}]`, 'is empty; name a decoder id such as "ga4"');
      return id;
    });
  }
  const goals = s.arr(doc.goals, 'goals');
  const seen = new Set<string>();
  goals.forEach((g, i) => {
    const path = `goals[${i}]`;
    const o = s.obj(g, path);
    const id = s.str(o.id, `${path}.id`);
    if (id === '') s.fail(`${path}.id`, 'is empty');
    if (seen.has(id)) s.fail(`${path}.id`, `"${id}" is used by an earlier goal; ids must be unique`);
    seen.add(id);
    if (o.when === undefined) s.fail(`${path}.when`, 'is missing (the condition that reaches the goal)');
    const goal: Goal = { id, when: validateCondition(s, o.when, `${path}.when`) };
    const name = s.optStr(o.name, `${path}.name`);
    if (name !== undefined) goal.name = name;
    const experience = s.optStr(o.experience, `${path}.experience`);
    if (experience !== undefined) goal.experience = experience;
    const once = s.optBool(o.oncePerVisit, `${path}.oncePerVisit`);
    if (once !== undefined) goal.oncePerVisit = once;
    out.goals.push(goal);
  });
  if (doc.endpoints !== undefined) {
    const problem = checkEndpoints(doc.endpoints);
    if (problem) s.fail('', problem.replace(/\.$/, ''));
    out.endpoints = doc.endpoints as CustomEndpoint[];
  }
  return out;
}
