/** The Goalpost panel: header with the recording's status, the view tabs, and the active view. */
import { useState } from 'preact/hooks';
import type { PanelStore } from '../lib/panel/store';
import type { Lang } from '../lib/i18n/catalogues';
import { LangContext, useT } from '../lib/i18n/context';
import { countText } from '../lib/i18n/render';
import { droppedNotice } from '../lib/panel/dropped';
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
  const t = useT();
  const imported = store.imported.value;
  const live = store.live.value;
  const tab = store.tabId;
  const model = store.report.value?.model ?? store.goals.value.model ?? 'ptengine';
  const counted = store.report.value?.counted;
  const status = live.ready
    ? tab !== undefined
      ? t('header_recording_tab', { tab })
      : t('header_recording_all')
    : tab !== undefined
      ? t('header_connecting_tab', { tab })
      : t('header_connecting_all');
  return (
    <header class="header">
      <span class="brand">Goalpost</span>
      {imported ? (
        <>
          <span class="pill warn">{t('header_file', { name: imported.name })}</span>
          <button type="button" onClick={() => store.backToLive()}>
            {t('header_back_to_live')}
          </button>
        </>
      ) : (
        <span class="muted" aria-live="polite">
          {status} · {countText(t, live.events.length, 'count_event_one', 'count_events')}
        </span>
      )}
      <span class="spacer" />
      <span class="muted" title={t('header_model_title')}>
        {counted?.length ? t('header_model_counting', { model, vendors: counted.join(', ') }) : t('header_model', { model })}
      </span>
      <button
        type="button"
        onClick={() => void store.clear()}
        title={imported ? t('header_clear_file_title') : t('header_clear_live_title')}
      >
        {t('header_clear')}
      </button>
    </header>
  );
}

export function App({
  store,
  platform = browserPlatform,
  theme = 'auto',
  initialView = 'tags',
  lang = 'en',
}: {
  store: PanelStore;
  platform?: Platform;
  theme?: Theme;
  initialView?: ViewId;
  lang?: Lang;
}) {
  return (
    <LangContext.Provider value={lang}>
      <Panel store={store} platform={platform} theme={theme} initialView={initialView} lang={lang} />
    </LangContext.Provider>
  );
}

function Panel({
  store,
  platform,
  theme,
  initialView,
  lang,
}: {
  store: PanelStore;
  platform: Platform;
  theme: Theme;
  initialView: ViewId;
  lang: Lang;
}) {
  const t = useT();
  const [view, setView] = useState<ViewId>(initialView);
  const result = store.result.value;
  const notice = store.notice.value;
  const dropped = store.imported.value ? undefined : droppedNotice(store.live.value.dropped, lang);
  const report = store.report.value;
  const errors = report?.findings.filter((f) => f.severity === 'error').length ?? 0;
  const tabs: TabSpec[] = [
    { id: 'tags', label: t('tab_tags') },
    { id: 'sessions', label: t('tab_sessions') },
    { id: 'goals', label: t('tab_goals') },
    {
      id: 'diagnose',
      label: t('tab_diagnose'),
      count: errors > 0 ? errors : undefined,
      describe: errors > 0 ? t('tab_errors', { n: errors }) : undefined,
    },
    { id: 'editor', label: t('tab_editor') },
  ];
  const View = VIEWS[view];
  return (
    <PanelContext.Provider value={{ store, platform }}>
      <div class={`gp-root theme-${theme}`} lang={lang}>
        <Header store={store} />
        <Tabs tabs={tabs} active={view} onSelect={(id) => setView(id as ViewId)} />
        {notice && (
          <div class={`notice ${notice.kind}`} role={notice.kind === 'error' ? 'alert' : 'status'}>
            <span>{notice.text}</span>
            <button type="button" class="link" onClick={() => store.dismissNotice()} aria-label={t('notice_dismiss')}>
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
