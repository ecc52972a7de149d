/** Goals: conversions (sessions), goals (users) and total side by side, with every occurrence. */
import { clock, shortUrl } from '../lib/panel/format';
import { campaignTimelines, experienceOf, explainCounts, OCCURRENCE_REASON } from '../lib/panel/goals';
import type { Occurrence, Report, ReportGoal } from '../lib/formats/report';
import type { ExperienceDisplay } from '../lib/panel/tags';
import { usePanel } from './platform';
import { VirtualList } from './VirtualList';

function CampaignTimeline({
  goal,
  experience,
  report,
  displays,
}: {
  goal: ReportGoal;
  experience: string;
  report: Report;
  displays: readonly ExperienceDisplay[];
}) {
  const lines = campaignTimelines(goal, experience, report, displays);
  if (lines.length === 0) return null;
  return (
    <div class="campaign">
      <h4>Experience {experience} and the goal, in order, per visit</h4>
      {lines.map((tl) => (
        <ol class="strip" key={tl.session} aria-label={`Visit ${tl.session}`}>
          <li class="strip-label mono">Visit {tl.session}</li>
          {tl.marks.map((m, i) =>
            m.kind === 'experience' ? (
              <li key={i} class={`mark exp ${m.delivered ? '' : 'failed'}`}>
                <span class="mark-dot" aria-hidden="true">
                  ◆
                </span>{' '}
                Experience {m.id}
                {m.variant ? ` (${m.variant})` : ''} displayed <span class="muted">{clock(m.t)}</span>
              </li>
            ) : (
              <li key={i} class={`mark goal ${m.counted ? 'counted' : 'not-counted'}`}>
                <span class="mark-dot" aria-hidden="true">
                  {m.counted ? '✓' : '✕'}
                </span>{' '}
                Goal reached <span class="muted">{clock(m.t)}</span> {m.counted ? 'counted' : m.reason}
              </li>
            ),
          )}
          {!tl.marks.some((m) => m.kind === 'experience') && (
            <li class="mark exp missing">Experience {experience} not displayed in this visit</li>
          )}
        </ol>
      ))}
    </div>
  );
}

/** One line per occurrence; a goal met on every page of a long recording has thousands. */
export const OCCURRENCE_ROW_HEIGHT = 26;

function OccurrenceRow({ o }: { o: Occurrence }) {
  const result = `${o.counted ? '' : OCCURRENCE_REASON[o.reason]}${o.detail ? ` (${o.detail})` : ''}`;
  return (
    <div class={`occurrence ${o.counted ? 'counted' : 'not-counted'}`}>
      <span class="mono">{clock(o.t)}</span>
      <span class="ellipsis" title={o.pageUrl ? `${o.url} (recorded by the vendor; the address bar showed ${o.pageUrl})` : o.url}>
        {shortUrl(o.url)}
        {o.pageUrl && <span class="muted address-bar"> (address bar {shortUrl(o.pageUrl)})</span>}
      </span>
      <span class="mono ellipsis">{o.visitor}</span>
      <span class="mono ellipsis">{o.session}</span>
      <span class="ellipsis" title={result.trim() || undefined}>
        <span class={`pill ${o.counted ? 'ok' : 'bad'}`}>
          {o.counted ? '✓' : '✕'} {o.reason}
        </span>{' '}
        {o.counted ? '' : OCCURRENCE_REASON[o.reason]}
        {o.detail && <span class="muted"> ({o.detail})</span>}
      </span>
    </div>
  );
}

function OccurrenceList({ occurrences, goal }: { occurrences: readonly Occurrence[]; goal: string }) {
  return (
    <div class="occurrences">
      <div class="occurrence head" aria-hidden="true">
        <span>Time</span>
        <span>Page</span>
        <span>Visitor</span>
        <span>Visit</span>
        <span>Result</span>
      </div>
      <VirtualList
        rows={occurrences}
        rowHeight={OCCURRENCE_ROW_HEIGHT}
        rowKey={(o) => `${o.t}\n${o.session}\n${o.url}`}
        render={(o) => <OccurrenceRow o={o} />}
        label={`Occurrences of ${goal}`}
        maxHeight={OCCURRENCE_ROW_HEIGHT * 16}
      />
    </div>
  );
}

export function GoalsView() {
  const { store } = usePanel();
  const report = store.report.value;
  const goalsDoc = store.goals.value;
  const displays = store.tags.value.experiences;
  if (!report)
    return (
      <section class="view" aria-label="Goals">
        <p class="empty">No report.</p>
      </section>
    );
  return (
    <section class="view goals-view" aria-label="Goals">
      {report.goals.length === 0 && <p class="empty">No goals defined. Add them in the Editor tab.</p>}
      {report.goals.length > 0 && (
        <table class="counts">
          <thead>
            <tr>
              <th scope="col">Goal</th>
              <th scope="col" title="Visits with at least one counted occurrence (Ptengine Insight “Conversion”)">
                Conversions (sessions)
              </th>
              <th scope="col" title="Visitors with at least one counted occurrence (Ptengine Experience “Goal”)">
                Goals (users)
              </th>
              <th scope="col" title="Counted occurrences">
                Total
              </th>
            </tr>
          </thead>
          <tbody>
            {report.goals.map((g) => (
              <tr key={g.id} data-goal={g.id}>
                <th scope="row">
                  {g.name ?? g.id}
                  {g.name && <span class="muted mono"> {g.id}</span>}
                </th>
                <td class="num">{g.sessions}</td>
                <td class="num">{g.users}</td>
                <td class="num">{g.total}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      {report.goals.map((g) => {
        const why = explainCounts(g);
        const experience = experienceOf(goalsDoc, g.id);
        return (
          <details class="goal" key={g.id} open={g.occurrences.length <= 50} data-goal={g.id}>
            <summary>
              <span class="strong">{g.name ?? g.id}</span>{' '}
              <span class="muted">
                {g.sessions} / {g.users} / {g.total} · {g.occurrences.length} occurrence{g.occurrences.length === 1 ? '' : 's'}
              </span>
              {why && <div class="explain">{why}</div>}
            </summary>
            {experience && <CampaignTimeline goal={g} experience={experience} report={report} displays={displays} />}
            {g.occurrences.length === 0 ? (
              <p class="muted">The condition was never met.</p>
            ) : (
              <OccurrenceList occurrences={g.occurrences} goal={g.name ?? g.id} />
            )}
          </details>
        );
      })}
    </section>
  );
}
