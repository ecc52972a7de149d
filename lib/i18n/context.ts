/**
 * The panel's and popup's language, given once at the root (the browser's UI language in the
 * extension, a fixed one in tests) and read by every view; English when nothing provides one.
 */
import { createContext } from 'preact';
import { useContext } from 'preact/hooks';
import type { Lang } from './catalogues';
import { type Translate, translator } from './render';

export const LangContext = createContext<Lang>('en');

export function useLang(): Lang {
  return useContext(LangContext);
}

export function useT(): Translate {
  return translator(useContext(LangContext));
}
