/** Tags: per page, which vendors loaded, fired, failed; every hit expandable to readable params. */
import { useEffect, useMemo, useState } from 'preact/hooks';
import { clock, duration, plural, shortUrl } from '../lib/panel/format';
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
import { useLang } from '../lib/i18n/context';
import { findingMessage } from '../lib/i18n/finding';
import { CopyButton } from './CopyButton';
import { CsvExport } from './CsvExport';
import { usePanel } from './platform';
import { VirtualList } from './VirtualList';

export const TAG_ROW_HEIGHT = 26;

/** How a page was reached, in the words of the browser's history. */
export const PAGE_KIND_LABEL: Record<TagPage['kind'], string> = {
  load: 'load',
  push: 'push',
  replace: 'replace',
  'back-forward': 'back/forward',
  hash: 'hash',
  restore: 'restored from cache',
};

function statusText(e: TagEntry): string {
  if (e.error) return e.error.includes('BLOCKED') ? `blocked (${e.error})` : e.error;
  if (e.status !== undefined && (e.status >= 400 || e.status === 0)) return `HTTP ${e.status}`;
  return e.status !== undefined ? String(e.status) : 'sent';
}

function resentText(e: TagEntry): string {
  const n = e.resent ?? 0;
  // A send that failed and was sent again: the later copy is the one the vendor counted.
  if (!e.delivered) return 'sent again later, counted once';
  return n >= e.hits.length ? 'resent, counted once' : `${n} of ${e.hits.length} resent, counted once`;
}

function failureText(v: VendorSummary): string {
  return v.failures
    .map((f) => f.error ?? (f.status !== undefined ? `HTTP ${f.status}` : 'not delivered'))
    .filter((x, i, a) => a.indexOf(x) === i)
    .join(', ');
}

/** Consent Mode on this page: denied analytics storage is why ids and links go missing. */
function ConsentPill({ consent }: { consent: NonNullable<VendorSummary['consent']> }) {
  const text = `consent: analytics ${consent.analytics ?? 'not set'}, ads ${consent.ads ?? 'not set'}`;
  return <span class={`pill ${consent.analytics === 'denied' ? 'bad' : ''}`}>{text}</span>;
}

function VendorLine({ v }: { v: VendorSummary }) {
  return (
    <div class="row vendor-row" title={v.accounts.join(', ')}>
      <span class="vendor-name">{v.vendorName}</span>
      {v.scriptLoaded && <span class="pill ok">script loaded</span>}
      <span class="pill">{plural(v.fired, 'hit')} fired</span>
      {v.failed > 0 && (
        <span class="pill bad">
          {v.failed} failed: {failureText(v)}
        </span>
      )}
      {v.failed === 0 && v.failures.length > 0 && <span class="pill bad">script failed: {failureText(v)}</span>}
      {v.firstHitMs !== undefined && <span class="muted">first hit after {duration(v.firstHitMs)}</span>}
      {v.consent && <ConsentPill consent={v.consent} />}
      {v.accounts.length > 0 && <span class="muted ellipsis">{v.accounts.join(', ')}</span>}
    </div>
  );
}

export function TagsView() {
  const { store } = usePanel();
  const lang = useLang();
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
            {row.page.navigated && <span class="pill page-kind">{PAGE_KIND_LABEL[row.page.kind]}</span>}
            <span class="page-url ellipsis">
              {row.page.navigated ? shortUrl(row.page.url) : `Before any navigation ${shortUrl(row.page.url)}`}
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
              <span
                class="pill warn"
                title="The vendor already had these events (same event id) and drops the copy; Goalpost counts them once."
              >
                {resentText(e)}
              </span>
            )}
            <span class={`pill ${e.delivered ? 'ok' : 'bad'}`}>{statusText(e)}</span>
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
            <CopyButton text={row.param.value} label={`Copy ${row.param.label}`} />
          </div>
        );
      case 'actions': {
        const req = { url: row.entry.url, ...row.entry.request };
        return (
          <div class="row actions-row">
            <CopyButton text={curlCommand(req)} label="Copy this request as a cURL command">
              Copy as cURL
            </CopyButton>
            <CopyButton text={decodeCommand(req)} label="Copy this request as a goalpost decode command">
              Copy as goalpost decode
            </CopyButton>
          </div>
        );
      }
      case 'note':
        return <div class="row note-row muted">{row.text}</div>;
    }
  };

  return (
    <section class="view tags-view" aria-label="Tags">
      <search class="toolbar">
        <input
          type="search"
          placeholder="Filter hits (text, parameter, URL)"
          aria-label="Filter hits"
          value={text}
          onInput={(e) => setText((e.currentTarget as HTMLInputElement).value)}
        />
        <select aria-label="Vendor" value={vendor} onChange={(e) => setVendor((e.currentTarget as HTMLSelectElement).value)}>
          <option value="">All vendors</option>
          {model.vendors.map((v) => (
            <option key={v.id} value={v.id}>
              {v.name}
            </option>
          ))}
        </select>
        <select aria-label="Account" value={account} onChange={(e) => setAccount((e.currentTarget as HTMLSelectElement).value)}>
          <option value="">All accounts</option>
          {model.accounts.map((a) => (
            <option key={a} value={a}>
              {a}
            </option>
          ))}
        </select>
        <CsvExport pages={pages} />
        <span class="muted summary">
          {plural(shown, 'request')} · {plural(model.hitCount, 'hit')} · {plural(model.pages.length, 'page')}
        </span>
      </search>
      {model.pages.length === 0 ? (
        <p class="empty">No tracking seen yet. Reload the page to see its tags; recording starts with the page’s first byte.</p>
      ) : (
        <VirtualList rows={rows} rowHeight={TAG_ROW_HEIGHT} rowKey={tagRowKey} render={render} label="Pages and hits" />
      )}
    </section>
  );
}
