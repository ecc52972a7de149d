/** The Sessions view's model: per browser, visits and cross-domain hops in time order, with why. */
import type { Lang } from '../i18n/catalogues';
import { findingMessage } from '../i18n/finding';
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
  first: 'First visit of this visitor',
  timeout: 'Inactivity timeout',
  midnight: 'Day changed (midnight)',
  campaign: 'New traffic source (campaign)',
  vendor: 'The vendor’s session id changed',
  'untagged-page': 'Came back from an untagged page',
};

export function sessionWhy(s: ReportSession): string {
  const base = REASON[s.reason] ?? s.reason;
  if (s.reason === 'timeout' && !s.detail) return base;
  return s.detail ? `${base}: ${s.detail}` : base;
}

export function sessionLength(s: ReportSession): string {
  return duration(toMs(s.end) - toMs(s.start));
}

function hopWhy(hop: ReportHop, findings: readonly Finding[], lang: Lang): string {
  if (hop.linked) return hop.param ? `Linked by ${hop.param}` : 'Same visitor carried over';
  const t = toMs(hop.t);
  const finding = findings.find(
    (f) => f.code === 'cross-domain-break' && ((f.t !== undefined && Math.abs(toMs(f.t) - t) < 1) || f.url?.includes(hop.to)),
  );
  if (finding) return findingMessage(finding, lang);
  const who = hop.visitorTo ? `new visitor ${hop.visitorTo}` : 'new visitor';
  return hop.param
    ? `Break: ${who}; the link parameter ${hop.param} was present but not honoured`
    : `Break: ${who}; no link parameter on the landing URL`;
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
    l.items.push({ kind: 'session', t: toMs(s.start), session: s, why: sessionWhy(s), newVisitor });
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
