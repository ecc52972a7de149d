/**
 * The diagnosis sentences (semantics.md §6): one plain sentence each, naming the page, the
 * domains or ids, and what to change, so a support engineer can paste it to a customer.
 */
import type { Finding } from '../formats/report';
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

export function formatGap(ms: number): string {
  const totalSeconds = Math.round(ms / 1000);
  const d = Math.floor(totalSeconds / 86_400);
  const h = Math.floor((totalSeconds % 86_400) / 3600);
  const m = Math.floor((totalSeconds % 3600) / 60);
  const s = totalSeconds % 60;
  const parts: string[] = [];
  if (d) parts.push(`${d} d`);
  if (h) parts.push(`${h} h`);
  if (m) parts.push(`${m} min`);
  if (s || parts.length === 0) parts.push(`${s} s`);
  return parts.join(' ');
}

const goalLabel = (id: string, name?: string): string => (name && name !== id ? `"${name}" (${id})` : `"${id}"`);

export const messages = {
  tagMissing: (vendor: string, url: string, domain: string): string =>
    `${vendorName(vendor)} sent no hit from ${url}, although it is installed elsewhere on ${domain}: add the ${vendorName(vendor)} tag to this page or fix the trigger that should fire it here.`,

  requestFailed: (
    vendor: string,
    what: string,
    pageUrl: string | undefined,
    failure: string,
    blocked: boolean,
    requestUrl: string,
  ): string => {
    const from = pageUrl ? ` from ${pageUrl}` : '';
    const how = blocked
      ? `was blocked by the browser or an extension (${failure})`
      : /^HTTP /.test(failure)
        ? `failed with ${failure}`
        : `failed (${failure})`;
    const fix = blocked
      ? 'visitors with blockers are not measured, so consider a first-party collection endpoint'
      : `check that ${hostText(requestUrl)} accepts the request and that the tag is configured correctly`;
    return `The ${vendorName(vendor)} ${what} request${from} ${how}, so ${vendorName(vendor)} never received it: ${fix}.`;
  },

  hitNotDelivered: (vendor: string, kind: string, url: string): string =>
    `The ${vendorName(vendor)} ${kind} hit from ${url} was fired but never reached ${vendorName(vendor)}: check the network log for the failed or blocked request and fix its endpoint or the blocking.`,

  tagNotFiredOnGoalPage: (goalId: string, goalName: string | undefined, url: string, anyPageview: boolean): string =>
    `The page ${url} of goal ${goalLabel(goalId, goalName)} was visited but ${anyPageview ? 'its pageview never reached the vendor' : 'no tag sent a pageview from it'}, so the goal cannot count there: make sure the pageview tag fires and is delivered on this page.`,

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
  }): string => {
    const lead = `Set up cross-domain tracking for ${o.from} and ${o.to}: the move from ${o.fromUrl} to ${o.toUrl} became a new visitor (${o.visitorFrom}, then ${o.visitorTo})`;
    const paramNames = o.params.join(' or ');
    let why: string;
    if (o.params.length === 0)
      why = `because ${o.product} has no cross-domain link parameter, so each registrable domain keeps its own visitor`;
    else if (o.param && o.notHonouredBecauseUnlisted)
      why = `although the link parameter ${o.param} was on the landing URL, because ${o.listed === 'from' || o.listed === 'none' ? o.to : o.from} is not in crossDomain.domains, so the tag ignored it`;
    else if (o.param && o.rejectedLink) why = rejectedLinkWhy(o.rejectedLink, o.to);
    else if (o.param)
      why = `although the link parameter ${o.param} was on the landing URL: the tag on ${o.to} did not honour it, so enable cross-domain linking in that tag's settings`;
    else if (o.lostParam)
      why = `because the link parameter ${o.lostParam} was on the link but not on the landing URL, so a redirect dropped it: keep the parameter through redirects`;
    else if (o.consentDenied)
      why = `because analytics storage was denied on ${o.fromUrl} (Consent Mode), and the Google tag does not decorate links with ${paramNames} while it is denied: the visitor's consent choice decides this, so only visitors who grant analytics storage before leaving are linked`;
    else why = `because the link parameter ${paramNames} was absent from the landing URL, so the links on ${o.from} are not decorated`;
    const listing =
      o.listed === 'unset'
        ? 'no crossDomain domains are configured'
        : o.listed === 'both'
          ? 'both domains are in crossDomain.domains'
          : o.listed === 'none'
            ? 'neither domain is in crossDomain.domains'
            : `only ${o.listed === 'from' ? o.from : o.to} is in crossDomain.domains`;
    return `${lead} ${why}; ${listing}.`;
  },

  beforeExperience: (
    goalId: string,
    goalName: string | undefined,
    experience: string,
    url: string,
    visitor: string,
    session: string,
  ): string =>
    `Goal ${goalLabel(goalId, goalName)} was reached on ${url} (visitor ${visitor}, session ${session}) before experience ${experience} was displayed in that visit, so it does not count for ${experience}: display the experience before the goal page.`,

  experienceNotDisplayed: (
    goalId: string,
    goalName: string | undefined,
    experience: string,
    url: string,
    visitor: string,
    session: string,
  ): string =>
    `Goal ${goalLabel(goalId, goalName)} was reached on ${url} (visitor ${visitor}, session ${session}) but experience ${experience} was not displayed in that visit, so it does not count for ${experience}: check the experience's targeting and that the visit was not split by a timeout or a cross-domain break.`,

  duplicateId: (goalId: string, goalName: string | undefined, what: string, url: string, session: string, perVisitor = false): string =>
    `${what} was sent again on ${url} in session ${session} and was not counted again for goal ${goalLabel(goalId, goalName)}: the same id counts once per ${perVisitor ? 'visitor, in any of their visits (GA4 deduplicates purchases by transaction_id per user)' : 'visit'}, so stop the tag from firing twice (for example on a reload of the thank-you page).`,

  consentDenied: (vendor: string, url: string, visitor: string): string =>
    `${vendorName(vendor)} hits from ${url} were sent with analytics storage denied (Consent Mode), so they carry no client id of the visitor and ${vendorName(vendor)} receives them as cookieless pings that join no visitor; Goalpost counted them as visitor ${visitor} of this browser: if these visits should count as one person, the visitor must grant analytics storage before the tag fires.`,

  sessionTimeout: (visitor: string, session: string, at: string, gapMs: number, timeoutMinutes: number): string =>
    `Visitor ${visitor} started a new session ${session} at ${at} because ${formatGap(gapMs)} passed since the previous hit, more than the ${timeoutMinutes}-minute session timeout.`,

  vendorVisitDiffers: (o: {
    vendor: string;
    visitor: string;
    session: string;
    url: string;
    at: string;
    vendorDetail: string;
    ruleDetail: string | undefined;
    product: string;
  }): string =>
    o.ruleDetail === undefined
      ? `${vendorName(o.vendor)} started a new visit on ${o.url} at ${o.at} for visitor ${o.visitor} (${o.vendorDetail}) where the ${o.product} rules would continue visit ${o.session}: the visit counts as ${vendorName(o.vendor)} sent it, so check what made the tag start a new visit here (its own inactivity timer, a campaign or referrer on the URL, a closed tab).`
      : `${vendorName(o.vendor)} kept the visit on ${o.url} at ${o.at} for visitor ${o.visitor} (${o.vendorDetail}) where the ${o.product} rules would start a new one (${o.ruleDetail}): the visit counts as ${vendorName(o.vendor)} sent it, so check the project's visit timeout and source settings if this is unexpected.`,

  tagUnreadable: (vendor: string, what: string, requestUrl: string, pageUrl: string | undefined, problem: string): string =>
    `The ${vendorName(vendor)} ${what} request ${clip(requestUrl)}${pageUrl ? ` from ${pageUrl}` : ''} could not be read (${problem.replace(/\.$/, '')}), so its hits are not counted and no other vendor is counted in its place: check that the tag is unmodified and send this request to Goalpost's maintainers.`,

  conversionGoalMismatch: (goalId: string, goalName: string | undefined, sessions: number, users: number): string =>
    `Goal ${goalLabel(goalId, goalName)} has ${sessions} conversion${sessions === 1 ? '' : 's'} but ${users} user${users === 1 ? '' : 's'}: conversions count every visit that reached the goal while the goal report counts each visitor once, so both numbers are right.`,
};

function clip(url: string): string {
  return url.length > 120 ? `${url.slice(0, 117)}...` : url;
}

/** Why the Google tag refused a link parameter that was on the landing URL. */
function rejectedLinkWhy(link: LinkCheck, to: string): string {
  const fix = 'make the hop (and any redirect) fast, and never copy, store or share decorated links';
  if (link.status === 'stale') {
    return `although the link parameter ${link.param} was on the landing URL, it was stale: its checksum matches ${link.minutesOld} minutes before the landing page loaded, and the tag on ${to} accepts a link only ${link.param === '_gl' ? 'in the minute it was made and the next' : 'for two minutes'} (a slow redirect, or a link opened later): ${fix}`;
  }
  return `although the link parameter ${link.param} was on the landing URL, its checksum matches no minute for this browser (user agent, language, time zone), so the link was changed on the way or made in another browser (copied from an email or shared), and the tag on ${to} ignored it: ${fix}`;
}

function hostText(url: string): string {
  const m = /^[a-z][a-z0-9+.-]*:\/\/([^/?#]+)/i.exec(url);
  return m ? m[1]! : url;
}

export type PendingFinding = Omit<Finding, 't'> & { at?: number };
