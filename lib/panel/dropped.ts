/**
 * What a person reads when the recording lost its oldest events: the background keeps a bounded
 * log per tab (lib/capture/tab-log.ts) and the panel mirrors it. Whole sentences, one per count
 * (dropped_one, dropped_many in public/_locales), in the panel's language.
 */
import type { Lang } from '../i18n/catalogues';
import { render } from '../i18n/render';

/** The notice for `n` dropped events; undefined when nothing was dropped. */
export function droppedNotice(n: number, lang: Lang = 'en'): string | undefined {
  if (!(n > 0)) return undefined;
  return n === 1 ? render(lang, 'dropped_one') : render(lang, 'dropped_many', { n });
}
