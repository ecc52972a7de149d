/** Sessions: visitors and visits per browser, why each visit started, and the cross-domain hops. */
import { useMemo } from 'preact/hooks';
import { clock, dateTime, plural } from '../lib/panel/format';
import { useLang } from '../lib/i18n/context';
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
  if (item.kind === 'session') {
    return (
      <div class={`timeline-item visit reason-${item.session.reason}`}>
        <div class="visit-head">
          <span class="mono strong">Visit {item.session.id}</span>
          <span class={item.newVisitor ? 'pill warn' : 'pill'}>
            {item.newVisitor ? 'new visitor ' : 'visitor '}
            {item.session.visitor}
          </span>
          <span class="muted">
            {dateTime(item.session.start)} → {clock(item.session.end)} ({sessionLength(item.session)})
          </span>
          <span class="muted">
            {plural(item.session.hits, 'hit')}, {plural(item.session.pages, 'page')}
          </span>
        </div>
        <div class="visit-why ellipsis" title={item.why}>
          <span class={`pill reason ${item.session.reason}`}>{item.session.reason}</span> {item.why}
          {item.session.source && <span class="muted"> · source {item.session.source}</span>}
        </div>
      </div>
    );
  }
  return (
    <div class={`timeline-item hop ${item.hop.linked ? 'linked' : 'break'}`}>
      <span class="hop-mark" aria-hidden="true">
        {item.hop.linked ? '⇢' : '✕'}
      </span>
      <span class="strong">{item.hop.linked ? 'Linked' : 'Break'}</span> <span class="mono">{item.hop.from}</span> →{' '}
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
  const report = store.report.value;
  const rows = useMemo(() => (report ? sessionRows(buildLanes(report, lang)) : []), [report, lang]);
  if (!report)
    return (
      <section class="view" aria-label="Sessions">
        <p class="empty">No report.</p>
      </section>
    );
  return (
    <section class="view sessions-view" aria-label="Sessions">
      <p class="muted summary">
        {plural(report.visitors.length, 'visitor')} · {plural(report.sessions.length, 'visit')} · model {report.model}
      </p>
      {rows.length === 0 ? (
        <p class="empty">No visits yet: no delivered hit has been seen.</p>
      ) : (
        <VirtualList
          rows={rows}
          rowHeight={SESSION_ROW_HEIGHT}
          rowKey={(r) => r.key}
          label="Visits and cross-domain hops"
          render={(row) =>
            row.kind === 'lane' ? (
              <h3 class="lane-head">
                Browser <span class="mono">{row.lane.browser}</span> · {plural(row.lane.visitors.length, 'visitor')}
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
