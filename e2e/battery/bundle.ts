/**
 * Each library's page script (pages/<id>.ts, importing the vendor's package from node_modules)
 * bundled once for the browser with esbuild, cached under node_modules/.cache by the script's
 * text, the package versions it pulls in and esbuild's version, so a second run builds nothing.
 */
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { build, version as esbuildVersion } from 'esbuild';

const ROOT = resolve(import.meta.dirname, '../..');
const CACHE = join(ROOT, 'node_modules/.cache/goalpost-battery');

function packageVersion(name: string): string {
  const pkg = JSON.parse(readFileSync(join(ROOT, 'node_modules', name, 'package.json'), 'utf8')) as { version: string };
  return pkg.version;
}

/** The bundle's JavaScript for pages/<id>.ts; `packages` are the npm packages it imports. */
export async function bundle(id: string, packages: readonly string[]): Promise<string> {
  const entry = join(import.meta.dirname, 'pages', `${id}.ts`);
  const key = createHash('sha256')
    .update(readFileSync(entry))
    .update(readFileSync(join(import.meta.dirname, 'pages', 'page-kit.ts')))
    .update(packages.map((p) => `${p}@${packageVersion(p)}`).join(','))
    .update(esbuildVersion)
    .digest('hex')
    .slice(0, 16);
  const out = join(CACHE, `${id}-${key}.js`);
  if (existsSync(out)) return readFileSync(out, 'utf8');
  const result = await build({
    entryPoints: [entry],
    bundle: true,
    write: false,
    format: 'iife',
    platform: 'browser',
    target: 'chrome120',
    minify: false,
    logLevel: 'silent',
    define: { 'process.env.NODE_ENV': '"production"', global: 'globalThis' },
  });
  const js = result.outputFiles[0]?.text ?? '';
  mkdirSync(CACHE, { recursive: true });
  writeFileSync(out, js);
  return js;
}
