/** What every `goalpost <command>` module exports; main.ts dispatches to them. */

export interface CliIO {
  out(text: string): void;
  err(text: string): void;
  /**
   * Writes long output (a report of hundreds of megabytes) piece by piece as the stream takes
   * it; where absent (a test's sink) the pieces are joined and go to out().
   */
  outChunks?(chunks: Iterable<string>): Promise<void>;
  cwd: string;
}

export interface Command {
  name: string;
  /** One line for `goalpost --help`. */
  summary: string;
  /** Full text for `goalpost <name> --help`. */
  help: string;
  /** Returns the exit code: 0 done, 1 --fail-on threshold reached, 2 bad input or usage. */
  run(args: string[], io: CliIO): Promise<number>;
}

/** Bad input or usage: printed as `goalpost: <message>` with exit code 2, never a stack trace. */
export class UsageError extends Error {}
