/**
 * Export the hits shown (after the Tags filter) as CSV, with the decoded parameters the user
 * ticks as extra columns: every vendor names its parameters differently, so no fixed set fits.
 */
import { useMemo, useState } from 'preact/hooks';
import { paramKeys } from '../lib/export/hits-csv';
import { useT } from '../lib/i18n/context';
import type { TagPage } from '../lib/panel/tags';
import { usePanel } from './platform';

export function CsvExport({ pages }: { pages: readonly TagPage[] }) {
  const { store, platform } = usePanel();
  const t = useT();
  const [open, setOpen] = useState(false);
  // Listing the keys reads every hit's parameters: only once someone opens the export.
  const keys = useMemo(() => (open ? paramKeys(pages) : []), [open, pages]);
  const [chosen, setChosen] = useState<readonly string[]>([]);
  const toggle = (k: string) => setChosen(chosen.includes(k) ? chosen.filter((c) => c !== k) : [...chosen, k]);
  return (
    <details class="csv-export" onToggle={(e) => setOpen((e.currentTarget as HTMLDetailsElement).open)}>
      <summary>{t('csv_export')}</summary>
      <fieldset>
        <legend>{t('csv_param_columns')}</legend>
        {open && keys.length === 0 && <span class="muted">{t('csv_no_params')}</span>}
        {keys.map((k) => (
          <label key={k}>
            <input type="checkbox" checked={chosen.includes(k)} onChange={() => toggle(k)} /> {k}
          </label>
        ))}
      </fieldset>
      <button
        type="button"
        onClick={() =>
          platform.download(
            store.exportHitsCsv(
              keys.filter((k) => chosen.includes(k)),
              pages,
            ),
          )
        }
      >
        {t('csv_download')}
      </button>
    </details>
  );
}
