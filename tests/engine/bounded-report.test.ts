import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { replay } from '../../lib/engine';
import { boundReport, OMITTED_NOTE, REPORT_BOUNDS } from '../../lib/engine/bounded-report';
import { parseGoalsText, parseJourneyText } from '../../lib/formats/parse';
import { BIG_GOALS, bigJourneyText } from '../support/big-journey';

const examples = join(import.meta.dirname, '../fixtures/spec-examples');

function example(name: string) {
  const read = (suffix: string) => readFileSync(join(examples, `${name}.${suffix}.json`), 'utf8');
  return replay(parseJourneyText(read('journey'), name).events, parseGoalsText(read('goals'), name));
}

describe('boundReport', () => {
  it.each(['02-experience-before-goal', '03-cross-domain', '05-order-dedup'])(
    'leaves a small report whole and adds the groups (%s)',
    (name) => {
      const full = example(name);
      const bounded = boundReport(full);
      const { findingGroups, ...rest } = bounded;
      expect(rest).toEqual(full);
      expect(bounded.omitted).toBeUndefined();
      expect(findingGroups?.reduce((n, g) => n + g.count, 0)).toBe(full.findings.length);
    },
  );

  it('cuts every list of a large report and says how many of each it left out', () => {
    const full = replay(parseJourneyText(bigJourneyText(20_000, 300), 'big').events, BIG_GOALS);
    const bounds = { ...REPORT_BOUNDS, rows: 50, visitorSessions: 2, groups: 3 };
    const b = boundReport(full, bounds);

    expect(b.pages).toEqual(full.pages.slice(0, 50));
    expect(b.sessions).toEqual(full.sessions.slice(0, 50));
    expect(b.visitors.map((v) => v.sessions.length).every((n) => n <= 2)).toBe(true);
    expect(b.goals[0]!.occurrences).toEqual(full.goals[0]!.occurrences.slice(0, 50));
    expect(b.goals[0]!.total).toBe(full.goals[0]!.total);
    const allGroups = boundReport(full, { ...bounds, groups: 1000 }).findingGroups!;
    expect(b.findingGroups).toEqual(allGroups.slice(0, 3));

    // The examples of the groups kept, in the report's order; every finding of the full report otherwise counted as left out.
    const examples = b.findingGroups!.flatMap((g) => g.examples);
    expect(b.findings).toHaveLength(examples.length);
    expect(b.findings).toEqual(full.findings.filter((f) => examples.includes(f)));
    expect(b.findings.length).toBeLessThanOrEqual(3 * 3);

    expect(b.omitted).toEqual({
      note: OMITTED_NOTE,
      findings: full.findings.length - b.findings.length,
      findingGroups: allGroups.length - 3,
      pages: full.pages.length - 50,
      sessions: full.sessions.length - 50,
      visitors: full.visitors.length - 50,
      visitorSessions: full.visitors.slice(0, 50).reduce((n, v) => n + Math.max(0, v.sessions.length - 2), 0),
      hops: full.hops!.length - 50,
      occurrences: full.goals[0]!.occurrences.length - 50,
    });
    expect(OMITTED_NOTE).toContain('--full');
  });
});
