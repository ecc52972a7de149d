/**
 * The Tags view as a spreadsheet: one row per hit (a batched request gives one row per hit it
 * carried), fixed columns first, then the decoded parameters the user picked, by raw key.
 */
import type { HitBody } from '../formats/journey';
import type { TagEntry, TagPage } from '../panel/tags';
import { toCsv } from './csv';

export const HIT_COLUMNS = ['time', 'page', 'vendor', 'account', 'kind', 'name', 'value', 'status'] as const;

/** The status as the Tags view words it: sent, the HTTP status, or the error. */
export function deliveryText(e: Pick<TagEntry, 'status' | 'error' | 'delivered'>): string {
  if (e.error) return e.error;
  if (e.status !== undefined) return String(e.status);
  return e.delivered ? 'sent' : 'not delivered';
}

function nameOf(h: HitBody): string {
  return h.name ?? h.experience?.id ?? h.transaction?.orderId ?? h.lead?.leadId ?? h.lead?.topic ?? h.service?.topic ?? '';
}

function valueText(h: HitBody): string {
  const money = (n: number, currency?: string) => (currency ? `${n} ${currency}` : String(n));
  if (h.transaction) return money(h.transaction.total, h.transaction.currency);
  if (h.lead?.value !== undefined) return money(h.lead.value, h.lead.currency);
  if (h.experience?.variant) return h.experience.variant;
  if (h.service) return String(h.service.status);
  return '';
}

/** Every parameter key the hits carry, in first-seen order: the columns a user can pick. */
export function paramKeys(pages: readonly TagPage[]): string[] {
  const keys = new Set<string>();
  for (const p of pages) for (const e of p.entries) if (e.role === 'hit') for (const param of e.params) keys.add(param.key);
  return [...keys];
}

export function hitsCsv(pages: readonly TagPage[], paramColumns: readonly string[] = []): string {
  const rows: string[][] = [[...HIT_COLUMNS, ...paramColumns]];
  for (const page of pages) {
    for (const e of page.entries) {
      if (e.role !== 'hit') continue;
      // A repeated key (items, batched lines) keeps every value, in order.
      const params = new Map<string, string[]>();
      for (const p of e.params) params.set(p.key, [...(params.get(p.key) ?? []), p.value]);
      const extra = paramColumns.map((k) => (params.get(k) ?? []).join(' | '));
      const fixed = (h?: HitBody) => [
        new Date(e.t).toISOString(),
        page.url,
        e.vendorName,
        h?.account ?? e.account ?? '',
        h?.kind ?? e.label,
        h ? nameOf(h) : '',
        h ? valueText(h) : '',
        deliveryText(e),
      ];
      if (e.hits.length === 0) rows.push([...fixed(), ...extra]);
      for (const h of e.hits) rows.push([...fixed(h), ...extra]);
    }
  }
  return toCsv(rows);
}
