/**
 * The one renderer of message templates: a catalogue entry with `$name$` placeholders, filled
 * from named parameters. Pure (no browser.i18n) so the engine, the panel and the CLI share it.
 */
import { catalogues, type Lang } from './catalogues';
import { isDuration, isOrList, isRef, type MessageParam, type MessageParams } from './params';

const PLACEHOLDER = /\$([A-Za-z0-9_@]+)\$|\$\$/g;

/** How each language writes the parts of a duration next to each other ("2 h 5 min", "2時間5分"). */
const UNIT_JOIN: Record<Lang, string> = { en: ' ', ja: '' };

/**
 * The message `id` in `lang`, falling back to English and then to the id itself, so a missing
 * translation shows English rather than nothing (the catalogue test keeps both complete).
 */
export function render(lang: Lang, id: string, params: MessageParams = {}): string {
  const entry = catalogues[lang][id] ?? catalogues.en[id];
  if (!entry) return id;
  return entry.message.replace(PLACEHOLDER, (whole, name: string | undefined) => {
    if (name === undefined) return '$';
    const value = params[name.toLowerCase()];
    return value === undefined ? whole : param(lang, value);
  });
}

function param(lang: Lang, value: MessageParam): string {
  if (typeof value === 'string') return value;
  if (typeof value === 'number') return String(value);
  if (isRef(value)) return render(lang, value.messageId, value.params);
  if (isOrList(value)) return new Intl.ListFormat(lang, { type: 'disjunction' }).format(value.or);
  if (isDuration(value)) return formatDuration(lang, value.durationMs);
  return '';
}

/** A duration in the language's units: "1 h 5 min", "1時間5分". */
export function formatDuration(lang: Lang, ms: number): string {
  const totalSeconds = Math.round(ms / 1000);
  const parts: string[] = [];
  const d = Math.floor(totalSeconds / 86_400);
  const h = Math.floor((totalSeconds % 86_400) / 3600);
  const m = Math.floor((totalSeconds % 3600) / 60);
  const s = totalSeconds % 60;
  if (d) parts.push(render(lang, 'unit_days', { n: d }));
  if (h) parts.push(render(lang, 'unit_hours', { n: h }));
  if (m) parts.push(render(lang, 'unit_minutes', { n: m }));
  if (s || parts.length === 0) parts.push(render(lang, 'unit_seconds', { n: s }));
  return parts.join(UNIT_JOIN[lang]);
}

/** Renders messages of one language: what a view or a command holds on to. */
export type Translate = (id: string, params?: MessageParams) => string;

export function translator(lang: Lang): Translate {
  return (id, params) => render(lang, id, params);
}

/** "1 visit", "2 visits": a count with the catalogue's singular or plural message (Japanese has one form). */
export function countText(t: Translate, n: number, one: string, many: string): string {
  return t(n === 1 ? one : many, { n });
}
