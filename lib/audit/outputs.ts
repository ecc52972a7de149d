/** What an audit or the demo leaves on disk next to its screenshots, to replay or share. */
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { GoalsDoc } from '../formats/goals';
import type { Journey } from '../formats/journey';
import type { Report } from '../formats/report';

export function writeOutputs(dir: string, report: Report, journey: Journey, goals?: GoalsDoc): string[] {
  mkdirSync(dir, { recursive: true });
  const files: [string, unknown][] = [
    ['report.json', report],
    ['journey.json', journey],
  ];
  if (goals) files.push(['goals.json', goals]);
  return files.map(([name, value]) => {
    const path = join(dir, name);
    writeFileSync(path, `${JSON.stringify(value, null, 2)}\n`);
    return path;
  });
}
