/** The Goals view's model: counts side by side, why they differ, and campaign-goal timelines. */
import type { GoalsDoc } from '../formats/goals';
import type { OccurrenceReason, Report, ReportGoal } from '../formats/report';
import { plural, toMs } from './format';
import type { ExperienceDisplay } from './tags';

export const OCCURRENCE_REASON: Record<OccurrenceReason, string> = {
  counted: 'Counted',
  'not-delivered': 'Not counted: the hit never reached the vendor',
  'tag-not-fired': 'Not counted: the page was visited but the tag sent no pageview',
  'unsupported-source': 'Not counted: a mobile hit cannot meet a web-only condition',
  'below-threshold': 'Not counted: the value is not above the goal’s threshold',
  'before-experience': 'Not counted: reached before the experience was displayed',
  'experience-not-displayed': 'Not counted: the experience was not displayed in this visit',
  'duplicate-id': 'Not counted: the same id was already counted in this visit',
  'once-per-visit': 'Not counted: already counted once in this visit',
};

/** One line saying why sessions, users and total differ; undefined when they agree. */
export function explainCounts(g: ReportGoal): string | undefined {
  const lines: string[] = [];
  if (g.sessions !== g.users) {
    lines.push(
      `Conversions count visits and goals count unique users: ${plural(g.users, 'person', 'people')} reached it in ${plural(g.sessions, 'visit')}.`,
    );
  }
  if (g.total !== g.sessions) {
    lines.push(`Total counts every counted occurrence: ${plural(g.total, 'time')} in ${plural(g.sessions, 'visit')}.`);
  }
  return lines.length ? lines.join(' ') : undefined;
}

export type TimelineMark =
  | { kind: 'experience'; t: number; id: string; variant?: string; delivered: boolean }
  | { kind: 'goal'; t: number; counted: boolean; reason: OccurrenceReason; url: string };

export interface CampaignTimeline {
  session: string;
  visitor: string;
  marks: TimelineMark[];
}

/** For a campaign goal: per visit where it occurred, the experience displays and the goal in order. */
export function campaignTimelines(
  goal: ReportGoal,
  experienceId: string,
  report: Report,
  displays: readonly ExperienceDisplay[],
): CampaignTimeline[] {
  const browserOf = new Map(report.visitors.map((v) => [v.id, v.browser]));
  const sessions = new Map(report.sessions.map((s) => [s.id, s]));
  const out = new Map<string, CampaignTimeline>();
  for (const o of goal.occurrences) {
    let tl = out.get(o.session);
    if (!tl) {
      tl = { session: o.session, visitor: o.visitor, marks: [] };
      out.set(o.session, tl);
      const s = sessions.get(o.session);
      if (s) {
        const from = toMs(s.start);
        const to = Math.max(toMs(s.end), ...goal.occurrences.filter((x) => x.session === o.session).map((x) => toMs(x.t)));
        const browser = browserOf.get(s.visitor) ?? 'default';
        for (const d of displays) {
          if (d.id === experienceId && d.browser === browser && d.t >= from && d.t <= to) {
            tl.marks.push({ kind: 'experience', t: d.t, id: d.id, variant: d.variant, delivered: d.delivered });
          }
        }
      }
    }
    tl.marks.push({ kind: 'goal', t: toMs(o.t), counted: o.counted, reason: o.reason, url: o.url });
  }
  for (const tl of out.values()) tl.marks.sort((a, b) => a.t - b.t);
  return [...out.values()];
}

export function experienceOf(goals: GoalsDoc | null, goalId: string): string | undefined {
  return goals?.goals.find((g) => g.id === goalId)?.experience;
}
