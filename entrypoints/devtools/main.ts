/** Adds the "Goalpost" panel to DevTools; the panel page finds the inspected tab itself. */
import { browser } from 'wxt/browser';

void browser.devtools.panels.create('Goalpost', '', '/panel.html');
