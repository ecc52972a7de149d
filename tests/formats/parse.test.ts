import { describe, expect, it } from 'vitest';
import { InputError } from '../../lib/formats/errors';
import { harToJourney, journeyToHar } from '../../lib/formats/har';
import { parseGoalsText, parseJourneyText, validateGoals } from '../../lib/formats/parse';
import { replay } from '../../lib/engine';
import { journeyFormatOf } from '../../lib/formats/journey';

const J = (events: unknown[]) => JSON.stringify({ format: 'goalpost.journey/1', events });
const G = (goals: unknown[], extra = {}) => JSON.stringify({ format: 'goalpost.goals/1', goals, ...extra });

function errorOf(fn: () => unknown): string {
  try {
    fn();
  } catch (e) {
    expect(e).toBeInstanceOf(InputError);
    return (e as Error).message;
  }
  throw new Error('expected an InputError');
}

describe('journey parsing', () => {
  it('accepts ISO and epoch times and normalises them to epoch ms', () => {
    const j = parseJourneyText(
      J([
        { t: '2026-03-01T10:00:00+09:00', type: 'navigation', url: 'https://a.example/' },
        { t: 1772330400000, type: 'navigation', url: 'https://a.example/' },
      ]),
      'j.json',
    );
    expect(j.events.map((e) => e.t)).toEqual([Date.parse('2026-03-01T01:00:00Z'), 1772330400000]);
  });
  it("keeps a hit's consent, and names a state that is neither granted nor denied", () => {
    const j = parseJourneyText(
      J([{ t: 0, type: 'hit', vendor: 'ga4', kind: 'pageview', url: 'u', consent: { analytics: 'denied', ads: 'granted' } }]),
      'j.json',
    );
    expect(j.events[0]).toMatchObject({ consent: { analytics: 'denied', ads: 'granted' } });
    expect(
      errorOf(() =>
        parseJourneyText(J([{ t: 0, type: 'hit', vendor: 'ga4', kind: 'pageview', url: 'u', consent: { analytics: 'maybe' } }]), 'j.json'),
      ),
    ).toMatch(/events\[0\]\.consent\.analytics/);
  });
  it('reads route events (revision 2) with their kind and from, and stamps the revision a journey needs', () => {
    const text = JSON.stringify({
      format: 'goalpost.journey/2',
      events: [
        { t: '2026-03-01T10:00:00Z', type: 'navigation', url: 'https://a.example/app/' },
        {
          t: '2026-03-01T10:00:05Z',
          type: 'route',
          url: 'https://a.example/app/cart',
          from: 'https://a.example/app/',
          kind: 'push',
          tab: 3,
        },
      ],
    });
    const j = parseJourneyText(text, 'j.json');
    expect(j.format).toBe('goalpost.journey/2');
    expect(j.events[1]).toEqual({
      t: Date.parse('2026-03-01T10:00:05Z'),
      type: 'route',
      url: 'https://a.example/app/cart',
      from: 'https://a.example/app/',
      kind: 'push',
      tab: 3,
    });
    expect(journeyFormatOf(j.events)).toBe('goalpost.journey/2');
    expect(journeyFormatOf(j.events.slice(0, 1))).toBe('goalpost.journey/1');
  });
  it('ignores unknown fields', () => {
    const j = parseJourneyText(J([{ t: 0, type: 'hit', vendor: 'x', kind: 'pageview', url: 'u', future: { a: 1 } }]), 'j.json');
    expect(j.events[0]).toMatchObject({ type: 'hit', vendor: 'x' });
  });
  it("keeps a hit's event id, by which the engine recognises copies", () => {
    const j = parseJourneyText(J([{ t: 0, type: 'hit', vendor: 'segment', kind: 'event', url: 'u', eventId: 'msg-1' }]), 'j.json');
    expect(j.events[0]).toMatchObject({ eventId: 'msg-1' });
  });
  it.each([
    ['truncated JSON', '{"format": "goalpost.journey/1", "events": [', /^j\.json: 1:\d+: the JSON ends too early/],
    ['a syntax error with line:column', '{"format": "goalpost.journey/1",\n  "events": [,]}', /^j\.json: 2:\d+: invalid JSON/],
    ['an empty file', '  \n', /^j\.json: the file is empty/],
    [
      'a wrong format version',
      JSON.stringify({ format: 'goalpost.journey/3', events: [] }),
      /^j\.json: format is "goalpost\.journey\/3"; expected "goalpost\.journey\/1" or "goalpost\.journey\/2"$/,
    ],
    ['no format', JSON.stringify({ events: [] }), /^j\.json: format is missing/],
    [
      'an unknown event type',
      J([{ t: 0, type: 'click', url: 'x' }]),
      /^j\.json: events\[0\]\.type is "click"; expected one of navigation, route, request, push, hit$/,
    ],
    ['a route without kind', J([{ t: 0, type: 'route', url: 'https://a.example/#/x' }]), /^j\.json: events\[0\]\.kind is missing/],
    [
      'an unknown route kind',
      J([{ t: 0, type: 'route', url: 'x', kind: 'jump' }]),
      /^j\.json: events\[0\]\.kind is "jump"; expected one of push, replace, back-forward, hash, restore$/,
    ],
    [
      'a missing t',
      J([
        { t: 0, type: 'navigation', url: 'x' },
        { type: 'navigation', url: 'x' },
      ]),
      /^j\.json: events\[1\]\.t is missing/,
    ],
    [
      'a t without a zone',
      J([{ t: '2026-03-01T10:00:00', type: 'navigation', url: 'x' }]),
      /^j\.json: events\[0\]\.t is "2026-03-01T10:00:00", not an ISO-8601 time with a zone/,
    ],
    ['a hit without vendor', J([{ t: 0, type: 'hit', kind: 'pageview', url: 'x' }]), /^j\.json: events\[0\]\.vendor is missing/],
    [
      'an unknown hit kind',
      J([{ t: 0, type: 'hit', vendor: 'v', kind: 'click', url: 'x' }]),
      /events\[0\]\.kind is "click"; expected one of pageview/,
    ],
    [
      'a wrong type deep inside',
      J([{ t: 0, type: 'hit', vendor: 'v', kind: 'transaction', url: 'x', transaction: { total: '12' } }]),
      /events\[0\]\.transaction\.total must be a number, not "12"/,
    ],
    ['a push without value', J([{ t: 0, type: 'push', target: 'dataLayer' }]), /events\[0\]\.value is missing/],
    [
      'an event id that is not a string',
      J([{ t: 0, type: 'hit', vendor: 'segment', kind: 'event', url: 'x', eventId: 42 }]),
      /events\[0\]\.eventId must be a string, not number 42/,
    ],
    [
      'events not an array',
      JSON.stringify({ format: 'goalpost.journey/1', events: {} }),
      /^j\.json: events must be an array, not an object$/,
    ],
    ['not an object', '[1,2]', /^j\.json: the document must be an object, not an array$/],
    [
      'an unknown body encoding',
      J([{ t: 0, type: 'request', url: 'https://api2.amplitude.com/2/httpapi', body: 'x', bodyEncoding: 'hex' }]),
      /^j\.json: events\[0\]\.bodyEncoding is "hex"; the only body encoding is "base64"$/,
    ],
    [
      'a body encoding without a body',
      J([{ t: 0, type: 'request', url: 'https://api2.amplitude.com/2/httpapi', bodyEncoding: 'base64' }]),
      /^j\.json: events\[0\]\.bodyEncoding is set but the request has no body$/,
    ],
    [
      'a base64 body that is not base64',
      J([{ t: 0, type: 'request', url: 'https://api2.amplitude.com/2/httpapi', body: '{"a":1}', bodyEncoding: 'base64' }]),
      /^j\.json: events\[0\]\.body is not base64 text/,
    ],
  ])('%s is one sentence with a location', (_label, text, message) => {
    expect(errorOf(() => parseJourneyText(text, 'j.json'))).toMatch(message);
  });
});

