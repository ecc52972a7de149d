/**
 * Every finding sentence, in every variant, rendered in English and Japanese from the engine's
 * own builders with real parameters: the English is the report's `message`, the Japanese is
 * Japanese, fills every placeholder and still names every page, id and domain it was given.
 */
import { describe, expect, it } from 'vitest';
import type { EngineHit } from '../../lib/engine/hits';
import { type FindingText, messages } from '../../lib/engine/findings';
import type { PageState } from '../../lib/engine/state';
import { spaMessages } from '../../lib/engine/virtual-pages';
import { catalogues } from '../../lib/i18n/catalogues';
import { findingMessage } from '../../lib/i18n/finding';
import { isDuration, isOrList, isRef, type MessageParam } from '../../lib/i18n/params';
import { render } from '../../lib/i18n/render';
import { at, nav, push, req, run } from '../engine/build';

const LP = 'https://shop.example/lp?utm_source=mail';
const CART = 'https://www.shop.example/cart';
const PAY = 'https://pay.example-checkout.com/pay';
const T = '2026-03-01T10:00:00.000Z';
const stale = { param: '_gl', status: 'stale', minutesOld: 7 } as const;
const xd = {
  from: 'shop.example',
  to: 'example-checkout.com',
  fromUrl: CART,
  toUrl: PAY,
  visitorFrom: 'GA1.1.111',
  visitorTo: 'GA1.1.222',
  params: ['_gl'],
  product: 'Google Analytics 4',
  listed: 'unset',
  notHonouredBecauseUnlisted: false,
} as const;
const page = (url: string, document?: PageState) => ({ url, t: Date.parse(T), route: 'push', document }) as unknown as PageState;
const pv = (t: number, via?: string) => ({ t, via }) as unknown as EngineHit;
const goal = ['thanks', 'Thanks page'] as const;

