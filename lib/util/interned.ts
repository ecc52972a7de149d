/**
 * The same text met again and again kept once: a journey of a million events holds a few
 * thousand distinct page URLs, browser and vendor names, client and session ids, and every copy
 * of one costs its full length in memory. A bounded table: past its size, new text is left as is.
 */
export class Interned {
  private readonly seen = new Map<string, string>();

  constructor(private readonly limit = 1 << 18) {}

  get(text: string): string {
    const known = this.seen.get(text);
    if (known !== undefined) return known;
    if (this.seen.size < this.limit) this.seen.set(text, text);
    return text;
  }
}
