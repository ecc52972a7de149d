import { execFileSync } from 'node:child_process';
import { gzipSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { curlCommand, decodeCommand, shellQuote } from '../../lib/export/shell';

// What a POSIX shell makes of a command line: each argument as the program would receive it.
function argv(line: string): string[] {
  const out = execFileSync('sh', ['-c', `for a in ${line.replace(/^\S+/, '')}; do printf '%s\\0' "$a"; done`], { encoding: 'utf8' });
  return out.split('\0').slice(0, -1);
}

const hostile = `a'b"c $(touch /tmp/pwned) \`id\` \\ ; & | > é 日本 \n next`;

describe('shell quoting', () => {
  it.each([[''], ['plain'], ["it's"], [hostile], ["''''"]])('round-trips %j through sh unchanged', (s) => {
    expect(argv(`x ${shellQuote(s)}`)).toEqual([s]);
  });
});

describe('copy as cURL', () => {
  it('a GET is the quoted URL alone', () => {
    expect(curlCommand({ url: 'https://www.google-analytics.com/g/collect?v=2&tid=G-X&en=page_view' })).toBe(
      "curl 'https://www.google-analytics.com/g/collect?v=2&tid=G-X&en=page_view'",
    );
  });

  it('a POST with a body sends it raw, and the shell hands both over unchanged', () => {
    const req = { url: 'https://collect.ptengine.jp/pv', method: 'POST', body: `%7B%22sid%22%3A%22${hostile}` };
    const line = curlCommand(req);
    expect(line.startsWith("curl 'https://collect.ptengine.jp/pv' --data-raw '")).toBe(true);
    expect(argv(line)).toEqual([req.url, '--data-raw', req.body]);
  });

  it('names any method --data-raw does not imply', () => {
    expect(curlCommand({ url: 'https://x.test/r', method: 'put', body: '{}' })).toBe("curl 'https://x.test/r' -X PUT --data-raw '{}'");
    expect(curlCommand({ url: 'https://x.test/r', method: 'POST' })).toBe("curl 'https://x.test/r' -X POST");
  });
});

describe('a binary body (a compressed upload kept as base64)', () => {
  const gz = gzipSync('{"api_key":"k","events":[]}');
  const req = { url: 'https://api2.amplitude.com/2/httpapi', method: 'POST', body: gz.toString('base64'), bodyEncoding: 'base64' as const };

  it('cURL gets the bytes themselves on stdin, marked gzip', () => {
    const line = curlCommand(req);
    const [feed, curl] = line.split(' | base64 -d | ');
    expect(execFileSync('sh', ['-c', `${feed} | base64 -d`]).equals(gz)).toBe(true);
    expect(argv(curl!)).toEqual([req.url, '-H', 'Content-Encoding: gzip', '--data-binary', '@-']);
  });

  it('goalpost decode gets it with --body-base64', () => {
    expect(argv(decodeCommand(req)).slice(1)).toEqual([req.url, '--body-base64', req.body]);
  });
});

describe('copy as goalpost decode', () => {
  it('gives the URL, and the body and method only when needed', () => {
    expect(decodeCommand({ url: 'https://x.test/i?e=pv', method: 'GET' })).toBe("goalpost decode 'https://x.test/i?e=pv'");
    expect(decodeCommand({ url: 'https://x.test/i', method: 'POST', body: 'a=1' })).toBe("goalpost decode 'https://x.test/i' --body 'a=1'");
    expect(decodeCommand({ url: 'https://x.test/i', method: 'POST' })).toBe("goalpost decode 'https://x.test/i' --method POST");
  });

  it('escapes a body that starts with @ so decode does not read it as a file name', () => {
    expect(decodeCommand({ url: 'https://x.test/i', body: '@/etc/passwd' })).toBe(
      "goalpost decode 'https://x.test/i' --body '@@/etc/passwd'",
    );
  });
});
