import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { replay } from '../../lib/engine';
import { parseGoalsText, parseJourneyText } from '../../lib/formats/parse';
import { partialMismatch } from '../support/partial-match';

const dir = join(import.meta.dirname, '../fixtures/spec-examples');
const names = readdirSync(dir)
  .filter((f) => f.endsWith('.journey.json'))
  .map((f) => f.replace(/\.journey\.json$/, ''));

function load(name: string) {
  const read = (suffix: string) => readFileSync(join(dir, `${name}.${suffix}.json`), 'utf8');
  const journey = parseJourneyText(read('journey'), `${name}.journey.json`);
  const goals = parseGoalsText(read('goals'), `${name}.goals.json`);
  return { report: replay(journey.events, goals), expected: JSON.parse(read('expected')) as unknown };
}

describe('spec examples (partial match)', () => {
  it('finds all five examples', () => {
    expect(names.length).toBeGreaterThanOrEqual(5);
  });
  for (const name of names) {
    it(name, () => {
      const { report, expected } = load(name);
      expect(partialMismatch(expected, report)).toBeUndefined();
    });
  }
});

describe('partial matcher', () => {
  it('rejects what the examples must not accept', () => {
    expect(partialMismatch({ goals: [{ id: 'a', total: 1 }] }, { goals: [{ id: 'a', total: 2 }] })).toMatch(/total/);
    expect(partialMismatch({ findings: [{ code: 'x' }] }, { findings: [{ code: 'y' }] })).toMatch(/findings/);
    expect(partialMismatch({ sessions: [{ id: 's1' }, { id: 's2' }] }, { sessions: [{ id: 's1' }] })).toMatch(/at least 2/);
    expect(partialMismatch({ findings: [{ code: 'x' }] }, { findings: [{ code: 'y' }, { code: 'x', more: 1 }] })).toBeUndefined();
  });
});
