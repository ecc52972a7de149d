import { spawnSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import type { Report } from '../../lib/formats/report';
import { BIG_GOALS, bigJourneyText } from '../support/big-journey';

const root = join(import.meta.dirname, '../..');
const tmp = mkdtempSync(join(tmpdir(), 'goalpost-size-'));
const journey = join(tmp, 'big.journey.json');
const goals = join(tmp, 'big.goals.json');

function goalpost(args: string[]) {
  const r = spawnSync(process.execPath, [join(root, 'bin/goalpost.mjs'), ...args], {
    encoding: 'utf8',
    timeout: 120_000,
    maxBuffer: 1 << 30,
  });
  return { code: r.status, out: r.stdout, err: r.stderr };
}

describe('the report of a 100,000-event journey', () => {
  let full: Report;
  beforeAll(() => {
    writeFileSync(journey, bigJourneyText(100_000));
    writeFileSync(goals, JSON.stringify(BIG_GOALS));
    const r = goalpost(['replay', journey, '--goals', goals, '--json', '--full']);
    expect(r.code).toBe(0);
    full = JSON.parse(r.out) as Report;
  }, 180_000);

  it('--full restores every finding, page and session', () => {
    expect(full.findings.length).toBeGreaterThan(30_000);
    expect(full.pages.length).toBeGreaterThan(20_000);
    expect(full.findingGroups).toBeUndefined();
    expect(full.omitted).toBeUndefined();
  });

  it('prints tables that fit a screen, findings grouped with counts, pages and a whole finding', { timeout: 120_000 }, () => {
    const r = goalpost(['replay', journey, '--goals', goals]);
    expect(r.code).toBe(0);
    const lines = r.out.trimEnd().split('\n');
    expect(lines.length).toBeLessThan(60);
    expect(lines[0]).toContain(`${full.findings.length} finding(s)`);
    expect(r.out).toContain(`Tags per site (delivered/sent hits on ${full.pages.length} pages)`);
    expect(r.out).toMatch(/^ {2}shop\.example {10}\d+ /m);
    expect(r.out).toContain(`Sessions (${full.sessions.length}, by what started them)`);
    const blocked = full.findings.filter((f) => f.code === 'tag-failed').length;
    expect(r.out).toContain(`ERROR   tag-failed ×${blocked} · ga4 · shop.example · `);
    expect(r.out).toContain(`pages: www.shop.example/p/:id ×${blocked}`);
    expect(r.out).toMatch(/first: The GA4 pageview hit from https:\/\/www\.shop\.example\/p\/\d+ was fired but never reached GA4: check/);
    // Every error group comes before every warning group.
    const severities = lines.filter((l) => /^ {2}(ERROR|WARNING|INFO) /.test(l)).map((l) => l.trim().split(' ')[0]);
    expect(severities).toEqual(
      [...severities].sort((a, b) => ['ERROR', 'WARNING', 'INFO'].indexOf(a!) - ['ERROR', 'WARNING', 'INFO'].indexOf(b!)),
    );
  });

  it('--json is bounded, names what it left out and the option that brings it back', { timeout: 120_000 }, () => {
    const r = goalpost(['replay', journey, '--goals', goals, '--json']);
    expect(r.code).toBe(0);
    expect(r.out.length).toBeLessThan(3_000_000);
    const report = JSON.parse(r.out) as Report;
    expect(report.omitted?.note).toContain('--full');
    expect(report.findings.length + report.omitted!.findings!).toBe(full.findings.length);
    expect(report.pages.length + report.omitted!.pages!).toBe(full.pages.length);
    expect(report.sessions.length + report.omitted!.sessions!).toBe(full.sessions.length);
    expect(report.findingGroups!.reduce((n, g) => n + g.count, 0)).toBe(full.findings.length);
    expect(report.goals.map((g) => g.total)).toEqual(full.goals.map((g) => g.total));
  });

  it('--full without --json is a usage error', () => {
    const r = goalpost(['replay', journey, '--full']);
    expect(r.code).toBe(2);
    expect(r.err).toContain('--full goes with --json');
  });
});
