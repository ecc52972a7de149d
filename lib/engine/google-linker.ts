/**
 * Google's cross-domain link parameters and whether the tag on the landing page accepts them.
 * Pure: the time and the browser's fingerprint are passed in.
 *
 * - gtag.js `_gl=1*<checksum>*<key>*<base64>*…` (GA4 `_ga`, `_ga_<stream>`, Ads `_gcl_*`, …):
 *   the checksum is base36(CRC-32 of user agent, time-zone offset, language, the minute since the
 *   epoch and the serialised pairs, joined by "*"), and a link is accepted in the minute it was
 *   made and the next. Confirmed against AMP's linker reader and its test vectors (same format,
 *   offsets 0 and 1 accepted) and analytics-debugger's google-tag-linker.
 * - analytics.js `_ga=1.<hash>.<client id>` / `_ga=2.<hash>.<_gid>-<client id>`: the hash is
 *   Google's 28-bit string hash over the ids, user agent, language, time-zone offset and the local
 *   date and minute; analytics.js accepts the current minute and the two before (a link lives two
 *   minutes). Version-1 links made by older analytics.js also cover the browser's plugin list.
 *   Confirmed against public copies of analytics.js.
 */

/** What the landing browser says about itself: the inputs of both checksums. */
export interface Fingerprint {
  userAgent: string;
  language: string;
  /** Minutes, as Date#getTimezoneOffset (UTC minus local). */
  timezoneOffset: number;
}

export type LinkStatus = 'valid' | 'stale' | 'altered' | 'malformed' | 'unverified';

export interface LinkCheck {
  param: '_gl' | '_ga';
  status: LinkStatus;
  /** For `stale`: how many minutes before the landing the link was made. */
  minutesOld?: number;
  /** The client id the link carried (the `_ga` pair), when readable. */
  clientId?: string;
}

const MINUTE = 60_000;
/** How far back a checksum is searched to tell a stale link (made earlier) from an altered one. */
const SEARCH_MINUTES = 24 * 60;

// ---- gtag.js `_gl` ----

let crcTable: Uint32Array | undefined;

/** CRC-32 (IEEE, reflected) over the low byte of each UTF-16 unit, as gtag's linker computes it. */
export function crc32(text: string): number {
  if (!crcTable) {
    crcTable = new Uint32Array(256);
    for (let n = 0; n < 256; n++) {
      let c = n;
      for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
      crcTable[n] = c >>> 0;
    }
  }
  let crc = 0xffffffff;
  for (let i = 0; i < text.length; i++) crc = (crc >>> 8) ^ crcTable[(crc ^ text.charCodeAt(i)) & 0xff]!;
  return (crc ^ 0xffffffff) >>> 0;
}

/** The `_gl` checksum for the serialised pairs made at `minute` (minutes since the epoch). */
export function glChecksum(fp: Fingerprint, minute: number, serialised: string): string {
  return crc32([fp.userAgent, fp.timezoneOffset, fp.language, minute, serialised].join('*')).toString(36);
}

/** The `_gl` value gtag would put on a link made at `t` by this browser (tests, demos). */
export function makeGl(ids: Record<string, string>, fp: Fingerprint, t: number): string {
  const serialised = Object.entries(ids)
    .map(([k, v]) => `${k}*${btoa(v).replace(/=/g, '.')}`)
    .join('*');
  return `1*${glChecksum(fp, Math.floor(t / MINUTE), serialised)}*${serialised}`;
}

export interface ParsedGl {
  checksum: string;
  /** `<key>*<value>*…` exactly as on the URL: what the checksum covers. */
  serialised: string;
  /** The pairs, values decoded from gtag's base64 (`.` for `=`). */
  ids: Record<string, string>;
}

function decodeBase64(value: string): string | undefined {
  try {
    const text = atob(value.replace(/\./g, '=').replace(/-/g, '+').replace(/_/g, '/'));
    return /^[\x20-\x7e]*$/.test(text) ? text : undefined;
  } catch {
    return undefined;
  }
}

/** `1*<checksum>*<key>*<value>…`; undefined when it is not of that shape. */
export function parseGl(value: string): ParsedGl | undefined {
  const parts = value.split('*');
  if (parts.length < 4 || parts.length % 2 !== 0 || parts[0] !== '1' || !/^[0-9a-z]{1,7}$/.test(parts[1]!)) return undefined;
  const ids: Record<string, string> = {};
  for (let i = 2; i < parts.length; i += 2) {
    const key = parts[i]!;
    if (!/^[\w.-]+$/.test(key)) return undefined;
    const v = decodeBase64(parts[i + 1]!);
    if (v !== undefined) ids[key] = v;
  }
  return { checksum: parts[1]!, serialised: parts.slice(2).join('*'), ids };
}

/** How many minutes before `t` a `_gl` was made for this browser; undefined when no minute fits. */
function glAge(gl: ParsedGl, fp: Fingerprint, t: number): number | undefined {
  const now = Math.floor(t / MINUTE);
  for (let k = -1; k <= SEARCH_MINUTES; k++) {
    if (glChecksum(fp, now - k, gl.serialised) === gl.checksum) return Math.max(0, k);
  }
  return undefined;
}

/** gtag's verdict on a `_gl` value read at `t` by the browser `fp` (current or previous minute). */
export function checkGl(value: string, fp: Fingerprint | undefined, t: number): LinkCheck {
  const gl = parseGl(value);
  if (!gl) return { param: '_gl', status: 'malformed' };
  const out: LinkCheck = { param: '_gl', status: 'unverified' };
  const cid = gl.ids._ga;
  if (cid) out.clientId = cid;
  if (!fp) return out;
  const age = glAge(gl, fp, t);
  if (age === undefined) out.status = 'altered';
  else if (age <= 1) out.status = 'valid';
  else {
    out.status = 'stale';
    out.minutesOld = age;
  }
  return out;
}