/** One call per sentence variant, with the values a real replay passes. */
const CASES: [string, FindingText][] = [
  ['tag missing', messages.tagMissing('ga4', LP, 'shop.example')],
  [
    'blocked, from a page',
    messages.requestFailed(
      'ga4',
      'page_view',
      LP,
      'net::ERR_BLOCKED_BY_CLIENT',
      true,
      'https://region1.google-analytics.com/g/collect?v=2',
    ),
  ],
  [
    'blocked, no page',
    messages.requestFailed('ptengine', 'pageview', undefined, 'net::ERR_BLOCKED_BY_CLIENT', true, 'https://collect.ptengine.jp/z'),
  ],
  [
    'HTTP error, from a page',
    messages.requestFailed('ga4', 'page_view', LP, 'HTTP 503', false, 'https://region1.google-analytics.com/g/collect'),
  ],
  [
    'HTTP error, no page',
    messages.requestFailed('ga4', 'page_view', undefined, 'HTTP 503', false, 'https://region1.google-analytics.com/g/collect'),
  ],
  [
    'network error, from a page',
    messages.requestFailed('ptengine', 'tag script', LP, 'net::ERR_CONNECTION_RESET', false, 'https://js.ptengine.jp/abc.js'),
  ],
  [
    'network error, no page',
    messages.requestFailed('ptengine', 'tag script', undefined, 'net::ERR_CONNECTION_RESET', false, 'https://js.ptengine.jp/abc.js'),
  ],
  ['hit not delivered', messages.hitNotDelivered('ga4', 'event', CART)],
  ['goal page, pageview lost', messages.tagNotFiredOnGoalPage(...goal, PAY, true)],
  ['goal page, no pageview', messages.tagNotFiredOnGoalPage('thanks', undefined, PAY, false)],
  ['cross-domain, no link parameter', messages.crossDomainBreak({ ...xd, params: [], product: 'LiveEngage' })],
  ['cross-domain, unlisted', messages.crossDomainBreak({ ...xd, param: '_gl', listed: 'from', notHonouredBecauseUnlisted: true })],
  ['cross-domain, stale _gl', messages.crossDomainBreak({ ...xd, param: '_gl', listed: 'both', rejectedLink: stale })],
  [
    'cross-domain, stale _ga',
    messages.crossDomainBreak({ ...xd, params: ['_ga', '_gl'], param: '_ga', rejectedLink: { ...stale, param: '_ga' } }),
  ],
  [
    'cross-domain, bad checksum',
    messages.crossDomainBreak({ ...xd, param: '_gl', listed: 'none', rejectedLink: { param: '_gl', status: 'altered' } }),
  ],
  ['cross-domain, not honoured', messages.crossDomainBreak({ ...xd, param: '_gl', listed: 'both' })],
  ['cross-domain, parameter lost', messages.crossDomainBreak({ ...xd, lostParam: '_gl', listed: 'to' })],
  ['cross-domain, consent denied', messages.crossDomainBreak({ ...xd, params: ['_ga', '_gl'], consentDenied: true })],
  ['cross-domain, parameter absent', messages.crossDomainBreak(xd)],
  ['goal before experience', messages.beforeExperience(...goal, 'exp-42', PAY, 'v2', 's3')],
  ['experience not displayed', messages.experienceNotDisplayed(...goal, 'exp-42', PAY, 'v2', 's3')],
  ['duplicate order, per visit', messages.duplicateId(...goal, { messageId: 'duplicate_order', params: { id: 'O1' } }, PAY, 's1')],
  ['duplicate lead, per visitor', messages.duplicateId(...goal, { messageId: 'duplicate_lead', params: { id: 'L7' } }, PAY, 's1', true)],
  [
    'duplicate service',
    messages.duplicateId(
      ...goal,
      { messageId: 'duplicate_service', params: { id: 'S9', topic: 'gold card', status: 'Approved' } },
      PAY,
      's1',
    ),
  ],
  ['duplicate, unnamed id', messages.duplicateId(...goal, undefined, PAY, 's1')],
  ['consent denied', messages.consentDenied('ga4', LP, 'v1')],
  ['session timeout', messages.sessionTimeout('v1', 's2', T, 3 * 3600_000 + 58 * 60_000, 30)],
  [
    'vendor started a visit',
    messages.vendorVisitDiffers({
      ...{ vendor: 'ptengine', visitor: 'pt-v1', session: 's1', url: LP, at: T, product: 'Ptengine', ruleDetail: undefined },
      vendorDetail: { messageId: 'visit_id_changed', params: { vendor: 'ptengine', from: 'sid-1', to: 'sid-2' } },
    }),
  ],
  [
    'vendor kept a visit',
    messages.vendorVisitDiffers({
      ...{ vendor: 'ga4', visitor: 'GA1.1.111', session: 's1', url: LP, at: T, product: 'Universal Analytics' },
      vendorDetail: { messageId: 'visit_id_kept', params: { vendor: 'ga4', id: '1772359200' } },
      ruleDetail: {
        messageId: 'visit_rule_detail',
        params: { reason: 'timeout', detail: { messageId: 'rule_timeout_pc', params: { gap: { durationMs: 31 * 60_000 }, minutes: 30 } } },
      },
    }),
  ],
  [
    'unreadable, from a page',
    messages.tagUnreadable('ptengine', 'collection', 'https://collect.ptengine.jp/z?x=1', LP, 'The body is not JSON.'),
  ],
  [
    'unreadable, no page',
    messages.tagUnreadable('ptengine', 'collection', `https://collect.ptengine.jp/z?${'x'.repeat(200)}`, undefined, 'Bad body'),
  ],
  ['mismatch 1/1', messages.conversionGoalMismatch(...goal, 1, 1)],
  ['mismatch 1/2', messages.conversionGoalMismatch(...goal, 1, 2)],
  ['mismatch 3/1', messages.conversionGoalMismatch(...goal, 3, 1)],
  ['mismatch 3/2', messages.conversionGoalMismatch('visited', undefined, 3, 2)],
  [
    'SPA route without a pageview',
    spaMessages.routeTagMissing('ga4', page('https://app.example/#/pay', page('https://app.example/')), 'app.example'),
  ],
  ['SPA route, no document', spaMessages.routeTagMissing('shopify', page('https://app.example/p/2'), 'app.example')],
  [
    'SPA page counted twice',
    spaMessages.countedTwice('ptengine', 'https://app.example/p/2', pv(at(0), 'page load'), pv(at(0, 2), 'setPVTag')),
  ],
  ['SPA page counted twice, other vendor', spaMessages.countedTwice('segment', 'https://app.example/p/2', pv(at(0)), pv(at(0, 2)))],
];

