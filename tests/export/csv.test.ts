import { describe, expect, it } from 'vitest';
import { csvCell, toCsv } from '../../lib/export/csv';
import { HIT_COLUMNS, hitsCsv, paramKeys } from '../../lib/export/hits-csv';
import { defaultEngine } from '../../lib/panel/default-engine';
import { buildTagModel } from '../../lib/panel/tags';
import { fixtureStore } from '../panel/helpers';

/** A small RFC 4180 reader, to check what a spreadsheet would see. */
function parseCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let cell = '';
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (quoted) {
      if (c === '"' && text[i + 1] === '"') {
        cell += '"';
        i++;
      } else if (c === '"') quoted = false;
      else cell += c;
    } else if (c === '"') quoted = true;
    else if (c === ',') {
      row.push(cell);
      cell = '';
    } else if (c === '\r' && text[i + 1] === '\n') {
      row.push(cell);
      rows.push(row);
      row = [];
      cell = '';
      i++;
    } else cell += c;
  }
  return rows;
}

describe('CSV cells', () => {
  it('quotes commas, quotes and line breaks', () => {
    expect(toCsv([['a,b', 'say "hi"', 'two\nlines', 'plain']])).toBe('"a,b","say ""hi""","two\nlines",plain\r\n');
  });

  it.each(['=HYPERLINK("http://evil")', '+1+1', '-2', '@SUM(A1)', '\tx'])('defuses a formula: %j', (v) => {
    expect(csvCell(v).replace(/^"|"$/g, '').startsWith("'")).toBe(true);
    expect(parseCsv(toCsv([[v]]))[0]?.[0]).toBe(`'${v}`);
  });
});

describe('hits CSV', () => {
  it('one row per hit with the fixed columns and the chosen parameters', () => {
    const { store } = fixtureStore();
    const pages = store.tags.value.pages;
    const keys = paramKeys(pages);
    expect(keys).toContain('clientId');
    const rows = parseCsv(hitsCsv(pages, ['name', 'clientId']));
    expect(rows[0]).toEqual([...HIT_COLUMNS, 'name', 'clientId']);
    expect(rows.length - 1).toBe(store.tags.value.hitCount);
    const cart = rows.find((r) => r[5] === 'add_to_cart');
    expect(cart).toBeDefined();
    expect(cart?.[1]).toBe('http://shop.test/cart');
    expect(cart?.[4]).toBe('event');
    expect(cart?.[8]).toBe('add_to_cart');
    // Every row has as many cells as the header, whatever the parameters hold.
    for (const r of rows) expect(r).toHaveLength(HIT_COLUMNS.length + 2);
  });

  it('a batched request is one row per hit, with its status and its own parameters', () => {
    const url = 'https://www.google-analytics.com/g/collect?v=2&tid=G-SHOP1&cid=111.222&sid=9&dl=https%3A%2F%2Fshop.test%2Fcart';
    const body = 'en=add_to_cart\r\nen=purchase&ep.transaction_id=T-1&epn.value=42&cu=EUR';
    const model = buildTagModel(
      [
        { type: 'navigation', t: 1000, url: 'https://shop.test/cart' },
        { type: 'request', t: 1100, url, method: 'POST', body, status: 503, pageUrl: 'https://shop.test/cart' },
      ],
      defaultEngine,
    );
    const rows = parseCsv(hitsCsv(model.pages, ['tid']));
    const hits = rows.slice(1);
    expect(hits.length).toBeGreaterThanOrEqual(2);
    for (const r of hits) {
      expect(r[2]).toBe('Google Analytics 4');
      expect(r[3]).toBe('G-SHOP1');
      expect(r[7]).toBe('503');
      expect(r[8]).toBe('G-SHOP1');
    }
    const purchase = hits.find((r) => r[4] === 'transaction');
    expect(purchase?.[5]).toBe('T-1');
    expect(purchase?.[6]).toBe('42 EUR');
  });
});
