import { describe, expect, it } from 'vitest';
import { isMessage } from '../lib/messages';

describe('message map', () => {
  it('accepts only known message types', () => {
    expect(isMessage({ type: 'goalpost:report' })).toBe(true);
    expect(isMessage({ type: 'goalpost:evil' })).toBe(false);
    expect(isMessage(null)).toBe(false);
    expect(isMessage('goalpost:report')).toBe(false);
  });
});
