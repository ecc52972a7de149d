/** The toolbar popup for the active tab. */
import { render } from 'preact';
import { browser } from 'wxt/browser';
import { Popup } from '../../components/Popup';
import '../../components/panel.css';
import { langOfExtension } from '../../lib/i18n/locale';
import { defaultEngine } from '../../lib/panel/default-engine';
import { createPortTransport } from '../../lib/panel/port-transport';
import { createPanelStore } from '../../lib/panel/store';

async function main() {
  const params = new URLSearchParams(location.search);
  const fromQuery = params.get('tabId');
  const [active] = fromQuery ? [] : await browser.tabs.query({ active: true, currentWindow: true });
  const tabId = fromQuery && /^\d+$/.test(fromQuery) ? Number(fromQuery) : active?.id;
  const store = createPanelStore({ transport: createPortTransport(), engine: defaultEngine, tabId });
  const panelUrl = browser.runtime.getURL(`/panel.html${tabId !== undefined ? `?tabId=${tabId}` : ''}`);
  const root = document.getElementById('app');
  if (root)
    render(
      <Popup store={store} panelUrl={panelUrl} lang={langOfExtension(browser.i18n.getMessage('lang'), browser.i18n.getUILanguage())} />,
      root,
    );
}
void main();
