/**
 * `goalpost audit` end to end: the real CLI against the demo shop served locally under its
 * domain names, with a goals file and a steps file, as QA would run it in CI.
 */
import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_GOALS } from '../lib/demo/goals';
import { DEMO_MAP_HOSTS } from '../lib/demo/hosts';
import { startDemoSite, type DemoSite } from '../lib/demo/site';
import type { Report } from '../lib/formats/report';

const ROOT = resolve(import.meta.dirname, '..');

function runCli(args: string[]): Promise<{ code: number | null; stdout: string; stderr: string }> {
  return new Promise((done) => {
    const child = spawn(process.execPath, [join(ROOT, 'bin/goalpost.mjs'), ...args], { cwd: ROOT });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (d: Buffer) => (stdout += d.toString()));
    child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
    child.on('close', (code) => done({ code, stdout, stderr }));
  });
}

describe('goalpost audit', () => {
  let site: DemoSite;
  let dir: string;
  let mapHosts: string[];
  const file = (name: string, value: unknown) => {
    const path = join(dir, name);
    writeFileSync(path, typeof value === 'string' ? value : JSON.stringify(value));
    return path;
  };

  beforeAll(async () => {
    site = await startDemoSite();
    dir = mkdtempSync(join(tmpdir(), 'goalpost-audit-'));
    mapHosts = DEMO_MAP_HOSTS.flatMap((h) => ['--map-host', h]);
  });

  afterAll(async () => {
    await site.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it('walks a steps file to the goal page and exits 1 on an error finding with --fail-on error', async () => {
    const steps = file('steps.json', {
      format: 'goalpost.steps/1',
      steps: [
        { click: '#to-product' },
        { click: '#add-to-cart' },
        { click: '#checkout' },
        { click: '#pay-now' },
        { wait: { selector: '#order-id' } },
        { click: '#to-delivery' },
      ],
    });
    const goals = file('goals.json', DEMO_GOALS);
    const before = site.server.received.length;
    const r = await runCli(['audit', site.start, '--goals', goals, '--steps', steps, '--json', '--fail-on', 'error', ...mapHosts]);
    expect(r.stderr).not.toMatch(/internal error/);
    expect(r.code).toBe(1);
    const report = JSON.parse(r.stdout) as Report;
    expect(report.format).toBe('goalpost.report/1');
    const paths = report.pages.map((p) => new URL(p.url).pathname);
    expect(paths).toEqual(['/', '/product/espresso-machine', '/cart', '/pay', '/thanks', '/delivery']);
    // The tags really sent their hits to the local collectors, and the report saw them.
    const received = site.server.received.slice(before);
    const ptengineSent = received.filter((q) => q.host === 'collect.ptengine.jp').length;
    const ptengineSeen = report.pages.reduce((n, p) => n + (p.vendors.ptengine?.delivered ?? 0), 0);
    expect(ptengineSent).toBe(5);
    expect(ptengineSeen).toBe(ptengineSent);
    const ga4Sent = received.filter((q) => q.host === 'analytics.google.com').length;
    expect(ga4Sent).toBe(1);
    expect(report.pages.find((p) => p.url.includes('/pay'))?.vendors.ga4).toEqual({ hits: 1, delivered: 1 });
    expect(report.findings.some((f) => f.code === 'tag-missing' && f.severity === 'error')).toBe(true);
    expect(report.findings.some((f) => f.code === 'cross-domain-break')).toBe(true);
    expect(report.goals.find((g) => g.id === 'thanks')?.total).toBe(1);
    expect(report.goals.find((g) => g.id === 'purchase')?.total).toBe(1);
  });

  it('exits 0 without --fail-on and prints the human tables', async () => {
    const steps = file('short.json', [{ click: '#to-product' }, { wait: 200 }]);
    const r = await runCli(['audit', site.start, '--steps', steps, ...mapHosts]);
    expect(r.stderr).not.toMatch(/internal error/);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('www.shop.example');
    expect(r.stdout).toContain('/product/espresso-machine');
  });

  it('refuses a malformed steps file with exit 2 and one sentence naming the file and the step', async () => {
    const steps = file('bad.json', { format: 'goalpost.steps/1', steps: [{ click: '#to-product' }, { wait: 'soon' }] });
    const r = await runCli(['audit', site.start, '--steps', steps, ...mapHosts]);
    expect(r.code).toBe(2);
    expect(r.stderr.trim()).toBe(`goalpost: ${steps}: steps[1].wait must be milliseconds (e.g. 500) or {"selector": "#id"}`);
    expect(r.stdout).toBe('');
  });

  it('says which selector it could not find and exits 2', async () => {
    const steps = file('missing.json', [{ click: '#no-such-button' }]);
    const r = await runCli(['audit', site.start, '--steps', steps, ...mapHosts]);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/goalpost: audit: no visible element matches "#no-such-button" on http:\/\/www\.shop\.example:\d+\//);
  });

  it('rejects usage errors before starting a browser', async () => {
    const bad = await runCli(['audit', site.start, '--fail-on', 'info']);
    expect(bad.code).toBe(2);
    expect(bad.stderr).toContain('--fail-on must be error or warning');
    const none = await runCli(['audit']);
    expect(none.code).toBe(2);
    const help = await runCli(['audit', '--help']);
    expect(help.code).toBe(0);
    expect(help.stdout).toContain('--steps FILE');
  });
});
