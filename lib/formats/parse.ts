/** Text in, validated documents out: the one entry point for files, imports and pasted goals. */
import { InputError } from './errors';
import type { GoalsDoc } from './goals';
import { harToJourney, isHarLike } from './har';
import type { Journey } from './journey';
import { parseJsonText } from './json-text';
import { validateGoals } from './validate-goals';
import { validateJourney } from './validate-journey';

/** A goalpost.journey/1 or HAR 1.2 document (detected by content); times become epoch ms. */
export function parseJourneyText(text: string, file: string): Journey {
  const value = parseJsonText(text, file);
  return isHarLike(value) ? harToJourney(value, file) : validateJourney(value, file);
}

export function parseGoalsText(text: string, file: string): GoalsDoc {
  return validateGoals(parseJsonText(text, file), file);
}

export { InputError, validateGoals, validateJourney };
