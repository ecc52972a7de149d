/**
 * The message catalogues are the extension's own `_locales/<lang>/messages.json` (the browser
 * reads them for the manifest's `__MSG_…__` names); the panel and the CLI read the very same
 * files, so each string has one home. Placeholders are named (`$url$`): every one a message
 * uses is declared under its `placeholders`, as the browser requires.
 */
import en from '../../public/_locales/en/messages.json' with { type: 'json' };
import ja from '../../public/_locales/ja/messages.json' with { type: 'json' };

export type Lang = 'en' | 'ja';
export const LANGS: readonly Lang[] = ['en', 'ja'];

export interface CatalogueEntry {
  message: string;
  description?: string;
  placeholders?: Record<string, { content: string; example?: string }>;
}
export type Catalogue = Readonly<Record<string, CatalogueEntry>>;

export const catalogues: Readonly<Record<Lang, Catalogue>> = { en, ja };
