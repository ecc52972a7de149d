/**
 * The diagnosis sentences (semantics.md §6): one plain sentence each, naming the page, the
 * domains or ids, and what to change, so a support engineer can paste it to a customer.
 *
 * Each variant of a sentence is its own whole template in the catalogues (public/_locales), keyed
 * by a stable id and filled with named params; the report keeps the English text as `message` and
 * carries the id and params, so the panel and the CLI can say the same in another language.
 */
import type { Finding } from '../formats/report';
import { type MessageParams, type MessageRef, ref } from '../i18n/params';
import { render } from '../i18n/render';
import type { LinkCheck } from './google-linker';

const VENDOR_NAMES: Record<string, string> = {
  ga4: 'GA4',
  ua: 'Universal Analytics',
  ptengine: 'Ptengine',
  liveperson: 'LivePerson',
  adobe: 'Adobe Analytics',
  meta: 'Meta Pixel',
  optimizely: 'Optimizely',
  vwo: 'VWO',
};

export function vendorName(id: string): string {
  return VENDOR_NAMES[id] ?? id;
}

/** What a finding says: the English sentence, and the template and params it came from. */
export interface FindingText {
  message: string;
  messageId: string;
  params: MessageParams;
}

export function findingText(messageId: string, params: MessageParams): FindingText {
  return { message: render('en', messageId, params), messageId, params };
}

const goalLabel = (id: string, name?: string): MessageRef =>
  name && name !== id ? ref('goal_label_named', { name, id }) : ref('goal_label', { id });

/** English needs "1 conversion" and "2 conversions": one whole sentence per case. */
const MISMATCH = {
  one: { one: 'finding_conversion_goal_mismatch_one_one', many: 'finding_conversion_goal_mismatch_one_many' },
  many: { one: 'finding_conversion_goal_mismatch_many_one', many: 'finding_conversion_goal_mismatch_many_many' },
} as const;

export const messages = {
  tagMissing: (vendor: string, url: string, domain: string): FindingText =>
    findingText('finding_tag_missing', { vendor: vendorName(vendor), url, domain }),

  requestFailed: (
    vendor: string,
    what: string,
    pageUrl: string | undefined,
    failure: string,
    blocked: boolean,
    requestUrl: string,
  ): FindingText => {
    const params = { vendor: vendorName(vendor), what, failure, host: hostText(requestUrl) };
    if (blocked)
      return pageUrl
        ? findingText('finding_request_blocked', { ...params, page: pageUrl })
        : findingText('finding_request_blocked_no_page', params);
    if (/^HTTP /.test(failure))
      return pageUrl
        ? findingText('finding_request_http', { ...params, page: pageUrl })
        : findingText('finding_request_http_no_page', params);
    return pageUrl
      ? findingText('finding_request_failed', { ...params, page: pageUrl })
      : findingText('finding_request_failed_no_page', params);
  },

  hitNotDelivered: (vendor: string, kind: string, url: string): FindingText =>
    findingText('finding_hit_not_delivered', { vendor: vendorName(vendor), kind, url }),

  tagNotFiredOnGoalPage: (goalId: string, goalName: string | undefined, url: string, anyPageview: boolean): FindingText =>
    findingText(anyPageview ? 'finding_goal_page_pageview_lost' : 'finding_goal_page_no_pageview', {
      goal: goalLabel(goalId, goalName),
      url,
    }),

  crossDomainBreak: (o: {
    from: string;
    to: string;
    fromUrl: string;
    toUrl: string;
    visitorFrom: string;
    visitorTo: string;
    params: readonly string[];
    product: string;
    /** Param on the landing URL the tag ran on. */
    param?: string;
    /** Param seen on the link (first landing navigation) but gone from the landing URL. */
    lostParam?: string;
    listed: 'none' | 'from' | 'to' | 'both' | 'unset';
    notHonouredBecauseUnlisted: boolean;
    /** The Google tag's verdict on the landing URL's link, when it refused it. */
    rejectedLink?: LinkCheck;
    /** The page left sent its hits with analytics storage denied (Consent Mode). */
    consentDenied?: boolean;
  }): FindingText => {
    const common = {
      from: o.from,
      to: o.to,
      from_url: o.fromUrl,
      to_url: o.toUrl,
      visitor_from: o.visitorFrom,
      visitor_to: o.visitorTo,
      listing: listing(o.listed, o.from, o.to),
    };
    const [id, why] = crossDomainWhy(o);
    return findingText(id, { ...common, ...why });
  },

  beforeExperience: (
    goalId: string,
    goalName: string | undefined,
    experience: string,
    url: string,
    visitor: string,
    session: string,
  ): FindingText => findingText('finding_goal_before_experience', { goal: goalLabel(goalId, goalName), experience, url, visitor, session }),

  experienceNotDisplayed: (
    goalId: string,
    goalName: string | undefined,
    experience: string,
    url: string,
    visitor: string,
    session: string,
  ): FindingText =>
    findingText('finding_experience_not_displayed', { goal: goalLabel(goalId, goalName), experience, url, visitor, session }),

  duplicateId: (
    goalId: string,
    goalName: string | undefined,
    what: MessageRef | undefined,
    url: string,
    session: string,
    perVisitor = false,
  ): FindingText =>
    findingText(perVisitor ? 'finding_duplicate_id_per_visitor' : 'finding_duplicate_id_per_visit', {
      what: what ?? ref('duplicate_same_id'),
      url,
      session,
      goal: goalLabel(goalId, goalName),
    }),

  consentDenied: (vendor: string, url: string, visitor: string): FindingText =>
    findingText('finding_consent_denied', { vendor: vendorName(vendor), url, visitor }),

  sessionTimeout: (visitor: string, session: string, at: string, gapMs: number, timeoutMinutes: number): FindingText =>
    findingText('finding_session_timeout', { visitor, session, at, gap: { durationMs: gapMs }, minutes: timeoutMinutes }),

  vendorVisitDiffers: (o: {
    vendor: string;
    visitor: string;
    session: string;
    url: string;
    at: string;
    vendorDetail: MessageRef;
    ruleDetail: MessageRef | undefined;
    product: string;
  }): FindingText => {
    const params = {
      vendor: vendorName(o.vendor),
      url: o.url,
      at: o.at,
      visitor: o.visitor,
      session: o.session,
      vendor_detail: o.vendorDetail,
      product: o.product,
    };
    return o.ruleDetail === undefined
      ? findingText('finding_vendor_visit_new', params)
      : findingText('finding_vendor_visit_kept', { ...params, rule_detail: o.ruleDetail });
  },

  tagUnreadable: (vendor: string, what: string, requestUrl: string, pageUrl: string | undefined, problem: string): FindingText => {
    const params = { vendor: vendorName(vendor), what, request: clip(requestUrl), problem: problem.replace(/\.$/, '') };
    return pageUrl
      ? findingText('finding_tag_unreadable', { ...params, page: pageUrl })
      : findingText('finding_tag_unreadable_no_page', params);
  },

  conversionGoalMismatch: (goalId: string, goalName: string | undefined, sessions: number, users: number): FindingText =>
    findingText(MISMATCH[sessions === 1 ? 'one' : 'many'][users === 1 ? 'one' : 'many'], {
      goal: goalLabel(goalId, goalName),
      sessions,
      users,
    }),
};

