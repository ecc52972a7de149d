/**
 * `npm run demo` as a new user runs it: the real CLI, the real built extension in Chromium,
 * the bundled shop on its local domains. Asserts what the README promises the output names.
 */
import { spawn } from 'node:child_process';
import { mkdtempSync, readFileSync, readdirSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Report } from '../lib/formats/report';

const ROOT = resolve(import.meta.dirname, '..');

function runCli(args: string[]): Promise<{ code: number | null; stdout: string; stderr: string; ms: number }> {
  return new Promise((done) => {
    const started = Date.now();
    const child = spawn(process.execPath, [join(ROOT, 'bin/goalpost.mjs'), ...args], { cwd: ROOT });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (d: Buffer) => (stdout += d.toString()));
    child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
    child.on('close', (code) => done({ code, stdout, stderr, ms: Date.now() - started }));
  });
}

describe('goalpost demo', () => {
  let out: string;
  let run: Awaited<ReturnType<typeof runCli>>;
  let report: Report;

  beforeAll(async () => {
    out = mkdtempSync(join(tmpdir(), 'goalpost-demo-'));
    run = await runCli(['demo', '--out', out]);
    report = JSON.parse(readFileSync(join(out, 'report.json'), 'utf8')) as Report;
  }, 150_000);

  afterAll(() => rmSync(out, { recursive: true, force: true }));

  it('finishes in under two minutes with exit code 0', () => {
    expect(run.stderr).not.toMatch(/internal error/);
    expect(run.code).toBe(0);
    expect(run.ms).toBeLessThan(120_000);
  });

  it('names the cross-domain break between the shop and the payment domain', () => {
    const broken = (report.hops ?? []).filter((h) => !h.linked);
    const linked = (report.hops ?? []).filter((h) => h.linked);
    expect(broken.some((h) => h.from.includes('shop.example') && h.to.includes('example-checkout.com'))).toBe(true);
    expect(linked.length).toBeGreaterThan(0);
    expect(report.findings.some((f) => f.code === 'cross-domain-break')).toBe(true);
    expect(run.stdout).toMatch(/cross-domain break [^\n]*shop\.example[^\n]*→[^\n]*example-checkout\.com/);
    expect(run.stdout).toMatch(/linked hop [^\n]*→[^\n]*example-checkout\.com/);
  });

  it('gives the experience-before-goal verdict both ways', () => {
    const goal = report.goals.find((g) => g.id === 'cart-after-banner');
    expect(goal?.occurrences.map((o) => o.reason)).toContain('before-experience');
    expect(goal?.occurrences.some((o) => o.counted)).toBe(true);
    expect(report.findings.some((f) => f.code === 'goal-before-experience')).toBe(true);
    expect(run.stdout).toMatch(/"Cart after the spring banner" reached before the experience[^\n]*not counted/);
    expect(run.stdout).toMatch(/"Cart after the spring banner" reached after the experience[^\n]*counted/);
  });

  it('shows conversions, goals and total differing for the thanks page', () => {
    const thanks = report.goals.find((g) => g.id === 'thanks');
    expect(thanks).toBeDefined();
    expect(thanks!.sessions).toBeGreaterThan(thanks!.users);
    expect(thanks!.total).toBeGreaterThan(thanks!.sessions);
    expect(run.stdout).toContain(
      `goal "Reached the thanks page": ${thanks!.sessions} conversions (visits), ${thanks!.users} ${thanks!.users === 1 ? 'goal' : 'goals'} (unique users), total ${thanks!.total}`,
    );
    expect(report.findings.some((f) => f.code === 'conversion-goal-mismatch')).toBe(true);
  });

  it('finds the page whose tags are missing and the repeated order id', () => {
    const missing = report.findings.filter((f) => f.code === 'tag-missing');
    expect(missing.some((f) => (f.url ?? f.message).includes('/delivery'))).toBe(true);
    const purchase = report.goals.find((g) => g.id === 'purchase');
    expect(purchase?.occurrences.map((o) => o.reason)).toContain('duplicate-id');
    expect(run.stdout).toMatch(/\/delivery/);
  });

  it('writes a screenshot of each panel view and the files to replay it', () => {
    const pngs = readdirSync(out).filter((f) => f.endsWith('.png'));
    expect(pngs).toEqual(expect.arrayContaining(['panel-tags.png', 'panel-sessions.png', 'panel-goals.png', 'panel-diagnose.png']));
    for (const png of pngs) {
      const bytes = readFileSync(join(out, png));
      expect(bytes.subarray(1, 4).toString()).toBe('PNG');
      expect(statSync(join(out, png)).size).toBeGreaterThan(5_000);
    }
    const journey = JSON.parse(readFileSync(join(out, 'journey.json'), 'utf8')) as { events: { type: string }[] };
    // The start page and the twelve steps that load a page (the waits load none).
    expect(journey.events.filter((e) => e.type === 'navigation').length).toBe(13);
    expect(run.stdout).toContain(out);
  });
});
