/** The table test every request-case file runs, so both tables hold decoders to the same checks. */
import { expect, it } from 'vitest';
import { decodeRequest } from '../../lib/decoders/index';
import type { RequestCase } from './request-cases';

export function itDecodesEach(cases: readonly RequestCase[]): void {
  it.each(cases.map((c) => [c.name, c] as const))('%s', (_name, c) => {
    const d = decodeRequest(c.req);
    expect(d).not.toBeNull();
    expect(d!.decoder).toBe(c.decoder);
    if (c.account !== undefined) expect(d!.account).toBe(c.account);
    if (c.requestType !== undefined) expect(d!.requestType).toBe(c.requestType);
    expect(d!.role).toBe(c.role ?? 'hit');
    expect(d!.hits).toEqual(c.hits);
    expect(d!.problems ?? []).toEqual([]);
  });
}
