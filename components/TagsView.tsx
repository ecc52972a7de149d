/** Tags: per page, which vendors loaded, fired, failed; every hit expandable to readable params. */
import { useEffect, useMemo, useState } from 'preact/hooks';
import { clock, duration, shortUrl } from '../lib/panel/format';
import {
  prepareSearch,
  tagFilterer,
  tagRowKey,
  tagRows,
  type TagEntry,
  type TagPage,
  type TagRow,
  type VendorSummary,
} from '../lib/panel/tags';
import { curlCommand, decodeCommand } from '../lib/export/shell';
import { useLang, useT } from '../lib/i18n/context';
import { countText, type Translate } from '../lib/i18n/render';
import { findingMessage } from '../lib/i18n/finding';
import { CopyButton } from './CopyButton';
import { CsvExport } from './CsvExport';
import { usePanel } from './platform';
import { VirtualList } from './VirtualList';

export const TAG_ROW_HEIGHT = 26;

/** How a page was reached, in the words of the browser's history. */
export const PAGE_KIND_LABEL: Record<TagPage['kind'], string> = {
  load: 'tags_kind_load',
  push: 'tags_kind_push',
  replace: 'tags_kind_replace',
  'back-forward': 'tags_kind_back_forward',
  hash: 'tags_kind_hash',
  restore: 'tags_kind_restore',
};

function statusText(e: TagEntry, t: Translate): string {
  if (e.error) return e.error.includes('BLOCKED') ? t('tags_blocked', { error: e.error }) : e.error;
  if (e.status !== undefined && (e.status >= 400 || e.status === 0)) return `HTTP ${e.status}`;
  return e.status !== undefined ? String(e.status) : t('tags_sent');
}

function resentText(e: TagEntry, t: Translate): string {
  const n = e.resent ?? 0;
  // A send that failed and was sent again: the later copy is the one the vendor counted.
  if (!e.delivered) return t('tags_sent_again_later');
  return n >= e.hits.length ? t('tags_resent') : t('tags_resent_some', { n, total: e.hits.length });
}

function failureText(v: VendorSummary, t: Translate): string {
  return v.failures
    .map((f) => f.error ?? (f.status !== undefined ? `HTTP ${f.status}` : t('tags_not_delivered')))
    .filter((x, i, a) => a.indexOf(x) === i)
    .join(', ');
}

/** Consent Mode on this page: denied analytics storage is why ids and links go missing. */
function ConsentPill({ consent }: { consent: NonNullable<VendorSummary['consent']> }) {
  const t = useT();
  const text = t('tags_consent', {
    analytics: consent.analytics ?? t('tags_consent_not_set'),
    ads: consent.ads ?? t('tags_consent_not_set'),
  });
  return <span class={`pill ${consent.analytics === 'denied' ? 'bad' : ''}`}>{text}</span>;
}

function VendorLine({ v }: { v: VendorSummary }) {
  const t = useT();
  return (
    <div class="row vendor-row" title={v.accounts.join(', ')}>
      <span class="vendor-name">{v.vendorName}</span>
      {v.scriptLoaded && <span class="pill ok">{t('tags_script_loaded')}</span>}
      <span class="pill">{countText(t, v.fired, 'tags_hit_fired_one', 'tags_hits_fired')}</span>
      {v.failed > 0 && <span class="pill bad">{t('tags_failed', { n: v.failed, failures: failureText(v, t) })}</span>}
      {v.failed === 0 && v.failures.length > 0 && <span class="pill bad">{t('tags_script_failed', { failures: failureText(v, t) })}</span>}
      {v.firstHitMs !== undefined && <span class="muted">{t('tags_first_hit_after', { duration: duration(v.firstHitMs) })}</span>}
      {v.consent && <ConsentPill consent={v.consent} />}
      {v.accounts.length > 0 && <span class="muted ellipsis">{v.accounts.join(', ')}</span>}
    </div>
  );
}

