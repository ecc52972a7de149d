import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { scanJourney } from '../../lib/formats/journey-scan';
import { parseJourneyText } from '../../lib/formats/parse';

const bytes = (text: string) => new TextEncoder().encode(text);

/** `text` cut at `cuts` (byte offsets, any order), as a file read in pieces would give it. */
function pieces(text: string, cuts: number[]): Uint8Array[] {
  const all = bytes(text);
  const at = [...new Set(cuts.map((c) => c % (all.length + 1)))].sort((a, b) => a - b);
  const out: Uint8Array[] = [];
  let from = 0;
  for (const c of [...at, all.length]) {
    if (c > from) out.push(all.subarray(from, c));
    from = Math.max(from, c);
  }
  return out;
}

/** The scanner's outcome and whether it needed the whole text: the journey, or the error's message. */
function scanned(text: string, cuts: number[]): { value: unknown; whole: boolean } {
  let whole = false;
  try {
    const value = scanJourney('j.json', pieces(text, cuts), () => {
      whole = true;
      return text;
    });
    return { value, whole };
  } catch (e) {
    return { value: `${(e as Error).constructor.name}: ${(e as Error).message}`, whole };
  }
}

function parsed(text: string): unknown {
  try {
    return parseJourneyText(text, 'j.json');
  } catch (e) {
    return `${(e as Error).constructor.name}: ${(e as Error).message}`;
  }
}

// Text that trips a byte scanner: quotes, backslashes, brackets and commas inside strings, non-ASCII.
const tricky = fc.oneof(
  fc.string(),
  fc.string({ unit: 'binary' }),
  fc.constantFrom('a"b', 'a\\', '\\"', '{[,]}', 'ü€😀', '"events":[', 'x\\\\"y', '\u2028'),
);
const event = fc.oneof(
  fc.record({ t: fc.nat(), type: fc.constant('navigation'), url: tricky, browser: fc.option(tricky, { nil: undefined }) }),
  fc.record({
    t: fc.nat(),
    type: fc.constant('hit'),
    vendor: tricky,
    kind: fc.constantFrom('pageview', 'event', 'transaction'),
    url: tricky,
    name: fc.option(tricky, { nil: undefined }),
  }),
  fc.record({ t: fc.nat(), type: fc.constant('push'), target: tricky, value: fc.jsonValue() }),
  fc.record({ t: fc.nat(), type: fc.constant('request'), url: tricky, body: fc.option(tricky, { nil: undefined }) }),
);

describe('journeys read in pieces', () => {
  it('give what parsing the whole text gives, wherever the pieces are cut, without the whole text', () => {
    fc.assert(
      fc.property(fc.array(event, { maxLength: 8 }), fc.array(fc.nat(), { maxLength: 12 }), fc.boolean(), (events, cuts, pretty) => {
        const text = JSON.stringify({ format: 'goalpost.journey/1', events }, null, pretty ? 2 : undefined);
        const got = scanned(text, cuts);
        expect(got.value).toEqual(parsed(text));
        expect(got.whole).toBe(false);
      }),
      { numRuns: 300 },
    );
  });

  it('read a piece one byte at a time', () => {
    const text = JSON.stringify({
      events: [{ t: 1, type: 'hit', vendor: 'v', kind: 'event', name: 'ä"]}', url: 'https://a.example/?q=[1]' }],
      format: 'goalpost.journey/2',
    });
    const got = scanned(text, [...Array(bytes(text).length).keys()]);
    expect(got).toEqual({ value: parsed(text), whole: false });
  });

  const J = (events: string) => `{"format":"goalpost.journey/1","events":${events}}`;
  it.each([
    ['invalid JSON inside an event', J('[{"t":1,"type":"hit",}]')],
    ['an event that is not valid', J('[{"t":1,"type":"hit","vendor":"v","kind":"nope","url":"u"}]')],
    ['a trailing comma', J('[{"t":1,"type":"navigation","url":"u"},]')],
    ['a number among the events', J('[{"t":1,"type":"navigation","url":"u"},2]')],
    ['events that are not an array', J('{"t":1}')],
    ['a truncated file', J('[{"t":1,"type":"navigation","url":"u"}').slice(0, -3)],
    ['text after the document', `${J('[]')} x`],
    ['a second events member', '{"format":"goalpost.journey/1","events":[],"events":[{"t":1,"type":"navigation","url":"u"}]}'],
    ['a wrong format after the events', '{"events":[{"t":1,"type":"navigation","url":"u"}],"format":"goalpost.journey/9"}'],
    ['an empty file', ''],
    ['a mismatched bracket', J('[{"t":1,"type":"navigation","url":"u"]]')],
    ['a HAR file', JSON.stringify({ log: { version: '1.2', creator: { name: 'x', version: '1' }, pages: [], entries: [] } })],
  ])('%s: the same result or message as the whole text, which is read for it', (_label, text) => {
    const got = scanned(text, [7, 40]);
    expect(got.value).toEqual(parsed(text));
    expect(got.whole).toBe(true);
  });
});
