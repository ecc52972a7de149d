/** The toolbar popup: the active tab's status at a glance and a way into the full panel. */
import type { PanelStore } from '../lib/panel/store';
import type { Lang } from '../lib/i18n/catalogues';
import { countText, translator } from '../lib/i18n/render';

/** English says "1 error" and "2 errors": a whole phrase per case. */
const PROBLEM_COUNTS = {
  one: { one: 'popup_problem_counts_one_one', many: 'popup_problem_counts_one_many' },
  many: { one: 'popup_problem_counts_many_one', many: 'popup_problem_counts_many_many' },
} as const;

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

export function Popup({ store, panelUrl, lang = 'en' }: { store: PanelStore; panelUrl: string; lang?: Lang }) {
  const t = translator(lang);
  const s = popupSummary(store);
  const hits = (n: number) => countText(t, n, 'count_hit_one', 'count_hits');
  const problems = { errors: s.errors, warnings: s.warnings };
  const ready = store.live.value.ready;
  return (
    <div class="gp-root theme-auto popup" lang={lang}>
      <h1>Goalpost</h1>
      {!ready ? (
        <p class="muted">{t('popup_connecting')}</p>
      ) : (
        <dl>
          <dt>{t('popup_tags')}</dt>
          <dd>{s.vendors.length ? s.vendors.join(', ') : t('popup_none_seen')}</dd>
          <dt>{t('popup_fired')}</dt>
          <dd class={s.fired ? 'ok-text' : ''}>{hits(s.fired)}</dd>
          <dt>{t('popup_failed')}</dt>
          <dd class={s.failed ? 'bad-text' : ''}>{hits(s.failed)}</dd>
          <dt>{t('popup_problems')}</dt>
          <dd class={s.errors ? 'bad-text' : ''}>
            {t(PROBLEM_COUNTS[s.errors === 1 ? 'one' : 'many'][s.warnings === 1 ? 'one' : 'many'], problems)}
          </dd>
        </dl>
      )}
      <a href={panelUrl} target="_blank" rel="noopener">
        {t('popup_open_panel')}
      </a>
    </div>
  );
}
