/** Diagnose: the findings as a checklist, worst first, each with what to fix. */
import { useState } from 'preact/hooks';
import { customerText, FIX, sortFindings } from '../lib/panel/diagnose';
import { clock } from '../lib/panel/format';
import { CopyButton } from './CopyButton';
import { usePanel } from './platform';

const SEVERITY_LABEL = { error: 'Error', warning: 'Warning', info: 'Note' } as const;

export function DiagnoseView() {
  const { store } = usePanel();
  const report = store.report.value;
  const [done, setDone] = useState<ReadonlySet<number>>(new Set());
  if (!report)
    return (
      <section class="view" aria-label="Diagnose">
        <p class="empty">No report.</p>
      </section>
    );
  const findings = sortFindings(report.findings);
  const count = (s: string) => findings.filter((f) => f.severity === s).length;
  return (
    <section class="view diagnose-view" aria-label="Diagnose">
      <div class="toolbar">
        <span class="summary">
          <span class="sev error">{count('error')}</span> errors · <span class="sev warning">{count('warning')}</span> warnings ·{' '}
          <span class="sev info">{count('info')}</span> notes
        </span>
        <CopyButton text={customerText(report.findings)} label="Copy for the customer">
          Copy for the customer
        </CopyButton>
      </div>
      {findings.length === 0 && <p class="empty">No problems found in this recording.</p>}
      <ul class="checklist">
        {findings.map((f, i) => (
          <li key={i} class={`finding ${f.severity} ${done.has(i) ? 'done' : ''}`} data-code={f.code}>
            <label>
              <input
                type="checkbox"
                checked={done.has(i)}
                onChange={() => {
                  const next = new Set(done);
                  if (next.has(i)) next.delete(i);
                  else next.add(i);
                  setDone(next);
                }}
              />
              <span class={`sev ${f.severity}`}>{SEVERITY_LABEL[f.severity]}</span>
              <span class="message">{f.message}</span>
            </label>
            <div class="finding-meta">
              {f.url && (
                <span class="mono ellipsis" title={f.url}>
                  {f.url}
                </span>
              )}
              {f.t && <span class="muted">{clock(f.t)}</span>}
              <span class="muted mono">{f.code}</span>
            </div>
            <div class="fix">What to fix: {FIX[f.code] ?? 'See the message.'}</div>
          </li>
        ))}
      </ul>
    </section>
  );
}
