/** The toolbar popup: the active tab's status at a glance and a way into the full panel. */
import type { PanelStore } from '../lib/panel/store';
import { plural } from '../lib/panel/format';

export function popupSummary(store: PanelStore) {
  const tags = store.tags.value;
  let fired = 0;
  let failed = 0;
  const vendors = new Set<string>();
  for (const p of tags.pages) {
    for (const v of p.vendors) {
      fired += v.fired - v.failed;
      failed += v.failed;
      if (v.fired > 0 || v.scriptLoaded) vendors.add(v.vendorName);
    }
  }
  const findings = store.report.value?.findings ?? [];
  return {
    fired,
    failed,
    vendors: [...vendors].sort(),
    errors: findings.filter((f) => f.severity === 'error').length,
    warnings: findings.filter((f) => f.severity === 'warning').length,
  };
}

export function Popup({ store, panelUrl }: { store: PanelStore; panelUrl: string }) {
  const s = popupSummary(store);
  const ready = store.live.value.ready;
  return (
    <div class="gp-root theme-auto popup">
      <h1>Goalpost</h1>
      {!ready ? (
        <p class="muted">Connecting…</p>
      ) : (
        <dl>
          <dt>Tags</dt>
          <dd>{s.vendors.length ? s.vendors.join(', ') : 'none seen'}</dd>
          <dt>Fired</dt>
          <dd class={s.fired ? 'ok-text' : ''}>{plural(s.fired, 'hit')}</dd>
          <dt>Failed</dt>
          <dd class={s.failed ? 'bad-text' : ''}>{plural(s.failed, 'hit')}</dd>
          <dt>Problems</dt>
          <dd class={s.errors ? 'bad-text' : ''}>
            {plural(s.errors, 'error')}, {plural(s.warnings, 'warning')}
          </dd>
        </dl>
      )}
      <a href={panelUrl} target="_blank" rel="noopener">
        Open the Goalpost panel for this tab
      </a>
    </div>
  );
}
