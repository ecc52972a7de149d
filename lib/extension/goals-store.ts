/**
 * The goals document in storage.local (it outlives the browser session). Only a document that
 * validates is stored; a refused one leaves the old in place.
 */
import { GOALS_FORMAT, type GoalsDoc } from '../formats/goals';
import { validateGoals } from '../formats/validate-goals';
import type { SetGoalsResult } from '../messages';
import type { StorageAreaLike } from '../capture/journey-store';

/** Also read by the relay, which tells the page hook the custom endpoints. */
export const GOALS_KEY = 'goals';
const KEY = GOALS_KEY;
export const EMPTY_GOALS: GoalsDoc = { format: GOALS_FORMAT, goals: [] };

export class GoalsStore {
  private cached: Promise<GoalsDoc> | undefined;

  constructor(private readonly area: StorageAreaLike) {}

  get(): Promise<GoalsDoc> {
    this.cached ??= this.area.get(KEY).then(
      (got) => {
        try {
          return got[KEY] === undefined ? EMPTY_GOALS : validateGoals(got[KEY], 'stored goals');
        } catch {
          return EMPTY_GOALS;
        }
      },
      () => EMPTY_GOALS,
    );
    return this.cached;
  }

  async set(value: unknown): Promise<SetGoalsResult & { goals?: GoalsDoc }> {
    let doc: GoalsDoc;
    try {
      doc = validateGoals(value, 'goals');
    } catch (e) {
      return { ok: false, error: e instanceof Error ? e.message : 'The goals document is not valid.' };
    }
    await this.area.set({ [KEY]: doc });
    this.cached = Promise.resolve(doc);
    return { ok: true, goals: doc };
  }
}
