/**
 * The HAR export against the HAR 1.2 JSON Schema (the `har-schema` package), and reopened by
 * `goalpost replay` to the same report as the journey it came from.
 */
import { spawnSync } from 'node:child_process';
import { createRequire } from 'node:module';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { Ajv } from 'ajv';
import addFormats from 'ajv-formats';
import draft06 from 'ajv/dist/refs/json-schema-draft-06.json' with { type: 'json' };
import { describe, expect, it } from 'vitest';
import { harToJourney, journeyToHar } from '../../lib/formats/har';
import { JOURNEY_FORMAT, type Journey } from '../../lib/formats/journey';

// One JSON Schema per HAR object, as the package ships them (it has no type declarations).
const harSchemas = createRequire(import.meta.url)('har-schema') as Record<string, object>;
const root = join(import.meta.dirname, '../..');
const tmp = mkdtempSync(join(tmpdir(), 'goalpost-har-'));

function validator() {
  const ajv = new Ajv({ allErrors: true, strict: false });
  ajv.addMetaSchema(draft06);
  // Check the formats (ISO 8601 times, URIs) rather than ignore them.
  addFormats.default(ajv);
  for (const [name, schema] of Object.entries(harSchemas)) if (name !== 'har') ajv.addSchema(schema);
  return ajv.compile(harSchemas.har as object);
}

const ga4 = (page: string, cid: string, sid: string, extra = '') =>
  `https://www.google-analytics.com/g/collect?v=2&tid=G-SHOP1&cid=${cid}&sid=${sid}&dl=${encodeURIComponent(page)}${extra}`;

/** Two shoppers, three visits, a purchase, a failed beacon and a hostile body: every HAR field in play. */
const journey: Journey = {
  format: JOURNEY_FORMAT,
  events: [
    { type: 'navigation', t: Date.UTC(2026, 2, 1, 10), url: 'https://shop.test/', referrer: 'https://search.test/' },
    {
      type: 'request',
      t: Date.UTC(2026, 2, 1, 10, 0, 1),
      url: ga4('https://shop.test/', '1.1', '100', '&en=page_view'),
      method: 'POST',
      status: 204,
      pageUrl: 'https://shop.test/',
    },
    { type: 'navigation', t: Date.UTC(2026, 2, 1, 10, 1), url: 'https://shop.test/thanks' },
    {
      type: 'request',
      t: Date.UTC(2026, 2, 1, 10, 1, 1),
      url: ga4('https://shop.test/thanks', '1.1', '100'),
      method: 'POST',
      body: 'en=page_view\r\nen=purchase&ep.transaction_id=T-1&epn.value=42&cu=EUR',
      status: 204,
      pageUrl: 'https://shop.test/thanks',
    },
    {
      type: 'request',
      t: Date.UTC(2026, 2, 1, 10, 1, 2),
      url: ga4('https://shop.test/thanks', '1.1', '100', '&en=scroll'),
      method: 'POST',
      body: '"\u0000<script>',
      error: 'net::ERR_BLOCKED_BY_CLIENT',
      pageUrl: 'https://shop.test/thanks',
    },
    { type: 'navigation', t: Date.UTC(2026, 2, 1, 12), url: 'https://shop.test/thanks', browser: 'b' },
    {
      type: 'request',
      t: Date.UTC(2026, 2, 1, 12, 0, 1),
      url: ga4('https://shop.test/thanks', '2.2', '200', '&en=page_view'),
      method: 'GET',
      status: 200,
      pageUrl: 'https://shop.test/thanks',
      browser: 'b',
    },
  ],
};

const goals = {
  format: 'goalpost.goals/1',
  model: 'ga4',
  vendors: ['ga4'],
  goals: [
    { id: 'thanks', name: 'Thanks page', when: { url: { contains: '/thanks' } } },
    { id: 'purchase', name: 'Purchase', when: { transaction: {} } },
  ],
};

function replay(file: string) {
  const r = spawnSync(process.execPath, [join(root, 'bin/goalpost.mjs'), 'replay', file, '--goals', join(tmp, 'goals.json'), '--json'], {
    encoding: 'utf8',
    timeout: 60_000,
  });
  expect(r.stderr).toBe('');
  expect(r.status).toBe(0);
  return JSON.parse(r.stdout) as { goals: unknown; sessions: unknown; findings: unknown; tags?: unknown };
}

describe('HAR export', () => {
  const har = journeyToHar(journey);

  it('is valid HAR 1.2', () => {
    const validate = validator();
    const ok = validate(har);
    expect(validate.errors ?? []).toEqual([]);
    expect(ok).toBe(true);
    expect(har.log.entries).toHaveLength(journey.events.length);
  });

  it('keeps a compressed body as base64 through export and import, still valid HAR', () => {
    const gz = gzipSync('{"api_key":"k","events":[{"event_type":"x","device_id":"d"}]}');
    const one = {
      format: 'goalpost.journey/1' as const,
      events: [
        {
          type: 'request' as const,
          t: 1_772_359_200_000,
          method: 'POST',
          url: 'https://api2.amplitude.com/2/httpapi',
          body: gz.toString('base64'),
          bodyEncoding: 'base64' as const,
        },
      ],
    };
    const exported = journeyToHar(one);
    expect(validator()(exported)).toBe(true);
    expect(exported.log.entries[0]?.request.bodySize).toBe(gz.length);
    const back = harToJourney(JSON.parse(JSON.stringify(exported)), 'x.har').events[0];
    expect(back).toMatchObject({ type: 'request', bodyEncoding: 'base64' });
    expect(Buffer.from((back as { body: string }).body, 'base64').equals(gz)).toBe(true);
  });

  it('the schema check is real: a missing required field or a non-ISO time fails it', () => {
    const broken = structuredClone(har) as unknown as { log: { entries: { request: Record<string, unknown>; startedDateTime: string }[] } };
    delete broken.log.entries[0]?.request.method;
    expect(validator()(broken)).toBe(false);
    const badTime = structuredClone(har) as unknown as typeof broken;
    if (badTime.log.entries[1]) badTime.log.entries[1].startedDateTime = 'yesterday';
    expect(validator()(badTime)).toBe(false);
  });

  it('goalpost replay reads it back to the same report as the journey', () => {
    writeFileSync(join(tmp, 'goals.json'), JSON.stringify(goals));
    writeFileSync(join(tmp, 'journey.json'), JSON.stringify(journey));
    writeFileSync(join(tmp, 'journey.har'), JSON.stringify(har));
    const fromJourney = replay(join(tmp, 'journey.json'));
    const fromHar = replay(join(tmp, 'journey.har'));
    expect(fromHar.goals).toEqual(fromJourney.goals);
    expect(fromHar.sessions).toEqual(fromJourney.sessions);
    expect(fromHar.findings).toEqual(fromJourney.findings);
    // And the report is not trivially empty: both visitors and the purchase are there.
    expect(JSON.stringify(fromJourney.goals)).toMatch(/"id":"purchase"[^}]*"total":1/);
  });
});
