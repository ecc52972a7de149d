/**
 * `npm run bench`: runs every bench/*.bench.ts module and prints one line per result, each a
 * ratio against a baseline measured in the same run (so machines of any speed compare).
 */
import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';

export interface BenchResult {
  name: string;
  baseline: string;
  ratio: number;
  detail?: string;
}

const dir = import.meta.dirname;
const only = process.argv.slice(2);
const files = readdirSync(dir)
  .filter((f) => f.endsWith('.bench.ts'))
  .filter((f) => only.length === 0 || only.some((o) => f.includes(o)))
  .sort();

let failed = false;
for (const f of files) {
  try {
    const mod = (await import(pathToFileURL(join(dir, f)).href)) as { run?: () => Promise<BenchResult[]> };
    if (typeof mod.run !== 'function') {
      console.log(`${f}: exports no run()`);
      failed = true;
      continue;
    }
    for (const r of await mod.run()) {
      console.log(`${r.name}: ${r.ratio.toFixed(2)}x ${r.baseline}${r.detail ? ` (${r.detail})` : ''}`);
    }
  } catch (e) {
    failed = true;
    console.log(`${f}: failed: ${e instanceof Error ? e.message : String(e)}`);
  }
}
if (files.length === 0) console.log('no bench/*.bench.ts modules found');
process.exitCode = failed ? 1 : 0;
