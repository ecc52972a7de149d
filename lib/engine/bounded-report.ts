/**
 * The report the CLI writes by default: the same goalpost.report/1 document with every list cut
 * to a size a person or a CI job can open, whatever the journey's size (formats.md §3 "Bounded
 * reports"). Findings are kept as groups with a few whole examples each; `findings` keeps its
 * shape and holds those examples, so a report without repeats loses nothing. `--full` is the
 * whole report.
 */
import type { Report, ReportOmitted } from '../formats/report';
import { groupFindings, plainGroup } from './finding-groups';

export interface ReportBounds {
  /** Rows kept of each list: pages, sessions, visitors, hops, each goal's occurrences. */
  rows: number;
  /** Session ids kept per visitor (a list inside a list). */
  visitorSessions: number;
  groups: number;
  examples: number;
}

export const REPORT_BOUNDS: ReportBounds = { rows: 1000, visitorSessions: 100, groups: 200, examples: 3 };

export const OMITTED_NOTE =
  'Lists were cut to keep this report small; the counts here say how many of each were left out. Run the command again with --full to get all of them.';

export function boundReport(report: Report, bounds: ReportBounds = REPORT_BOUNDS): Report {
  const omitted: Omit<ReportOmitted, 'note'> = {};
  const cut = <T>(list: readonly T[], what: keyof typeof omitted, max = bounds.rows): T[] => {
    if (list.length <= max) return list as T[];
    omitted[what] = (omitted[what] ?? 0) + list.length - max;
    return list.slice(0, max);
  };

  const groups = groupFindings(report.findings, { examples: bounds.examples });
  const shown = groups.slice(0, bounds.groups);
  const examples = new Set(shown.flatMap((g) => g.examples));
  // The examples in the report's own order (time order, formats.md §3).
  const findings = report.findings.filter((f) => examples.has(f));
  if (findings.length < report.findings.length) omitted.findings = report.findings.length - findings.length;
  if (shown.length < groups.length) omitted.findingGroups = groups.length - shown.length;

  const lists = {
    visitors: cut(report.visitors, 'visitors').map((v) => ({ ...v, sessions: cut(v.sessions, 'visitorSessions', bounds.visitorSessions) })),
    sessions: cut(report.sessions, 'sessions'),
    pages: cut(report.pages, 'pages'),
    goals: report.goals.map((g) => ({ ...g, occurrences: cut(g.occurrences, 'occurrences') })),
    findings,
    ...(report.hops ? { hops: cut(report.hops, 'hops') } : {}),
    findingGroups: shown.map(plainGroup),
  };
  // What was left out comes right after the model, where a person opening the file reads first.
  const head = { format: report.format, model: report.model };
  if (Object.keys(omitted).length === 0) return { ...head, ...report, ...lists };
  return { ...head, omitted: { note: OMITTED_NOTE, ...omitted }, ...report, ...lists };
}
