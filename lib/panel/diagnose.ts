/** The Diagnose view's model: findings worst first, each with what to fix, and the customer text. */
import { SEVERITY_RANK, type Finding, type FindingCode } from '../formats/report';
import { toMs } from './format';

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

export function sortFindings(findings: readonly Finding[]): Finding[] {
  return findings
    .map((f, i) => ({ f, i }))
    .sort(
      (a, b) =>
        SEVERITY_RANK[a.f.severity] - SEVERITY_RANK[b.f.severity] || (a.f.t ? toMs(a.f.t) : 0) - (b.f.t ? toMs(b.f.t) : 0) || a.i - b.i,
    )
    .map((x) => x.f);
}

/** Plain text a support engineer can paste to a customer: problems first, one per paragraph. */
export function customerText(findings: readonly Finding[]): string {
  const sorted = sortFindings(findings).filter((f) => f.severity !== 'info');
  if (sorted.length === 0) return 'We found no tracking problems in this recording.';
  const lines = [`We found ${sorted.length === 1 ? 'one problem' : `${sorted.length} problems`} in this recording:`, ''];
  sorted.forEach((f, i) => {
    lines.push(`${i + 1}. ${f.message}${f.url ? ` (page: ${f.url})` : ''}`);
    lines.push(`   What to do: ${FIX[f.code] ?? 'See the details in Goalpost.'}`);
  });
  return lines.join('\n');
}
