/**
 * The goals editor with live validation (the saved goals stay until a valid document is saved),
 * and import/export of goals, journeys, HAR and reports.
 */
import { useEffect, useMemo, useRef, useState } from 'preact/hooks';
import { usePanel } from './platform';

export function EditorView() {
  const { store, platform } = usePanel();
  const saved = store.goals.value;
  const savedText = useMemo(() => JSON.stringify(saved, null, 2), [saved]);
  const [draft, setDraft] = useState(savedText);
  const [result, setResult] = useState<{ kind: 'ok' | 'error'; text: string } | null>(null);
  const [busy, setBusy] = useState(false);
  const fileInput = useRef<HTMLInputElement>(null);
  const dirty = draft !== savedText;

  // When the stored goals change elsewhere and nothing is being edited, show them.
  const lastSaved = useRef(savedText);
  useEffect(() => {
    if (draft === lastSaved.current) setDraft(savedText);
    lastSaved.current = savedText;
  }, [savedText, draft]);

  const check = useMemo(() => store.checkGoals(draft), [draft, store]);

  const save = async () => {
    setBusy(true);
    const r = await store.saveGoals(draft);
    setBusy(false);
    setResult(
      r.ok ? { kind: 'ok', text: `Saved: ${r.value.goals.length} goal(s); every view now uses them.` } : { kind: 'error', text: r.error },
    );
  };

  const onFile = async (e: Event) => {
    const input = e.currentTarget as HTMLInputElement;
    const file = input.files?.[0];
    input.value = '';
    if (!file) return;
    await store.importFile(file.name, await file.text());
  };

  const report = store.exportReport();
  return (
    <section class="view editor-view" aria-label="Goal editor">
      <h3 id="goals-heading">Goals document</h3>
      <textarea
        class="goals-text mono"
        aria-labelledby="goals-heading"
        aria-describedby="goals-status"
        aria-invalid={!check.ok}
        spellcheck={false}
        value={draft}
        onInput={(e) => {
          setDraft((e.currentTarget as HTMLTextAreaElement).value);
          setResult(null);
        }}
      />
      <div id="goals-status" class={`status ${check.ok ? 'ok' : 'bad'}`} aria-live="polite">
        {check.ok
          ? `Valid: ${check.value.goals.length} goal(s), model ${check.value.model ?? 'ptengine'}${dirty ? ' (not saved yet)' : ''}.`
          : `${check.error}${dirty ? ' The saved goals stay in use until this is fixed.' : ''}`}
      </div>
      <div class="toolbar">
        <button type="button" class="primary" disabled={!check.ok || !dirty || busy} onClick={save}>
          Save goals
        </button>
        <button
          type="button"
          disabled={!dirty}
          onClick={() => {
            setDraft(savedText);
            setResult(null);
          }}
        >
          Revert
        </button>
        {result && (
          <span class={result.kind === 'ok' ? 'ok-text' : 'bad-text'} role={result.kind === 'error' ? 'alert' : 'status'}>
            {result.text}
          </span>
        )}
      </div>

      <h3>Files</h3>
      <div class="toolbar">
        <button type="button" onClick={() => fileInput.current?.click()}>
          Import goals, journey or HAR…
        </button>
        <input ref={fileInput} type="file" accept=".json,.har,application/json" class="hidden" aria-label="Import file" onChange={onFile} />
        <button type="button" onClick={() => platform.download(store.exportGoals())}>
          Export goals
        </button>
        <button type="button" onClick={() => platform.download(store.exportJourney())}>
          Export journey
        </button>
        <button type="button" onClick={() => platform.download(store.exportHar())}>
          Export HAR
        </button>
        <button type="button" disabled={!report} onClick={() => report && platform.download(report)}>
          Export report
        </button>
      </div>
      <p class="muted">
        A goals file replaces the goals once it is valid; a journey or HAR file is shown instead of the live recording until you go back to
        live. A file that cannot be read changes nothing.
      </p>
    </section>
  );
}
