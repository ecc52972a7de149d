import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { decode } from '../../lib/cli/commands/decode';
import { UsageError, type CliIO } from '../../lib/cli/command';

function io(cwd = process.cwd()) {
  const out: string[] = [];
  const err: string[] = [];
  const sink: CliIO = { out: (t) => out.push(t), err: (t) => err.push(t), cwd };
  return { sink, out, err };
}

const FLOODLIGHT =
  'https://1234567.fls.doubleclick.net/activityi;src=1234567;type=group1;cat=thank123;qty=1;cost=666.66;ord=xact111;~oref=https%3A%2F%2Fomnibug.io%2F?';

describe('goalpost decode', () => {
  it('prints the decoder, account, request type, hits and labelled parameters', async () => {
    const { sink, out } = io();
    expect(await decode.run([FLOODLIGHT], sink)).toBe(0);
    const text = out.join('\n');
    expect(text).toMatch(/^Decoder: +Google Campaign Manager Floodlight \(floodlight\)$/m);
    expect(text).toMatch(/^Account: +DC-1234567\/group1\/thank123$/m);
    expect(text).toMatch(/^Request type: +thank123$/m);
    expect(text).toMatch(/^ {2}transaction {2}total=666\.66 order=xact111 {2}url=https:\/\/omnibug\.io\/$/m);
    expect(text).toMatch(/^ {4}Revenue +cost +666\.66$/m);
  });

  it('reads a body from @FILE and defaults the method to POST', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'goalpost-decode-'));
    writeFileSync(join(dir, 'body.txt'), 'pid=p1&ev=PAGE_VIEW&pl=https%3A%2F%2Fshop.example%2F');
    const { sink, out } = io(dir);
    expect(await decode.run(['https://tr.snapchat.com/p', '--body', '@body.txt', '--json'], sink)).toBe(0);
    const json = JSON.parse(out.join('')) as { matched: boolean; decoder: string; hits: { kind: string; url: string }[] };
    expect(json.matched).toBe(true);
    expect(json.decoder).toBe('snapchat');
    expect(json.hits).toEqual([{ vendor: 'snapchat', kind: 'pageview', url: 'https://shop.example/', account: 'p1' }]);
  });

  it('decodes a first-party endpoint with --decoder, as a custom endpoint would', async () => {
    const url = 'https://metrics.shop.example/v1/track';
    const body = JSON.stringify({ type: 'track', event: 'Signed Up', anonymousId: 'a1' });
    const plain = io();
    await decode.run([url, '--body', body], plain.sink);
    expect(plain.out.join('\n')).toMatch(/No decoder recognised this request/);
    const forced = io();
    expect(await decode.run([url, '--body', body, '--decoder', 'rudderstack'], forced.sink)).toBe(0);
    expect(forced.out.join('\n')).toMatch(/^ {2}event {2}"Signed Up"/m);
  });

  it('answers an unknown request with exit 0 and says nothing matched', async () => {
    const { sink, out } = io();
    expect(await decode.run(['https://shop.example/', '--json'], sink)).toBe(0);
    expect(JSON.parse(out.join(''))).toEqual({ matched: false, url: 'https://shop.example/' });
  });

  it('refuses bad usage with a one-sentence usage error (exit 2 in main)', async () => {
    const { sink } = io();
    await expect(decode.run([], sink)).rejects.toThrow(UsageError);
    await expect(decode.run(['not a url'], sink)).rejects.toThrow(/not an absolute URL/);
    await expect(decode.run([FLOODLIGHT, '--decoder', 'nope'], sink)).rejects.toThrow(/--decoder "nope" is unknown/);
    await expect(decode.run([FLOODLIGHT, '--body', '@/no/such/file'], sink)).rejects.toThrow(/cannot read the body file/);
    await expect(decode.run([FLOODLIGHT, '--verbose'], sink)).rejects.toThrow(/unknown option --verbose/);
  });

  it('never writes control characters from the request to the terminal', async () => {
    const { sink, out } = io();
    await decode.run(['https://c.seznam.cz/retargeting?id=1&url=https%3A%2F%2Fx.example%2F%1B%5B31m'], sink);
    const text = out.join('\n');
    expect(text).not.toContain('\u001b');
    expect(text).toContain('\\u001b[31m');
  });
});
