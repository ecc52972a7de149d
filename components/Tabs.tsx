/** An ARIA tab list: arrow keys, Home and End move between tabs (roving tabindex). */
import { useRef } from 'preact/hooks';
import { useT } from '../lib/i18n/context';

export interface TabSpec {
  id: string;
  label: string;
  /** Shown as a badge drawn by CSS, so the tab's text stays its name. */
  count?: number;
  /** Extra words for screen readers ("3 errors"). */
  describe?: string;
}

export function Tabs({ tabs, active, onSelect }: { tabs: readonly TabSpec[]; active: string; onSelect(id: string): void }) {
  const t = useT();
  const list = useRef<HTMLDivElement>(null);
  const move = (to: number) => {
    const tab = tabs[(to + tabs.length) % tabs.length];
    if (!tab) return;
    onSelect(tab.id);
    list.current?.querySelector<HTMLElement>(`#tab-${tab.id}`)?.focus();
  };
  const onKey = (e: KeyboardEvent) => {
    const i = tabs.findIndex((t) => t.id === active);
    if (e.key === 'ArrowRight') move(i + 1);
    else if (e.key === 'ArrowLeft') move(i - 1);
    else if (e.key === 'Home') move(0);
    else if (e.key === 'End') move(tabs.length - 1);
    else return;
    e.preventDefault();
  };
  return (
    <div class="tabs" role="tablist" aria-label={t('tabs_label')} ref={list} onKeyDown={onKey}>
      {tabs.map((t) => (
        <button
          key={t.id}
          id={`tab-${t.id}`}
          type="button"
          role="tab"
          aria-selected={t.id === active}
          aria-controls={`view-${t.id}`}
          tabIndex={t.id === active ? 0 : -1}
          data-count={t.count}
          aria-description={t.describe}
          onClick={() => onSelect(t.id)}
        >
          {t.label}
        </button>
      ))}
    </div>
  );
}
