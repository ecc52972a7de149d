import { spawnSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';

const root = join(import.meta.dirname, '../..');
const examples = join(root, 'tests/fixtures/spec-examples');

function goalpost(args: string[], cwd = examples) {
  const r = spawnSync(process.execPath, [join(root, 'bin/goalpost.mjs'), ...args], { cwd, encoding: 'utf8', timeout: 60_000 });
  return { code: r.status, out: r.stdout, err: r.stderr };
}

const tmp = mkdtempSync(join(tmpdir(), 'goalpost-replay-'));
function file(name: string, content: unknown): string {
  const p = join(tmp, name);
  writeFileSync(p, typeof content === 'string' ? content : JSON.stringify(content));
  return p;
}

describe('goalpost replay', () => {
  it('--json prints the report of an example', () => {
    const r = goalpost(['replay', '01-conversion-vs-goal.journey.json', '--goals', '01-conversion-vs-goal.goals.json', '--json']);
    expect(r.code).toBe(0);
    const report = JSON.parse(r.out);
    expect(report.goals[0]).toMatchObject({ id: 'thanks', sessions: 3, users: 2, total: 3 });
  });

  it('prints compact tables by default, findings worst first', () => {
    const r = goalpost(['replay', '03-cross-domain.journey.json', '--goals', '03-cross-domain.goals.json']);
    expect(r.code).toBe(0);
    expect(r.out).toMatch(/Tags per page[\s\S]*Sessions[\s\S]*Goals[\s\S]*Findings \(worst first\)/);
    expect(r.out).toMatch(/paid\s+0\s+0\s+0\s+1 experience-not-displayed/);
    const findings = r.out.slice(r.out.indexOf('Findings'));
    expect(findings.indexOf('ERROR')).toBeLessThan(findings.indexOf('WARNING'));
    expect(findings).toContain('Set up cross-domain tracking for shop.example and example-checkout.com');
  });

  it('--model overrides the goals file', () => {
    const r = goalpost(['replay', '01-conversion-vs-goal.journey.json', '--model', 'ga4', '--json']);
    expect(JSON.parse(r.out).model).toBe('ga4');
  });

  it('--fail-on: 1 when reached, 0 when not', () => {
    const args = ['replay', '02-experience-before-goal.journey.json', '--goals', '02-experience-before-goal.goals.json'];
    expect(goalpost([...args, '--fail-on', 'warning']).code).toBe(1);
    expect(goalpost([...args, '--fail-on', 'error']).code).toBe(0);
  });

  it('merges several files as several browsers (people)', () => {
    const one = {
      format: 'goalpost.journey/1',
      events: [{ t: '2026-03-01T10:00:00Z', type: 'hit', vendor: 'ptengine', kind: 'pageview', url: 'https://shop.example/thanks' }],
    };
    const r = goalpost(['replay', file('alice.json', one), file('bob.journey.json', one), '--json']);
    const report = JSON.parse(r.out);
    expect(report.visitors.map((v: { browser: string }) => v.browser)).toEqual(['alice', 'bob']);
    expect(report.sessions).toHaveLength(2);
  });

  it('reads HAR files', () => {
    const har = {
      log: {
        entries: [
          {
            startedDateTime: '2026-03-01T10:00:00Z',
            _resourceType: 'document',
            request: { url: 'https://shop.example/' },
            response: { status: 200 },
          },
        ],
      },
    };
    const r = goalpost(['replay', file('x.har', har), '--json']);
    expect(r.code).toBe(0);
    expect(JSON.parse(r.out).pages[0].url).toBe('https://shop.example/');
  });

  it.each([
    [['replay', 'missing.json'], /^goalpost: missing\.json: no such file\n$/],
    [['replay'], /^goalpost: replay: give at least one journey or HAR file/],
    [['replay', 'x.json', '--model', 'adobe'], /^goalpost: replay: --model must be one of ptengine, ga4, ua, liveengage/],
    [['replay', 'x.json', '--fail-on', 'info'], /^goalpost: replay: --fail-on must be error or warning/],
    [['replay', 'x.json', '--colour'], /^goalpost: replay: unknown option --colour/],
  ])('usage and missing files exit 2: %j', (args, message) => {
    const r = goalpost(args);
    expect(r.code).toBe(2);
    expect(r.err).toMatch(message);
    expect(r.err).not.toMatch(/\n\s+at /);
  });

  it('bad input: the file, what and where, exit 2, no stack trace', () => {
    const truncated = file('trunc.json', '{"format": "goalpost.journey/1",\n "events": [');
    let r = goalpost(['replay', truncated]);
    expect(r.code).toBe(2);
    expect(r.err).toBe(`goalpost: ${truncated}: 2:13: the JSON ends too early (truncated file?)\n`);
    const goals = file('bad.goals.json', { format: 'goalpost.goals/1', goals: [{ id: 'a', when: { url: { regex: '(' } } }] });
    r = goalpost(['replay', '01-conversion-vs-goal.journey.json', '--goals', goals]);
    expect(r.code).toBe(2);
    expect(r.err).toMatch(/^goalpost: .*bad\.goals\.json: goals\[0\]\.when\.url\.regex is not a valid regular expression/);
    expect(r.out).toBe('');
  });

  it('deeply nested files: one sentence naming the file and the JSON path, never a stack overflow', () => {
    // Written as text: JSON.stringify itself overflows at these depths.
    const nest = (open: string, inner: string, close: string, n: number) => open.repeat(n) + inner + close.repeat(n);
    for (const depth of [33, 3_000, 100_000]) {
      const goals = file(
        `deep-${depth}.goals.json`,
        `{"format":"goalpost.goals/1","goals":[{"id":"g","name":"G","when":${nest('{"anyOf":[', '{"event":"x"}', ']}', depth)}}]}`,
      );
      const r = goalpost(['replay', '01-conversion-vs-goal.journey.json', '--goals', goals]);
      expect(r.code).toBe(2);
      expect(r.err).toMatch(
        new RegExp(
          `^goalpost: .*deep-${depth}\\.goals\\.json: goals\\[0\\]\\.when(\\.anyOf\\[0\\]){32}\\.anyOf nests anyOf more than 32 levels deep[^\\n]*\\n$`,
        ),
      );
    }
    // 32 levels are fine.
    const ok = file(
      'deep-ok.goals.json',
      `{"format":"goalpost.goals/1","goals":[{"id":"g","name":"G","when":${nest('{"anyOf":[', '{"url":{"contains":"/thanks"}}', ']}', 32)}}]}`,
    );
    expect(goalpost(['replay', '01-conversion-vs-goal.journey.json', '--goals', ok, '--json']).code).toBe(0);
    // A pushed value and a HAR entry nested 100,000 deep are data, not structure: read as usual.
    const journey = file(
      'deep.journey.json',
      `{"format":"goalpost.journey/1","events":[{"type":"navigation","t":1700000000000,"url":"https://a.example/"},{"type":"push","t":1700000000001,"target":"dataLayer","value":${nest('[', '1', ']', 100_000)}}]}`,
    );
    expect(goalpost(['replay', journey, '--json']).code).toBe(0);
    const har = file(
      'deep.har',
      `{"log":{"version":"1.2","creator":{"name":"x","version":"1"},"entries":[{"startedDateTime":"2024-01-01T00:00:00Z","request":{"method":"GET","url":"https://a.example/","headers":[],"deep":${nest('{"a":', '1', '}', 100_000)}},"response":{"status":200}}]}}`,
    );
    expect(goalpost(['replay', har, '--json']).code).toBe(0);
  }, 60_000);

  it('--help explains the command', () => {
    const r = goalpost(['replay', '--help']);
    expect(r.code).toBe(0);
    expect(r.out).toContain('--fail-on');
    expect(r.out).toContain('Several files are merged');
  });
});