describe('HAR', () => {
  const har = {
    log: {
      version: '1.2',
      pages: [{ id: 'page_1', title: 'https://shop.example/cart' }],
      entries: [
        {
          startedDateTime: '2026-03-01T10:00:00.000Z',
          _resourceType: 'document',
          pageref: 'page_1',
          request: { method: 'GET', url: 'https://shop.example/cart', headers: [{ name: 'Referer', value: 'https://google.com/' }] },
          response: { status: 200, content: { mimeType: 'text/html' } },
        },
        {
          startedDateTime: '2026-03-01T10:00:01.000Z',
          pageref: 'page_1',
          request: {
            method: 'post',
            url: 'https://www.google-analytics.com/g/collect?v=2&tid=G-1&cid=1.2&en=page_view&dl=https%3A%2F%2Fshop.example%2Fcart',
            postData: { text: '' },
          },
          response: { status: 0 },
          _error: 'net::ERR_BLOCKED_BY_CLIENT',
        },
        {
          startedDateTime: '2026-03-01T10:00:02.000Z',
          request: { url: 'https://cdn.example/app.js' },
          response: { status: 404, content: { mimeType: 'application/javascript' } },
        },
      ],
    },
  };
  it('turns entries into requests and documents into navigations', () => {
    const j = parseJourneyText(JSON.stringify(har), 'x.har');
    expect(j.events.map((e) => e.type)).toEqual(['navigation', 'request', 'request', 'request']);
    expect(j.events[0]).toMatchObject({ url: 'https://shop.example/cart', referrer: 'https://google.com/' });
    expect(j.events[2]).toMatchObject({
      method: 'POST',
      status: 0,
      error: 'net::ERR_BLOCKED_BY_CLIENT',
      pageUrl: 'https://shop.example/cart',
    });
    const r = replay(j.events, undefined, { model: 'ga4' });
    expect(r.findings.some((f) => f.code === 'tag-failed' && f.message.includes('blocked'))).toBe(true);
  });
  it('round-trips navigations and requests through journeyToHar', () => {
    const j = harToJourney(har, 'x.har');
    const back = harToJourney(JSON.parse(JSON.stringify(journeyToHar(j))), 'y.har');
    expect(back.events.map((e) => [e.type, e.t, 'url' in e ? e.url : ''])).toEqual(
      j.events.map((e) => [e.type, e.t, 'url' in e ? e.url : '']),
    );
  });
  it.each([
    ['no entries', { log: {} }, /^x\.har: log\.entries is missing/],
    [
      'an entry without request',
      { log: { entries: [{ startedDateTime: '2026-03-01T10:00:00Z' }] } },
      /^x\.har: log\.entries\[0\]\.request must be an object/,
    ],
    [
      'a bad date',
      { log: { entries: [{ startedDateTime: 'yesterday', request: { url: 'u' } }] } },
      /^x\.har: log\.entries\[0\]\.startedDateTime is "yesterday"/,
    ],
  ])('broken HAR: %s', (_l, value, message) => {
    expect(errorOf(() => parseJourneyText(JSON.stringify(value), 'x.har'))).toMatch(message);
  });
});

