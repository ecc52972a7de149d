import { mkdtempSync, rmSync, utimesSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { builtBeforeSources, newestSourceMs } from '../../lib/browser/build-age';

// A Firefox run that loaded an add-on built before the hook last changed recorded every queued
// lpTag.sdes item twice: launchers and the CLI must notice such a build.
describe('builtBeforeSources', () => {
  const dirs: string[] = [];
  const buildAt = (ms: number | undefined): string => {
    const dir = mkdtempSync(join(tmpdir(), 'goalpost-build-age-'));
    dirs.push(dir);
    if (ms !== undefined) {
      writeFileSync(join(dir, 'manifest.json'), '{}');
      utimesSync(join(dir, 'manifest.json'), ms / 1000, ms / 1000);
    }
    return dir;
  };
  afterEach(() => {
    for (const d of dirs.splice(0)) rmSync(d, { recursive: true, force: true });
  });

  it('knows when the extension sources last changed', () => {
    expect(newestSourceMs()).toBeGreaterThan(Date.UTC(2020, 0, 1));
  });
  it.each([
    ['built before the last source change', () => newestSourceMs() - 60_000, true],
    ['built after the last source change', () => newestSourceMs() + 60_000, false],
    ['not built at all', () => undefined, false],
  ])('%s', (_label, at, stale) => {
    expect(builtBeforeSources(buildAt(at()))).toBe(stale);
  });
  it('a change to a Node-only module (the demo) does not make the build old', () => {
    const dir = buildAt(Date.now() + 1_000);
    const demo = join(import.meta.dirname, '../../lib/demo/liveperson.ts');
    const now = Date.now() / 1000;
    utimesSync(demo, now + 60, now + 60);
    try {
      expect(builtBeforeSources(dir)).toBe(false);
    } finally {
      utimesSync(demo, now, now);
    }
  });
});
