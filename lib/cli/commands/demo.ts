/** `goalpost demo`: the bundled shop, walked with the extension loaded, explained. */
import { resolve } from 'node:path';
import { chooseLang, LANG_FLAG, parseArgs } from '../args';
import { render } from '../../i18n/render';
import { UsageError, type CliIO, type Command } from '../command';
import { displayProblem, ensureExtensionBuilt } from '../../audit/build';
import { browserFlag } from '../browser-flag';
import { writeOutputs } from '../../audit/outputs';
import { renderAuditReport } from '../../audit/render';
import { boundReport } from '../../engine/bounded-report';
import { AuditError, runAudit } from '../../audit/runner';
import { DEMO_GOALS } from '../../demo/goals';
import { demoHighlights, renderHighlights } from '../../demo/highlights';
import { DEMO_MAP_HOSTS, PAY_HOST, SHOP_HOST } from '../../demo/hosts';
import { DEMO_STEPS } from '../../demo/journey';
import { startDemoSite } from '../../demo/site';

const FLAGS = { json: 'boolean', full: 'boolean', headed: 'boolean', out: 'string', browser: 'string', ...LANG_FLAG } as const;

export const DEFAULT_DEMO_OUT = 'goalpost-out/demo';

const HELP = `goalpost demo [options]

Serves the bundled demo shop locally on two domains (${SHOP_HOST} and ${PAY_HOST}, with
stand-ins for the GA4, Ptengine, Optimizely and LivePerson tags), walks a shopper's two visits
through it in Chromium (or Firefox) with the Goalpost extension loaded, and prints what the panel shows:
tags per page, visits with the cross-domain break, goals (conversions vs goals vs total), the
experience-before-goal verdicts and the findings. Nothing leaves the machine.

It builds the extension first when its build (.output/chrome-mv3) is missing.

Options:
  --out DIR   where to write the panel screenshots, report.json, journey.json and goals.json
              (default ${DEFAULT_DEMO_OUT})
  --json      print the report JSON (goalpost.report/1) instead of tables
  --full      every finding, page, session and occurrence in the JSON (--json, report.json)
  --headed    show the browser while it walks (needs a display)
  --browser NAME  chromium (default) or firefox (Firefox ESR 128 or later; builds
                  .output/firefox-mv3 when missing)
  --lang en|ja    language of the printed report and of the panel screenshots (default: the
                  terminal's locale, else English)

Replay the result later without a browser:
  npm run goalpost -- replay ${DEFAULT_DEMO_OUT}/journey.json --goals ${DEFAULT_DEMO_OUT}/goals.json`;

export const demo: Command = {
  name: 'demo',
  summary: 'walk the bundled demo shop with the extension and explain what it shows',
  help: HELP,
  async run(args: string[], io: CliIO): Promise<number> {
    const { positional, flags } = parseArgs(args, FLAGS, 'demo');
    if (positional.length > 0) throw new UsageError(`demo: unexpected argument "${positional[0]}" (see goalpost demo --help)`);
    if (flags.headed) {
      const problem = displayProblem();
      if (problem) throw new UsageError(`demo: ${problem}`);
    }
    const started = performance.now();
    const lang = chooseLang(flags.lang, 'demo');
    const browser = browserFlag(flags.browser, 'demo');
    const buildProblem = ensureExtensionBuilt((l) => io.err(l), browser);
    if (buildProblem) {
      io.err(`goalpost: ${buildProblem}`);
      return 2;
    }
    const outDir = resolve(io.cwd, flags.out ?? DEFAULT_DEMO_OUT);
    const site = await startDemoSite();
    try {
      io.err(
        `Serving the demo shop at ${site.start} (and ${site.origin(PAY_HOST)}); walking it in ${browser === 'firefox' ? 'Firefox' : 'Chromium'} …`,
      );
      const result = await runAudit({
        url: site.start,
        goals: DEMO_GOALS,
        steps: [...DEMO_STEPS],
        headless: !flags.headed,
        browser,
        mapHosts: DEMO_MAP_HOSTS,
        screenshotsDir: outDir,
        progress: (line) => io.err(`  ${line}`),
        lang,
      });
      const written = flags.full ? result.report : boundReport(result.report);
      writeOutputs(outDir, written, result.journey, DEMO_GOALS);
      if (flags.json) {
        io.out(JSON.stringify(written, null, 2));
        return 0;
      }
      io.out(renderAuditReport(result.report, lang));
      io.out('');
      io.out(renderHighlights(demoHighlights(result.report, lang), lang));
      io.out('');
      io.out(render(lang, 'demo_outputs', { dir: outDir }));
      io.out(render(lang, 'demo_done', { seconds: ((performance.now() - started) / 1000).toFixed(1) }));
      return 0;
    } catch (e) {
      if (e instanceof AuditError) {
        io.err(`goalpost: demo: ${e.message}`);
        return 2;
      }
      throw e;
    } finally {
      await site.close();
    }
  },
};
