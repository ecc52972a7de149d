// @vitest-environment happy-dom
import { cleanup, fireEvent, render, screen, waitFor, within } from '@testing-library/preact';
import { afterEach, describe, expect, it } from 'vitest';
import { App, type ViewId } from '../../components/App';
import type { StoredEvent } from '../../lib/messages';
import { MIXPANEL_TRACK, mixpanelBatchBody } from '../decoders/wire-cases';
import { fixtureReport, fixtureStore, recordingPlatform, type Fixture } from './helpers';

afterEach(cleanup);

function show(view: ViewId, fx: Fixture = fixtureStore()) {
  const { platform, copied, downloads } = recordingPlatform();
  const utils = render(<App store={fx.store} platform={platform} initialView={view} />);
  return { ...utils, copied, downloads, fx };
}

describe('Tags view', () => {
  it('shows each page with each vendor’s state and the missing tag', () => {
    show('tags');
    const list = screen.getByRole('list', { name: 'Pages and hits' });
    expect([...list.querySelectorAll('.page-row')].map((r) => r.getAttribute('title'))).toEqual([
      'http://shop.test/',
      'http://shop.test/about',
      'http://shop.test/cart',
      'http://pay.test/checkout',
      'http://pay.test/thanks',
    ]);
    expect(list.textContent).toContain('The ptengine tag sent no hit from http://shop.test/about');
    expect(list.textContent).toContain('1 failed');
    expect(list.textContent).toContain('first hit after 300 ms');
    expect(list.textContent).toContain('first hit after 450 ms');
  });

  it('expands a hit to readable parameters and copies a value', async () => {
    const { copied } = show('tags');
    const hit = screen.getByRole('button', { name: /add_to_cart/ });
    expect(hit.getAttribute('aria-expanded')).toBe('false');
    fireEvent.click(hit);
    expect(hit.getAttribute('aria-expanded')).toBe('true');
    expect(screen.getByText('Event name')).toBeTruthy();
    fireEvent.click(screen.getByRole('button', { name: 'Copy Event name' }));
    await waitFor(() => expect(copied).toEqual(['add_to_cart']));
  });

  it('filters by text, vendor and account', () => {
    show('tags');
    const list = () => screen.getByRole('list', { name: 'Pages and hits' });
    fireEvent.input(screen.getByRole('searchbox', { name: 'Filter hits' }), { target: { value: 'add_to' } });
    expect(
      within(list())
        .getAllByRole('button', { expanded: false })
        .map((b) => b.textContent),
    ).toEqual([expect.stringContaining('add_to_cart')]);
    fireEvent.input(screen.getByRole('searchbox', { name: 'Filter hits' }), { target: { value: '' } });
    fireEvent.change(screen.getByRole('combobox', { name: 'Vendor' }), { target: { value: 'ptengine' } });
    const rows = within(list()).getAllByRole('button', { expanded: false });
    expect(rows).toHaveLength(5);
    expect(rows.every((r) => r.textContent?.includes('ptengine'))).toBe(true);
  });

  it('renders page-provided strings as text, never as HTML', () => {
    const evil = '<img src=x onerror="window.__owned=1">';
    const fx = fixtureStore({
      events: [
        { id: 'n', type: 'navigation', t: 0, url: `https://evil.test/?q=${evil}` },
        { id: 'h', type: 'hit', t: 5, vendor: 'ga4', kind: 'event', name: evil, url: `https://evil.test/?q=${evil}` },
      ],
    });
    const { container } = show('tags', fx);
    expect(container.querySelector('img')).toBeNull();
    expect(container.textContent).toContain(evil);
  });

  it('keeps only a window of rows in the DOM with 10,000 hits', () => {
    const events = [{ id: 'n', type: 'navigation' as const, t: 0, url: 'https://big.test/' }];
    for (let i = 0; i < 10_000; i++)
      events.push({ id: `h${i}`, type: 'hit', t: i + 1, vendor: 'ga4', kind: 'event', name: `e${i}`, url: 'https://big.test/' } as never);
    const { container } = show('tags', fixtureStore({ events }));
    const rows = container.querySelectorAll('.vlist-row');
    expect(rows.length).toBeGreaterThan(10);
    expect(rows.length).toBeLessThan(100);
    expect(container.textContent).toContain('10000 hits');
  });
});

describe('Tags view: copies on the wire', () => {
  it('says a beacon that repeats an XHR batch was resent and counted once', () => {
    const PAGE = 'https://shop.example/checkout/thanks';
    const events: StoredEvent[] = [
      { id: 'n', t: 1000, type: 'navigation', url: PAGE },
      { id: 'xhr', t: 2000, type: 'request', url: MIXPANEL_TRACK, method: 'POST', body: mixpanelBatchBody, pageUrl: PAGE, status: 200 },
      { id: 'beacon', t: 9000, type: 'request', url: MIXPANEL_TRACK, method: 'POST', body: mixpanelBatchBody, pageUrl: PAGE },
    ];
    show('tags', fixtureStore({ events }));
    const rows = within(screen.getByRole('list', { name: 'Pages and hits' })).getAllByRole('button', { expanded: false });
    expect(rows.map((r) => r.textContent?.includes('resent, counted once'))).toEqual([false, true]);
  });
});

