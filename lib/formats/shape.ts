/**
 * Small typed readers for validating parsed JSON: each failure is one sentence naming the JSON
 * path, thrown as InputError so every public parser reports bad input the same way.
 */
import { InputError } from './errors';

export type Obj = Record<string, unknown>;

export function describe(value: unknown): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'an array';
  if (typeof value === 'string') return value.length > 40 ? `a string` : `"${value}"`;
  if (typeof value === 'object') return 'an object';
  return `${typeof value} ${String(value)}`;
}

export class Shape {
  constructor(readonly file: string) {}

  fail(path: string, what: string): never {
    throw new InputError(this.file, path ? `${path} ${what}` : what);
  }

  obj(value: unknown, path: string): Obj {
    if (value === null || typeof value !== 'object' || Array.isArray(value)) {
      this.fail(path || 'the document', `must be an object, not ${describe(value)}`);
    }
    return value as Obj;
  }

  arr(value: unknown, path: string): unknown[] {
    if (!Array.isArray(value))
      this.fail(path, value === undefined ? 'is missing (expected an array)' : `must be an array, not ${describe(value)}`);
    return value;
  }

  str(value: unknown, path: string): string {
    if (typeof value !== 'string')
      this.fail(path, value === undefined ? 'is missing (expected a string)' : `must be a string, not ${describe(value)}`);
    return value;
  }

  num(value: unknown, path: string): number {
    if (typeof value !== 'number' || !Number.isFinite(value)) {
      this.fail(path, value === undefined ? 'is missing (expected a number)' : `must be a number, not ${describe(value)}`);
    }
    return value;
  }

  optStr(value: unknown, path: string): string | undefined {
    return value === undefined ? undefined : this.str(value, path);
  }

  optNum(value: unknown, path: string): number | undefined {
    return value === undefined ? undefined : this.num(value, path);
  }

  optBool(value: unknown, path: string): boolean | undefined {
    if (value === undefined) return undefined;
    if (typeof value !== 'boolean') this.fail(path, `must be true or false, not ${describe(value)}`);
    return value;
  }

  oneOf<T extends string>(value: unknown, allowed: readonly T[], path: string): T {
    if (typeof value !== 'string' || !(allowed as readonly string[]).includes(value)) {
      this.fail(path, `${value === undefined ? 'is missing' : `is ${describe(value)}`}; expected one of ${allowed.join(', ')}`);
    }
    return value as T;
  }
}
