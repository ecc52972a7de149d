/**
 * The two catalogues are the extension's `_locales` files: the same keys, the same named
 * placeholders in both languages, each one declared as the browser requires, every key used by
 * the code and every key the code names present.
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';
import { catalogues, LANGS } from '../../lib/i18n/catalogues';

const root = join(import.meta.dirname, '../..');
const placeholders = (message: string) =>
  [...new Set([...message.matchAll(/\$([A-Za-z0-9_@]+)\$/g)].map((m) => m[1]!.toLowerCase()))].sort();

function sources(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const p = join(dir, name);
    if (statSync(p).isDirectory()) return sources(p);
    return /\.(ts|tsx)$/.test(name) ? [p] : [];
  });
}
const code = [
  ...sources(join(root, 'lib')),
  ...sources(join(root, 'components')),
  ...sources(join(root, 'entrypoints')),
  join(root, 'wxt.config.ts'),
].map((p) => ({ path: relative(root, p), text: readFileSync(p, 'utf8') }));
const keys = Object.keys(catalogues.en);

describe('message catalogues', () => {
  it('hold the same keys in English and Japanese', () => {
    expect(Object.keys(catalogues.ja).sort()).toEqual([...keys].sort());
    expect(keys.length).toBeGreaterThan(100);
  });

  it.each(keys)('%s: the same placeholders in both languages, each declared under placeholders', (key) => {
    const en = catalogues.en[key]!;
    for (const lang of LANGS) {
      const entry = catalogues[lang][key]!;
      expect(entry.message.trim(), `${lang} ${key}`).not.toBe('');
      expect(placeholders(entry.message), `${lang} ${key}`).toEqual(placeholders(en.message));
      // The browser refuses to load a catalogue using a placeholder it does not declare.
      expect(Object.keys(entry.placeholders ?? {}).sort(), `${lang} ${key}`).toEqual(placeholders(entry.message));
    }
  });

  it('Japanese messages are Japanese, not copies of the English (names and API literals aside)', () => {
    const same = keys.filter((k) => catalogues.ja[k]!.message === catalogues.en[k]!.message);
    expect(same.sort()).toEqual([
      'customer_item',
      'extName',
      'goals_counts',
      'reason_with_detail',
      'route_push',
      'route_replace',
      'tags_kind_push',
      'tags_kind_replace',
      'visit_rule_detail',
    ]);
  });

  it('every key is used by the code (as a quoted literal or a __MSG_…__ manifest name)', () => {
    const unused = keys.filter((k) => !code.some((f) => f.text.includes(`'${k}'`) || f.text.includes(`__MSG_${k}__`)));
    expect(unused).toEqual([]);
  });

  it('every message id the rendering code names is in the catalogues', () => {
    const prefixes = new Set(keys.map((k) => k.split('_')[0]!));
    const named = new Set<string>();
    for (const f of code) {
      if (!/from '(\.\.\/)+i18n\/|from '\.\/(render|params|context)'|from '\.\.\/i18n\//.test(f.text) && !f.path.startsWith('lib/i18n'))
        continue;
      for (const m of f.text.matchAll(/'([a-z][A-Za-z0-9]*(?:_[a-z0-9]+)+)'/g)) if (prefixes.has(m[1]!.split('_')[0]!)) named.add(m[1]!);
    }
    expect(named.size).toBeGreaterThan(100);
    expect([...named].filter((k) => !(k in catalogues.en))).toEqual([]);
  });
});
