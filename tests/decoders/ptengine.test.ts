/**
 * Ptengine's wire protocol, from the facts of its tag script pta.js v1.65.0: each fixture is
 * built the way that script builds the request (see docs/vendors.md for the source).
 */
import { describe, expect, it } from 'vitest';
import { decodePush, decodeRequest } from '../../lib/decoders/index';
import type { HitBody } from '../../lib/formats/journey';

const SID = '4a5b6c7d';
const UID = 'AbCdEfGhIjKlMnOpQrStUv';
const VID = 'VwXyZaBcDeFgHiJkLmNoPq';
const PID = 'PgIdPgIdPgIdPgIdPgIdPg';
const PEID = 'PeIdPeIdPeIdPeIdPeIdPe';
const PAGE = 'https://www.shop.example/item?color=red&size=2';
const HOST = 'https://collect.ptengine.jp';

// pta.js: the page URL has its "&" replaced by "*&*", then is URI-encoded (Oa.encode, !1).
const pField = (url: string) => encodeURIComponent(url.replace(/&/g, '*&*'));
const refField = (url: string) => encodeURIComponent(url.replace(/&/g, '*&*').replace(/\+/g, '*+*'));
// Ra.sendPost: XHR POST, body = encodeURIComponent(JSON.stringify(the id object + properties)).
const postBody = (o: Record<string, unknown>) => encodeURIComponent(JSON.stringify(o));
const ids = { sid: SID, uid: UID, vid: VID, pid: PID, peid: PEID, v: 'v1.65.0', ts: 1764400000000 };
const idParam = `${SID}.${UID}.${VID}.${PID}.${PEID}`;
const base = { vendor: 'ptengine', clientId: UID, sessionId: VID, account: SID };

interface Case {
  name: string;
  url: string;
  body?: string;
  pageUrl?: string;
  requestType: string;
  hits: HitBody[];
  role?: string;
}

