/**
 * Conformance over Omnibug's public test fixtures (tests/fixtures/conformance, MIT, notice
 * beside them): every sample goes through the same decode path as `goalpost decode`.
 * - recognition: samples its tests routed or pattern-matched must be claimed by our decoder
 *   for that provider;
 * - values: where Omnibug asserts an account, request type or parameter our model has, ours
 *   agree (providers.ts maps the keys; exceptions.ts lists reviewed, deliberate differences);
 *   parse-only samples that our matcher does not claim are decoded with that decoder forced,
 *   as `goalpost decode --decoder ID` does, since Omnibug's tests fed them to the decoder directly;
 * - negatives: a provider's decoder must not claim a URL its tests say it must not match.
 */
import { readFileSync } from 'node:fs';
import { afterAll, describe, expect, it } from 'vitest';
import { decodeInput } from '../../lib/cli/commands/decode';
import type { Decoded } from '../../lib/decoders';
import { EXCEPTIONS, type ConformanceException } from './exceptions';
import { PROVIDERS, targetOf, type Target } from './providers';

interface Sample {
  provider: string;
  url: string;
  method: string;
  body: string | null;
  expect: {
    account: string | null;
    requestType: string | null;
    params: Record<string, string | number | boolean>;
    absent: string[] | null;
  };
  checks: string[];
}

interface Negative {
  url: string;
  notProvider: string;
}

const load = <T>(name: string): T => JSON.parse(readFileSync(new URL(`../fixtures/conformance/${name}`, import.meta.url), 'utf8')) as T;
const samples = load<Sample[]>('omnibug-samples.json');
const negatives = load<Negative[]>('omnibug-negatives.json');

const input = (s: Sample) => ({ url: s.url, method: s.method, ...(s.body !== null ? { body: s.body } : {}) });

/** Our value for an Omnibug key, undefined when we produce none. */
function ours(d: Decoded, target: Exclude<Target, { notModelled: string }>): string | undefined {
  if ('field' in target) return d[target.field];
  const keys = Array.isArray(target.param) ? target.param : [target.param];
  for (const key of keys) {
    const found = d.params.find((p) => p.key === key);
    if (found) return found.value;
  }
  return undefined;
}

function expectedOf(target: Target, value: string | number | boolean): string {
  const text = String(value);
  return 'value' in target && target.value ? target.value(text) : text;
}

interface Row {
  provider: string;
  decoder: string;
  samples: number;
  mustRecognise: number;
  recognised: number;
  checked: number;
  agreed: number;
  excepted: number;
  notModelled: number;
  /** Parse-only samples our matcher does not claim, decoded with the provider's decoder forced. */
  forced: number;
  negatives: string;
}

const rows = new Map<string, Row>();
const usedExceptions = new Set<ConformanceException>();

function findException(s: Sample, key: string, value: string | undefined): ConformanceException | undefined {
  return EXCEPTIONS.find(
    (e) =>
      e.provider === s.provider && e.key === key && (s.url.includes(e.sample) || (s.body ?? '').includes(e.sample)) && e.ours === value,
  );
}

const providers = [...new Set(samples.map((s) => s.provider))].sort();

