// @vitest-environment happy-dom
import { cleanup, fireEvent, render, screen, waitFor } from '@testing-library/preact';
import { afterEach, describe, expect, it } from 'vitest';
import { App } from '../../components/App';
import type { StoredEvent } from '../../lib/messages';
import { defaultEngine } from '../../lib/panel/default-engine';
import { fixtureStore, recordingPlatform } from '../panel/helpers';

afterEach(cleanup);

const BEACON = 'https://www.google-analytics.com/g/collect?v=2&tid=G-SHOP1&cid=111.222&en=page_view&dl=https%3A%2F%2Fshop.test%2F';
const BODY = "en=scroll&ep.note=it's";

function showTags() {
  const events: StoredEvent[] = [
    { id: 'n1', type: 'navigation', t: 1000, url: 'https://shop.test/' },
    { id: 'r1', type: 'request', t: 1200, url: BEACON, method: 'POST', body: BODY, status: 204, pageUrl: 'https://shop.test/' },
  ];
  const { platform, copied, downloads } = recordingPlatform();
  const { store } = fixtureStore({ events, engine: defaultEngine });
  render(<App store={store} platform={platform} initialView="tags" />);
  return { copied, downloads };
}

describe('Tags view exports', () => {
  it('copies an expanded request as cURL and as goalpost decode', async () => {
    const { copied } = showTags();
    fireEvent.click(screen.getByRole('button', { name: /Google Analytics 4/ }));
    fireEvent.click(screen.getByRole('button', { name: 'Copy this request as a cURL command' }));
    fireEvent.click(screen.getByRole('button', { name: 'Copy this request as a goalpost decode command' }));
    await waitFor(() => expect(copied).toHaveLength(2));
    expect(copied[0]).toBe(`curl '${BEACON}' --data-raw 'en=scroll&ep.note=it'\\''s'`);
    expect(copied[1]).toBe(`goalpost decode '${BEACON}' --body 'en=scroll&ep.note=it'\\''s'`);
  });

  it('downloads the shown hits as CSV with the ticked parameter columns', () => {
    const { downloads } = showTags();
    fireEvent.click(screen.getByText('Export CSV'));
    fireEvent.click(screen.getByRole('checkbox', { name: 'tid' }));
    fireEvent.click(screen.getByRole('button', { name: 'Download hits CSV' }));
    expect(downloads).toHaveLength(1);
    const file = downloads[0];
    expect(file?.name).toMatch(/^hits-.*\.csv$/);
    expect(file?.mime).toBe('text/csv');
    const lines = file?.text.trim().split('\r\n') ?? [];
    expect(lines[0]).toBe('time,page,vendor,account,kind,name,value,status,tid');
    expect(lines.slice(1).every((l) => l.endsWith(',204,G-SHOP1'))).toBe(true);
    expect(lines.length).toBeGreaterThan(1);
  });
});
