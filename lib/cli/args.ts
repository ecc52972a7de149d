/**
 * A small strict argument parser: declared flags only, so a typo is a usage error, not a
 * silently ignored option. Supports `--flag value`, `--flag=value` and boolean flags.
 */
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
