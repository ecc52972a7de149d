/**
 * How the panel talks to whatever holds the recording. The DevTools panel and the extension page
 * use the runtime port; tests and the bench use the in-memory one. The store never knows which.
 */
import type { PanelPush, SetGoalsResult } from '../messages';

export interface PanelTransport {
  /** Start receiving pushes for a tab (a snapshot first); returns the unsubscribe function. */
  subscribe(tabId: number | undefined, onPush: (push: PanelPush) => void): () => void;
  /** Ask the holder to store a goals document; it answers with the verdict. */
  setGoals(goals: unknown): Promise<SetGoalsResult>;
  /** Forget what was recorded for the tab. */
  clear(tabId: number | undefined): Promise<void>;
}
