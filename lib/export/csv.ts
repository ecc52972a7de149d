/**
 * RFC 4180 text, safe to open in a spreadsheet. Beacon parameters are page-controlled: a value
 * such as `=HYPERLINK(…)` would run as a formula when the file is opened, so a cell that starts
 * like a formula is prefixed with an apostrophe (the OWASP advice for CSV injection).
 */

const FORMULA_START = /^[=+\-@\t\r]/;

export function csvCell(value: string): string {
  const safe = FORMULA_START.test(value) ? `'${value}` : value;
  return /[",\r\n]/.test(safe) ? `"${safe.replace(/"/g, '""')}"` : safe;
}

/** Rows to CSV with CRLF line ends, as RFC 4180 and spreadsheets expect. */
export function toCsv(rows: readonly (readonly string[])[]): string {
  return `${rows.map((r) => r.map(csvCell).join(',')).join('\r\n')}\r\n`;
}
