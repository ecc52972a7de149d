/**
 * Diagnose: the findings as a checklist, worst first, each with what to fix. A problem repeated
 * on many pages is one item with its count, pages and time span, opening onto every occurrence
 * (windowed once there are many), each of which can be copied for the customer.
 */
import { useMemo, useState } from 'preact/hooks';
import type { GroupedFindings } from '../lib/engine/finding-groups';
import type { Finding } from '../lib/formats/report';
import { customerText, diagnoseGroups, FIX, findingText } from '../lib/panel/diagnose';
import { clock } from '../lib/panel/format';
import { CopyButton } from './CopyButton';
import { usePanel } from './platform';
import { VirtualList } from './VirtualList';

const SEVERITY_LABEL = { error: 'Error', warning: 'Warning', info: 'Note' } as const;
/** Occurrences listed as plain rows up to this many; a longer list is windowed. */
const PLAIN_OCCURRENCES = 50;
const OCCURRENCE_ROW_HEIGHT = 44;

function Occurrence({ f }: { f: Finding }) {
  const ids = [f.session && `session ${f.session}`, f.goal && `goal ${f.goal}`, f.vendor].filter(Boolean).join(' · ');
  return (
    <div class="occurrence" title={f.message}>
      <div class="occurrence-line">
        {f.t && <span class="muted">{clock(f.t)}</span>}
        {f.url && <span class="mono ellipsis">{f.url}</span>}
        {ids && <span class="muted">{ids}</span>}
        <CopyButton text={findingText(f)} label="Copy this occurrence for the customer" />
      </div>
      <div class="occurrence-message ellipsis">{f.message}</div>
    </div>
  );
}

function Occurrences({ group }: { group: GroupedFindings }) {
  const members = group.members ?? group.examples;
  // A finding has no id of its own; its place in the group is stable (the list never reorders).
  const rows = useMemo(() => members.map((f, i) => ({ f, key: String(i) })), [members]);
  const label = `Occurrences of ${group.code}`;
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
  const [open, setOpen] = useState(false);
  const first = g.examples[0]!;
  const where = [g.vendor, g.site, g.goal && `goal ${g.goal}`].filter(Boolean).join(' · ');
  return (
    <li class={`finding ${g.severity} ${done ? 'done' : ''}`} data-code={g.code} data-count={g.count}>
      <label>
        <input type="checkbox" checked={done} onChange={onToggle} />
        <span class={`sev ${g.severity}`}>{SEVERITY_LABEL[g.severity]}</span>
        <span class="message">{first.message}</span>
      </label>
      <div class="finding-meta">
        {first.url && (
          <span class="mono ellipsis" title={first.url}>
            {first.url}
          </span>
        )}
        {first.t && <span class="muted">{clock(first.t)}</span>}
        <span class="muted mono">{g.code}</span>
        {g.count === 1 && <CopyButton text={findingText(first)} label="Copy this finding for the customer" />}
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
              {g.otherPages ? `, other pages ×${g.otherPages}` : ''}
            </span>
          )}
        </div>
      )}
      <div class="fix">What to fix: {FIX[g.code] ?? 'See the message.'}</div>
      {g.count > 1 && (
        <button type="button" class="expand" aria-expanded={open} onClick={() => setOpen(!open)}>
          {open ? 'Hide the occurrences' : `Show all ${g.count} occurrences`}
        </button>
      )}
      {open && <Occurrences group={g} />}
    </li>
  );
}

export function DiagnoseView() {
  const { store } = usePanel();
  const report = store.report.value;
  const groups = useMemo(() => (report ? diagnoseGroups(report.findings) : []), [report]);
  const [done, setDone] = useState<ReadonlySet<string>>(new Set());
  if (!report)
    return (
      <section class="view" aria-label="Diagnose">
        <p class="empty">No report.</p>
      </section>
    );
  const count = (s: string) => groups.reduce((n, g) => (g.severity === s ? n + g.count : n), 0);
  return (
    <section class="view diagnose-view" aria-label="Diagnose">
      <div class="toolbar">
        {groups.length < report.findings.length && (
          <span class="muted">
            {report.findings.length} findings in {groups.length} groups of the same problem, vendor and site
          </span>
        )}
        <span class="summary">
          <span class="sev error">{count('error')}</span> errors · <span class="sev warning">{count('warning')}</span> warnings ·{' '}
          <span class="sev info">{count('info')}</span> notes
        </span>
        <CopyButton text={customerText(groups)} label="Copy for the customer">
          Copy for the customer
        </CopyButton>
      </div>
      {groups.length === 0 && <p class="empty">No problems found in this recording.</p>}
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
