import { useState } from 'preact/hooks';
import { useT } from '../lib/i18n/context';
import { usePanel } from './platform';

/** A small button that copies a value and says so for a moment. */
export function CopyButton({ text, label, children }: { text: string; label: string; children?: string }) {
  const { platform } = usePanel();
  const t = useT();
  const [done, setDone] = useState<'' | 'ok' | 'no'>('');
  return (
    <button
      type="button"
      class="copy"
      aria-label={label}
      title={label}
      onClick={async (e) => {
        e.stopPropagation();
        const ok = await platform.copy(text);
        setDone(ok ? 'ok' : 'no');
        setTimeout(() => setDone(''), 1200);
      }}
    >
      {done === 'ok' ? t('copy_done') : done === 'no' ? t('copy_failed') : (children ?? t('copy'))}
    </button>
  );
}