describe('goals validation', () => {
  it('accepts every condition', () => {
    const doc = parseGoalsText(
      G(
        [
          { id: 'a', when: { url: '/thanks' } },
          { id: 'b', when: { url: { regex: '^https://.*/thanks$' } }, experience: 'E', oncePerVisit: true },
          { id: 'c', when: { event: 'signup' } },
          { id: 'd', when: { transaction: { moreThan: 10000 } } },
          { id: 'e', when: { lead: { topic: 'news' } } },
          { id: 'f', when: { service: { topics: [{ topic: 'card', statuses: [0, 'Approved', 'in progress'] }] } } },
          { id: 'g', when: { pageviews: { atLeast: 3, url: { startsWith: 'https://' } } } },
          { id: 'h', when: { engagement: true } },
          { id: 'i', when: { anyOf: [{ event: 'x' }, { url: { equals: 'https://a.example/' } }] } },
        ],
        { model: 'ua', session: { timeoutMinutes: 20, timezone: 'Asia/Tokyo' }, crossDomain: { domains: ['a.example'] } },
      ),
      'g.json',
    );
    expect(doc.goals).toHaveLength(9);
    expect(doc.session).toEqual({ timeoutMinutes: 20, timezone: 'Asia/Tokyo' });
  });
  it.each([
    ['an unknown condition', [{ id: 'a', when: { clicks: 3 } }], /^g\.json: goals\[0\]\.when has no known condition \(found "clicks"\)/],
    [
      'two conditions',
      [{ id: 'a', when: { url: 'x', event: 'y' } }],
      /goals\[0\]\.when has several conditions \(url, event\); combine them with anyOf/,
    ],
    [
      'an invalid regex',
      [
        { id: 'a', when: { url: 'x' } },
        { id: 'b', when: { anyOf: [{ url: { regex: '([' } }] } },
      ],
      /^g\.json: goals\[1\]\.when\.anyOf\[0\]\.url\.regex is not a valid regular expression/,
    ],
    [
      'an unknown status name',
      [{ id: 'a', when: { service: { topics: [{ topic: 't', statuses: ['Aproved'] }] } } }],
      /goals\[0\]\.when\.service\.topics\[0\]\.statuses\[0\] is "Aproved", not a LivePerson status/,
    ],
    [
      'a duplicate id',
      [
        { id: 'a', when: { url: 'x' } },
        { id: 'a', when: { url: 'y' } },
      ],
      /goals\[1\]\.id "a" is used by an earlier goal/,
    ],
    ['a missing when', [{ id: 'a' }], /goals\[0\]\.when is missing/],
    [
      'a non-integer atLeast',
      [{ id: 'a', when: { pageviews: { atLeast: 1.5 } } }],
      /goals\[0\]\.when\.pageviews\.atLeast must be a whole number/,
    ],
    ['engagement false', [{ id: 'a', when: { engagement: false } }], /goals\[0\]\.when\.engagement must be true/],
  ])('%s', (_l, goals, message) => {
    expect(errorOf(() => parseGoalsText(G(goals), 'g.json'))).toMatch(message);
  });
  it.each([
    [{ model: 'matomo' }, /^g\.json: model is "matomo"; expected one of ptengine, ga4, ua, liveengage$/],
    [{ session: { timezone: 'Mars/Base' } }, /session\.timezone is "Mars\/Base", not an IANA time zone/],
    [{ session: { timeoutMinutes: 0 } }, /session\.timeoutMinutes must be more than 0/],
    [
      { model: 'ga4', session: { timeoutMinutes: 476 } },
      /session\.timeoutMinutes is 476, but a GA4 property's session timeout is at most 7 h 55 min \(475\)/,
    ],
    [{ endpoints: [{ host: 'collect.shop.example', decoder: 'nope' }] }, /^g\.json: endpoints\[0\]\.decoder "nope" is unknown/],
  ])('document-level errors %j', (extra, message) => {
    expect(errorOf(() => parseGoalsText(G([], extra), 'g.json'))).toMatch(message);
  });
  it('a GA4 timeout up to 7 h 55 min is accepted; other models are not bound by it', () => {
    expect(validateGoals({ format: 'goalpost.goals/1', model: 'ga4', session: { timeoutMinutes: 475 }, goals: [] }).session).toEqual({
      timeoutMinutes: 475,
    });
    expect(validateGoals({ format: 'goalpost.goals/1', model: 'ptengine', session: { timeoutMinutes: 600 }, goals: [] }).session).toEqual({
      timeoutMinutes: 600,
    });
  });
  it('validateGoals works on values (the extension and the goal editor)', () => {
    expect(errorOf(() => validateGoals({ format: 'goalpost.goals/1', goals: [{ id: 'x', when: {} }] }))).toBe(
      'goals: goals[0].when is empty; expected one of url, event, transaction, lead, service, pageviews, engagement, anyOf',
    );
    expect(
      validateGoals({ format: 'goalpost.goals/1', goals: [], endpoints: [{ host: 'c.shop.example', decoder: 'ga4' }] }).endpoints,
    ).toHaveLength(1);
  });
});

