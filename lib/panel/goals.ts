/** The Goals view's model: counts side by side, why they differ, and campaign-goal timelines. */
import type { GoalsDoc } from '../formats/goals';
import type { OccurrenceReason, Report, ReportGoal } from '../formats/report';
import type { Lang } from '../i18n/catalogues';
import { countText, translator } from '../i18n/render';
import { toMs } from './format';
import type { ExperienceDisplay } from './tags';

/** Why an occurrence did or did not count, as a catalogue key (one whole sentence each). */
export const OCCURRENCE_REASON: Record<OccurrenceReason, string> = {
  counted: 'occurrence_counted',
  'not-delivered': 'occurrence_not_delivered',
  'tag-not-fired': 'occurrence_tag_not_fired',
  'unsupported-source': 'occurrence_unsupported_source',
  'below-threshold': 'occurrence_below_threshold',
  'before-experience': 'occurrence_before_experience',
  'experience-not-displayed': 'occurrence_experience_not_displayed',
  'duplicate-id': 'occurrence_duplicate_id',
  'once-per-visit': 'occurrence_once_per_visit',
};

/** One line saying why sessions, users and total differ; undefined when they agree. */
export function explainCounts(g: ReportGoal, lang: Lang = 'en'): string | undefined {
  const t = translator(lang);
  const lines: string[] = [];
  const visits = countText(t, g.sessions, 'count_visit_one', 'count_visits');
  if (g.sessions !== g.users) {
    lines.push(t('goals_explain_users', { people: countText(t, g.users, 'count_person_one', 'count_people'), visits }));
  }
  if (g.total !== g.sessions) {
    lines.push(t('goals_explain_total', { times: countText(t, g.total, 'count_time_one', 'count_times'), visits }));
  }
  return lines.length ? lines.join(lang === 'ja' ? '' : ' ') : undefined;
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
