// @vitest-environment happy-dom
import { cleanup, render, screen } from '@testing-library/preact';
import { afterEach, describe, expect, it } from 'vitest';
import { Popup, popupSummary } from '../../components/Popup';
import { fixtureStore } from './helpers';

afterEach(cleanup);

describe('toolbar popup', () => {
  it('sums the tab’s hits fired and failed and counts error findings', () => {
    const { store } = fixtureStore();
    expect(popupSummary(store)).toEqual({ fired: 7, failed: 1, vendors: ['ga4', 'ptengine'], errors: 3, warnings: 1 });
  });

  it('shows the status and links to the panel for this tab', () => {
    const { store } = fixtureStore({ tabId: 42 });
    const { container } = render(<Popup store={store} panelUrl="chrome-extension://x/panel.html?tabId=42" />);
    expect(container.textContent).toContain('3 errors, 1 warning');
    expect(container.textContent).toContain('1 hit');
    const link = screen.getByRole('link', { name: 'Open the Goalpost panel for this tab' });
    expect(link.getAttribute('href')).toBe('chrome-extension://x/panel.html?tabId=42');
  });
});
