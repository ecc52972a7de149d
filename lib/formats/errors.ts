/**
 * Bad input: one sentence naming the file and where (JSON path or line:column).
 * The CLI prints `goalpost: <message>` and exits 2; the panel shows the same sentence.
 */
export class InputError extends Error {
  constructor(
    readonly file: string,
    readonly detail: string,
  ) {
    super(`${file}: ${detail}`);
    this.name = 'InputError';
  }
}