describe('hostile but valid input yields a report', () => {
  it.each([
    [
      'undecodable percent-escapes',
      [
        { t: 0, type: 'request', url: 'https://www.google-analytics.com/g/collect?v=2&tid=G-1&cid=%E0%A4%A&en=page_view&dl=%ZZ' },
        { t: 1, type: 'navigation', url: 'https://a.example/?utm_source=%E0%A4%A' },
      ],
    ],
    [
      'a binary body',
      [
        {
          t: 0,
          type: 'request',
          method: 'POST',
          url: 'https://www.google-analytics.com/g/collect?v=2&tid=G-1',
          body: '\u0000\u0001\uFFFD\uD800garbage',
        },
      ],
    ],
    [
      'a 2 MB body',
      [
        {
          t: 0,
          type: 'request',
          method: 'POST',
          url: 'https://www.google-analytics.com/g/collect?v=2&tid=G-1',
          body: 'en=page_view&'.repeat(160_000),
        },
      ],
    ],
    ['a non-numeric total', [{ t: 0, type: 'push', target: 'lpTag.sdes', value: { type: 'purchase', total: 'lots', orderId: 'X' } }]],
    [
      'null pushes',
      [
        { t: 0, type: 'push', target: 'lpTag.sdes', value: null },
        { t: 1, type: 'push', target: 'dataLayer', value: [null] },
      ],
    ],
    [
      'non-URLs',
      [
        { t: 0, type: 'navigation', url: 'not a url' },
        { t: 1, type: 'hit', vendor: 'ptengine', kind: 'pageview', url: '::::' },
        { t: 2, type: 'request', url: '' },
      ],
    ],
  ])('%s', (_l, events) => {
    const j = parseJourneyText(J(events), 'j.json');
    const r = replay(
      j.events,
      parseGoalsText(
        G([
          { id: 'g', when: { transaction: { moreThan: 1 } } },
          { id: 'u', when: { url: 'thanks' } },
        ]),
        'g.json',
      ),
    );
    expect(r.format).toBe('goalpost.report/1');
    for (const g of r.goals) expect(g.users).toBeLessThanOrEqual(g.sessions);
  });
  it('a non-numeric total does not count against a threshold', () => {
    const r = replay(
      [
        {
          t: 0,
          type: 'push',
          target: 'lpTag.sdes',
          value: { type: 'purchase', total: 'lots', orderId: 'X' },
          pageUrl: 'https://a.example/',
        },
      ],
      {
        format: 'goalpost.goals/1',
        goals: [{ id: 'g', when: { transaction: { moreThan: 1 } } }],
      },
    );
    expect(r.goals[0]!.total).toBe(0);
  });
});
