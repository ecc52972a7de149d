/** `goalpost <command> …` — dispatches to the command modules; owns exit codes and error printing. */
import { once } from 'node:events';
import { commands } from './commands';
import { UsageError, type CliIO } from './command';
import { InputError } from '../formats/errors';

const io: CliIO = {
  out: (t) => process.stdout.write(t.endsWith('\n') ? t : `${t}\n`),
  err: (t) => process.stderr.write(t.endsWith('\n') ? t : `${t}\n`),
  async outChunks(chunks) {
    for (const chunk of chunks) {
      if (!process.stdout.write(chunk)) await once(process.stdout, 'drain');
    }
  },
  cwd: process.cwd(),
};

function usage(): string {
  const width = Math.max(...commands.map((c) => c.name.length));
  return [
    'goalpost — see which tags fired and why a goal or conversion counts the way it does',
    '',
    'Usage: goalpost <command> [options]   (goalpost <command> --help for details)',
    '',
    ...commands.map((c) => `  ${c.name.padEnd(width)}  ${c.summary}`),
    '',
    'Exit codes: 0 done, 1 a --fail-on threshold was reached, 2 bad input or usage.',
  ].join('\n');
}

export async function main(argv: string[]): Promise<number> {
  const [name, ...rest] = argv;
  if (!name || name === '--help' || name === '-h' || name === 'help') {
    io.out(usage());
    return name ? 0 : 2;
  }
  const command = commands.find((c) => c.name === name);
  if (!command) {
    io.err(`goalpost: unknown command "${name}"\n\n${usage()}`);
    return 2;
  }
  if (rest.includes('--help') || rest.includes('-h')) {
    io.out(command.help);
    return 0;
  }
  try {
    return await command.run(rest, io);
  } catch (e) {
    if (e instanceof UsageError || e instanceof InputError) {
      io.err(`goalpost: ${e.message}`);
      return 2;
    }
    io.err(`goalpost: internal error: ${e instanceof Error ? e.message : String(e)}`);
    return 2;
  }
}

process.exitCode = await main(process.argv.slice(2));
