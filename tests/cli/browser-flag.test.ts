import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { browserFlag } from '../../lib/cli/browser-flag';

const root = join(import.meta.dirname, '../..');

describe('--browser', () => {
  it('defaults to chromium and takes firefox', () => {
    expect(browserFlag(undefined, 'demo')).toBe('chromium');
    expect(browserFlag('chrome', 'demo')).toBe('chromium');
    expect(browserFlag('firefox', 'audit')).toBe('firefox');
  });

  it.each([['audit', 'https://shop.test/'], ['demo']])('%s refuses another browser with one sentence and exit 2', (...args) => {
    const r = spawnSync(process.execPath, [join(root, 'bin/goalpost.mjs'), ...args, '--browser', 'safari'], {
      encoding: 'utf8',
      timeout: 60_000,
    });
    expect(r.status).toBe(2);
    expect(r.stderr.trim()).toBe(`goalpost: ${args[0]}: --browser must be chromium or firefox (got "safari")`);
  });
});
