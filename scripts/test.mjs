#!/usr/bin/env node
// The one test command (README, CI): typecheck, lint, build the extension (Chromium and Firefox) the e2e tests load, run every
// Vitest project, and end with the plain "N passed, N failed" line CI reads.
import { spawnSync } from 'node:child_process';
import { mkdirSync, readFileSync, existsSync } from 'node:fs';

const run = (cmd, args) => spawnSync(cmd, args, { stdio: 'inherit', shell: process.platform === 'win32' });
let passed = 0;
let failed = 0;

const step = (label, cmd, args) => {
  const r = run(cmd, args);
  if (r.status === 0) passed++;
  else {
    failed++;
    console.error(`${label} failed (exit ${r.status ?? r.signal})`);
  }
  return r.status === 0;
};

step('typecheck', 'npx', ['tsc', '--noEmit']);
step('lint', 'npx', ['biome', 'check', '--error-on-warnings', '.']);
const chromeBuilt = step('extension build', 'npx', ['wxt', 'build']);
const firefoxBuilt = step('Firefox add-on build', 'npx', ['wxt', 'build', '-b', 'firefox', '--mv3']);
const built = chromeBuilt && firefoxBuilt;

mkdirSync('test-results', { recursive: true });
const out = 'test-results/vitest.json';
const args = ['vitest', 'run', '--reporter=default', '--reporter=json', `--outputFile=${out}`];
if (!built) args.push('--project', 'unit');
const r = run('npx', args);
if (existsSync(out)) {
  const j = JSON.parse(readFileSync(out, 'utf8'));
  passed += j.numPassedTests ?? 0;
  failed += j.numFailedTests ?? 0;
  // A file that failed before running a test (import error, hook failure) counts once; its
  // describe blocks are not failures of their own.
  for (const file of j.testResults ?? []) {
    const anyFailedTest = (file.assertionResults ?? []).some((a) => a.status === 'failed');
    if (file.status === 'failed' && !anyFailedTest) failed++;
  }
  if (r.status !== 0 && failed === 0) failed++;
} else if (r.status !== 0) failed++;

console.log(`${passed} passed, ${failed} failed`);
process.exit(failed === 0 ? 0 : 1);
