/** `--fail-on error|warning`: exit 1 when a finding at least that severe is in the report. */
import { SEVERITY_RANK, type Report, type Severity } from '../formats/report';

export type FailOn = 'error' | 'warning';

export function isFailOn(value: string): value is FailOn {
  return value === 'error' || value === 'warning';
}

export function failOnReached(report: Report, level: FailOn | undefined): boolean {
  if (!level) return false;
  const limit = SEVERITY_RANK[level as Severity];
  return report.findings.some((f) => SEVERITY_RANK[f.severity] <= limit);
}
