/** The Sessions view's model: per browser, visits and cross-domain hops in time order, with why. */
import type { Lang } from '../i18n/catalogues';
import { findingMessage } from '../i18n/finding';
import { translator } from '../i18n/render';
import type { Finding, Report, ReportHop, ReportSession, SessionReason } from '../formats/report';
import { duration, toMs } from './format';
import { getOrCreate } from '../util/maps';

export type LaneItem =
  | { kind: 'session'; t: number; session: ReportSession; why: string; newVisitor: boolean }
  | { kind: 'hop'; t: number; hop: ReportHop; why: string };

export interface Lane {
  browser: string;
  visitors: string[];
  items: LaneItem[];
}

const REASON: Record<SessionReason, string> = {
  first: 'reason_first',
  timeout: 'reason_timeout',
  midnight: 'reason_midnight',
  campaign: 'reason_campaign',
  vendor: 'reason_vendor',
  'untagged-page': 'reason_untagged_page',
};

/** Why a visit started; the detail (the gap, the new source) is the report's, in English. */
export function sessionWhy(s: ReportSession, lang: Lang = 'en'): string {
  const t = translator(lang);
  const base = REASON[s.reason] ? t(REASON[s.reason]) : s.reason;
  return s.detail ? t('reason_with_detail', { reason: base, detail: s.detail }) : base;
}

export function sessionLength(s: ReportSession): string {
  return duration(toMs(s.end) - toMs(s.start));
}

function hopWhy(hop: ReportHop, findings: readonly Finding[], lang: Lang): string {
  const tr = translator(lang);
  if (hop.linked) return hop.param ? tr('hop_linked_by', { param: hop.param }) : tr('hop_same_visitor');
  const t = toMs(hop.t);
  const finding = findings.find(
    (f) => f.code === 'cross-domain-break' && ((f.t !== undefined && Math.abs(toMs(f.t) - t) < 1) || f.url?.includes(hop.to)),
  );
  if (finding) return findingMessage(finding, lang);
  const who = hop.visitorTo ? tr('sessions_new_visitor', { id: hop.visitorTo }) : tr('hop_new_visitor');
  return hop.param ? tr('hop_break_not_honoured', { who, param: hop.param }) : tr('hop_break_no_param', { who });
}

export function buildLanes(report: Report, lang: Lang = 'en'): Lane[] {
  const lanes = new Map<string, Lane>();
  const lane = (browser: string) => getOrCreate(lanes, browser, (): Lane => ({ browser, visitors: [], items: [] }));
  const browserOf = new Map<string, string>();
  for (const v of report.visitors) {
    browserOf.set(v.id, v.browser);
    lane(v.browser).visitors.push(v.id);
  }
  const seen = new Set<string>();
  for (const s of report.sessions) {
    const l = lane(browserOf.get(s.visitor) ?? 'default');
    const newVisitor = !seen.has(s.visitor);
    seen.add(s.visitor);
    l.items.push({ kind: 'session', t: toMs(s.start), session: s, why: sessionWhy(s, lang), newVisitor });
  }
  for (const hop of report.hops ?? []) {
    lane(hop.browser).items.push({ kind: 'hop', t: toMs(hop.t), hop, why: hopWhy(hop, report.findings, lang) });
  }
  for (const l of lanes.values()) {
    // A hop and the visit it opens share a moment: show the hop first, it explains the visit.
    l.items.sort((a, b) => a.t - b.t || (a.kind === 'hop' ? -1 : 0) - (b.kind === 'hop' ? -1 : 0));
  }
  return [...lanes.values()];
}
