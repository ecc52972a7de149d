/**
 * The panel page: inside DevTools it shows the inspected tab and follows DevTools' theme;
 * opened as panel.html?tabId=<id> it shows that tab (no tabId: every tab) and follows the OS.
 */
import { render } from 'preact';
import { browser } from 'wxt/browser';
import { App, type Theme, type ViewId } from '../../components/App';
import '../../components/panel.css';
import { langOfExtension } from '../../lib/i18n/locale';
import { defaultEngine } from '../../lib/panel/default-engine';
import { createPortTransport } from '../../lib/panel/port-transport';
import { createPanelStore } from '../../lib/panel/store';

const params = new URLSearchParams(location.search);
const devtools = (browser as { devtools?: typeof browser.devtools }).devtools;
const inspected = devtools?.inspectedWindow?.tabId;
const fromQuery = params.get('tabId');
const tabId = fromQuery !== null && /^\d+$/.test(fromQuery) ? Number(fromQuery) : inspected;
const themeName = devtools?.panels?.themeName;
const theme: Theme = themeName === 'dark' ? 'dark' : themeName === 'default' ? 'light' : 'auto';
const view = (params.get('view') ?? 'tags') as ViewId;

const store = createPanelStore({ transport: createPortTransport(), engine: defaultEngine, tabId });
const root = document.getElementById('app');
if (root)
  render(
    <App
      store={store}
      theme={theme}
      initialView={view}
      lang={langOfExtension(browser.i18n.getMessage('lang'), browser.i18n.getUILanguage())}
    />,
    root,
  );
