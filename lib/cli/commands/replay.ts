/**
 * `goalpost replay <files>...`: the engine on recorded journeys or HAR files, no browser needed.
 */
import { closeSync, openSync, readFileSync, readSync } from 'node:fs';
import { basename, resolve } from 'node:path';
import { chooseLang, LANG_FLAG, LANG_HELP, parseArgs } from '../args';
import { UsageError, type CliIO, type Command } from '../command';
import { renderReport } from '../report-text';
import { replay as runEngine } from '../../engine';
import { boundReport, REPORT_BOUNDS } from '../../engine/bounded-report';
import { InputError } from '../../formats/errors';
import { MODEL_NAMES, type GoalsDoc, type ModelName } from '../../formats/goals';
import type { JourneyEvent } from '../../formats/journey';
import { scanJourney } from '../../formats/journey-scan';
import { parseGoalsText } from '../../formats/parse';
import type { Report } from '../../formats/report';
import { jsonChunks } from '../../util/json-chunks';

const FLAGS = { goals: 'string', model: 'string', json: 'boolean', full: 'boolean', 'fail-on': 'string', ...LANG_FLAG } as const;

const HELP = `goalpost replay <journey-or-har>... [options]

Replays recorded journeys (goalpost.journey/1) or DevTools HAR files through the vendors'
counting rules and prints which tags fired on each page, the visits, each goal's
sessions/users/total with why occurrences did not count, and the findings, worst first.

Several files are merged into one journey. Each file is one browser (one person): events that
do not name a browser get the file's name without extension (e.g. "alice" for alice.har), so
two recordings are two visitors; events that name a browser keep it.

Options:
  --goals FILE           a goalpost.goals/1 document (goals, model, session, crossDomain)
  --model NAME           counting model: ${MODEL_NAMES.join(', ')} (overrides the goals file;
                         default ptengine)
  --json                 print the report (goalpost.report/1) as JSON: findings grouped with
                         a few examples each, at most ${REPORT_BOUNDS.rows} pages, sessions, visitors and
                         occurrences; "omitted" says how many were left out
  --full                 with --json: every finding, page, session and occurrence
  --fail-on LEVEL        exit 1 when a finding of this severity or worse exists: error, warning
${LANG_HELP}

Exit codes: 0 done; 1 the --fail-on level was reached; 2 bad input or usage
(printed as "goalpost: <file>: <what is wrong and where>").`;

function readText(file: string, cwd: string): string {
  try {
    return readFileSync(resolve(cwd, file), 'utf8');
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    throw new InputError(
      file,
      code === 'ENOENT' ? 'no such file' : code === 'EISDIR' ? 'is a directory, not a file' : `cannot be read (${code ?? String(e)})`,
    );
  }
}

/** File stems as browser names, made unique when two files share a name. */
function browserNames(files: string[]): string[] {
  const used = new Map<string, number>();
  return files.map((f) => {
    const stem = basename(f).replace(/(\.journey)?\.(json|har)$/i, '') || 'file';
    const n = (used.get(stem) ?? 0) + 1;
    used.set(stem, n);
    return n === 1 ? stem : `${stem}-${n}`;
  });
}

/** A file's bytes a megabyte at a time; stops quietly where it cannot be read (readText then says why). */
function* pieces(file: string, cwd: string): Generator<Uint8Array> {
  let fd: number;
  try {
    fd = openSync(resolve(cwd, file), 'r');
  } catch {
    return;
  }
  try {
    const chunk = Buffer.allocUnsafe(1 << 20);
    for (;;) {
      const n = readSync(fd, chunk, 0, chunk.length, null);
      if (n === 0) return;
      yield chunk.subarray(0, n);
    }
  } catch {
    // A directory, a device: the whole-text read that follows words the problem.
  } finally {
    closeSync(fd);
  }
}

export function loadJourneys(files: string[], cwd: string): JourneyEvent[] {
  const names = browserNames(files);
  const events: JourneyEvent[] = [];
  files.forEach((file, i) => {
    const journey = scanJourney(file, pieces(file, cwd), () => readText(file, cwd));
    for (const e of journey.events) {
      events.push(files.length > 1 && e.browser === undefined ? { ...e, browser: names[i]! } : e);
    }
  });
  return events;
}

function* withNewline(chunks: Iterable<string>): Generator<string> {
  yield* chunks;
  yield '\n';
}

export function failReached(report: Report, level: 'error' | 'warning' | undefined): boolean {
  if (!level) return false;
  return report.findings.some((f) => f.severity === 'error' || (level === 'warning' && f.severity === 'warning'));
}

export const replay: Command = {
  name: 'replay',
  summary: 'replay journeys or HAR files through the counting rules and explain the numbers',
  help: HELP,
  async run(args: string[], io: CliIO): Promise<number> {
    const { positional, flags } = parseArgs(args, FLAGS, 'replay');
    if (positional.length === 0) throw new UsageError('replay: give at least one journey or HAR file (see goalpost replay --help)');
    let model: ModelName | undefined;
    if (flags.model !== undefined) {
      if (!(MODEL_NAMES as readonly string[]).includes(flags.model)) {
        throw new UsageError(`replay: --model must be one of ${MODEL_NAMES.join(', ')}, not "${flags.model}"`);
      }
      model = flags.model as ModelName;
    }
    const failOn = flags['fail-on'];
    if (failOn !== undefined && failOn !== 'error' && failOn !== 'warning') {
      throw new UsageError(`replay: --fail-on must be error or warning, not "${failOn}"`);
    }
    if (flags.full && !flags.json) throw new UsageError('replay: --full goes with --json (the tables are a summary at any size)');
    const lang = chooseLang(flags.lang, 'replay');
    let goals: GoalsDoc | undefined;
    if (flags.goals !== undefined) goals = parseGoalsText(readText(flags.goals, io.cwd), flags.goals);
    const events = loadJourneys(positional, io.cwd);
    const report = runEngine(events, goals, model ? { model } : {});
    if (!flags.json) io.out(renderReport(report, lang));
    else {
      const doc = flags.full ? report : boundReport(report);
      if (io.outChunks) await io.outChunks(withNewline(jsonChunks(doc, 2)));
      else io.out([...jsonChunks(doc, 2)].join(''));
    }
    return failReached(report, failOn) ? 1 : 0;
  },
};