/** The clause saying why the visitor was not carried over, as a template variant and its params. */
function crossDomainWhy(o: Parameters<typeof messages.crossDomainBreak>[0]): [string, MessageParams] {
  if (o.params.length === 0) return ['finding_cross_domain_no_link_param', { product: o.product }];
  if (o.param && o.notHonouredBecauseUnlisted)
    return ['finding_cross_domain_unlisted', { param: o.param, unlisted: o.listed === 'from' || o.listed === 'none' ? o.to : o.from }];
  if (o.param && o.rejectedLink) {
    const { param, status, minutesOld } = o.rejectedLink;
    if (status !== 'stale') return ['finding_cross_domain_bad_checksum', { param }];
    // gtag honours a _gl in the minute it was made and the next; the older _ga linker for two minutes.
    return [param === '_gl' ? 'finding_cross_domain_stale_gl' : 'finding_cross_domain_stale', { param, minutes: minutesOld ?? 0 }];
  }
  if (o.param) return ['finding_cross_domain_not_honoured', { param: o.param }];
  if (o.lostParam) return ['finding_cross_domain_param_lost', { param: o.lostParam }];
  if (o.consentDenied) return ['finding_cross_domain_consent_denied', { link_params: { or: o.params } }];
  return ['finding_cross_domain_param_absent', { link_params: { or: o.params } }];
}

function listing(listed: 'none' | 'from' | 'to' | 'both' | 'unset', from: string, to: string): MessageRef {
  if (listed === 'unset') return ref('cross_domain_listing_unset');
  if (listed === 'both') return ref('cross_domain_listing_both');
  if (listed === 'none') return ref('cross_domain_listing_none');
  return ref('cross_domain_listing_only', { domain: listed === 'from' ? from : to });
}

function clip(url: string): string {
  return url.length > 120 ? `${url.slice(0, 117)}...` : url;
}

function hostText(url: string): string {
  const m = /^[a-z][a-z0-9+.-]*:\/\/([^/?#]+)/i.exec(url);
  return m ? m[1]! : url;
}

export type PendingFinding = Omit<Finding, 't'> & { at?: number };
