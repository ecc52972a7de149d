// @vitest-environment happy-dom
import { cleanup, fireEvent, render, screen, waitFor, within } from '@testing-library/preact';
import { afterEach, describe, expect, it } from 'vitest';
import { App } from '../../components/App';
import type { Finding, Report } from '../../lib/formats/report';
import { customerText, diagnoseGroups, findingText } from '../../lib/panel/diagnose';
import { fixtureReport, fixtureStore, recordingPlatform } from './helpers';

afterEach(cleanup);

const BLOCKED = 5000;
const at = (s: number) => new Date(Date.parse('2026-03-01T10:00:00Z') + s * 1000).toISOString();

/**
 * The fixture's findings plus the same blocked GA4 pageview on 5,000 product pages, each in its own
 * session: with the fixture's blocked GA4 hit on the cart, one problem of GA4 on shop.test, 5,001 times.
 */
function repeatedReport(): Report {
  const base = fixtureReport();
  const blocked: Finding[] = Array.from({ length: BLOCKED }, (_, i) => ({
    code: 'tag-failed',
    severity: 'error',
    message: `The GA4 pageview hit from http://shop.test/p/${i} was fired but never reached GA4: check the network log for the failed or blocked request and fix its endpoint or the blocking.`,
    t: at(200 + i),
    url: `http://shop.test/p/${i}`,
    session: `s${i}`,
    vendor: 'ga4',
  }));
  return { ...base, findings: [...base.findings, ...blocked] };
}

function show(report: Report) {
  const { platform, copied } = recordingPlatform();
  const utils = render(<App store={fixtureStore({ report }).store} platform={platform} initialView="diagnose" />);
  return { ...utils, copied };
}

describe('Diagnose view, grouped', () => {
  it('shows a problem repeated on 5,000 pages as one item with its count, pages and time span, worst first', () => {
    const { container } = show(repeatedReport());
    const items = [...container.querySelectorAll('.finding')];
    expect(items.map((i) => `${i.getAttribute('data-code')} ${i.getAttribute('data-count')}`)).toEqual([
      `tag-failed ${BLOCKED + 1}`,
      'tag-missing 1',
      'cross-domain-break 1',
      'goal-before-experience 1',
      'conversion-goal-mismatch 1',
    ]);
    const group = items[0]!;
    // The first occurrence, whole: the fixture's blocked hit on the cart.
    expect(group.querySelector('.message')?.textContent).toBe(fixtureReport().findings[1]!.message);
    const meta = group.querySelector('.group-meta')?.textContent;
    expect(meta).toContain(`×${BLOCKED + 1}`);
    expect(meta).toContain('ga4 · shop.test');
    expect(meta).toContain(`shop.test/p/:id ×${BLOCKED}, shop.test/cart ×1`);
    expect(group.querySelector('.fix')?.textContent).toMatch(/^What to fix: Check ad blockers/);
    expect(container.querySelector('.toolbar')?.textContent).toContain(`${BLOCKED + 5} findings in 5 groups`);
    expect(container.querySelector('.summary')?.textContent).toContain(`${BLOCKED + 3} errors`);
  });

  it('opens a group onto every occurrence, windowed, each naming its page and ids and copied for the customer', async () => {
    const { container, copied } = show(repeatedReport());
    const toggle = screen.getByRole('button', { name: `Show all ${BLOCKED + 1} occurrences` });
    expect(toggle.getAttribute('aria-expanded')).toBe('false');
    fireEvent.click(toggle);
    expect(toggle.getAttribute('aria-expanded')).toBe('true');
    const list = screen.getByRole('list', { name: 'Occurrences of tag-failed' });
    const rows = within(list).getAllByRole('listitem');
    // Only what fits the window (plus a margin) is in the document.
    expect(rows.length).toBeGreaterThan(5);
    expect(rows.length).toBeLessThan(60);
    expect(list.querySelector('.vlist-space')?.getAttribute('style')).toContain(`height: ${(BLOCKED + 1) * 44}px`);
    expect(rows[4]?.textContent).toContain('http://shop.test/p/3');
    expect(rows[4]?.textContent).toContain('session s3');
    fireEvent.click(within(rows[4]!).getByRole('button', { name: 'Copy this occurrence for the customer' }));
    await waitFor(() => expect(copied).toHaveLength(1));
    expect(copied[0]).toBe(
      'The GA4 pageview hit from http://shop.test/p/3 was fired but never reached GA4: check the network log for the failed or blocked request and fix its endpoint or the blocking. (page: http://shop.test/p/3)\n' +
        'What to do: Check ad blockers, consent settings and the collection endpoint for this request.',
    );
    expect(container.querySelector('.finding')?.classList.contains('done')).toBe(false);
  });

  it('lists a short group as plain rows', () => {
    const base = fixtureReport();
    const twice = base.findings[0]!;
    show({ ...base, findings: [...base.findings, { ...twice, t: '2026-03-01T10:05:00.000Z' }] });
    fireEvent.click(screen.getByRole('button', { name: 'Show all 2 occurrences' }));
    const list = screen.getByRole('list', { name: 'Occurrences of tag-missing' });
    expect(list.tagName).toBe('UL');
    expect(within(list).getAllByRole('listitem')).toHaveLength(2);
  });

  it('ticks a group off as one', () => {
    const { container } = show(repeatedReport());
    fireEvent.click(container.querySelector<HTMLInputElement>('.finding input[type=checkbox]')!);
    expect([...container.querySelectorAll('.finding.done')].map((i) => i.getAttribute('data-count'))).toEqual([String(BLOCKED + 1)]);
  });

  it('copies each problem once for the customer, with how often it happened', async () => {
    const { copied } = show(repeatedReport());
    fireEvent.click(screen.getByRole('button', { name: 'Copy for the customer' }));
    await waitFor(() => expect(copied).toHaveLength(1));
    const text = copied[0]!;
    expect(text).toMatch(/^We found 4 problems in this recording:\n\n1\. A ga4 hit \(add_to_cart\) on http:\/\/shop\.test\/cart /);
    expect(text).toMatch(
      new RegExp(
        `\\n   It happened ${BLOCKED + 1} times in all on shop\\.test, the last time at 2026-03-01 \\d\\d:\\d\\d:\\d\\d\\.000\\.\\n   What to do: Check ad blockers`,
      ),
    );
    expect(text.split('\n').length).toBeLessThan(30);
  });
});

describe('customer texts', () => {
  it('one finding: the sentence, its page and what to do', () => {
    const f = fixtureReport().findings[2]!;
    expect(findingText(f)).toBe(
      `${f.message} (page: http://pay.test/checkout)\nWhat to do: Add both domains to cross-domain tracking and make links between them carry the link parameter.`,
    );
  });

  it('notes only: no problems', () => {
    const notes = fixtureReport().findings.filter((f) => f.severity === 'info');
    expect(customerText(diagnoseGroups(notes))).toBe('We found no tracking problems in this recording.');
  });
});