const cases: Case[] = [
  {
    name: '/pn POST opens a visit: page URL with *&*, referrer, title',
    url: `${HOST}/pn`,
    body: postBody({
      ...ids,
      stat: '1.0.720.720.35.1',
      ref: refField('https://www.google.co.jp/search?q=ring+gold&x=1'),
      p: pField(PAGE),
      tl: encodeURIComponent('Gold ring | Shop'),
      ptif: '2.1280.720.24.GMT+9.linux x86_64.ja.utf-8',
    }),
    pageUrl: PAGE,
    requestType: 'Page view (opens a visit)',
    hits: [{ ...base, kind: 'pageview', url: PAGE, referrer: 'https://www.google.co.jp/search?q=ring+gold&x=1', opensVisit: true }],
  },
  {
    name: '/pv POST in the visit (vref kept, empty ref)',
    url: `${HOST}/pv`,
    body: postBody({
      ...ids,
      stat: '2.0.720.720.20.0.1',
      ref: '',
      vref: encodeURIComponent('https://www.google.co.jp/'),
      p: pField(PAGE),
      tl: 'Item',
      ptif: '2',
    }),
    requestType: 'Page view',
    hits: [{ ...base, kind: 'pageview', url: PAGE }],
  },
  {
    name: '/pv GET fallback: id=sid.uid.vid.pid.peid, v and ts appended',
    url: `${HOST}/pv?id=${idParam}&stat=2.0.720.720.35.0.1&ref=${refField('https://www.shop.example/')}&vref=&p=${pField(PAGE)}&tl=Item%20page&ptif=2.1280.720.24.GMT+9.linux_x86_64.en-us.utf-8&v=v1.65.0&ts=1764400000000`,
    requestType: 'Page view',
    hits: [{ ...base, kind: 'pageview', url: PAGE, referrer: 'https://www.shop.example/' }],
  },
  {
    name: 'setPVTag virtual page: /pv for <page>#<tag>',
    url: `${HOST}/pv`,
    body: postBody({ ...ids, stat: '3.0.720.720.0.0.1', ref: '', p: pField(`${PAGE}#step2`), tl: 'Item', ptif: '2' }),
    requestType: 'Page view',
    hits: [{ ...base, kind: 'pageview', url: `${PAGE}#step2` }],
  },
  {
    name: 'setPVTag with replace: a relative path is resolved against the page',
    url: `${HOST}/pv`,
    body: postBody({ ...ids, stat: '3.0.720.720.0.0.1', ref: '', p: pField('/virtual/thanks'), tl: 'Item', ptif: '2' }),
    pageUrl: PAGE,
    requestType: 'Page view',
    hits: [{ ...base, kind: 'pageview', url: 'https://www.shop.example/virtual/thanks' }],
  },
  {
    name: '/te setCustomEvent: eid = name:0:active, name URI-encoded',
    url: `${HOST}/te`,
    body: postBody({ ...ids, eid: `${encodeURIComponent('add to cart')}:0:1`, ptif: '2', pvn: 4 }),
    pageUrl: PAGE,
    requestType: 'Event',
    hits: [{ ...base, kind: 'event', url: PAGE, name: 'add to cart' }],
  },
  {
    name: '/te setCustomVarV2: properties appended with |key:type:value',
    url: `${HOST}/te`,
    body: postBody({ ...ids, eid: `signup:0:0|plan:string:${encodeURIComponent('gold plan')}|seats:int:3`, ptif: '2', pvn: 5 }),
    pageUrl: PAGE,
    requestType: 'Event',
    hits: [{ ...base, kind: 'event', url: PAGE, name: 'signup' }],
  },
  {
    name: '/te GET fallback (script) with a legacy setTrackEvent stat=cat.action.label.value',
    url: `${HOST}/te?id=${idParam}&stat=Video.Play.intro%2Emp4.0&ptif=2&pvn=6&v=v1.65.0&ts=1764400000000`,
    pageUrl: PAGE,
    requestType: 'Event',
    hits: [{ ...base, kind: 'event', url: PAGE, name: 'Video / Play' }],
  },
  {
    name: '/te click on elements of two defined events (eid entries comma-separated)',
    url: `${HOST}/te`,
    body: postBody({ ...ids, eid: 'cta:1:0,banner:1:0', pvn: 7, ptif: '2' }),
    pageUrl: PAGE,
    requestType: 'Event',
    hits: [
      { ...base, kind: 'event', url: PAGE, name: 'cta' },
      { ...base, kind: 'event', url: PAGE, name: 'banner' },
    ],
  },
  {
    name: '/ec POST: a data list of {pt_category, pt_event_id, …}',
    url: `${HOST}/ec`,
    body: postBody({
      ...ids,
      ptif: '2',
      pvn: 8,
      data: [
        { pt_event_id: 'k3j4h5g6f7d8s9a0q1w2e3r4t5y6u7i8', pt_category: 'pt_user_login', user: 'u-1' },
        { pt_event_id: 'a1s2d3f4g5h6j7k8l9z0x1c2v3b4n5m6', pt_category: 'pt_impression', item: 'ring' },
      ],
    }),
    pageUrl: PAGE,
    requestType: 'E-commerce / user event',
    hits: [
      { ...base, kind: 'event', url: PAGE, name: 'pt_user_login' },
      { ...base, kind: 'event', url: PAGE, name: 'pt_impression' },
    ],
  },
  {
    name: '/ec GET fallback: the data list as JSON in eid',
    url: `${HOST}/ec?id=${idParam}&eid=${encodeURIComponent(JSON.stringify([{ pt_event_id: 'x', pt_category: 'pt_user_register' }]))}&ptif=2&pvn=9`,
    pageUrl: PAGE,
    requestType: 'E-commerce / user event',
    hits: [{ ...base, kind: 'event', url: PAGE, name: 'pt_user_register' }],
  },
  {
    name: '/egg view: an Experience display (engagerId, engagerVerId)',
    url: 'https://collect.ptengine.cn/egg',
    body: postBody({
      sid: SID,
      uid: UID,
      vid: VID,
      pid: PID,
      peid: PEID,
      ts: 1764400000000,
      engagerId: 'eng-42',
      engagerVerId: 'ver-7',
      triggerCondition: 'pageLoad',
      engagerType: 'view',
      variant: {},
    }),
    pageUrl: PAGE,
    requestType: 'Experience event',
    hits: [{ ...base, kind: 'experience', url: PAGE, experience: { id: 'eng-42', variant: 'ver-7' } }],
  },
  {
    name: '/egg click: an engagement with the experience',
    url: 'https://collect.ptengine.cn/egg',
    body: postBody({
      sid: SID,
      uid: UID,
      vid: VID,
      pid: PID,
      peid: PEID,
      ts: 1,
      engagerId: 'eng-42',
      engagerVerId: 'ver-7',
      triggerCondition: 'click',
      engagerType: 'click',
      variant: { target: 'Buy now' },
    }),
    pageUrl: PAGE,
    requestType: 'Experience event',
    hits: [{ ...base, kind: 'engagement', url: PAGE, experience: { id: 'eng-42', variant: 'ver-7' } }],
  },
  {
    name: '/hb heartbeat: traffic, no hit',
    url: 'https://rtcollect.ptengine.jp/hb',
    body: postBody({ ...ids, stat: '0.720.720.30000', ptif: '2' }),
    requestType: 'Heartbeat',
    role: 'other',
    hits: [],
  },
  {
    name: '/oc heatmap click: traffic, no hit',
    url: `${HOST}/oc?id=${idParam}&stat=10.20.1280.720.1body%3Eh1%3Aeq(0).0.0.720.1000.0.0&ptif=2&v=v1.65.0&ts=1`,
    requestType: 'Heatmap click',
    role: 'other',
    hits: [],
  },
];

