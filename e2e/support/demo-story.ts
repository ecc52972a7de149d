/**
 * What `goalpost demo` must show whichever browser walked it (the README's promise): the
 * cross-domain break and the linked hop, the experience-before-goal verdict both ways,
 * conversions vs goals vs total, the page that lost its tags, the repeated order id, and the
 * files to replay it. Shared by the Chromium and the Firefox demo tests.
 */
import { spawn } from 'node:child_process';
import { mkdtempSync, readFileSync, readdirSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { expect } from 'vitest';
import { DEMO_ENGAGEMENT } from '../../lib/demo/liveperson';
import { replay } from '../../lib/engine';
import type { JourneyEvent } from '../../lib/formats/journey';
import type { Report } from '../../lib/formats/report';

export const ROOT = resolve(import.meta.dirname, '../..');

export interface CliRun {
  code: number | null;
  stdout: string;
  stderr: string;
  ms: number;
}

export function runCli(args: string[]): Promise<CliRun> {
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

/** One `goalpost demo` run with its flags, into a fresh folder, and the report it wrote there. */
export interface DemoRun {
  run: CliRun;
  out: string;
  report: Report;
}

export async function runDemo(flags: readonly string[] = []): Promise<DemoRun> {
  const out = mkdtempSync(join(tmpdir(), 'goalpost-demo-'));
  try {
    const run = await runCli(['demo', ...flags, '--out', out]);
    return { run, out, report: readReport(out) };
  } catch (e) {
    removeDemo({ out });
    throw e;
  }
}

export function removeDemo(demo: Pick<DemoRun, 'out'> | undefined): void {
  if (demo) rmSync(demo.out, { recursive: true, force: true });
}

export function expectFinished(run: CliRun): void {
  expect(run.stderr).not.toMatch(/internal error/);
  expect(run.code).toBe(0);
  expect(run.ms).toBeLessThan(120_000);
}

export function expectCrossDomainStory(report: Report, stdout: string): void {
  const broken = (report.hops ?? []).filter((h) => !h.linked);
  const linked = (report.hops ?? []).filter((h) => h.linked);
  expect(broken.some((h) => h.from.includes('shop.example') && h.to.includes('example-checkout.com'))).toBe(true);
  expect(linked.length).toBeGreaterThan(0);
  expect(report.findings.some((f) => f.code === 'cross-domain-break')).toBe(true);
  expect(stdout).toMatch(/cross-domain break [^\n]*shop\.example[^\n]*→[^\n]*example-checkout\.com/);
  expect(stdout).toMatch(/linked hop [^\n]*→[^\n]*example-checkout\.com/);
}

export function expectExperienceStory(report: Report, stdout: string): void {
  const goal = report.goals.find((g) => g.id === 'cart-after-banner');
  expect(goal?.occurrences.map((o) => o.reason)).toContain('before-experience');
  expect(goal?.occurrences.some((o) => o.counted)).toBe(true);
  expect(report.findings.some((f) => f.code === 'goal-before-experience')).toBe(true);
  expect(stdout).toMatch(/"Cart after the spring banner" reached before the experience[^\n]*not counted/);
  expect(stdout).toMatch(/"Cart after the spring banner" reached after the experience[^\n]*counted/);
}

export function expectCountingStory(report: Report, stdout: string): void {
  const thanks = report.goals.find((g) => g.id === 'thanks');
  expect(thanks).toBeDefined();
  expect(thanks!.sessions).toBeGreaterThan(thanks!.users);
  expect(thanks!.total).toBeGreaterThan(thanks!.sessions);
  expect(stdout).toContain(
    `goal "Reached the thanks page": ${thanks!.sessions} conversions (visits), ${thanks!.users} ${thanks!.users === 1 ? 'goal' : 'goals'} (unique users), total ${thanks!.total}`,
  );
  expect(report.findings.some((f) => f.code === 'conversion-goal-mismatch')).toBe(true);
}

export function expectTagStory(report: Report, stdout: string): void {
  const missing = report.findings.filter((f) => f.code === 'tag-missing');
  expect(missing.some((f) => (f.url ?? f.message).includes('/delivery'))).toBe(true);
  const purchase = report.goals.find((g) => g.id === 'purchase');
  expect(purchase?.occurrences.map((o) => o.reason)).toContain('duplicate-id');
  expect(stdout).toMatch(/\/delivery/);
}

/** LivePerson's page reports carry the SDEs the shop queued and sent, and the purchase counts from them. */
export function expectLivePersonStory(out: string, report: Report): void {
  const journey = JSON.parse(readFileSync(join(out, 'journey.json'), 'utf8')) as { events: { type: string; url?: string }[] };
  const reports = journey.events
    .filter((e) => e.type === 'request' && e.url !== undefined)
    .map((e) => new URL(e.url!))
    .filter((u) => u.hostname.endsWith('.v.liveperson.net') && u.pathname.startsWith('/api/js/'))
    .map((u) => u.searchParams);
  const sdes = (t: string) =>
    reports
      .filter((q) => q.get('t') === t)
      .map((q) => q.get('sdes') ?? '')
      .join('\n');
  // The thanks pages' page starts carry the purchases queued before tag.js loaded.
  expect(sdes('sp')).toMatch(/"orderId":"A1001"/);
  expect(sdes('sp')).toMatch(/"orderId":"A1002"/);
  // The accepted chat offer's lead, sent at once with lpTag.sdes.send.
  expect(sdes('ip')).toMatch(/"type":"lead"/);
  const purchase = report.goals.find((g) => g.id === 'purchase')!;
  expect(purchase.occurrences.map((o) => o.reason)).toEqual(['counted', 'counted', 'duplicate-id']);
  // Under LiveEngage's rules: the chat offer shown and accepted is one engagement, and the lead
  // sent after it counts for the engagement's campaign goal once (the send and its report are one).
  const events = journey.events as JourneyEvent[];
  const live = replay(events, {
    format: 'goalpost.goals/1',
    model: 'liveengage',
    goals: [
      { id: 'chat', when: { engagement: true } },
      { id: 'advice-lead', when: { lead: { topic: 'espresso machine advice' } }, experience: DEMO_ENGAGEMENT.engagementId },
    ],
  });
  expect(live.goals.map((g) => [g.id, g.total, g.occurrences.map((o) => o.reason)])).toEqual([
    ['chat', 1, ['counted']],
    ['advice-lead', 1, ['counted']],
  ]);
}

export function expectOutputs(out: string, stdout: string): void {
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
  expect(stdout).toContain(out);
}

export const readReport = (out: string): Report => JSON.parse(readFileSync(join(out, 'report.json'), 'utf8')) as Report;
