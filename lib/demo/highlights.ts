/**
 * "What this demo shows": the few lines a first-time user should read, taken from the real
 * report (never assumed), so a change in the engine or the capture shows up here too.
 */
import type { Report } from '../formats/report';

export interface Highlights {
  crossDomain: string[];
  experience: string[];
  counting: string[];
  tags: string[];
}

const plural = (n: number, one: string, many = `${one}s`) => `${n} ${n === 1 ? one : many}`;

export function demoHighlights(report: Report): Highlights {
  const crossDomain: string[] = [];
  for (const hop of report.hops ?? []) {
    crossDomain.push(
      hop.linked
        ? `linked hop ${hop.from} → ${hop.to}${hop.param ? ` (${hop.param})` : ''}: the visitor was carried over`
        : `cross-domain break ${hop.from} → ${hop.to}: a new visitor started${hop.param ? ` although ${hop.param} was on the URL` : ' (no link parameter on the URL)'}`,
    );
  }
  if (crossDomain.length === 0) {
    for (const f of report.findings) if (f.code === 'cross-domain-break') crossDomain.push(`cross-domain break: ${f.message}`);
  }

  const experience: string[] = [];
  for (const goal of report.goals) {
    for (const o of goal.occurrences) {
      if (o.reason === 'before-experience') {
        experience.push(`goal "${goal.name ?? goal.id}" reached before the experience in visit ${o.session}: not counted`);
      } else if (o.reason === 'experience-not-displayed') {
        experience.push(`goal "${goal.name ?? goal.id}" reached in visit ${o.session} without the experience: not counted`);
      }
    }
  }
  // Only campaign goals can have these reasons; a counted occurrence of one means "after the experience".
  const campaignGoals = report.goals.filter((g) =>
    g.occurrences.some((o) => o.reason === 'before-experience' || o.reason === 'experience-not-displayed'),
  );
  for (const goal of campaignGoals) {
    for (const o of goal.occurrences) {
      if (o.counted) experience.push(`goal "${goal.name ?? goal.id}" reached after the experience in visit ${o.session}: counted`);
    }
  }

  const counting: string[] = [];
  for (const g of report.goals) {
    if (g.sessions !== g.users || g.total !== g.sessions) {
      counting.push(
        `goal "${g.name ?? g.id}": ${plural(g.sessions, 'conversion')} (visits), ${plural(g.users, 'goal')} (unique users), total ${g.total}`,
      );
    }
  }

  const tags: string[] = report.findings
    .filter((f) => f.code === 'tag-missing' || f.code === 'tag-failed' || f.code === 'tag-not-fired-on-goal-page')
    .map((f) => f.message);

  return { crossDomain, experience, counting, tags };
}

export function renderHighlights(h: Highlights): string {
  const section = (title: string, lines: string[]) =>
    lines.length ? [`${title}`, ...lines.map((l) => `  - ${l}`)] : [`${title}`, '  - (nothing seen)'];
  return [
    'What this demo shows',
    ...section('Cross-domain:', h.crossDomain),
    ...section('Experience before goal:', h.experience),
    ...section('Conversions vs goals vs total:', h.counting),
    ...section('Tags:', h.tags),
  ].join('\n');
}
