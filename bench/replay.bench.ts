/**
 * `goalpost replay` end to end (process start to exit, as a user runs it) on a 1M-event journey,
 * against a child process that only reads and JSON.parses the same file: rounds interleaved so
 * that load on the machine hits both sides, paired ratios, median and spread. Peak memory is the
 * child's own (resourceUsage().maxRSS) against the file's size.
 * GOALPOST_BENCH_HITS shrinks the journey (events), GOALPOST_BENCH_ROUNDS sets the rounds (3);
 * GOALPOST_BENCH_CLI names another bin/goalpost.mjs (an older checkout) to measure instead.
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, openSync, closeSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { BENCH_GOALS, writeJourney } from './journey-file';
import type { BenchResult } from './run';

const EVENTS = Number(process.env.GOALPOST_BENCH_HITS ?? 1_000_000);
const ROUNDS = Math.max(1, Number(process.env.GOALPOST_BENCH_ROUNDS ?? 3));
const ROOT = join(import.meta.dirname, '..');
const PROBE = join(import.meta.dirname, 'probe.mjs');

interface Run {
  ms: number;
  /** CPU time of every thread (GC helpers included): steadier than wall time on a shared machine. */
  cpuMs: number;
  rssBytes: number;
}

function child(dir: string, args: string[], out: string): Run {
  const probeFile = join(dir, 'probe.json');
  const fd = openSync(join(dir, out), 'w');
  const start = performance.now();
  const r = spawnSync(process.execPath, ['--import', PROBE, ...args], {
    cwd: dir,
    stdio: ['ignore', fd, 'pipe'],
    env: { ...process.env, GOALPOST_PROBE_FILE: probeFile },
    maxBuffer: 1 << 20,
  });
  const ms = performance.now() - start;
  closeSync(fd);
  if (r.status !== 0) throw new Error(`${args.slice(0, 3).join(' ')} exited ${r.status ?? r.signal}: ${String(r.stderr).slice(0, 300)}`);
  const probe = JSON.parse(readFileSync(probeFile, 'utf8')) as { maxRSS: number; cpu: number };
  return { ms, cpuMs: probe.cpu / 1000, rssBytes: probe.maxRSS * 1024 };
}

const median = (xs: number[]): number => {
  const s = [...xs].sort((a, b) => a - b);
  const m = s.length >> 1;
  return s.length % 2 ? s[m]! : (s[m - 1]! + s[m]!) / 2;
};
const spread = (xs: number[]): string => `${Math.min(...xs).toFixed(2)}–${Math.max(...xs).toFixed(2)}`;
const seconds = (ms: number): string => `${(ms / 1000).toFixed(2)} s`;

export async function run(): Promise<BenchResult[]> {
  const dir = mkdtempSync(join(tmpdir(), 'goalpost-replay-bench-'));
  try {
    const journey = join(dir, 'journey.json');
    const written = writeJourney(journey, EVENTS);
    writeFileSync(join(dir, 'goals.json'), JSON.stringify(BENCH_GOALS));
    const bytes = statSync(journey).size;
    const bin = process.env.GOALPOST_BENCH_CLI ?? join(ROOT, 'bin/goalpost.mjs');
    const cli = [bin, 'replay', journey, '--goals', join(dir, 'goals.json')];
    const parse = ['-e', `JSON.parse(require('node:fs').readFileSync(${JSON.stringify(journey)}, 'utf8'))`];
    // The compiled CLI is built on first use; build it now, outside the timed rounds.
    child(dir, [bin, '--help'], 'help.txt');

    type Round = { parse: Run; text: Run; json: Run; full: Run };
    const rounds: Round[] = [];
    for (let i = 0; i < ROUNDS; i++) {
      // Rotate the order so that neither side always runs first after a quiet spell.
      const order = [0, 1, 2, 3].map((k) => (k + i) % 4);
      const got: Partial<Round> = {};
      for (const k of order) {
        if (k === 0) got.parse = child(dir, parse, 'parse.txt');
        else if (k === 1) got.text = child(dir, cli, 'report.txt');
        else if (k === 2) got.json = child(dir, [...cli, '--json'], 'report.json');
        else got.full = child(dir, [...cli, '--json', '--full'], 'full.json');
      }
      rounds.push(got as Round);
    }
    const textRatios = rounds.map((r) => r.text.ms / r.parse.ms);
    const jsonRatios = rounds.map((r) => r.json.ms / r.parse.ms);
    const fullRatios = rounds.map((r) => r.full.ms / r.parse.ms);
    const cpu = (side: 'text' | 'json' | 'full'): string => {
      const ratios = rounds.map((r) => r[side].cpuMs / r.parse.cpuMs);
      return `CPU time ${median(ratios).toFixed(2)}x [${spread(ratios)}]`;
    };
    const rssRatios = rounds.map((r) => Math.max(r.text.rssBytes, r.json.rssBytes, r.full.rssBytes) / bytes);
    const parseRss = median(rounds.map((r) => r.parse.rssBytes / bytes));
    const summary = readFileSync(join(dir, 'report.txt'), 'utf8').split('\n')[0] ?? '';
    const reportMb = (statSync(join(dir, 'report.json')).size / 1e6).toFixed(1);
    const fullMb = (statSync(join(dir, 'full.json')).size / 1e6).toFixed(0);
    const mb = (bytes / 1e6).toFixed(0);
    const of = `${written} events, ${mb} MB, ${ROUNDS} interleaved rounds, paired ratios ${'median [min–max]'}`;
    return [
      {
        name: `replay end to end, text (target ≤ 2x)`,
        baseline: 'a child process JSON.parse-ing the same file',
        ratio: median(textRatios),
        detail: `[${spread(textRatios)}]; ${cpu('text')}; ${of}; JSON.parse ${seconds(median(rounds.map((r) => r.parse.ms)))}, replay ${seconds(median(rounds.map((r) => r.text.ms)))}; ${summary}`,
      },
      {
        name: `replay end to end, --json (target ≤ 2.5x)`,
        baseline: 'a child process JSON.parse-ing the same file',
        ratio: median(jsonRatios),
        detail: `[${spread(jsonRatios)}]; ${cpu('json')}; replay --json ${seconds(median(rounds.map((r) => r.json.ms)))}, a ${reportMb} MB report`,
      },
      {
        name: 'replay end to end, --json --full (the whole report)',
        baseline: 'a child process JSON.parse-ing the same file',
        ratio: median(fullRatios),
        detail: `[${spread(fullRatios)}]; ${cpu('full')}; replay --json --full ${seconds(median(rounds.map((r) => r.full.ms)))}, a ${fullMb} MB report`,
      },
      {
        name: `replay peak memory (target ≤ 3x)`,
        baseline: 'the journey file size',
        ratio: median(rssRatios),
        detail: `[${spread(rssRatios)}]; max RSS of the text, --json and --json --full runs; the JSON.parse child peaks at ${parseRss.toFixed(2)}x`,
      },
    ];
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
