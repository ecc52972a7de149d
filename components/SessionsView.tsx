/** Sessions: visitors and visits per browser, why each visit started, and the cross-domain hops. */
import { clock, dateTime, plural } from '../lib/panel/format';
import { buildLanes, sessionLength } from '../lib/panel/sessions';
import { usePanel } from './platform';

export function SessionsView() {
  const { store } = usePanel();
  const report = store.report.value;
  if (!report)
    return (
      <section class="view" aria-label="Sessions">
        <p class="empty">No report.</p>
      </section>
    );
  const lanes = buildLanes(report);
  return (
    <section class="view sessions-view" aria-label="Sessions">
      <p class="muted summary">
        {plural(report.visitors.length, 'visitor')} · {plural(report.sessions.length, 'visit')} · model {report.model}
      </p>
      {lanes.length === 0 && <p class="empty">No visits yet: no delivered hit has been seen.</p>}
      {lanes.map((lane) => (
        <div class="lane" key={lane.browser}>
          <h3>
            Browser <span class="mono">{lane.browser}</span> · {plural(lane.visitors.length, 'visitor')}
          </h3>
          <ol class="timeline">
            {lane.items.map((item) =>
              item.kind === 'session' ? (
                <li class={`visit reason-${item.session.reason}`} key={`s-${item.session.id}`}>
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
                  <div class="visit-why">
                    <span class={`pill reason ${item.session.reason}`}>{item.session.reason}</span> {item.why}
                    {item.session.source && <span class="muted"> · source {item.session.source}</span>}
                  </div>
                </li>
              ) : (
                <li class={`hop ${item.hop.linked ? 'linked' : 'break'}`} key={`h-${item.hop.t}-${item.hop.to}`}>
                  <span class="hop-mark" aria-hidden="true">
                    {item.hop.linked ? '⇢' : '✕'}
                  </span>
                  <span class="strong">{item.hop.linked ? 'Linked' : 'Break'}</span> <span class="mono">{item.hop.from}</span> →{' '}
                  <span class="mono">{item.hop.to}</span> <span class="muted">{clock(item.hop.t)}</span>
                  <div class="hop-why">{item.why}</div>
                </li>
              ),
            )}
          </ol>
        </div>
      ))}
    </section>
  );
}
