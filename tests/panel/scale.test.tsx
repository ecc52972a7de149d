// @vitest-environment happy-dom
/**
 * The panel with long recordings: every list keeps only a window of rows in the DOM, the filter
 * narrows 100,000 hits, and events the background dropped are said with their number, in the
 * panel and in the exports.
 */
import { cleanup, fireEvent, render, screen, within } from '@testing-library/preact';
import { afterEach, describe, expect, it } from 'vitest';
import { App, type ViewId } from '../../components/App';
import type { Occurrence, Report, ReportSession } from '../../lib/formats/report';
import type { StoredEvent } from '../../lib/messages';
import { fixtureReport, fixtureStore, recordingPlatform, type Fixture } from './helpers';

afterEach(cleanup);

function show(view: ViewId, fx: Fixture) {
  const { platform, downloads } = recordingPlatform();
  const utils = render(<App store={fx.store} platform={platform} initialView={view} />);
  return { ...utils, downloads };
}

/** 100,000 GA4 hits over 1,000 pages; every 1,000th hit is a purchase with its own order id. */
function bigJourney(): StoredEvent[] {
  const events: StoredEvent[] = [];
  for (let i = 0; i < 100_000; i++) {
    const url = `https://big.test/p${Math.floor(i / 100)}`;
    if (i % 100 === 0) events.push({ id: `n${i}`, type: 'navigation', t: i * 10, url });
    const purchase = i % 1_000 === 999;
    events.push({
      id: `h${i}`,
      type: 'hit',
      t: i * 10 + 1,
      vendor: 'ga4',
      kind: purchase ? 'transaction' : 'event',
      name: purchase ? 'purchase' : `scroll_${i % 7}`,
      url,
      ...(purchase ? { transaction: { total: 10, currency: 'EUR', orderId: `ORDER-${i}` } } : {}),
    });
  }
  return events;
}

describe('a long recording', () => {
  it('Tags: 100,000 hits render a window of rows, and the filter narrows them to the matching hits', () => {
    show('tags', fixtureStore({ events: bigJourney() }));
    const list = () => screen.getByRole('list', { name: 'Pages and hits' });
    expect(list().querySelectorAll('.vlist-row').length).toBeLessThan(100);
    expect(screen.getByText(/100000 hits/)).toBeTruthy();
    fireEvent.input(screen.getByRole('searchbox', { name: 'Filter hits' }), { target: { value: 'order-99999' } });
    expect(screen.getByText(/^1 request/)).toBeTruthy();
    // Every page keeps its header, so the one match is under the last page: scroll to the end.
    const box = list();
    box.scrollTop = Number.parseInt((box.firstElementChild as HTMLElement).style.height, 10) - 600;
    fireEvent.scroll(box);
    const hits = within(list()).getAllByRole('button', { expanded: false });
    expect(hits).toHaveLength(1);
    expect(hits[0]?.textContent).toContain('transaction');
    fireEvent.input(screen.getByRole('searchbox', { name: 'Filter hits' }), { target: { value: 'purchase' } });
    expect(screen.getByText(/^100 requests/)).toBeTruthy();
    expect(list().querySelectorAll('.vlist-row').length).toBeLessThan(100);
  });

  it('Sessions: 5,000 visits render a window of rows, first ones first', () => {
    const report = fixtureReport();
    const sessions: ReportSession[] = Array.from({ length: 5_000 }, (_, i) => ({
      id: `s${i}`,
      visitor: 'v1',
      start: new Date(i * 3_600_000).toISOString(),
      end: new Date(i * 3_600_000 + 60_000).toISOString(),
      hits: 2,
      pages: 1,
      reason: i === 0 ? 'first' : 'timeout',
    }));
    const big: Report = {
      ...report,
      visitors: [{ ...report.visitors[0]!, id: 'v1', sessions: sessions.map((s) => s.id) }],
      sessions,
      hops: [],
    };
    const { container } = show('sessions', fixtureStore({ report: big }));
    expect(container.textContent).toContain('5000 visits');
    const visits = container.querySelectorAll('.visit');
    expect(visits.length).toBeGreaterThan(5);
    expect(visits.length).toBeLessThan(60);
    expect(visits[0]?.textContent).toContain('Visit s0');
  });

  it('Goals: a goal met 20,000 times renders a window of its occurrences', () => {
    const report = fixtureReport();
    const occurrences: Occurrence[] = Array.from({ length: 20_000 }, (_, i) => ({
      t: new Date(i * 1000).toISOString(),
      url: `https://big.test/thanks/${i}`,
      visitor: 'v1',
      session: `s${i}`,
      counted: i % 2 === 0,
      reason: i % 2 === 0 ? 'counted' : 'once-per-visit',
    }));
    const goal = { ...report.goals[0]!, occurrences, sessions: 10_000, users: 1, total: 10_000 };
    const { container } = show('goals', fixtureStore({ report: { ...report, goals: [goal] } }));
    const details = container.querySelector(`details[data-goal="${goal.id}"]`);
    expect(details?.textContent).toContain('20000 occurrences');
    const rows = details?.querySelectorAll('.occurrence:not(.head)') ?? [];
    expect(rows.length).toBeGreaterThan(5);
    expect(rows.length).toBeLessThan(60);
    expect(rows[1]?.textContent).toContain('already counted once in this visit');
  });
});

describe('events the background dropped', () => {
  const dropped = (n: number) => {
    const fx = fixtureStore({ tabId: 7 });
    fx.transport.emit({ type: 'snapshot', tabId: 7, events: fx.events, dropped: n, goals: fx.goals });
    return fx;
  };

  it('are said in a notice with their number', () => {
    show('tags', dropped(98_000));
    expect(screen.getByRole('status').textContent).toBe(
      'The 98000 oldest events of this recording were dropped to keep the extension within its storage limit; the views and exports show only what is left.',
    );
  });

  it('are not mentioned when there are none', () => {
    const { container } = show('tags', dropped(0));
    expect(container.querySelector('.notice.dropped')).toBeNull();
  });

  it('are counted in the exported journey and said in the HAR comment', () => {
    const { downloads } = show('editor', dropped(1));
    fireEvent.click(screen.getByRole('button', { name: 'Export journey' }));
    fireEvent.click(screen.getByRole('button', { name: 'Export HAR' }));
    const [journey, har] = downloads.map((d) => JSON.parse(d.text) as { dropped?: number; log?: { comment?: string } });
    expect(journey?.dropped).toBe(1);
    expect(har?.log?.comment).toBe(
      'The oldest event of this recording was dropped to keep the extension within its storage limit; the views and exports show only what is left.',
    );
  });
});
