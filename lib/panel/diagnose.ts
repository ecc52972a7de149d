/** The Diagnose view's model: findings grouped worst first, each with what to fix, and the customer text. */
import { type GroupedFindings, groupFindings } from '../engine/finding-groups';
import type { Finding, FindingCode } from '../formats/report';
import type { Lang } from '../i18n/catalogues';
import { findingMessage } from '../i18n/finding';
import { type Translate, translator } from '../i18n/render';
import { dateTime } from './format';

/** What to fix, per finding code: the catalogue message of each. */
export const FIX: Record<FindingCode, string> = {
  'tag-missing': 'fix_tag_missing',
  'tag-failed': 'fix_tag_failed',
  'tag-not-fired-on-goal-page': 'fix_tag_not_fired_on_goal_page',
  'cross-domain-break': 'fix_cross_domain_break',
  'goal-before-experience': 'fix_goal_before_experience',
  'experience-not-displayed': 'fix_experience_not_displayed',
  'page-counted-twice': 'fix_page_counted_twice',
  'duplicate-id': 'fix_duplicate_id',
  'session-timeout': 'fix_session_timeout',
  'conversion-goal-mismatch': 'fix_conversion_goal_mismatch',
  'vendor-visit-differs': 'fix_vendor_visit_differs',
  'tag-unreadable': 'fix_tag_unreadable',
  'consent-denied': 'fix_consent_denied',
};

/** The findings grouped as the CLI groups them (lib/engine/finding-groups.ts), each with all its members for the view. */
export function diagnoseGroups(findings: readonly Finding[]): GroupedFindings[] {
  return groupFindings(findings, { members: true });
}

const fixOf = (f: Finding, t: Translate): string => (FIX[f.code] ? t(FIX[f.code]) : t('customer_see_details'));
const withPage = (f: Finding, t: Translate, lang: Lang): string =>
  f.url ? t('customer_with_page', { message: findingMessage(f, lang), url: f.url }) : findingMessage(f, lang);

/** One finding, for a customer: what happened, the page, what to do. */
export function findingText(f: Finding, lang: Lang = 'en'): string {
  const t = translator(lang);
  return `${withPage(f, t, lang)}\n${t('customer_do', { fix: fixOf(f, t) })}`;
}

/** How often a repeated problem happened, in one sentence. */
function repeatText(g: GroupedFindings, t: Translate): string {
  const last = g.last ? dateTime(g.last) : undefined;
  if (g.site && last) return t('customer_repeat_site', { n: g.count, site: g.site, last });
  if (last) return t('customer_repeat_last', { n: g.count, last });
  return t('customer_repeat', { n: g.count });
}

/**
 * Plain text a support engineer can paste to a customer: problems first, one per paragraph;
 * a problem found on many pages once, with its first occurrence and how often it happened.
 */
export function customerText(groups: readonly GroupedFindings[], lang: Lang = 'en'): string {
  const t = translator(lang);
  const problems = groups.filter((g) => g.severity !== 'info');
  if (problems.length === 0) return t('customer_none');
  const lines = [problems.length === 1 ? t('customer_intro_one') : t('customer_intro_many', { n: problems.length }), ''];
  problems.forEach((g, i) => {
    const f = g.examples[0]!;
    lines.push(t('customer_item', { n: i + 1, message: withPage(f, t, lang) }));
    if (g.count > 1) lines.push(`   ${repeatText(g, t)}`);
    lines.push(`   ${t('customer_do', { fix: fixOf(f, t) })}`);
  });
  return lines.join('\n');
}
