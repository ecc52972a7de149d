import { describe, expect, it } from 'vitest';
import { renderReport } from '../../lib/cli/report-text';
import type { Finding, Report, ReportPage, ReportSession } from '../../lib/formats/report';

const at = (s: number) => new Date(Date.parse('2026-03-01T10:00:00Z') + s * 1000).toISOString();

function page(i: number, url: string, ga4: [number, number], pt?: [number, number]): ReportPage {
  return {
    t: at(i),
    url,
    browser: 'default',
    vendors: { ga4: { delivered: ga4[0], hits: ga4[1] }, ...(pt ? { ptengine: { delivered: pt[0], hits: pt[1] } } : {}) },
  };
}

function session(i: number, reason: ReportSession['reason'], detail?: string): ReportSession {
  return { id: `s${i}`, visitor: 'v1', start: at(i), end: at(i), hits: 1, pages: 1, reason, ...(detail ? { detail } : {}) };
}

function report(pages: ReportPage[], sessions: ReportSession[], findings: Finding[]): Report {
  return {
    format: 'goalpost.report/1',
    model: 'ga4',
    visitors: [{ id: 'v1', browser: 'default', sessions: [] }],
    sessions,
    pages,
    goals: [],
    findings,
  };
}

describe('renderReport', () => {
  it('lists up to 20 pages and sessions row by row', () => {
    const text = renderReport(
      report(
        [page(0, 'https://shop.example/', [1, 1])],
        [session(0, 'first')],
        [
          {
            code: 'tag-missing',
            severity: 'error',
            message: 'GA4 sent no hit from https://shop.example/x: add it.',
            url: 'https://shop.example/x',
            vendor: 'ga4',
          },
        ],
      ),
    );
    expect(text).toContain('Tags per page (delivered/sent hits)');
    expect(text).toMatch(/2026-03-01 10:00:00Z {2}default {2}https:\/\/shop\.example\/ +1\/1/);
    expect(text).toContain('  ERROR   tag-missing: GA4 sent no hit from https://shop.example/x: add it.');
    expect(text).toContain('Findings (worst first)\n');
  });

  it('sums pages per site and sessions per reason past 20 rows', () => {
    const pages = [
      ...Array.from({ length: 15 }, (_, i) => page(i, `https://www.shop.example/p/${i}`, [0, 1], [1, 1])),
      ...Array.from({ length: 6 }, (_, i) => page(20 + i, `https://pay.example-checkout.com/pay?o=${i}`, [1, 1])),
    ];
    const sessions = [
      session(0, 'first'),
      ...Array.from({ length: 12 }, (_, i) => session(1 + i, 'timeout', `${31 + i} min since the previous hit`)),
      ...Array.from({ length: 8 }, (_, i) => session(20 + i, 'campaign', 'traffic source changed to mail')),
    ];
    const text = renderReport(report(pages, sessions, []));
    expect(text).toContain('Tags per site (delivered/sent hits on 21 pages)');
    expect(text).toContain(
      [
        '  SITE                  PAGES  ga4   ptengine',
        '  shop.example          15     0/15  15/15',
        '  example-checkout.com  6      6/6   -',
      ].join('\n'),
    );
    expect(text).toContain('Every page is in the JSON report: --json --full.');
    expect(text).toContain('Sessions (21, by what started them)');
    expect(text).toContain(
      [
        '  timeout   12        31 min since the previous hit (session s1)',
        '  campaign  8         traffic source changed to mail (session s20)',
        '  first     1         -',
      ].join('\n'),
    );
    expect(text).not.toContain('https://www.shop.example/p/3');
  });

  it('shows a repeated finding once, with its count, span, pages and the first in full', () => {
    const missing = (s: number, path: string): Finding => ({
      code: 'tag-missing',
      severity: 'error',
      message: `GA4 sent no hit from https://www.shop.example${path}\u001b[31m: add the tag.`,
      t: at(s),
      url: `https://www.shop.example${path}`,
      vendor: 'ga4',
    });
    const findings = [
      missing(5, '/p/1'),
      missing(1, '/p/2'),
      missing(9, '/cart'),
      missing(7, '/p/3'),
      { code: 'conversion-goal-mismatch', severity: 'info', message: 'Goal a: 2 conversions but 1 user.', goal: 'a' },
      { code: 'conversion-goal-mismatch', severity: 'info', message: 'Goal a: 2 conversions but 1 user.', goal: 'a' },
    ] satisfies Finding[];
    const text = renderReport(report([], [], findings));
    const section = text.slice(text.indexOf('Findings'));
    expect(section).toBe(
      [
        'Findings (worst first): 6 in 2 groups of the same problem, vendor and site',
        '  ERROR   tag-missing ×4 · ga4 · shop.example · 2026-03-01 10:00:01Z – 2026-03-01 10:00:09Z',
        '          pages: www.shop.example/p/:id ×3, www.shop.example/cart ×1',
        '          first: GA4 sent no hit from https://www.shop.example/p/2?[31m: add the tag.',
        '  INFO    conversion-goal-mismatch ×2 · goal a',
        '          first: Goal a: 2 conversions but 1 user.',
      ].join('\n'),
    );
  });

  it('shows the ten worst groups and counts the rest', () => {
    const findings: Finding[] = Array.from({ length: 14 }, (_, i) => ({
      code: 'tag-failed',
      severity: 'error',
      message: `failed on site ${i}`,
      t: at(i),
      url: `https://site${i}.example/`,
      vendor: 'ga4',
    }));
    const text = renderReport(report([], [], [...findings, { ...findings[13]!, t: at(30) }]));
    const rows = text.split('\n').filter((l) => l.startsWith('  ERROR'));
    expect(rows).toHaveLength(10);
    expect(rows[0]).toContain('tag-failed ×2 · ga4 · site13.example');
    expect(text).toContain('  … 4 more groups, 4 findings (see --json)');
  });
});