export function TagsView() {
  const { store } = usePanel();
  const lang = useLang();
  const t = useT();
  const model = store.tags.value;
  const [text, setText] = useState('');
  const [vendor, setVendor] = useState('');
  const [account, setAccount] = useState('');
  const [expanded, setExpanded] = useState<ReadonlySet<string>>(new Set());

  const [filter] = useState(tagFilterer);
  const pages = useMemo(() => filter(model.pages, { text, vendor, account }), [filter, model, text, vendor, account]);
  // While nobody types yet, make the text the filter searches.
  useEffect(() => prepareSearch(model.pages), [model]);
  const rows = useMemo(() => tagRows(pages, expanded), [pages, expanded]);
  const shown = pages.reduce((n, p) => n + p.entries.length, 0);

  const toggle = (id: string) => {
    const next = new Set(expanded);
    if (next.has(id)) next.delete(id);
    else next.add(id);
    setExpanded(next);
  };

  const render = (row: TagRow) => {
    switch (row.kind) {
      case 'page':
        return (
          <div class={`row page-row${row.page.document ? ' virtual-page' : ''}`} title={row.page.url} data-kind={row.page.kind}>
            <span class="time">{clock(row.page.t)}</span>
            {row.page.navigated && <span class="pill page-kind">{t(PAGE_KIND_LABEL[row.page.kind])}</span>}
            <span class="page-url ellipsis">
              {row.page.navigated ? shortUrl(row.page.url) : t('tags_before_navigation', { url: shortUrl(row.page.url) })}
            </span>
            {row.page.browser !== 'default' && <span class="pill">{row.page.browser}</span>}
          </div>
        );
      case 'problem':
        return (
          <div class="row problem-row" title={findingMessage(row.finding, lang)}>
            <span class="sev error" aria-hidden="true">
              !
            </span>
            <span class="ellipsis">{findingMessage(row.finding, lang)}</span>
          </div>
        );
      case 'vendor':
        return <VendorLine v={row.vendor} />;
      case 'entry': {
        const e = row.entry;
        return (
          <button
            type="button"
            class={`row entry-row ${e.delivered ? '' : 'failed'}`}
            aria-expanded={row.expanded}
            title={e.url}
            onClick={() => toggle(e.id)}
          >
            <span class="caret" aria-hidden="true">
              {row.expanded ? '▾' : '▸'}
            </span>
            <span class="time">+{duration(e.t - row.page.t)}</span>
            <span class="vendor-name">{e.vendorName}</span>
            <span class="label ellipsis">
              {e.label}
              {e.hits.length > 1 ? ` ×${e.hits.length}` : ''}
            </span>
            {e.account && <span class="muted">{e.account}</span>}
            {e.resent !== undefined && (
              <span class="pill warn" title={t('tags_resent_title')}>
                {resentText(e, t)}
              </span>
            )}
            <span class={`pill ${e.delivered ? 'ok' : 'bad'}`}>{statusText(e, t)}</span>
          </button>
        );
      }
      case 'param':
        return (
          <div class="row param-row">
            <span class="param-label" title={row.param.key}>
              {row.param.label}
            </span>
            <span class="param-value ellipsis" title={row.param.value}>
              {row.param.value}
            </span>
            <CopyButton text={row.param.value} label={t('tags_copy_param', { label: row.param.label })} />
          </div>
        );
      case 'actions': {
        const req = { url: row.entry.url, ...row.entry.request };
        return (
          <div class="row actions-row">
            <CopyButton text={curlCommand(req)} label={t('tags_copy_curl_label')}>
              {t('tags_copy_curl')}
            </CopyButton>
            <CopyButton text={decodeCommand(req)} label={t('tags_copy_decode_label')}>
              {t('tags_copy_decode')}
            </CopyButton>
          </div>
        );
      }
      case 'note':
        return <div class="row note-row muted">{row.text}</div>;
    }
  };

  return (
    <section class="view tags-view" aria-label={t('tags_label')}>
      <search class="toolbar">
        <input
          type="search"
          placeholder={t('tags_filter_placeholder')}
          aria-label={t('tags_filter_label')}
          value={text}
          onInput={(e) => setText((e.currentTarget as HTMLInputElement).value)}
        />
        <select
          aria-label={t('tags_vendor_label')}
          value={vendor}
          onChange={(e) => setVendor((e.currentTarget as HTMLSelectElement).value)}
        >
          <option value="">{t('tags_all_vendors')}</option>
          {model.vendors.map((v) => (
            <option key={v.id} value={v.id}>
              {v.name}
            </option>
          ))}
        </select>
        <select
          aria-label={t('tags_account_label')}
          value={account}
          onChange={(e) => setAccount((e.currentTarget as HTMLSelectElement).value)}
        >
          <option value="">{t('tags_all_accounts')}</option>
          {model.accounts.map((a) => (
            <option key={a} value={a}>
              {a}
            </option>
          ))}
        </select>
        <CsvExport pages={pages} />
        <span class="muted summary">
          {countText(t, shown, 'count_request_one', 'count_requests')} · {countText(t, model.hitCount, 'count_hit_one', 'count_hits')} ·{' '}
          {countText(t, model.pages.length, 'count_page_one', 'count_pages')}
        </span>
      </search>
      {model.pages.length === 0 ? (
        <p class="empty">{t('tags_empty')}</p>
      ) : (
        <VirtualList rows={rows} rowHeight={TAG_ROW_HEIGHT} rowKey={tagRowKey} render={render} label="Pages and hits" />
      )}
    </section>
  );
}