describe('Sessions view', () => {
  it('shows why each visit started and the red break with its reason', () => {
    const { container } = show('sessions');
    const visits = container.querySelectorAll('.visit');
    expect(visits).toHaveLength(3);
    expect(visits[1]?.textContent).toContain('Came back from an untagged page');
    expect(visits[1]?.textContent).toContain('http://shop.test/about');
    const hops = container.querySelectorAll('.hop.break');
    expect(hops).toHaveLength(1);
    expect(hops[0]?.textContent).toContain('shop.test');
    expect(hops[0]?.textContent).toContain('no _pt_link parameter');
    // The break sits between the last visit on shop.test and the new visitor's first.
    const order = [...container.querySelectorAll('.timeline-item')].map((li) => li.className.split(' ')[1]);
    expect(order).toEqual(['visit', 'visit', 'hop', 'visit']);
    expect(visits[2]?.textContent).toContain('new visitor v2');
  });

  it('marks a linked hop green with the parameter', () => {
    const report = fixtureReport();
    report.hops = [
      { t: '2026-03-01T10:02:00.000Z', browser: 'default', from: 'shop.test', to: 'pay.test', linked: true, param: '_pt_link' },
    ];
    const { container } = show('sessions', fixtureStore({ report }));
    const hop = container.querySelector('.hop.linked');
    expect(hop?.textContent).toContain('Linked by _pt_link');
    expect(container.querySelector('.hop.break')).toBeNull();
  });
});

describe('Goals view', () => {
  it('puts sessions, users and total side by side and explains when they differ', () => {
    const { container } = show('goals');
    const row = container.querySelector('tr[data-goal="visited"]');
    expect([...(row?.querySelectorAll('td') ?? [])].map((td) => td.textContent)).toEqual(['3', '2', '3']);
    const visited = container.querySelector('details[data-goal="visited"]');
    expect(visited?.querySelector('.explain')?.textContent).toBe(
      'Conversions count visits and goals count unique users: 2 people reached it in 3 visits.',
    );
    expect(container.querySelector('details[data-goal="thanks"] .explain')).toBeNull();
  });

  it('lists every occurrence with its reason and draws the experience after the goal', () => {
    const { container } = show('goals');
    const campaign = container.querySelector('details[data-goal="thanks-exp42"]');
    expect(campaign?.querySelector('.occurrence.not-counted')?.textContent).toContain('before-experience');
    const marks = [...(campaign?.querySelectorAll('.strip .mark') ?? [])].map((m) => m.className);
    expect(marks).toEqual(['mark goal not-counted', 'mark exp ']);
    expect(campaign?.querySelector('.strip')?.textContent).toContain('Experience exp-42 (B) displayed');
  });
});

describe('Diagnose view', () => {
  it('lists findings worst first with the page and what to fix, and copies for the customer', async () => {
    const { container, copied } = show('diagnose');
    const items = [...container.querySelectorAll('.finding')];
    expect(items.map((i) => i.getAttribute('data-code'))).toEqual([
      'tag-missing',
      'tag-failed',
      'cross-domain-break',
      'goal-before-experience',
      'conversion-goal-mismatch',
    ]);
    expect(items[2]?.querySelector('.fix')?.textContent).toMatch(/cross-domain tracking/);
    expect(items[0]?.textContent).toContain('http://shop.test/about');
    fireEvent.click(screen.getByRole('button', { name: 'Copy for the customer' }));
    await waitFor(() => expect(copied).toHaveLength(1));
    expect(copied[0]).toMatch(/^We found 4 problems/);
    expect(copied[0]).not.toContain('Any visit: 3 conversions');
  });

  it('ticks a finding off', () => {
    const { container } = show('diagnose');
    const box = container.querySelectorAll<HTMLInputElement>('.finding input[type=checkbox]')[0];
    if (!box) throw new Error('no checkbox');
    fireEvent.click(box);
    expect(container.querySelector('.finding')?.classList.contains('done')).toBe(true);
  });
});

