/** The panel's engine bound to the real engine, formats and decoders. */
import { decodePush, decodeRequest } from '../decoders/index';
import { InputError } from '../formats/errors';
import { journeyToHar } from '../formats/har';
import { JOURNEY_FORMAT } from '../formats/journey';
import { parseGoalsText, parseJourneyText } from '../formats/parse';
import { replay } from '../engine/index';
import type { PanelEngine, Verdict } from './engine';

function attempt<T>(f: () => T, what: string): Verdict<T> {
  try {
    return { ok: true, value: f() };
  } catch (e) {
    if (e instanceof InputError) return { ok: false, error: e.message };
    return { ok: false, error: `${what}: ${e instanceof Error ? e.message : String(e)}` };
  }
}

export const defaultEngine: PanelEngine = {
  replay: (events, goals) => attempt(() => replay(events, goals), 'The report could not be computed'),
  parseGoals: (text, file) => attempt(() => parseGoalsText(text, file), file),
  parseJourney: (text, file) => attempt(() => parseJourneyText(text, file).events, file),
  toHar: (events, comment) => {
    const har = journeyToHar({ format: JOURNEY_FORMAT, events: [...events] });
    return `${JSON.stringify(comment ? { log: { ...har.log, comment } } : har, null, 2)}\n`;
  },
  decodeRequest,
  decodePush,
};
