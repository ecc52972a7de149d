/**
 * The report as compact terminal tables: tags per page, sessions, goals, findings worst first.
 * Page strings are data: control characters are neutralised so a URL cannot drive the terminal.
 */
import { SEVERITY_RANK, type Finding, type Report } from '../formats/report';
import { CONTROL_CHARS } from '../util/control-chars';

const MAX_ROWS = 40;

function clean(text: string): string {
  // eslint-disable-next-line no-control-regex
  return text.replace(CONTROL_CHARS, '?');
}

function clip(text: string, width: number): string {
  const t = clean(text);
  return t.length <= width ? t : `${t.slice(0, width - 1)}…`;
}

export function table(headers: string[], rows: string[][], indent = '  '): string {
  const widths = headers.map((h, i) => Math.max(h.length, ...rows.map((r) => (r[i] ?? '').length)));
  const line = (cells: string[]) =>
    indent +
    cells
      .map((c, i) => (i === cells.length - 1 ? c : c.padEnd(widths[i]!)))
      .join('  ')
      .trimEnd();
  return [line(headers), ...rows.map(line)].join('\n');
}

function limited<T>(items: T[], render: (items: T[]) => string): string {
  const shown = render(items.slice(0, MAX_ROWS));
  return items.length > MAX_ROWS ? `${shown}\n  … ${items.length - MAX_ROWS} more (see --json)` : shown;
}

const time = (iso: string): string => iso.replace('T', ' ').replace(/\.\d{3}Z$/, 'Z');

export function sortFindings(findings: readonly Finding[]): Finding[] {
  return findings
    .map((f, i) => ({ f, i }))
    .sort((a, b) => SEVERITY_RANK[a.f.severity] - SEVERITY_RANK[b.f.severity] || a.i - b.i)
    .map(({ f }) => f);
}

export function renderReport(report: Report): string {
  const out: string[] = [];
  const errors = report.findings.filter((f) => f.severity === 'error').length;
  const warnings = report.findings.filter((f) => f.severity === 'warning').length;
  out.push(
    `Model ${report.model}: ${report.visitors.length} visitor(s), ${report.sessions.length} session(s), ${report.pages.length} page(s), ` +
      `${report.findings.length} finding(s) (${errors} error, ${warnings} warning)`,
  );

  const vendors = [...new Set(report.pages.flatMap((p) => Object.keys(p.vendors)))].sort();
  out.push('', 'Tags per page (delivered/sent hits)');
  if (report.pages.length === 0) out.push('  (no pages)');
  else
    out.push(
      limited(report.pages, (pages) =>
        table(
          ['TIME', 'BROWSER', 'PAGE', ...vendors.map((v) => clip(v, 16))],
          pages.map((p) => [
            time(p.t),
            clip(p.browser, 12),
            // A virtual page (single-page app) says which route change made it.
            clip(p.route ? `${p.route}: ${p.url}` : p.url, 60),
            ...vendors.map((v) => {
              const t = p.vendors[v];
              return t ? `${t.delivered}/${t.hits}` : '-';
            }),
          ]),
        ),
      ),
    );

  out.push('', 'Sessions');
  if (report.sessions.length === 0) out.push('  (no sessions: no delivered hits)');
  else
    out.push(
      limited(report.sessions, (sessions) =>
        table(
          ['SESSION', 'VISITOR', 'START', 'END', 'HITS', 'PAGES', 'REASON', 'SOURCE'],
          sessions.map((s) => [
            clip(s.id, 20),
            clip(s.visitor, 20),
            time(s.start),
            time(s.end),
            String(s.hits),
            String(s.pages),
            s.reason + (s.detail ? ` (${clip(s.detail, 50)})` : ''),
            clip(s.source ?? '', 30),
          ]),
        ),
      ),
    );

  out.push('', 'Goals');
  if (report.goals.length === 0) out.push('  (no goals: pass --goals FILE)');
  else
    out.push(
      table(
        ['GOAL', 'SESSIONS', 'USERS', 'TOTAL', 'NOT COUNTED'],
        report.goals.map((g) => {
          const reasons = new Map<string, number>();
          for (const o of g.occurrences) if (!o.counted) reasons.set(o.reason, (reasons.get(o.reason) ?? 0) + 1);
          return [
            clip(g.name ? `${g.id} (${g.name})` : g.id, 40),
            String(g.sessions),
            String(g.users),
            String(g.total),
            [...reasons].map(([r, n]) => `${n} ${r}`).join(', ') || '-',
          ];
        }),
      ),
    );

  out.push('', 'Findings (worst first)');
  if (report.findings.length === 0) out.push('  (none)');
  else {
    const sorted = sortFindings(report.findings);
    const shown = sorted.slice(0, MAX_ROWS * 2);
    for (const f of shown) out.push(`  ${f.severity.toUpperCase().padEnd(7)} ${f.code}: ${clean(f.message)}`);
    if (sorted.length > shown.length) out.push(`  … ${sorted.length - shown.length} more (see --json)`);
  }
  return out.join('\n');
}
