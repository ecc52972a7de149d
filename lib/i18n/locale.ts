/** Which language to speak: from a BCP 47 tag (the browser) or a POSIX locale (the terminal). */
import { LANGS, type Lang } from './catalogues';

/** "ja", "ja-JP", "ja_JP.UTF-8" → ja; anything else, or nothing, → English. */
export function langFromTag(tag: string | undefined): Lang {
  const primary =
    (tag ?? '')
      .trim()
      .toLowerCase()
      .split(/[-_.@]/)[0] ?? '';
  return (LANGS as readonly string[]).includes(primary) ? (primary as Lang) : 'en';
}

/**
 * The locale the terminal asks for, by POSIX precedence: LC_ALL, then LC_MESSAGES (the category
 * of message text), then LANG. "C" and "POSIX" mean no language, hence English.
 */
export function langFromEnv(env: Readonly<Record<string, string | undefined>>): Lang {
  for (const name of ['LC_ALL', 'LC_MESSAGES', 'LANG']) {
    const value = env[name];
    if (value) return langFromTag(value);
  }
  return 'en';
}

export function isLang(value: string): value is Lang {
  return (LANGS as readonly string[]).includes(value);
}

/**
 * The language the browser picked for the extension's own catalogue (the one its name and
 * description are shown in), read back from the catalogue's 'lang' message; the browser's UI
 * language when that says nothing we speak.
 */
export function langOfExtension(picked: string, uiLanguage: string): Lang {
  return isLang(picked) ? picked : langFromTag(uiLanguage);
}
