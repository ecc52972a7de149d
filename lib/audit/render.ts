/**
 * Human output of an audit: the same tables `goalpost replay` prints (one renderer for both),
 * so a report reads the same whichever command produced it.
 */
import type { Report } from '../formats/report';
import { SEVERITY_RANK } from '../formats/report';

export function renderAuditReport(report: Report): string {
  // Interim plain listing until the shared replay tables are available.
  const lines: string[] = [`Model: ${report.model}`, '', 'Goals'];
  for (const g of report.goals) lines.push(`  ${g.name ?? g.id}: sessions ${g.sessions}, users ${g.users}, total ${g.total}`);
  lines.push('', 'Findings');
  const sorted = [...report.findings].sort((a, b) => SEVERITY_RANK[a.severity] - SEVERITY_RANK[b.severity]);
  for (const f of sorted) lines.push(`  ${f.severity.padEnd(7)} ${f.code}: ${f.message}`);
  return lines.join('\n');
}
