/** `goalpost audit <url>`: the extension's report for any URL, walked in Chromium, for QA and CI. */
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { chooseLang, LANG_FLAG, parseArgs } from '../args';
import { UsageError, type CliIO, type Command } from '../command';
import { InputError } from '../../formats/errors';
import { parseGoalsText } from '../../formats/parse';
import type { GoalsDoc } from '../../formats/goals';
import { displayProblem, ensureExtensionBuilt } from '../../audit/build';
import { BROWSER_HELP, browserFlag } from '../browser-flag';
import { failOnReached, isFailOn } from '../../audit/fail-on';
import { AuditError, runAudit } from '../../audit/runner';
import { parseSteps, type Step } from '../../audit/steps';
import { writeOutputs } from '../../audit/outputs';
import { renderAuditReport } from '../../audit/render';
import { boundReport } from '../../engine/bounded-report';

const FLAGS = {
  goals: 'string',
  steps: 'string',
  json: 'boolean',
  full: 'boolean',
  'fail-on': 'string',
  out: 'string',
  headed: 'boolean',
  browser: 'string',
  'map-host': 'string[]',
  ...LANG_FLAG,
} as const;

const HELP = `goalpost audit <url> [options]

Opens <url> in Chromium (or Firefox) with the Goalpost extension loaded, optionally walks a steps file,
waits for the page to settle and prints the extension's report: tags per page, visits,
goals (conversions, goals, total) and the findings, worst first.

Options:
  --goals FILE        goals file (goalpost.goals/1) to measure; default: no goals
  --steps FILE        steps to walk after the URL loaded (goalpost.steps/1), e.g.
                      {"format": "goalpost.steps/1", "steps": [{"click": "#buy"},
                       {"wait": 500}, {"wait": {"selector": "#order-id"}},
                       {"navigate": "/thanks"}, {"reload": true}]}
  --json              print the report JSON (goalpost.report/1) instead of tables: findings
                      grouped with a few examples each, long lists cut ("omitted" says how much)
  --full              every finding, page, session and occurrence in the JSON (--json, --out)
  --fail-on LEVEL     exit 1 when a finding of this severity or worse is found (error|warning)
  --lang en|ja        language of the printed report (default: the terminal's locale, else English)
  --out DIR           also write the report, the journey and panel screenshots into DIR
  --headed            show the browser (needs a display)
${BROWSER_HELP}
  --map-host PATTERN  resolve hosts matching PATTERN (e.g. "*.shop.test") to 127.0.0.1,
                      to audit a local server under its real name; repeatable

Exit codes: 0 done, 1 the --fail-on threshold was reached, 2 bad input or usage.`;

function readText(path: string, cwd: string): string {
  try {
    return readFileSync(resolve(cwd, path), 'utf8');
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    throw new InputError(path, code === 'ENOENT' ? 'no such file' : `cannot be read (${code ?? String(e)})`);
  }
}

function checkUrl(raw: string): string {
  let url: URL;
  try {
    url = new URL(/^[a-z][a-z0-9+.-]*:/i.test(raw) ? raw : `https://${raw}`);
  } catch {
    throw new UsageError(`audit: "${raw}" is not a URL`);
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') {
    throw new UsageError(`audit: only http and https URLs can be audited (got ${url.protocol})`);
  }
  return url.toString();
}

export const audit: Command = {
  name: 'audit',
  summary: 'open a URL in Chromium with the extension, walk optional steps, print the report',
  help: HELP,
  async run(args: string[], io: CliIO): Promise<number> {
    const { positional, flags } = parseArgs(args, FLAGS, 'audit');
    if (positional.length !== 1) throw new UsageError('audit: give exactly one URL (see goalpost audit --help)');
    const url = checkUrl(positional[0]!);
    const lang = chooseLang(flags.lang, 'audit');
    const failOn = flags['fail-on'];
    if (failOn !== undefined && !isFailOn(failOn)) throw new UsageError(`audit: --fail-on must be error or warning (got "${failOn}")`);
    let goals: GoalsDoc | undefined;
    if (flags.goals !== undefined) goals = parseGoalsText(readText(flags.goals, io.cwd), flags.goals);
    let steps: Step[] | undefined;
    if (flags.steps !== undefined) steps = parseSteps(readText(flags.steps, io.cwd), flags.steps);
    if (flags.headed) {
      const problem = displayProblem();
      if (problem) throw new UsageError(`audit: ${problem}`);
    }
    const browser = browserFlag(flags.browser, 'audit');
    const buildProblem = ensureExtensionBuilt((l) => io.err(l), browser);
    if (buildProblem) {
      io.err(`goalpost: ${buildProblem}`);
      return 2;
    }
    const outDir = flags.out === undefined ? undefined : resolve(io.cwd, flags.out);
    try {
      const result = await runAudit({
        url,
        ...(goals ? { goals } : {}),
        ...(steps ? { steps } : {}),
        headless: !flags.headed,
        browser,
        ...(flags['map-host'] ? { mapHosts: flags['map-host'] } : {}),
        ...(outDir ? { screenshotsDir: outDir } : {}),
        progress: (line) => io.err(`  ${line}`),
        lang,
      });
      const written = flags.full ? result.report : boundReport(result.report);
      if (outDir) writeOutputs(outDir, written, result.journey, goals);
      io.out(flags.json ? JSON.stringify(written, null, 2) : renderAuditReport(result.report, lang));
      if (outDir && !flags.json) io.out(`\nReport, journey and panel screenshots: ${outDir}`);
      return failOnReached(result.report, failOn as 'error' | 'warning' | undefined) ? 1 : 0;
    } catch (e) {
      if (e instanceof AuditError) {
        io.err(`goalpost: audit: ${e.message}`);
        return 2;
      }
      throw e;
    }
  },
};
