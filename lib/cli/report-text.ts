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
import type { Lang } from '../i18n/catalogues';
import { findingMessage } from '../i18n/finding';
import { type Translate, translator } from '../i18n/render';
import { displayWidth } from '../i18n/width';
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
  const widths = headers.map((h, i) => Math.max(displayWidth(h), ...rows.map((r) => displayWidth(r[i] ?? ''))));
  // Padded by terminal columns: a Japanese heading is two columns a character.
  const line = (cells: string[]) =>
    indent +
    cells
      .map((c, i) => (i === cells.length - 1 ? c : c + ' '.repeat(Math.max(0, widths[i]! - displayWidth(c)))))
      .join('  ')
      .trimEnd();
  return [line(headers), ...rows.map(line)].join('\n');
}

const time = (iso: string): string => iso.replace('T', ' ').replace(/\.\d{3}Z$/, 'Z');

function pagesSection(report: Report, t: Translate): string[] {
  const pages = report.pages;
  const vendors = [...new Set(pages.flatMap((p) => Object.keys(p.vendors)))].sort();
  const columns = vendors.map((v) => clip(v, 16));
  if (pages.length === 0) return [t('cli_tags_heading'), `  ${t('cli_no_pages')}`];
  if (pages.length <= TABLE_ROWS) {
    return [
      t('cli_tags_heading'),
      table(
        [t('cli_col_time'), t('cli_col_browser'), t('cli_col_page'), ...columns],
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
  const out = [t('cli_sites_heading', { pages: pages.length }), table([t('cli_col_site'), t('cli_col_pages'), ...columns], rows)];
  if (bySize.length > SITE_ROWS) out.push(`  ${t('cli_more_sites', { n: bySize.length - SITE_ROWS })}`);
  out.push(`  ${t('cli_every_page')}`);
  return out;
}

interface ReasonTally {
  count: number;
  /** The first session started for this reason that says more (the gap, the new source). */
  example?: ReportSession;
}

function sessionsSection(sessions: readonly ReportSession[], t: Translate): string[] {
  if (sessions.length === 0) return [t('cli_sessions_heading'), `  ${t('cli_no_sessions')}`];
  if (sessions.length <= TABLE_ROWS) {
    return [
      t('cli_sessions_heading'),
      table(
        [
          t('cli_col_session'),
          t('cli_col_visitor'),
          t('cli_col_start'),
          t('cli_col_end'),
          t('cli_col_hits'),
          t('cli_col_pages'),
          t('cli_col_reason'),
          t('cli_col_source'),
        ],
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
      r.example ? t('cli_session_example', { detail: clip(r.example.detail!, 60), session: clip(r.example.id, 24) }) : '-',
    ]);
  return [
    t('cli_sessions_by_reason', { n: sessions.length }),
    table([t('cli_col_reason'), t('cli_col_sessions'), t('cli_col_example')], rows),
    `  ${t('cli_every_session')}`,
  ];
}

function goalsSection(report: Report, t: Translate): string[] {
  if (report.goals.length === 0) return [t('cli_goals_heading'), `  ${t('cli_no_goals')}`];
  const out = [
    t('cli_goals_heading'),
    table(
      [t('cli_col_goal'), t('cli_col_sessions'), t('cli_col_users'), t('cli_col_total'), t('cli_col_not_counted')],
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
  if (report.goals.length > GOAL_ROWS) out.push(`  ${t('cli_more_goals', { n: report.goals.length - GOAL_ROWS })}`);
  return out;
}

/** One finding alone reads as before; a repeated one as its count, where, when, and the first whole. */
const SEVERITY = { error: 'cli_severity_error', warning: 'cli_severity_warning', info: 'cli_severity_info' } as const;

function groupLines(g: GroupedFindings, t: Translate, lang: Lang): string[] {
  const label = t(SEVERITY[g.severity]);
  const sev = label + ' '.repeat(Math.max(0, 7 - displayWidth(label)));
  const first = g.examples[0]!;
  if (g.count === 1) return [`  ${sev} ${g.code}: ${clean(findingMessage(first, lang))}`];
  const where = [g.vendor, g.site, g.goal !== undefined ? t('cli_group_goal', { goal: g.goal }) : undefined]
    .filter((x) => x !== undefined)
    .map((x) => clip(x, 40));
  const when = g.first && g.last ? [g.first === g.last ? time(g.first) : `${time(g.first)} – ${time(g.last)}`] : [];
  const indent = ' '.repeat(10);
  const lines = [[`  ${sev} ${g.code} ×${g.count}`, ...where, ...when].join(' · ')];
  if (g.pages.length > 0) {
    const pages = g.pages.slice(0, 3).map((p) => `${clip(p.pattern, 60)} ×${p.count}`);
    const rest = g.count - g.pages.slice(0, 3).reduce((n, p) => n + p.count, 0);
    if (rest > 0) pages.push(t('cli_other_pages', { n: rest }));
    lines.push(`${indent}${t('cli_group_pages', { pages: pages.join(', ') })}`);
  }
  lines.push(`${indent}${t('cli_group_first', { message: clean(findingMessage(first, lang)) })}`);
  return lines;
}

function findingsSection(report: Report, t: Translate, lang: Lang): string[] {
  if (report.findings.length === 0) return [t('cli_findings_heading'), `  ${t('cli_none')}`];
  const groups = groupFindings(report.findings, { examples: 1 });
  const out = [
    groups.length === report.findings.length
      ? t('cli_findings_heading')
      : t('cli_findings_grouped', { findings: report.findings.length, groups: groups.length }),
  ];
  for (const g of groups.slice(0, GROUPS_SHOWN)) out.push(...groupLines(g, t, lang));
  if (groups.length > GROUPS_SHOWN) {
    const rest = groups.slice(GROUPS_SHOWN);
    out.push(`  ${t('cli_more_groups', { groups: rest.length, findings: rest.reduce((n, g) => n + g.count, 0) })}`);
  }
  return out;
}

export function renderReport(report: Report, lang: Lang = 'en'): string {
  const t = translator(lang);
  const errors = report.findings.filter((f) => f.severity === 'error').length;
  const warnings = report.findings.filter((f) => f.severity === 'warning').length;
  return [
    t('cli_summary', {
      model: report.model,
      visitors: report.visitors.length,
      sessions: report.sessions.length,
      pages: report.pages.length,
      findings: report.findings.length,
      errors,
      warnings,
    }),
    '',
    ...pagesSection(report, t),
    '',
    ...sessionsSection(report.sessions, t),
    '',
    ...goalsSection(report, t),
    '',
    ...findingsSection(report, t, lang),
  ].join('\n');
}
