/**
 * A transport held entirely in memory: tests and the bench drive the panel by emitting pushes,
 * and can read back what the panel asked for.
 */
import type { GoalsDoc } from '../formats/goals';
import type { PanelPush, SetGoalsResult } from '../messages';
import type { PanelTransport } from './transport';

export interface MemoryTransport extends PanelTransport {
  /** Deliver a push to every subscriber, as the background would. */
  emit(push: PanelPush): void;
  /** Goals documents the panel asked to store, in order. */
  readonly savedGoals: unknown[];
  /** Tabs the panel asked to clear, in order. */
  readonly cleared: (number | undefined)[];
  readonly subscribers: number;
}

export interface MemoryTransportOptions {
  /** Decides whether a goals document is accepted; default: accept everything. */
  acceptGoals?: (goals: unknown) => SetGoalsResult;
  /** Sent to each new subscriber, like the background's first answer. */
  snapshot?: (tabId: number | undefined) => PanelPush | undefined;
}

export function createMemoryTransport(opts: MemoryTransportOptions = {}): MemoryTransport {
  const listeners = new Set<(p: PanelPush) => void>();
  const savedGoals: unknown[] = [];
  const cleared: (number | undefined)[] = [];
  return {
    savedGoals,
    cleared,
    get subscribers() {
      return listeners.size;
    },
    emit(push) {
      for (const l of [...listeners]) l(push);
    },
    subscribe(tabId, onPush) {
      listeners.add(onPush);
      const first = opts.snapshot?.(tabId);
      if (first) onPush(first);
      return () => listeners.delete(onPush);
    },
    async setGoals(goals) {
      const verdict = opts.acceptGoals?.(goals) ?? { ok: true };
      if (verdict.ok) {
        savedGoals.push(goals);
        this.emit({ type: 'goals', goals: goals as GoalsDoc });
      }
      return verdict;
    },
    async clear(tabId) {
      cleared.push(tabId);
      this.emit({ type: 'cleared', tabId });
    },
  };
}
