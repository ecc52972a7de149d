/**
 * Percent-decoding that never throws. Tracking URLs are built by page scripts and often carry
 * broken escapes ("%E0%A4%A", a lone "%"); decodeURIComponent rejects the whole string then,
 * so we decode each run of escapes on its own and keep the runs that do not decode, raw.
 */

const ESCAPE_RUN = /(?:%[0-9A-Fa-f]{2})+/g;

/**
 * Decodes `text`; with `plusIsSpace` (form encoding, query strings) "+" becomes a space first.
 * Undecodable escape runs are kept as written and one sentence is pushed to `problems`.
 */
export function safeDecode(text: string, problems?: string[], plusIsSpace = true): string {
  const input = plusIsSpace ? text.replace(/\+/g, ' ') : text;
  if (!input.includes('%')) return input;
  try {
    return decodeURIComponent(input);
  } catch {
    let bad = false;
    const out = input.replace(ESCAPE_RUN, (run) => {
      try {
        return decodeURIComponent(run);
      } catch {
        bad = true;
        return run;
      }
    });
    if (bad && problems) problems.push(`Kept an undecodable percent-escape as written in "${clip(text)}".`);
    return out;
  }
}

function clip(text: string): string {
  return text.length > 60 ? `${text.slice(0, 57)}...` : text;
}
