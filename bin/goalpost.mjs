#!/usr/bin/env node
// Runs the CLI compiled to dist/cli (rebuilt first whenever a source changed: compiled.mjs), so
// `npm run goalpost` works right after `npm ci` and always runs the code in the working tree.
// Where no bundle can be built (no esbuild, a read-only checkout) the sources run through tsx.
import { resolve } from 'node:path';
import { compiledEntry } from './compiled.mjs';

const root = resolve(import.meta.dirname, '..');
const bundle = await compiledEntry(root, 'lib/cli/main.ts', resolve(root, 'dist/cli'));
if (bundle) await import(bundle);
else {
  const { register } = await import('tsx/esm/api');
  register();
  await import('../lib/cli/main.ts');
}