describe('Editor view', () => {
  it('validates as you type, keeps the saved goals until a valid one is saved', async () => {
    const fx = fixtureStore();
    show('editor', fx);
    const area = screen.getByRole('textbox', { name: 'Goals document' }) as HTMLTextAreaElement;
    const save = screen.getByRole('button', { name: 'Save goals' }) as HTMLButtonElement;
    expect(save.disabled).toBe(true);
    fireEvent.input(area, { target: { value: '{"format":"goalpost.goals/1","goals":[{"id":"a","when":{"nope":1}}]}' } });
    const status = document.getElementById('goals-status');
    expect(status?.textContent).toMatch(/^goals: .*The saved goals stay in use until this is fixed\.$/);
    expect(area.getAttribute('aria-invalid')).toBe('true');
    expect(save.disabled).toBe(true);
    expect(fx.store.goals.value.goals).toHaveLength(3);

    fireEvent.input(area, { target: { value: '{"format":"goalpost.goals/1","model":"ga4","goals":[]}' } });
    expect(status?.textContent).toContain('Valid: 0 goal(s), model ga4');
    expect(save.disabled).toBe(false);
    fireEvent.click(save);
    await waitFor(() => expect(fx.store.goals.value.model).toBe('ga4'));
    expect(fx.transport.savedGoals).toHaveLength(1);
  });

  it('exports goals, journey, HAR and report', () => {
    const { downloads } = show('editor');
    for (const name of ['Export goals', 'Export journey', 'Export HAR', 'Export report']) {
      fireEvent.click(screen.getByRole('button', { name }));
    }
    expect(downloads.map((d) => d.name.replace(/-\d.*\./, '.'))).toEqual(['goals.json', 'journey.json', 'journey.har', 'report.json']);
  });
});

describe('App shell', () => {
  it('says which rules and whose hits the numbers come from', () => {
    const { container } = show('tags', fixtureStore({ report: { ...fixtureReport(), counted: ['liveperson', 'ptengine'] } }));
    expect(container.querySelector('header')?.textContent).toContain('model ptengine · counting liveperson, ptengine');
  });

  it('moves between tabs with the arrow keys', () => {
    show('tags');
    const tags = screen.getByRole('tab', { name: 'Tags' });
    expect(tags.getAttribute('aria-selected')).toBe('true');
    fireEvent.keyDown(tags, { key: 'ArrowRight' });
    expect(screen.getByRole('tab', { name: 'Sessions' }).getAttribute('aria-selected')).toBe('true');
    expect(screen.getByRole('tabpanel').getAttribute('aria-labelledby')).toBe('tab-sessions');
    fireEvent.keyDown(screen.getByRole('tab', { name: 'Sessions' }), { key: 'End' });
    expect(screen.getByRole('tab', { name: 'Editor' }).getAttribute('aria-selected')).toBe('true');
    fireEvent.keyDown(screen.getByRole('tab', { name: 'Editor' }), { key: 'ArrowRight' });
    expect(screen.getByRole('tab', { name: 'Tags' }).getAttribute('aria-selected')).toBe('true');
  });

  it('shows the error count on the Diagnose tab and a bad import as an alert', async () => {
    const { fx } = show('tags');
    const diagnose = screen.getByRole('tab', { name: 'Diagnose' });
    expect(diagnose.getAttribute('data-count')).toBe('3');
    expect(diagnose.getAttribute('aria-description')).toBe('3 errors');
    await fx.store.importFile('bad.har', '{"log":{"entries":5}}');
    const alert = await screen.findByRole('alert');
    expect(alert.textContent).toMatch(/^bad\.har: /);
    expect(fx.store.imported.value).toBeNull();
  });
});

describe('single-page apps', () => {
  it('Tags: routes indented under their document, each with how it was reached', () => {
    const APP = 'http://shop.test/app/';
    const events: StoredEvent[] = [
      { id: 'n', t: 1_000, type: 'navigation', url: APP },
      { id: 'r1', t: 2_000, type: 'route', url: `${APP}cart`, kind: 'push' },
      { id: 'r2', t: 3_000, type: 'route', url: APP, kind: 'back-forward' },
      { id: 'r3', t: 4_000, type: 'route', url: `${APP}#top`, kind: 'hash' },
    ];
    show('tags', fixtureStore({ events }));
    const rows = [...screen.getByRole('list', { name: 'Pages and hits' }).querySelectorAll('.page-row')];
    expect(rows.map((r) => [r.classList.contains('virtual-page'), r.querySelector('.page-kind')?.textContent])).toEqual([
      [false, 'load'],
      [true, 'push'],
      [true, 'back/forward'],
      [true, 'hash'],
    ]);
  });

  it('Goals: an occurrence whose vendor URL is not the address bar names both', () => {
    const report = fixtureReport();
    const occ = report.goals.find((g) => g.occurrences.length > 0)!.occurrences[0]!;
    occ.pageUrl = 'http://shop.test/app/checkout/done';
    const { container } = show('goals', fixtureStore({ report }));
    const cell = [...container.querySelectorAll('.occurrence > span')].find((c) => c.textContent?.includes('address bar'));
    expect(cell?.textContent).toContain('/app/checkout/done');
    expect(cell?.getAttribute('title')).toContain(
      `${occ.url} (recorded by the vendor; the address bar showed http://shop.test/app/checkout/done)`,
    );
  });
});
