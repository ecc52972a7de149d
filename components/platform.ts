/**
 * The few things views need from the page they run in (clipboard, downloads). Passed through
 * context so the DevTools panel, the extension page and the tests each supply their own.
 */
import { createContext } from 'preact';
import { useContext } from 'preact/hooks';
import type { ExportFile, PanelStore } from '../lib/panel/store';

export interface Platform {
  copy(text: string): Promise<boolean>;
  download(file: ExportFile): void;
}

/** Clipboard API first; DevTools panels often refuse it, so fall back to a selected textarea. */
export async function copyText(text: string): Promise<boolean> {
  try {
    await navigator.clipboard.writeText(text);
    return true;
  } catch {
    const area = document.createElement('textarea');
    area.value = text;
    area.setAttribute('readonly', '');
    area.style.position = 'fixed';
    area.style.opacity = '0';
    document.body.append(area);
    area.select();
    let ok = false;
    try {
      ok = document.execCommand('copy');
    } catch {
      ok = false;
    }
    area.remove();
    return ok;
  }
}

export function downloadFile(file: ExportFile): void {
  const url = URL.createObjectURL(new Blob([file.text], { type: file.mime }));
  const a = document.createElement('a');
  a.href = url;
  a.download = file.name;
  document.body.append(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}

export const browserPlatform: Platform = { copy: copyText, download: downloadFile };

export interface PanelContextValue {
  store: PanelStore;
  platform: Platform;
}

export const PanelContext = createContext<PanelContextValue | null>(null);

export function usePanel(): PanelContextValue {
  const v = useContext(PanelContext);
  if (!v) throw new Error('usePanel outside PanelContext');
  return v;
}