describe('Ptengine collection requests as pta.js v1.65.0 sends them', () => {
  it.each(cases.map((c) => [c.name, c] as const))('%s', (_n, c) => {
    const d = decodeRequest({
      url: c.url,
      method: c.body ? 'POST' : 'GET',
      ...(c.body ? { body: c.body } : {}),
      ...(c.pageUrl ? { pageUrl: c.pageUrl } : {}),
    });
    expect(d?.decoder).toBe('ptengine');
    expect(d!.account).toBe(SID);
    expect(d!.requestType).toBe(c.requestType);
    expect(d!.role).toBe(c.role ?? 'hit');
    expect(d!.hits).toEqual(c.hits);
    expect(d!.problems ?? []).toEqual([]);
  });

  it('shows the decoded page URL, title and terminal type in the parameters', () => {
    const d = decodeRequest({ url: `${HOST}/pn`, method: 'POST', body: cases[0]!.body! })!;
    const byKey = Object.fromEntries(d.params.map((p) => [p.key, p.value]));
    expect(byKey).toMatchObject({ p: PAGE, tl: 'Gold ring | Shop', terminal: 'PC', transport: 'XHR POST (URI-encoded JSON)', vid: VID });
  });

  it.each([
    ['a body that is not URI-encoded JSON', `${HOST}/pv`, 'not json at all', /not valid JSON/],
    ['a broken escape in the body', `${HOST}/pv`, '%7B%22sid%22%3A%22a%22%2C%22p%22%3A%22%E0%A4%22%7D', /undecodable percent-escape/],
    ['a /pv without a page URL', `${HOST}/pv`, encodeURIComponent(JSON.stringify({ sid: SID, uid: UID, vid: VID })), /names no page URL/],
    ['a /te without an event', `${HOST}/te`, encodeURIComponent(JSON.stringify({ sid: SID, uid: UID, vid: VID })), /names no event/],
    ['an id with the wrong number of parts', `${HOST}/pv?id=a.b&p=x`, undefined, /five parts/],
  ])('%s is one clear problem and loses nothing else', (_n, url, body, problem) => {
    const d = decodeRequest({ url, method: body ? 'POST' : 'GET', ...(body ? { body } : {}) });
    expect(d?.decoder).toBe('ptengine');
    expect((d!.problems ?? []).join(' ')).toMatch(problem);
  });

  it('a huge or binary body neither throws nor hangs', () => {
    const d = decodeRequest({ url: `${HOST}/pv`, method: 'POST', body: '\u0000\uffff%'.repeat(200_000) });
    expect(d?.decoder).toBe('ptengine');
    expect(d!.hits).toEqual([]);
    expect(d!.problems?.length).toBeGreaterThan(0);
  });
});

describe('Ptengine tag loads', () => {
  it.each([
    ['https://js.ptengine.jp/505dxp43.js', '505dxp43', 'Tag load'],
    ['https://js.ptengine.cn/1a2b3c4d.js', '1a2b3c4d', 'Tag load'],
    ['https://js.ptengine.jp/pta.js', undefined, 'Library load (account in a setAccount push)'],
    ['https://js.ptengine.cn/pts.js', undefined, 'Library load (account in a setAccount push)'],
    ['https://cjs.ptengine.com/pta_en.js', undefined, 'Library load (account in a setAccount push)'],
    ['https://pteengagejs.ptengine.cn/engage.js?v=v1.65.0', undefined, 'Experience script load'],
  ])('%s', (url, account, type) => {
    const d = decodeRequest({ url, method: 'GET' })!;
    expect(d.role).toBe('library');
    expect(d.account).toBe(account);
    expect(d.requestType).toBe(type);
  });
});

describe('Ptengine _pt_sp_2 pushes are commands, not hits', () => {
  const PAGE_URL = 'https://www.shop.example/';
  it.each([
    ['one string', 'setPVTag,/virtual/step2,replace', 'setPVTag'],
    ['two arguments recorded as one list', ['setCustomEvent', { eventName: 'add to cart' }], 'setCustomEvent'],
    ['setEC with its list', ['setEC', [{ pt_category: 'pt_user_login' }]], 'setEC'],
    ['setCustomVarV2', ['setCustomVarV2', { eventName: 'signup', plan: 'gold' }], 'setCustomVarV2'],
    ['setDomain with two domains', 'setDomain,shop.example,example-checkout.com', 'setDomain'],
  ])('%s', (_n, value, command) => {
    const d = decodePush({ target: '_pt_sp_2', value, pageUrl: PAGE_URL })!;
    expect(d.decoder).toBe('ptengine');
    expect(d.requestType).toBe(command);
    expect(d.role).toBe('other');
    expect(d.hits).toEqual([]);
  });

  it('setAccount (legacy snippet) names the account, lower-cased as the tag does', () => {
    for (const value of ['setAccount,1A2b3c', ['setAccount,1A2b3c']]) {
      const d = decodePush({ target: '_pt_sp_2', value })!;
      expect(d.role).toBe('library');
      expect(d.account).toBe('1a2b3c');
    }
  });

  it('an object queued on its own is the argument of the command before it, shown, not a hit', () => {
    const d = decodePush({ target: '_pt_sp_2', value: { eventName: 'x' } })!;
    expect(d.requestType).toBe('Command argument');
    expect(d.params).toContainEqual(expect.objectContaining({ key: 'value.eventName', value: 'x' }));
    expect(d.hits).toEqual([]);
  });
});
