/**
 * "What this demo shows": the few lines a first-time user should read, taken from the real
 * report (never assumed), so a change in the engine or the capture shows up here too.
 */
import type { Report } from '../formats/report';
import type { Lang } from '../i18n/catalogues';
import { findingMessage } from '../i18n/finding';
import { countText, render, translator } from '../i18n/render';

export interface Highlights {
  crossDomain: string[];
  experience: string[];
  counting: string[];
  tags: string[];
}

export function demoHighlights(report: Report, lang: Lang = 'en'): Highlights {
  const crossDomain: string[] = [];
  for (const hop of report.hops ?? []) {
    const where = { from: hop.from, to: hop.to };
    crossDomain.push(
      hop.param
        ? render(lang, hop.linked ? 'demo_hop_linked_param' : 'demo_hop_break_param', { ...where, param: hop.param })
        : render(lang, hop.linked ? 'demo_hop_linked' : 'demo_hop_break', where),
    );
  }
  if (crossDomain.length === 0) {
    for (const f of report.findings) {
      if (f.code === 'cross-domain-break') crossDomain.push(render(lang, 'demo_break_finding', { message: findingMessage(f, lang) }));
    }
  }

  const experience: string[] = [];
  for (const goal of report.goals) {
    for (const o of goal.occurrences) {
      const params = { goal: goal.name ?? goal.id, visit: o.session };
      if (o.reason === 'before-experience') experience.push(render(lang, 'demo_goal_before_experience', params));
      else if (o.reason === 'experience-not-displayed') experience.push(render(lang, 'demo_goal_without_experience', params));
    }
  }
  // Only campaign goals can have these reasons; a counted occurrence of one means "after the experience".
  const campaignGoals = report.goals.filter((g) =>
    g.occurrences.some((o) => o.reason === 'before-experience' || o.reason === 'experience-not-displayed'),
  );
  for (const goal of campaignGoals) {
    for (const o of goal.occurrences) {
      if (o.counted) experience.push(render(lang, 'demo_goal_after_experience', { goal: goal.name ?? goal.id, visit: o.session }));
    }
  }

  const t = translator(lang);
  const counting: string[] = [];
  for (const g of report.goals) {
    if (g.sessions !== g.users || g.total !== g.sessions) {
      counting.push(
        render(lang, 'demo_counting', {
          goal: g.name ?? g.id,
          conversions: countText(t, g.sessions, 'count_conversion_one', 'count_conversions'),
          goals: countText(t, g.users, 'count_goal_one', 'count_goals'),
          total: g.total,
        }),
      );
    }
  }

  const tags: string[] = report.findings
    .filter((f) => f.code === 'tag-missing' || f.code === 'tag-failed' || f.code === 'tag-not-fired-on-goal-page')
    .map((f) => findingMessage(f, lang));

  return { crossDomain, experience, counting, tags };
}

export function renderHighlights(h: Highlights, lang: Lang = 'en'): string {
  const section = (title: string, lines: string[]) => [
    render(lang, title),
    ...(lines.length ? lines : [render(lang, 'demo_nothing_seen')]).map((l) => `  - ${l}`),
  ];
  return [
    render(lang, 'demo_title'),
    ...section('demo_section_cross_domain', h.crossDomain),
    ...section('demo_section_experience', h.experience),
    ...section('demo_section_counting', h.counting),
    ...section('demo_section_tags', h.tags),
  ].join('\n');
}
