/**
 * The report as compact terminal tables that fit a screen at any journey size: tags per page
 * (per site once there are more pages than a screen holds), sessions (by what started them, at
 * that size), goals, and the findings grouped worst first (lib/engine/finding-groups.ts), each
 * group with its count, pages and one whole finding. The JSON report has every row.
 * Page strings are data: control characters are neutralised so a URL cannot drive the terminal.
 */
import { domainOf } from '../engine/domains';
import { type GroupedFindings, groupFindings } from '../engine/finding-groups';
import type { Report, ReportPage, ReportSession } from '../formats/report';
import { CONTROL_CHARS } from '../util/control-chars';
import { getOrCreate } from '../util/maps';

/** Pages and sessions are listed row by row up to this many, and summed up beyond. */
const TABLE_ROWS = 20;
const SITE_ROWS = 10;
const GOAL_ROWS = 20;
const GROUPS_SHOWN = 10;

function clean(text: string): string {
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

const time = (iso: string): string => iso.replace('T', ' ').replace(/\.\d{3}Z$/, 'Z');

function pagesSection(report: Report): string[] {
  const pages = report.pages;
  const vendors = [...new Set(pages.flatMap((p) => Object.keys(p.vendors)))].sort();
  const columns = vendors.map((v) => clip(v, 16));
  if (pages.length === 0) return ['Tags per page (delivered/sent hits)', '  (no pages)'];
  if (pages.length <= TABLE_ROWS) {
    return [
      'Tags per page (delivered/sent hits)',
      table(
        ['TIME', 'BROWSER', 'PAGE', ...columns],
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
    ];
  }
  const sites = new Map<string, ReportPage[]>();
  for (const p of pages) {
    getOrCreate(sites, domainOf(p.url) || p.url, () => []).push(p);
  }
  const bySize = [...sites].sort((a, b) => b[1].length - a[1].length || (a[0] < b[0] ? -1 : 1));
  const rows = bySize.slice(0, SITE_ROWS).map(([site, list]) => [
    clip(site, 40),
    String(list.length),
    ...vendors.map((v) => {
      let hits = 0;
      let delivered = 0;
      for (const p of list) {
        hits += p.vendors[v]?.hits ?? 0;
        delivered += p.vendors[v]?.delivered ?? 0;
      }
      return hits ? `${delivered}/${hits}` : '-';
    }),
  ]);
  const out = [`Tags per site (delivered/sent hits on ${pages.length} pages)`, table(['SITE', 'PAGES', ...columns], rows)];
  if (bySize.length > SITE_ROWS) out.push(`  … ${bySize.length - SITE_ROWS} more sites`);
  out.push('  Every page is in the JSON report: --json --full.');
  return out;
}

interface ReasonTally {
  count: number;
  /** The first session started for this reason that says more (the gap, the new source). */
  example?: ReportSession;
}

function sessionsSection(sessions: readonly ReportSession[]): string[] {
  if (sessions.length === 0) return ['Sessions', '  (no sessions: no delivered hits)'];
  if (sessions.length <= TABLE_ROWS) {
    return [
      'Sessions',
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
    ];
  }
  const byReason = new Map<string, ReasonTally>();
  for (const s of sessions) {
    const r = getOrCreate<string, ReasonTally>(byReason, s.reason, () => ({ count: 0 }));
    r.count++;
    if (!r.example && s.detail) r.example = s;
  }
  const rows = [...byReason]
    .sort((a, b) => b[1].count - a[1].count)
    .map(([reason, r]) => [
      reason,
      String(r.count),
      r.example ? `${clip(r.example.detail!, 60)} (session ${clip(r.example.id, 24)})` : '-',
    ]);
  return [
    `Sessions (${sessions.length}, by what started them)`,
    table(['REASON', 'SESSIONS', 'EXAMPLE'], rows),
    '  Every session is in the JSON report: --json --full.',
  ];
}

function goalsSection(report: Report): string[] {
  if (report.goals.length === 0) return ['Goals', '  (no goals: pass --goals FILE)'];
  const out = [
    'Goals',
    table(
      ['GOAL', 'SESSIONS', 'USERS', 'TOTAL', 'NOT COUNTED'],
      report.goals.slice(0, GOAL_ROWS).map((g) => {
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
  ];
  if (report.goals.length > GOAL_ROWS) out.push(`  … ${report.goals.length - GOAL_ROWS} more goals (see --json)`);
  return out;
}

/** One finding alone reads as before; a repeated one as its count, where, when, and the first whole. */
function groupLines(g: GroupedFindings): string[] {
  const sev = g.severity.toUpperCase().padEnd(7);
  const first = g.examples[0]!;
  if (g.count === 1) return [`  ${sev} ${g.code}: ${clean(first.message)}`];
  const where = [g.vendor, g.site, g.goal !== undefined ? `goal ${g.goal}` : undefined]
    .filter((x) => x !== undefined)
    .map((x) => clip(x, 40));
  const when = g.first && g.last ? [g.first === g.last ? time(g.first) : `${time(g.first)} – ${time(g.last)}`] : [];
  const indent = ' '.repeat(10);
  const lines = [[`  ${sev} ${g.code} ×${g.count}`, ...where, ...when].join(' · ')];
  if (g.pages.length > 0) {
    const pages = g.pages.slice(0, 3).map((p) => `${clip(p.pattern, 60)} ×${p.count}`);
    const rest = g.count - g.pages.slice(0, 3).reduce((n, p) => n + p.count, 0);
    lines.push(`${indent}pages: ${pages.join(', ')}${rest > 0 ? `, other pages ×${rest}` : ''}`);
  }
  lines.push(`${indent}first: ${clean(first.message)}`);
  return lines;
}

function findingsSection(report: Report): string[] {
  if (report.findings.length === 0) return ['Findings (worst first)', '  (none)'];
  const groups = groupFindings(report.findings, { examples: 1 });
  const out = [
    groups.length === report.findings.length
      ? 'Findings (worst first)'
      : `Findings (worst first): ${report.findings.length} in ${groups.length} groups of the same problem, vendor and site`,
  ];
  for (const g of groups.slice(0, GROUPS_SHOWN)) out.push(...groupLines(g));
  if (groups.length > GROUPS_SHOWN) {
    const rest = groups.slice(GROUPS_SHOWN);
    out.push(`  … ${rest.length} more groups, ${rest.reduce((n, g) => n + g.count, 0)} findings (see --json)`);
  }
  return out;
}

export function renderReport(report: Report): string {
  const errors = report.findings.filter((f) => f.severity === 'error').length;
  const warnings = report.findings.filter((f) => f.severity === 'warning').length;
  return [
    `Model ${report.model}: ${report.visitors.length} visitor(s), ${report.sessions.length} session(s), ${report.pages.length} page(s), ` +
      `${report.findings.length} finding(s) (${errors} error, ${warnings} warning)`,
    '',
    ...pagesSection(report),
    '',
    ...sessionsSection(report.sessions),
    '',
    ...goalsSection(report),
    '',
    ...findingsSection(report),
  ].join('\n');
}
