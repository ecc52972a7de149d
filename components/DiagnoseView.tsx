/**
 * Diagnose: the findings as a checklist, worst first, each with what to fix. A problem repeated
 * on many pages is one item with its count, pages and time span, opening onto every occurrence
 * (windowed once there are many), each of which can be copied for the customer.
 */
import { useMemo, useState } from 'preact/hooks';
import type { GroupedFindings } from '../lib/engine/finding-groups';
import type { Finding } from '../lib/formats/report';
import { useLang, useT } from '../lib/i18n/context';
import { findingMessage } from '../lib/i18n/finding';
import { customerText, diagnoseGroups, FIX, findingText } from '../lib/panel/diagnose';
import { clock } from '../lib/panel/format';
import { CopyButton } from './CopyButton';
import { usePanel } from './platform';
import { VirtualList } from './VirtualList';

const SEVERITY_LABEL = { error: 'severity_error', warning: 'severity_warning', info: 'severity_info' } as const;
/** Occurrences listed as plain rows up to this many; a longer list is windowed. */
const PLAIN_OCCURRENCES = 50;
const OCCURRENCE_ROW_HEIGHT = 44;

function Occurrence({ f }: { f: Finding }) {
  const t = useT();
  const lang = useLang();
  const ids = [f.session && t('diagnose_session', { id: f.session }), f.goal && t('diagnose_goal', { id: f.goal }), f.vendor]
    .filter(Boolean)
    .join(' · ');
  const message = findingMessage(f, lang);
  return (
    <div class="occurrence" title={message}>
      <div class="occurrence-line">
        {f.t && <span class="muted">{clock(f.t)}</span>}
        {f.url && <span class="mono ellipsis">{f.url}</span>}
        {ids && <span class="muted">{ids}</span>}
        <CopyButton text={findingText(f, lang)} label={t('diagnose_copy_occurrence')} />
      </div>
      <div class="occurrence-message ellipsis">{message}</div>
    </div>
  );
}

function Occurrences({ group }: { group: GroupedFindings }) {
  const t = useT();
  const members = group.members ?? group.examples;
  // A finding has no id of its own; its place in the group is stable (the list never reorders).
  const rows = useMemo(() => members.map((f, i) => ({ f, key: String(i) })), [members]);
  const label = t('diagnose_occurrences_label', { code: group.code });
  if (members.length <= PLAIN_OCCURRENCES) {
    return (
      <ul class="finding-occurrences" aria-label={label}>
        {rows.map((r) => (
          <li key={r.key}>
            <Occurrence f={r.f} />
          </li>
        ))}
      </ul>
    );
  }
  return (
    <div class="finding-occurrences windowed">
      <VirtualList
        rows={rows}
        rowHeight={OCCURRENCE_ROW_HEIGHT}
        rowKey={(r) => r.key}
        render={(r) => <Occurrence f={r.f} />}
        label={label}
        fallbackHeight={320}
      />
    </div>
  );
}

function GroupItem({ group: g, done, onToggle }: { group: GroupedFindings; done: boolean; onToggle(): void }) {
  const t = useT();
  const lang = useLang();
  const [open, setOpen] = useState(false);
  const first = g.examples[0]!;
  const where = [g.vendor, g.site, g.goal && t('diagnose_goal', { id: g.goal })].filter(Boolean).join(' · ');
  return (
    <li class={`finding ${g.severity} ${done ? 'done' : ''}`} data-code={g.code} data-count={g.count}>
      <label>
        <input type="checkbox" checked={done} onChange={onToggle} />
        <span class={`sev ${g.severity}`}>{t(SEVERITY_LABEL[g.severity])}</span>
        <span class="message">{findingMessage(first, lang)}</span>
      </label>
      <div class="finding-meta">
        {first.url && (
          <span class="mono ellipsis" title={first.url}>
            {first.url}
          </span>
        )}
        {first.t && <span class="muted">{clock(first.t)}</span>}
        <span class="muted mono">{g.code}</span>
        {g.count === 1 && <CopyButton text={findingText(first, lang)} label={t('diagnose_copy_finding')} />}
      </div>
      {g.count > 1 && (
        <div class="finding-meta group-meta">
          <span class="count">×{g.count}</span>
          {where && <span>{where}</span>}
          {g.first && g.last && (
            <span class="muted">
              {clock(g.first)} – {clock(g.last)}
            </span>
          )}
          {g.pages.length > 0 && (
            <span class="mono ellipsis">
              {g.pages.map((p) => `${p.pattern} ×${p.count}`).join(', ')}
              {g.otherPages ? `, ${t('diagnose_other_pages', { n: g.otherPages })}` : ''}
            </span>
          )}
        </div>
      )}
      <div class="fix">{t('diagnose_what_to_fix', { fix: FIX[g.code] ? t(FIX[g.code]) : t('fix_see_message') })}</div>
      {g.count > 1 && (
        <button type="button" class="expand" aria-expanded={open} onClick={() => setOpen(!open)}>
          {open ? t('diagnose_hide') : t('diagnose_show_all', { n: g.count })}
        </button>
      )}
      {open && <Occurrences group={g} />}
    </li>
  );
}

export function DiagnoseView() {
  const { store } = usePanel();
  const t = useT();
  const lang = useLang();
  const report = store.report.value;
  const groups = useMemo(() => (report ? diagnoseGroups(report.findings) : []), [report]);
  const [done, setDone] = useState<ReadonlySet<string>>(new Set());
  if (!report)
    return (
      <section class="view" aria-label={t('diagnose_summary_label')}>
        <p class="empty">{t('diagnose_no_report')}</p>
      </section>
    );
  const count = (s: string) => groups.reduce((n, g) => (g.severity === s ? n + g.count : n), 0);
  return (
    <section class="view diagnose-view" aria-label={t('diagnose_summary_label')}>
      <div class="toolbar">
        {groups.length < report.findings.length && (
          <span class="muted">{t('diagnose_grouped', { findings: report.findings.length, groups: groups.length })}</span>
        )}
        <span class="summary">
          <span class="sev error">{count('error')}</span> {t('diagnose_errors')} · <span class="sev warning">{count('warning')}</span>{' '}
          {t('diagnose_warnings')} · <span class="sev info">{count('info')}</span> {t('diagnose_notes')}
        </span>
        <CopyButton text={customerText(groups, lang)} label={t('diagnose_copy')}>
          {t('diagnose_copy')}
        </CopyButton>
      </div>
      {groups.length === 0 && <p class="empty">{t('diagnose_no_problems')}</p>}
      <ul class="checklist">
        {groups.map((g) => (
          <GroupItem
            key={g.key}
            group={g}
            done={done.has(g.key)}
            onToggle={() => {
              const next = new Set(done);
              if (next.has(g.key)) next.delete(g.key);
              else next.add(g.key);
              setDone(next);
            }}
          />
        ))}
      </ul>
    </section>
  );
}
