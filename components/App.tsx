/** The Goalpost panel: header with the recording's status, the view tabs, and the active view. */
import { useState } from 'preact/hooks';
import type { PanelStore } from '../lib/panel/store';
import { droppedNotice } from '../lib/panel/dropped';
import { plural } from '../lib/panel/format';
import { DiagnoseView } from './DiagnoseView';
import { EditorView } from './EditorView';
import { GoalsView } from './GoalsView';
import { PanelContext, browserPlatform, type Platform } from './platform';
import { SessionsView } from './SessionsView';
import { Tabs, type TabSpec } from './Tabs';
import { TagsView } from './TagsView';

export type ViewId = 'tags' | 'sessions' | 'goals' | 'diagnose' | 'editor';
export type Theme = 'light' | 'dark' | 'auto';

const VIEWS: Record<ViewId, () => preact.JSX.Element> = {
  tags: TagsView,
  sessions: SessionsView,
  goals: GoalsView,
  diagnose: DiagnoseView,
  editor: EditorView,
};

function Header({ store }: { store: PanelStore }) {
  const imported = store.imported.value;
  const live = store.live.value;
  return (
    <header class="header">
      <span class="brand">Goalpost</span>
      {imported ? (
        <>
          <span class="pill warn">File: {imported.name}</span>
          <button type="button" onClick={() => store.backToLive()}>
            Back to live
          </button>
        </>
      ) : (
        <span class="muted" aria-live="polite">
          {live.ready ? 'Recording' : 'Connecting…'}
          {store.tabId !== undefined ? ` tab ${store.tabId}` : ' all tabs'} · {plural(live.events.length, 'event')}
        </span>
      )}
      <span class="spacer" />
      <span class="muted" title="The counting rules applied, and the tags whose hits make visitors, visits and goals">
        model {store.report.value?.model ?? store.goals.value.model ?? 'ptengine'}
        {store.report.value?.counted?.length ? ` · counting ${store.report.value.counted.join(', ')}` : ''}
      </span>
      <button
        type="button"
        onClick={() => void store.clear()}
        title={imported ? 'Close the file' : 'Forget what was recorded for this tab'}
      >
        Clear
      </button>
    </header>
  );
}

export function App({
  store,
  platform = browserPlatform,
  theme = 'auto',
  initialView = 'tags',
}: {
  store: PanelStore;
  platform?: Platform;
  theme?: Theme;
  initialView?: ViewId;
}) {
  const [view, setView] = useState<ViewId>(initialView);
  const result = store.result.value;
  const notice = store.notice.value;
  const dropped = store.imported.value ? undefined : droppedNotice(store.live.value.dropped);
  const report = store.report.value;
  const errors = report?.findings.filter((f) => f.severity === 'error').length ?? 0;
  const tabs: TabSpec[] = [
    { id: 'tags', label: 'Tags' },
    { id: 'sessions', label: 'Sessions' },
    { id: 'goals', label: 'Goals' },
    { id: 'diagnose', label: 'Diagnose', count: errors > 0 ? errors : undefined, describe: errors > 0 ? `${errors} errors` : undefined },
    { id: 'editor', label: 'Editor' },
  ];
  const View = VIEWS[view];
  return (
    <PanelContext.Provider value={{ store, platform }}>
      <div class={`gp-root theme-${theme}`}>
        <Header store={store} />
        <Tabs tabs={tabs} active={view} onSelect={(id) => setView(id as ViewId)} />
        {notice && (
          <div class={`notice ${notice.kind}`} role={notice.kind === 'error' ? 'alert' : 'status'}>
            <span>{notice.text}</span>
            <button type="button" class="link" onClick={() => store.dismissNotice()} aria-label="Dismiss">
              ×
            </button>
          </div>
        )}
        {dropped && (
          <div class="notice warn dropped" role="status">
            {dropped}
          </div>
        )}
        {!result.ok && (
          <div class="notice error" role="alert">
            {result.error}
          </div>
        )}
        <main id={`view-${view}`} role="tabpanel" aria-labelledby={`tab-${view}`} class="main">
          <View />
        </main>
      </div>
    </PanelContext.Provider>
  );
}
