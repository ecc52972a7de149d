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
  const input = plusIsSpace && text.includes('+') ? text.replace(/\+/g, ' ') : text;
  if (!input.includes('%')) return input;
  try {
    return decodeURIComponent(input);
  } catch {
    let bad = false;
    const out = input.replace(ESCAPE_RUN, (run) => {
      const { text: decoded, ok } = decodeRun(run);
      if (!ok) bad = true;
      return decoded;
    });
    if (bad && problems) problems.push(`Kept an undecodable percent-escape as written in "${clip(text)}".`);
    return out;
  }
}

/**
 * Decodes a run of escapes greedily, one UTF-8 sequence (at most 4 escapes) at a time, so a
 * broken sequence only keeps itself raw, not its valid neighbours.
 */
function decodeRun(run: string): { text: string; ok: boolean } {
  try {
    return { text: decodeURIComponent(run), ok: true };
  } catch {
    const tokens = run.match(/%[0-9A-Fa-f]{2}/g) ?? [];
    let out = '';
    let ok = true;
    for (let i = 0; i < tokens.length; ) {
      let step = 0;
      for (let len = Math.min(4, tokens.length - i); len >= 1 && step === 0; len--) {
        try {
          out += decodeURIComponent(tokens.slice(i, i + len).join(''));
          step = len;
        } catch {
          // try a shorter sequence
        }
      }
      if (step === 0) {
        out += tokens[i];
        ok = false;
        step = 1;
      }
      i += step;
    }
    return { text: out, ok };
  }
}

function clip(text: string): string {
  return text.length > 60 ? `${text.slice(0, 57)}...` : text;
}
