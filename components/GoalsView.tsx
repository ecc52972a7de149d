/** Goals: conversions (sessions), goals (users) and total side by side, with every occurrence. */
import { useLang, useT } from '../lib/i18n/context';
import { countText } from '../lib/i18n/render';
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
  const t = useT();
  const lines = campaignTimelines(goal, experience, report, displays);
  if (lines.length === 0) return null;
  return (
    <div class="campaign">
      <h4>{t('goals_campaign_heading', { experience })}</h4>
      {lines.map((tl) => (
        <ol class="strip" key={tl.session} aria-label={t('sessions_visit', { id: tl.session })}>
          <li class="strip-label mono">{t('sessions_visit', { id: tl.session })}</li>
          {tl.marks.map((m, i) =>
            m.kind === 'experience' ? (
              <li key={i} class={`mark exp ${m.delivered ? '' : 'failed'}`}>
                <span class="mark-dot" aria-hidden="true">
                  ◆
                </span>{' '}
                {m.variant
                  ? t('goals_experience_variant_displayed', { id: m.id, variant: m.variant })
                  : t('goals_experience_displayed', { id: m.id })}{' '}
                <span class="muted">{clock(m.t)}</span>
              </li>
            ) : (
              <li key={i} class={`mark goal ${m.counted ? 'counted' : 'not-counted'}`}>
                <span class="mark-dot" aria-hidden="true">
                  {m.counted ? '✓' : '✕'}
                </span>{' '}
                {t('goals_goal_reached')} <span class="muted">{clock(m.t)}</span> {m.counted ? t('goals_counted') : m.reason}
              </li>
            ),
          )}
          {!tl.marks.some((m) => m.kind === 'experience') && (
            <li class="mark exp missing">{t('goals_experience_missing', { id: experience })}</li>
          )}
        </ol>
      ))}
    </div>
  );
}

/** One line per occurrence; a goal met on every page of a long recording has thousands. */
export const OCCURRENCE_ROW_HEIGHT = 26;

function OccurrenceRow({ o }: { o: Occurrence }) {
  const t = useT();
  const reason = o.counted ? '' : t(OCCURRENCE_REASON[o.reason]);
  const result = (reason && o.detail ? t('reason_with_detail', { reason, detail: o.detail }) : reason || o.detail) || undefined;
  return (
    <div class={`occurrence ${o.counted ? 'counted' : 'not-counted'}`}>
      <span class="mono">{clock(o.t)}</span>
      <span class="ellipsis" title={o.pageUrl ? t('goals_vendor_url_title', { url: o.url, address: o.pageUrl }) : o.url}>
        {shortUrl(o.url)}
        {o.pageUrl && <span class="muted address-bar">{t('goals_address_bar', { url: shortUrl(o.pageUrl) })}</span>}
      </span>
      <span class="mono ellipsis">{o.visitor}</span>
      <span class="mono ellipsis">{o.session}</span>
      <span class="ellipsis" title={result}>
        <span class={`pill ${o.counted ? 'ok' : 'bad'}`}>
          {o.counted ? '✓' : '✕'} {o.reason}
        </span>{' '}
        {reason}
        {o.detail && <span class="muted"> ({o.detail})</span>}
      </span>
    </div>
  );
}

function OccurrenceList({ occurrences, goal }: { occurrences: readonly Occurrence[]; goal: string }) {
  const t = useT();
  return (
    <div class="occurrences">
      <div class="occurrence head" aria-hidden="true">
        <span>{t('goals_head_time')}</span>
        <span>{t('goals_head_page')}</span>
        <span>{t('goals_head_visitor')}</span>
        <span>{t('goals_head_visit')}</span>
        <span>{t('goals_head_result')}</span>
      </div>
      <VirtualList
        rows={occurrences}
        rowHeight={OCCURRENCE_ROW_HEIGHT}
        rowKey={(o) => `${o.t}\n${o.session}\n${o.url}`}
        render={(o) => <OccurrenceRow o={o} />}
        label={t('goals_occurrences_label', { goal })}
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
  const lang = useLang();
  const t = useT();
  if (!report)
    return (
      <section class="view" aria-label={t('tab_goals')}>
        <p class="empty">{t('sessions_no_report')}</p>
      </section>
    );
  return (
    <section class="view goals-view" aria-label={t('tab_goals')}>
      {report.goals.length === 0 && <p class="empty">{t('goals_no_goals')}</p>}
      {report.goals.length > 0 && (
        <table class="counts">
          <thead>
            <tr>
              <th scope="col">{t('goals_col_goal')}</th>
              <th scope="col" title={t('goals_col_conversions_title')}>
                {t('goals_col_conversions')}
              </th>
              <th scope="col" title={t('goals_col_goals_title')}>
                {t('goals_col_goals')}
              </th>
              <th scope="col" title={t('goals_col_total_title')}>
                {t('goals_col_total')}
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
        const why = explainCounts(g, lang);
        const experience = experienceOf(goalsDoc, g.id);
        return (
          <details class="goal" key={g.id} open={g.occurrences.length <= 50} data-goal={g.id}>
            <summary>
              <span class="strong">{g.name ?? g.id}</span>{' '}
              <span class="muted">
                {t('goals_counts', {
                  sessions: g.sessions,
                  users: g.users,
                  total: g.total,
                  occurrences: countText(t, g.occurrences.length, 'count_occurrence_one', 'count_occurrences'),
                })}
              </span>
              {why && <div class="explain">{why}</div>}
            </summary>
            {experience && <CampaignTimeline goal={g} experience={experience} report={report} displays={displays} />}
            {g.occurrences.length === 0 ? (
              <p class="muted">{t('goals_never_met')}</p>
            ) : (
              <OccurrenceList occurrences={g.occurrences} goal={g.name ?? g.id} />
            )}
          </details>
        );
      })}
    </section>
  );
}
