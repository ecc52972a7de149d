/**
 * Builds the extension the audit loads when it is not built yet (a fresh clone after npm ci) or
 * is older than its sources (each browser's build is its own: building one leaves the other old).
 */
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import { builtBeforeSources } from '../browser/build-age';
import { EXTENSION_DIR } from '../browser/chromium';
import { FIREFOX_EXTENSION_DIR } from '../browser/firefox';

const ROOT = resolve(import.meta.dirname, '../..');

/** Returns an error sentence, or undefined when the build is there. Build output goes to `log`. */
export function ensureExtensionBuilt(log: (line: string) => void, browser: 'chromium' | 'firefox' = 'chromium'): string | undefined {
  const dir = browser === 'firefox' ? FIREFOX_EXTENSION_DIR : EXTENSION_DIR;
  const built = existsSync(resolve(dir, 'manifest.json'));
  if (built && !builtBeforeSources(dir)) return undefined;
  const wxt = resolve(ROOT, 'node_modules/wxt/bin/wxt.mjs');
  // Without wxt an older build is still the best there is.
  if (!existsSync(wxt)) return built ? undefined : 'the extension is not built and wxt is not installed: run npm ci, then npm run build';
  const args = browser === 'firefox' ? ['build', '-b', 'firefox', '--mv3'] : ['build'];
  log(`${built ? 'rebuilding the extension, older than its sources' : 'building the extension'} (wxt ${args.join(' ')}) …`);
  const r = spawnSync(process.execPath, [wxt, ...args], { cwd: ROOT, encoding: 'utf8' });
  if (r.status !== 0 || !existsSync(resolve(dir, 'manifest.json'))) {
    const tail = `${r.stdout ?? ''}${r.stderr ?? ''}`.trim().split('\n').slice(-5).join('\n');
    return `the extension build failed (npm run build shows why)${tail ? `:\n${tail}` : ''}`;
  }
  return undefined;
}

/** Headed runs need a display; say so instead of letting Chromium fail obscurely. */
export function displayProblem(): string | undefined {
  if (process.platform !== 'linux') return undefined;
  if (process.env.DISPLAY || process.env.WAYLAND_DISPLAY) return undefined;
  return '--headed needs a display (DISPLAY is not set); run without --headed';
}
