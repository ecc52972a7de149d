/**
 * What a person reads when the recording lost its oldest events: the background keeps a bounded
 * log per tab (lib/capture/tab-log.ts) and the panel mirrors it. Whole sentences, one per count,
 * so each can be translated as it stands.
 */

/** The notice for `n` dropped events; undefined when nothing was dropped. */
export function droppedNotice(n: number): string | undefined {
  if (!(n > 0)) return undefined;
  if (n === 1) {
    return 'The oldest event of this recording was dropped to keep the extension within its storage limit; the views and exports show only what is left.';
  }
  return `The ${n} oldest events of this recording were dropped to keep the extension within its storage limit; the views and exports show only what is left.`;
}
