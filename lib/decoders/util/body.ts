/** Body-size guard: decoders read at most the first MAX_BODY_CHARS of a body, and say so. */

export const MAX_BODY_CHARS = 256 * 1024;

/** The body to decode: cut at `max` characters with a problem sentence when longer. */
export function limitBody(body: string | undefined, problems: string[], max = MAX_BODY_CHARS): string | undefined {
  if (body === undefined || body.length <= max) return body;
  problems.push(`The body is ${body.length} characters long; only the first ${Math.round(max / 1024)} KB were decoded.`);
  return body.slice(0, max);
}
