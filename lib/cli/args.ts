/**
 * A small strict argument parser: declared flags only, so a typo is a usage error, not a
 * silently ignored option. Supports `--flag value`, `--flag=value` and boolean flags.
 */
import { LANGS, type Lang } from '../i18n/catalogues';
import { isLang, langFromEnv } from '../i18n/locale';
import { UsageError } from './command';

export interface FlagSpec {
  [name: string]: 'boolean' | 'string' | 'string[]';
}

export interface Parsed<F extends FlagSpec> {
  positional: string[];
  flags: {
    [K in keyof F]?: F[K] extends 'boolean' ? boolean : F[K] extends 'string[]' ? string[] : string;
  };
}

export function parseArgs<F extends FlagSpec>(args: string[], spec: F, command: string): Parsed<F> {
  const positional: string[] = [];
  const flags: Record<string, unknown> = {};
  for (let i = 0; i < args.length; i++) {
    const a = args[i]!;
    if (a === '--') {
      positional.push(...args.slice(i + 1));
      break;
    }
    if (!a.startsWith('--') || a === '-') {
      positional.push(a);
      continue;
    }
    const eq = a.indexOf('=');
    const name = eq === -1 ? a.slice(2) : a.slice(2, eq);
    const kind = spec[name];
    if (!kind) throw new UsageError(`${command}: unknown option --${name} (see goalpost ${command} --help)`);
    if (kind === 'boolean') {
      if (eq !== -1) throw new UsageError(`${command}: --${name} takes no value`);
      flags[name] = true;
      continue;
    }
    let value: string | undefined;
    if (eq !== -1) value = a.slice(eq + 1);
    else {
      value = args[i + 1];
      i++;
    }
    if (value === undefined) throw new UsageError(`${command}: --${name} needs a value`);
    if (kind === 'string[]') flags[name] = [...((flags[name] as string[] | undefined) ?? []), value];
    else flags[name] = value;
  }
  return { positional, flags: flags as Parsed<F>['flags'] };
}

/** `--lang en|ja`, shared by the commands that print reports. */
export const LANG_FLAG = { lang: 'string' } as const;

export const LANG_HELP = `  --lang en|ja           language of the printed report (default: LC_ALL, LC_MESSAGES or
                         LANG from the environment, else English); --json keeps the
                         English message with its messageId and params`;

/** The --lang flag if given (anything else is a usage error), else the terminal's locale, else English. */
export function chooseLang(
  flag: string | undefined,
  command: string,
  env: Readonly<Record<string, string | undefined>> = process.env,
): Lang {
  if (flag === undefined) return langFromEnv(env);
  if (!isLang(flag)) throw new UsageError(`${command}: --lang must be one of ${LANGS.join(', ')}, not "${flag}"`);
  return flag;
}
