/**
 * The goals editor with live validation (the saved goals stay until a valid document is saved),
 * and import/export of goals, journeys, HAR and reports.
 */
import { useEffect, useMemo, useRef, useState } from 'preact/hooks';
import { useT } from '../lib/i18n/context';
import { usePanel } from './platform';

export function EditorView() {
  const { store, platform } = usePanel();
  const t = useT();
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
    setResult(r.ok ? { kind: 'ok', text: t('editor_saved', { goals: r.value.goals.length }) } : { kind: 'error', text: r.error });
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
    <section class="view editor-view" aria-label={t('editor_label')}>
      <h3 id="goals-heading">{t('editor_goals_heading')}</h3>
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
          ? t(dirty ? 'editor_valid_unsaved' : 'editor_valid', { goals: check.value.goals.length, model: check.value.model ?? 'ptengine' })
          : dirty
            ? t('editor_invalid_unsaved', { error: check.error })
            : check.error}
      </div>
      <div class="toolbar">
        <button type="button" class="primary" disabled={!check.ok || !dirty || busy} onClick={save}>
          {t('editor_save')}
        </button>
        <button
          type="button"
          disabled={!dirty}
          onClick={() => {
            setDraft(savedText);
            setResult(null);
          }}
        >
          {t('editor_revert')}
        </button>
        {result && (
          <span class={result.kind === 'ok' ? 'ok-text' : 'bad-text'} role={result.kind === 'error' ? 'alert' : 'status'}>
            {result.text}
          </span>
        )}
      </div>

      <h3>{t('editor_files_heading')}</h3>
      <div class="toolbar">
        <button type="button" onClick={() => fileInput.current?.click()}>
          {t('editor_import')}
        </button>
        <input
          ref={fileInput}
          type="file"
          accept=".json,.har,application/json"
          class="hidden"
          aria-label={t('editor_import_label')}
          onChange={onFile}
        />
        <button type="button" onClick={() => platform.download(store.exportGoals())}>
          {t('editor_export_goals')}
        </button>
        <button type="button" onClick={() => platform.download(store.exportJourney())}>
          {t('editor_export_journey')}
        </button>
        <button type="button" onClick={() => platform.download(store.exportHar())}>
          {t('editor_export_har')}
        </button>
        <button type="button" disabled={!report} onClick={() => report && platform.download(report)}>
          {t('editor_export_report')}
        </button>
      </div>
      <p class="muted">{t('editor_files_note')}</p>
    </section>
  );
}