/** The LivePerson SDE sentences come from the delivery check inside a replay. */
const THANKS = 'https://jewels.example/thanks';
function sdeFindings(): FindingText[] {
  const blocked = run(
    [
      nav(at(0), THANKS),
      push(at(0, 1), { type: 'purchase', total: 20000, currency: 'JPY', orderId: 'O1' }, { pageUrl: THANKS }),
      req(at(0, 2), 'https://lptag.liveperson.net/tag/tag.js?site=90412079', { pageUrl: THANKS, error: 'net::ERR_BLOCKED_BY_CLIENT' }),
    ],
    [{ id: 'sale', when: { transaction: { moreThan: 10000 } } }],
    {},
    'liveengage',
  );
  const reportFailed = run(
    [
      nav(at(0), THANKS),
      push(at(0, 1), { type: 'cart', total: 300, currency: 'JPY', products: [] }, { pageUrl: THANKS }),
      req(at(0, 2), 'https://lptag.liveperson.net/tag/tag.js?site=90412079', { pageUrl: THANKS, status: 200 }),
      req(at(0, 3), 'https://va.v.liveperson.net/api/js/90412079?t=sp', { pageUrl: THANKS, error: 'net::ERR_FAILED' }),
    ],
    [],
    {},
    'liveengage',
  );
  return [...blocked.findings, ...reportFailed.findings].filter((f) => f.messageId?.startsWith('finding_sde')) as FindingText[];
}

/** The words a sentence must still carry in any language: every text param, nested ones too. */
function leaves(p: MessageParam): string[] {
  if (typeof p === 'string') return p === '' ? [] : [p];
  if (typeof p === 'number') return [String(p)];
  if (isRef(p)) return Object.values(p.params ?? {}).flatMap(leaves);
  if (isOrList(p)) return [...p.or];
  if (isDuration(p)) return [];
  return [];
}

const JAPANESE = /[\u3040-\u30FF\u4E00-\u9FFF]/;

describe('every finding sentence in English and Japanese', () => {
  const all: [string, FindingText][] = [...CASES, ...sdeFindings().map((f, i): [string, FindingText] => [`SDE ${i}`, f])];

  it.each(all)('%s', (_name, f) => {
    expect(render('en', f.messageId, f.params)).toBe(f.message);
    const ja = findingMessage(f, 'ja');
    expect(ja).not.toBe(f.message);
    expect(ja).toMatch(JAPANESE);
    expect(ja).not.toMatch(/\$[A-Za-z0-9_]+\$/);
    // The params the template shows (a variant may leave one out, in both languages).
    const shown = Object.entries(f.params).filter(([name]) => catalogues.en[f.messageId]!.message.includes(`$${name}$`));
    expect(shown.length).toBeGreaterThan(0);
    for (const word of shown.flatMap(([, p]) => leaves(p))) expect(ja).toContain(word);
  });

  it('covers every finding template in the catalogues', () => {
    const covered = new Set(all.map(([, f]) => f.messageId));
    const templates = Object.keys(catalogues.en).filter((k) => k.startsWith('finding_'));
    expect(templates.filter((k) => !covered.has(k))).toEqual([]);
  });

  it('the English sentence is the one the report always had', () => {
    const [, timeout] = CASES.find(([n]) => n === 'session timeout')!;
    expect(timeout.message).toBe(
      'Visitor v1 started a new session s2 at 2026-03-01T10:00:00.000Z because 3 h 58 min passed since the previous hit, more than the 30-minute session timeout.',
    );
    expect(findingMessage(timeout, 'ja')).toBe(
      '前回のヒットから 3時間58分 が経過し、セッションのタイムアウト（30 分）を超えたため、訪問者 v1 は 2026-03-01T10:00:00.000Z に新しいセッション s2 を開始しました。',
    );
  });
});