describe('Omnibug conformance', () => {
  it('maps every provider in the fixture set to our decoders', () => {
    const unmapped = providers.filter((p) => !PROVIDERS[p]);
    expect(unmapped).toEqual([]);
  });

  describe.each(providers)('%s', (provider) => {
    const map = PROVIDERS[provider] ?? { decoders: [] };
    const mine = samples.filter((s) => s.provider === provider);
    const row: Row = {
      provider,
      decoder: map.decoders.join('/'),
      samples: mine.length,
      mustRecognise: 0,
      recognised: 0,
      checked: 0,
      agreed: 0,
      excepted: 0,
      notModelled: 0,
      forced: 0,
      negatives: '-',
    };
    rows.set(provider, row);

    it('recognises the samples its tests route or match', () => {
      const missed: string[] = [];
      for (const s of mine.filter((x) => x.checks.includes('route') || x.checks.includes('match'))) {
        row.mustRecognise++;
        const d = decodeInput(input(s));
        if (d && map.decoders.includes(d.decoder)) row.recognised++;
        else missed.push(`${s.url.slice(0, 120)} → ${d ? d.decoder : 'nothing'}`);
      }
      expect(missed).toEqual([]);
    });

    it('agrees on the asserted account, request type and parameters', () => {
      const diffs: string[] = [];
      for (const s of mine) {
        const e = s.expect;
        const facts: [string, string | number | boolean, Target][] = [];
        if (e.account !== null) facts.push(['account', e.account, map.account ?? { field: 'account' }]);
        if (e.requestType !== null) facts.push(['requestType', e.requestType, map.requestType ?? { field: 'requestType' }]);
        for (const [k, v] of Object.entries(e.params)) facts.push([k, v, targetOf(map, k)]);
        const absent = e.absent ?? [];
        if (facts.length === 0 && absent.length === 0) continue;
        let d = decodeInput(input(s));
        if (!d || !map.decoders.includes(d.decoder)) {
          row.forced++;
          d = decodeInput({ ...input(s), decoder: map.decoders[0]! });
        }
        if (!d) {
          diffs.push(`${s.url.slice(0, 100)}: not decoded at all`);
          continue;
        }
        for (const [key, value, target] of facts) {
          if ('notModelled' in target) {
            row.notModelled++;
            continue;
          }
          row.checked++;
          const want = expectedOf(target, value);
          const got = ours(d, target);
          // Omnibug shows an empty string where a value is missing; we leave it out.
          if (got === want || (want === '' && got === undefined)) {
            row.agreed++;
            continue;
          }
          const ex = findException(s, key, got);
          if (ex) {
            usedExceptions.add(ex);
            row.excepted++;
            continue;
          }
          diffs.push(`${s.url.slice(0, 100)}: ${key} expected ${JSON.stringify(want)}, ours ${JSON.stringify(got)}`);
        }
        for (const key of absent) {
          const target = targetOf(map, key);
          if ('notModelled' in target) continue;
          row.checked++;
          const got = ours(d, target);
          if (got === undefined) row.agreed++;
          else diffs.push(`${s.url.slice(0, 100)}: ${key} must be absent, ours ${JSON.stringify(got)}`);
        }
      }
      expect(diffs).toEqual([]);
    });

    it('does not claim the URLs its tests say it must not match', () => {
      const mineNeg = negatives.filter((n) => n.notProvider === provider);
      const claimed = mineNeg
        .map((n) => ({ n, d: decodeInput({ url: n.url }) }))
        .filter(({ d }) => d !== null && map.decoders.includes(d.decoder))
        .map(({ n }) => n.url);
      row.negatives = mineNeg.length === 0 ? '-' : `${mineNeg.length - claimed.length}/${mineNeg.length}`;
      expect(claimed).toEqual([]);
    });
  });

  it('uses every reviewed exception (none stale)', () => {
    const stale = EXCEPTIONS.filter((e) => !usedExceptions.has(e)).map((e) => `${e.provider} ${e.sample} ${e.key}`);
    expect(stale).toEqual([]);
  });

  afterAll(() => {
    const table = [...rows.values()].map((r) => ({
      provider: r.provider,
      decoder: r.decoder,
      samples: r.samples,
      recognised: `${r.recognised}/${r.mustRecognise}`,
      values: `${r.agreed}/${r.checked}`,
      excepted: r.excepted,
      notModelled: r.notModelled,
      forced: r.forced,
      negatives: r.negatives,
    }));
    const total = [...rows.values()].reduce((a, r) => ({ rec: a.rec + r.recognised, must: a.must + r.mustRecognise }), { rec: 0, must: 0 });
    console.log(`Omnibug conformance: ${total.rec}/${total.must} samples recognised`);
    console.table(table);
  });
});
