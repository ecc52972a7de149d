/** Sessions: visitors and visits per browser, why each visit started, and the cross-domain hops. */
import { useMemo } from 'preact/hooks';
import { useLang, useT } from '../lib/i18n/context';
import { countText } from '../lib/i18n/render';
import { clock, dateTime } from '../lib/panel/format';
import { buildLanes, sessionLength, type Lane, type LaneItem } from '../lib/panel/sessions';
import { usePanel } from './platform';
import { VirtualList } from './VirtualList';

/** Two lines of text and the gap below them: every row of the windowed timeline is this tall. */
export const SESSION_ROW_HEIGHT = 64;

type SessionRow = { kind: 'lane'; key: string; lane: Lane } | { kind: 'item'; key: string; item: LaneItem };

/** One row per browser heading and per visit or hop under it, for the windowed list. */
function sessionRows(lanes: readonly Lane[]): SessionRow[] {
  const rows: SessionRow[] = [];
  for (const lane of lanes) {
    rows.push({ kind: 'lane', key: `lane-${lane.browser}`, lane });
    for (const item of lane.items) {
      const key = item.kind === 'session' ? `s-${item.session.id}` : `h-${lane.browser}-${item.hop.t}-${item.hop.to}`;
      rows.push({ kind: 'item', key, item });
    }
  }
  return rows;
}

function Item({ item }: { item: LaneItem }) {
  const t = useT();
  if (item.kind === 'session') {
    const { hits, pages } = item.session;
    return (
      <div class={`timeline-item visit reason-${item.session.reason}`}>
        <div class="visit-head">
          <span class="mono strong">{t('sessions_visit', { id: item.session.id })}</span>
          <span class={item.newVisitor ? 'pill warn' : 'pill'}>
            {t(item.newVisitor ? 'sessions_new_visitor' : 'sessions_visitor', { id: item.session.visitor })}
          </span>
          <span class="muted">
            {dateTime(item.session.start)} → {clock(item.session.end)} ({sessionLength(item.session)})
          </span>
          <span class="muted">
            {t('sessions_hits_pages', {
              hits: countText(t, hits, 'count_hit_one', 'count_hits'),
              pages: countText(t, pages, 'count_page_one', 'count_pages'),
            })}
          </span>
        </div>
        <div class="visit-why ellipsis" title={item.why}>
          <span class={`pill reason ${item.session.reason}`}>{item.session.reason}</span> {item.why}
          {item.session.source && <span class="muted">{t('sessions_source', { source: item.session.source })}</span>}
        </div>
      </div>
    );
  }
  return (
    <div class={`timeline-item hop ${item.hop.linked ? 'linked' : 'break'}`}>
      <span class="hop-mark" aria-hidden="true">
        {item.hop.linked ? '⇢' : '✕'}
      </span>
      <span class="strong">{t(item.hop.linked ? 'sessions_linked' : 'sessions_break')}</span> <span class="mono">{item.hop.from}</span> →{' '}
      <span class="mono">{item.hop.to}</span> <span class="muted">{clock(item.hop.t)}</span>
      <div class="hop-why ellipsis" title={item.why}>
        {item.why}
      </div>
    </div>
  );
}

export function SessionsView() {
  const { store } = usePanel();
  const lang = useLang();
  const t = useT();
  const report = store.report.value;
  const rows = useMemo(() => (report ? sessionRows(buildLanes(report, lang)) : []), [report, lang]);
  if (!report)
    return (
      <section class="view" aria-label={t('sessions_label')}>
        <p class="empty">{t('sessions_no_report')}</p>
      </section>
    );
  return (
    <section class="view sessions-view" aria-label={t('sessions_label')}>
      <p class="muted summary">
        {t('sessions_summary', {
          visitors: countText(t, report.visitors.length, 'count_visitor_one', 'count_visitors'),
          visits: countText(t, report.sessions.length, 'count_visit_one', 'count_visits'),
          model: report.model,
        })}
      </p>
      {rows.length === 0 ? (
        <p class="empty">{t('sessions_empty')}</p>
      ) : (
        <VirtualList
          rows={rows}
          rowHeight={SESSION_ROW_HEIGHT}
          rowKey={(r) => r.key}
          label={t('sessions_list_label')}
          render={(row) =>
            row.kind === 'lane' ? (
              <h3 class="lane-head">
                {t('sessions_browser')} <span class="mono">{row.lane.browser}</span> ·{' '}
                {countText(t, row.lane.visitors.length, 'count_visitor_one', 'count_visitors')}
              </h3>
            ) : (
              <div class="timeline">
                <Item item={row.item} />
              </div>
            )
          }
        />
      )}
    </section>
  );
}