// ---- analytics.js `_ga` ----

/** Google's 28-bit string hash (analytics.js, the __utm cookies' domain hash). */
export function gaHash(text: string): number {
  if (!text) return 1;
  let h = 0;
  for (let i = text.length - 1; i >= 0; i--) {
    const c = text.charCodeAt(i);
    h = ((h << 6) & 0xfffffff) + c + (c << 14);
    const top = h & 0xfe00000;
    if (top !== 0) h ^= top >> 21;
  }
  return h;
}

/** The browser's local clock at `t`, as the Date getters analytics.js reads would return it. */
function local(t: number, fp: Fingerprint): { year: number; date: number; hours: number; minutes: number } {
  const d = new Date(t - fp.timezoneOffset * MINUTE);
  return { year: d.getUTCFullYear() - 1900, date: d.getUTCDate(), hours: d.getUTCHours(), minutes: d.getUTCMinutes() };
}

/** analytics.js's current link hash (with the language), `b` minutes from `t` (0, -1, -2). */
function gaLinkHash(ids: string, fp: Fingerprint, t: number, b: number): number {
  const c = local(t, fp);
  const e = c.hours + Math.floor((c.minutes + b) / 60);
  return gaHash(
    [ids, fp.userAgent, fp.language, fp.timezoneOffset, c.year, c.date + Math.floor(e / 24), (24 + e) % 24, (60 + c.minutes + b) % 60].join(
      '.',
    ),
  );
}

/** Chromium's fixed plugin list (the HTML standard's PDF viewer plugins), or none when PDF viewing is off. */
const PLUGIN_LISTS: readonly (readonly string[])[] = [[], Array(5).fill('Portable Document Format') as string[]];

/** The older version-1 hash, which covers the plugins instead of the language. */
function gaLegacyHash(ids: string, fp: Fingerprint, t: number, b: number, plugins: readonly string[]): number {
  const c = local(t, fp);
  return gaHash([ids, fp.userAgent, fp.timezoneOffset, c.year, c.date, c.hours, c.minutes + b, ...plugins].join('.'));
}

/** The `_ga=2.…` value analytics.js would put on a link made at `t` by this browser (tests, demos). */
export function makeGaLinker(gid: string, clientId: string, fp: Fingerprint, t: number): string {
  return `2.${gaLinkHash(gid + clientId, fp, t, 0)}.${gid}-${clientId}`;
}

export interface ParsedGa {
  version: '1' | '2';
  hash: number;
  clientId: string;
  gid?: string;
}

/** `1.<hash>.<cid>` or `2.<hash>.<gid>-<cid>`; undefined for any other shape (a cookie value, say). */
export function parseGaLinker(value: string): ParsedGa | undefined {
  const m = /^([12])\.(\d{1,10})\.(.+)$/.exec(value);
  if (!m) return undefined;
  const hash = Number(m[2]);
  if (m[1] === '1') return /^\d+\.\d+$/.test(m[3]!) ? { version: '1', hash, clientId: m[3]! } : undefined;
  const dash = m[3]!.indexOf('-');
  if (dash <= 0) return undefined;
  const gid = m[3]!.slice(0, dash);
  const clientId = m[3]!.slice(dash + 1);
  return /^\d+\.\d+$/.test(clientId) ? { version: '2', hash, clientId, gid } : undefined;
}

function gaMatches(ga: ParsedGa, fp: Fingerprint, t: number, b: number): boolean {
  const ids = ga.gid ? ga.gid + ga.clientId : ga.clientId;
  if (gaLinkHash(ids, fp, t, b) === ga.hash) return true;
  return PLUGIN_LISTS.some((plugins) => gaLegacyHash(ids, fp, t, b, plugins) === ga.hash);
}

/** analytics.js's verdict on a `_ga` link value read at `t` (this minute or the two before). */
export function checkGaLinker(value: string, fp: Fingerprint | undefined, t: number): LinkCheck {
  const ga = parseGaLinker(value);
  if (!ga) return { param: '_ga', status: 'malformed' };
  const out: LinkCheck = { param: '_ga', status: 'unverified', clientId: ga.clientId };
  if (!fp) return out;
  for (const b of [0, -1, -2]) if (gaMatches(ga, fp, t, b)) return { ...out, status: 'valid' };
  for (let k = 3; k <= SEARCH_MINUTES; k++) {
    if (gaMatches(ga, fp, t - k * MINUTE, 0)) return { ...out, status: 'stale', minutesOld: k };
  }
  // A version-1 link may cover plugins this journey does not know, so a mismatch proves nothing.
  return ga.version === '1' ? out : { ...out, status: 'altered' };
}

// ---- on a URL ----

/** A parameter's raw value from the query or the fragment (gtag can decorate either). */
export function linkValue(url: string, name: string): string | undefined {
  const m = new RegExp(`[?#&]${name}=([^&#]*)`).exec(url);
  if (!m) return undefined;
  try {
    return decodeURIComponent(m[1]!);
  } catch {
    return m[1];
  }
}

/** The verdict on the Google link parameter `param` on `url`; undefined for other vendors' parameters. */
export function checkGoogleLink(param: string, url: string, fp: Fingerprint | undefined, t: number): LinkCheck | undefined {
  if (param !== '_gl' && param !== '_ga') return undefined;
  const value = linkValue(url, param);
  if (value === undefined) return undefined;
  return param === '_gl' ? checkGl(value, fp, t) : checkGaLinker(value, fp, t);
}
