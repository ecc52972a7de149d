import { spawnSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';

const root = join(import.meta.dirname, '../..');
const tmp = mkdtempSync(join(tmpdir(), 'goalpost-gzip-'));
const goalpost = (args: string[]) =>
  spawnSync(process.execPath, [join(root, 'bin/goalpost.mjs'), ...args], { cwd: tmp, encoding: 'utf8', timeout: 60_000 });

// What @amplitude/analytics-browser uploads once the batch passes 2 KiB: HTTP API v2 JSON, gzipped.
const upload = JSON.stringify({
  api_key: 'amp-cli',
  events: [
    {
      event_type: '[Amplitude] Page Viewed',
      device_id: 'dev-cli',
      session_id: 1700000000000,
      time: 1700000000000,
      insert_id: 'c-1',
      event_properties: { '[Amplitude] Page URL': 'https://shop.example/' },
    },
  ],
});
const gz = gzipSync(upload);

describe('compressed uploads in the CLI', () => {
  it('decode --body @FILE inflates a gzip body file', () => {
    writeFileSync(join(tmp, 'upload.bin'), gz);
    const r = goalpost(['decode', 'https://api2.amplitude.com/2/httpapi', '--body', '@upload.bin', '--json']);
    expect(r.status).toBe(0);
    const d = JSON.parse(r.stdout);
    expect(d).toMatchObject({ matched: true, decoder: 'amplitude', account: 'amp-cli' });
    expect(d.hits).toMatchObject([{ kind: 'pageview', clientId: 'dev-cli' }]);
  });

  it('decode --body-base64 takes the body as the journey keeps it', () => {
    const r = goalpost(['decode', 'https://api2.amplitude.com/2/httpapi', '--body-base64', gz.toString('base64'), '--json']);
    expect(r.status).toBe(0);
    expect(JSON.parse(r.stdout).hits).toMatchObject([{ kind: 'pageview', clientId: 'dev-cli' }]);
  });

  it('replay reads a journey request kept as base64', () => {
    const journey = {
      format: 'goalpost.journey/1',
      events: [
        {
          type: 'request',
          t: 1700000000000,
          method: 'POST',
          url: 'https://api2.amplitude.com/2/httpapi',
          body: gz.toString('base64'),
          bodyEncoding: 'base64',
          pageUrl: 'https://shop.example/',
        },
      ],
    };
    writeFileSync(join(tmp, 'j.json'), JSON.stringify(journey));
    writeFileSync(
      join(tmp, 'g.json'),
      JSON.stringify({ format: 'goalpost.goals/1', vendors: ['amplitude'], goals: [{ id: 'home', when: { url: 'shop.example' } }] }),
    );
    const r = goalpost(['replay', 'j.json', '--goals', 'g.json', '--json']);
    expect(r.status, r.stderr).toBe(0);
    const report = JSON.parse(r.stdout);
    expect(report.visitors).toHaveLength(1);
    expect(report.goals[0]).toMatchObject({ id: 'home', total: 1 });
  });
});
