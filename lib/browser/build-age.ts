/**
 * Whether a built extension is older than the sources it is built from. Each browser has its
 * own build directory, and rebuilding one leaves the other as it was: a run that loads an old
 * build shows yesterday's capture code while the sources say otherwise.
 */
import { existsSync, readdirSync, statSync } from 'node:fs';
import { join, resolve } from 'node:path';

const ROOT = resolve(import.meta.dirname, '../..');

/** What the extension bundles; the CLI, demo, audit and launchers run in Node only. */
const SOURCES = ['entrypoints', 'components', 'lib', 'wxt.config.ts'];
const NODE_ONLY = new Set(['lib/audit', 'lib/browser', 'lib/cli', 'lib/demo'].map((p) => resolve(ROOT, p)));

function newestIn(path: string): number {
  if (NODE_ONLY.has(path) || !existsSync(path)) return 0;
  const st = statSync(path);
  if (!st.isDirectory()) return st.mtimeMs;
  let newest = 0;
  for (const name of readdirSync(path)) newest = Math.max(newest, newestIn(join(path, name)));
  return newest;
}

/** When the extension's sources last changed (ms), or 0 where they are not there. */
export function newestSourceMs(): number {
  return Math.max(0, ...SOURCES.map((s) => newestIn(resolve(ROOT, s))));
}

/** True when `extensionDir` was built before the last change to the extension's sources. */
export function builtBeforeSources(extensionDir: string): boolean {
  const manifest = resolve(extensionDir, 'manifest.json');
  if (!existsSync(manifest)) return false;
  return statSync(manifest).mtimeMs < newestSourceMs();
}
