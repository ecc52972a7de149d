/** The Diagnose view's model: findings grouped worst first, each with what to fix, and the customer text. */
import { type GroupedFindings, groupFindings } from '../engine/finding-groups';
import type { Finding, FindingCode } from '../formats/report';
import { dateTime } from './format';

export const FIX: Record<FindingCode, string> = {
  'tag-missing': 'Add the vendor’s tag to this page (or to the template it uses).',
  'tag-failed': 'Check ad blockers, consent settings and the collection endpoint for this request.',
  'tag-not-fired-on-goal-page': 'Make the tag send a pageview on the goal page, or the goal can never count.',
  'cross-domain-break': 'Add both domains to cross-domain tracking and make links between them carry the link parameter.',
  'goal-before-experience': 'Display the experience earlier in the visit, or use a goal that is not tied to it.',
  'experience-not-displayed': 'Check the experience’s targeting: it was not displayed in the visit that reached the goal.',
  'page-counted-twice': 'Send the page view for this route from one place only (the tag or the router), not both.',
  'duplicate-id': 'Nothing to fix if the same order or lead was sent twice on purpose; otherwise send it once.',
  'session-timeout': 'Expected when the visitor was idle; raise the timeout only if the vendor allows it.',
  'conversion-goal-mismatch': 'Nothing to fix: conversions count visits and goals count unique people.',
  'vendor-visit-differs': 'The vendor’s own visit id counts: check its visit timeout and campaign settings if the split is unexpected.',
  'tag-unreadable': 'Check that the tag script is unmodified; until its requests can be read, nothing of it is counted.',
  'consent-denied': 'Nothing to fix in the tag: the visitor denied analytics storage, so the vendor cannot tie these hits to a person.',
};

/** The findings grouped as the CLI groups them (lib/engine/finding-groups.ts), each with all its members for the view. */
export function diagnoseGroups(findings: readonly Finding[]): GroupedFindings[] {
  return groupFindings(findings, { members: true });
}

const fixOf = (f: Finding): string => FIX[f.code] ?? 'See the details in Goalpost.';
const withPage = (f: Finding): string => (f.url ? `${f.message} (page: ${f.url})` : f.message);

/** One finding, for a customer: what happened, the page, what to do. */
export function findingText(f: Finding): string {
  return `${withPage(f)}\nWhat to do: ${fixOf(f)}`;
}

/** How often a repeated problem happened, in one sentence. */
function repeatText(g: GroupedFindings): string {
  const last = g.last ? dateTime(g.last) : undefined;
  if (g.site && last) return `It happened ${g.count} times in all on ${g.site}, the last time at ${last}.`;
  if (last) return `It happened ${g.count} times in all, the last time at ${last}.`;
  return `It happened ${g.count} times in all.`;
}

/**
 * Plain text a support engineer can paste to a customer: problems first, one per paragraph;
 * a problem found on many pages once, with its first occurrence and how often it happened.
 */
export function customerText(groups: readonly GroupedFindings[]): string {
  const problems = groups.filter((g) => g.severity !== 'info');
  if (problems.length === 0) return 'We found no tracking problems in this recording.';
  const lines = [`We found ${problems.length === 1 ? 'one problem' : `${problems.length} problems`} in this recording:`, ''];
  problems.forEach((g, i) => {
    const f = g.examples[0]!;
    lines.push(`${i + 1}. ${withPage(f)}`);
    if (g.count > 1) lines.push(`   ${repeatText(g)}`);
    lines.push(`   What to do: ${fixOf(f)}`);
  });
  return lines.join('\n');
}
