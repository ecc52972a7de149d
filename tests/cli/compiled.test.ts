import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, statSync, utimesSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { compiledEntry } from '../../bin/compiled.mjs';

const run = (url: string) => spawnSync(process.execPath, [fileURLToPath(url)], { encoding: 'utf8' }).stdout.trim();

function project(): string {
  const root = mkdtempSync(join(tmpdir(), 'goalpost-compiled-'));
  mkdirSync(join(root, 'lib/deep'), { recursive: true });
  writeFileSync(join(root, 'main.ts'), "import { word } from './lib/deep/word';\nconsole.log(word());\n");
  writeFileSync(join(root, 'lib/deep/word.ts'), "export const word = (): string => 'one';\n");
  return root;
}

describe('the compiled CLI', () => {
  it('is built once and reused while its sources are unchanged', async () => {
    const root = project();
    const first = await compiledEntry(root, 'main.ts', join(root, 'dist'));
    expect(first).toBeDefined();
    expect(run(first!)).toBe('one');
    expect(await compiledEntry(root, 'main.ts', join(root, 'dist'))).toBe(first);
    const manifest = JSON.parse(readFileSync(join(root, 'dist/manifest.json'), 'utf8'));
    expect(Object.keys(manifest.inputs).sort()).toEqual(['lib/deep/word.ts', 'main.ts']);
  });

  it('is rebuilt when an imported source changes, even to the same size', async () => {
    const root = project();
    const first = await compiledEntry(root, 'main.ts', join(root, 'dist'));
    writeFileSync(join(root, 'lib/deep/word.ts'), "export const word = (): string => 'two';\n");
    // A later time, as an edit or a checkout leaves it (the test may run within one clock tick).
    utimesSync(join(root, 'lib/deep/word.ts'), new Date(), new Date(Date.now() + 5000));
    const second = await compiledEntry(root, 'main.ts', join(root, 'dist'));
    expect(second).not.toBe(first);
    expect(run(second!)).toBe('two');
  });

  it('is not trusted for a source written while it was built', async () => {
    const root = project();
    // As an editor saving during the build leaves it: dated after the build began.
    utimesSync(join(root, 'lib/deep/word.ts'), new Date(), new Date(Date.now() + 60_000));
    const first = await compiledEntry(root, 'main.ts', join(root, 'dist'));
    const manifest = JSON.parse(readFileSync(join(root, 'dist/manifest.json'), 'utf8'));
    expect(manifest.inputs['lib/deep/word.ts']).toBe('changed during the build');
    expect(manifest.inputs['main.ts']).toMatch(/^\d+:/);
    expect(await compiledEntry(root, 'main.ts', join(root, 'dist'))).not.toBe(first);
  });

  it('is not used once a source it was built from is gone', async () => {
    const root = project();
    await compiledEntry(root, 'main.ts', join(root, 'dist'));
    rmSync(join(root, 'lib/deep/word.ts'));
    // The rebuild fails on the missing import: the sources run instead, and say so.
    expect(await compiledEntry(root, 'main.ts', join(root, 'dist'))).toBeUndefined();
  });

  it("keeps import.meta.dirname the source's folder", async () => {
    const root = project();
    writeFileSync(
      join(root, 'lib/deep/word.ts'),
      "import { resolve } from 'node:path';\nexport const word = (): string => resolve(import.meta.dirname);\n",
    );
    expect(run((await compiledEntry(root, 'main.ts', join(root, 'dist/cli')))!)).toBe(join(root, 'lib/deep'));
  });

  it('is undefined when the sources do not build, so the caller runs them as they are', async () => {
    const root = project();
    writeFileSync(join(root, 'main.ts'), "import { nothing } from './missing';\nconsole.log(nothing);\n");
    expect(await compiledEntry(root, 'main.ts', join(root, 'dist'))).toBeUndefined();
  });
});

describe('bin/goalpost.mjs', () => {
  it('runs the code in the working tree', () => {
    const root = join(import.meta.dirname, '../..');
    const r = spawnSync(process.execPath, [join(root, 'bin/goalpost.mjs'), '--help'], { encoding: 'utf8' });
    expect(r.status).toBe(0);
    const manifest = JSON.parse(readFileSync(join(root, 'dist/cli/manifest.json'), 'utf8')) as { inputs: Record<string, string> };
    expect(Object.keys(manifest.inputs)).toEqual(expect.arrayContaining(['lib/cli/main.ts', 'lib/engine/replay.ts']));
    // The bundle that ran was built from every source as it is on disk now.
    for (const [file, was] of Object.entries(manifest.inputs)) {
      const st = statSync(join(root, file));
      expect(`${st.size}:${st.mtimeMs}`, file).toBe(was);
    }
  });
});
