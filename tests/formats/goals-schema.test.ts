import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { MODEL_NAMES } from '../../lib/formats/goals';
import { SERVICE_STATUS_NAMES } from '../../lib/formats/service-status';
import { validateGoals } from '../../lib/formats/validate-goals';

const root = join(import.meta.dirname, '../..');
const schema = JSON.parse(readFileSync(join(root, 'schemas/goals.schema.json'), 'utf8'));

describe('schemas/goals.schema.json agrees with the validator', () => {
  it('lists the same models, conditions and status names', () => {
    expect(schema.properties.model.enum).toEqual(MODEL_NAMES);
    const keys = schema.$defs.condition.oneOf.map((c: { required: string[] }) => c.required[0]);
    expect(keys).toEqual(['url', 'event', 'transaction', 'lead', 'service', 'pageviews', 'engagement', 'anyOf']);
    // Each condition key the schema lists is one the validator accepts.
    const samples: Record<string, unknown> = {
      url: 'x',
      event: 'e',
      transaction: {},
      lead: {},
      service: { topics: [{ topic: 't', statuses: [0] }] },
      pageviews: { atLeast: 1 },
      engagement: true,
      anyOf: [{ event: 'e' }],
    };
    for (const k of keys)
      expect(() => validateGoals({ format: 'goalpost.goals/1', goals: [{ id: k, when: { [k]: samples[k] } }] })).not.toThrow();
    expect(schema.$defs.serviceStatus.oneOf[1].enum).toEqual(SERVICE_STATUS_NAMES);
    expect(schema.properties.format.const).toBe('goalpost.goals/1');
  });
  it('the spec examples use only properties the schema declares', () => {
    const dir = join(root, 'tests/fixtures/spec-examples');
    for (const f of readdirSync(dir).filter((n) => n.endsWith('.goals.json'))) {
      const doc = JSON.parse(readFileSync(join(dir, f), 'utf8'));
      for (const k of Object.keys(doc)) expect(Object.keys(schema.properties)).toContain(k);
      for (const g of doc.goals) for (const k of Object.keys(g)) expect(Object.keys(schema.$defs.goal.properties)).toContain(k);
    }
  });
  it('declares every top-level field the validator keeps, and vendors is checked the same way', () => {
    const doc = validateGoals({
      format: 'goalpost.goals/1',
      model: 'ga4',
      vendors: ['ga4', 'liveperson'],
      session: { timeoutMinutes: 20 },
      crossDomain: { domains: ['a.example'] },
      goals: [],
      endpoints: [{ host: 'c.a.example', decoder: 'ga4' }],
    });
    for (const k of Object.keys(doc)) expect(Object.keys(schema.properties)).toContain(k);
    expect(doc.vendors).toEqual(['ga4', 'liveperson']);
    expect(() => validateGoals({ format: 'goalpost.goals/1', vendors: ['ga4', 7], goals: [] }, 'g.json')).toThrow(/g\.json: vendors\[1\]/);
    expect(() => validateGoals({ format: 'goalpost.goals/1', vendors: [''], goals: [] })).toThrow(/vendors\[0\] is empty/);
  });
});
