/**
 * Google Consent Mode as Google's tags put it on the wire (GA4, Google Ads, Floodlight):
 * - `gcs=G1<ad_storage><analytics_storage>`: the state each hit was sent under, `1` granted,
 *   `0` denied, `-` not set (Google's Consent Mode reference; recordings show `G100` before a
 *   banner choice and `G111` after "accept all").
 * - `gcd`: how each of the four v2 signals was set. Positions 2, 4, 6 and 8 hold one letter per
 *   signal (ad_storage, analytics_storage, ad_user_data, ad_personalization). Each letter is one
 *   digit of the alphabet 0-9a-zA-Z-_ whose low six bits are three two-bit fields
 *   (declared, default, update), each 1 = not set, 2 = denied, 3 = granted: `l` nothing set,
 *   `p` denied by default, `q` denied by default and on update, `r` denied by default then granted,
 *   `t` granted by default, `u` granted then denied, `v` granted by default and on update,
 *   `m`/`n` denied/granted by an update without a default. The letter table is published by
 *   practitioners and matches recordings (`13p3p3p3p5l1` before a choice, `13r3r3r3r5l1` after
 *   accepting); Google does not document the encoding, so it is marked inferred in docs/vendors.md.
 */
import type { ConsentState, HitConsent } from '../../formats/journey';
import type { DecodedParam } from '../types';
import { param } from '../util/params';

const GCS = /^G1([01-])([01-])$/;

function gcsState(c: string): ConsentState | undefined {
  return c === '1' ? 'granted' : c === '0' ? 'denied' : undefined;
}

/** `gcs` to the ad and analytics storage states; undefined when the value is not a gcs. */
export function parseGcs(gcs: string | undefined): HitConsent | undefined {
  const m = gcs === undefined ? null : GCS.exec(gcs);
  if (!m) return undefined;
  const out: HitConsent = {};
  const ads = gcsState(m[1]!);
  const analytics = gcsState(m[2]!);
  if (ads) out.ads = ads;
  if (analytics) out.analytics = analytics;
  return out;
}

export const GCD_SIGNALS = ['ad_storage', 'analytics_storage', 'ad_user_data', 'ad_personalization'] as const;
export type GcdSignal = (typeof GCD_SIGNALS)[number];

type Setting = ConsentState | undefined;

export interface SignalSetting {
  /** The raw letter. */
  code: string;
  declared: Setting;
  byDefault: Setting;
  update: Setting;
  /** What the tag behaved as: the update, else the default, else the declaration, else granted (Consent Mode's implicit state). */
  effective: ConsentState;
}

const ALPHABET = '0123456789abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ-_';

function field(bits: number): Setting {
  return bits === 2 ? 'denied' : bits === 3 ? 'granted' : undefined;
}

/** One gcd letter; undefined when it is not in the alphabet. */
export function parseGcdLetter(code: string): SignalSetting | undefined {
  const v = code.length === 1 ? ALPHABET.indexOf(code) : -1;
  if (v < 0) return undefined;
  const declared = field((v >> 4) & 3);
  const byDefault = field((v >> 2) & 3);
  const update = field(v & 3);
  return { code, declared, byDefault, update, effective: update ?? byDefault ?? declared ?? 'granted' };
}

/** `gcd` to its four signals; undefined when the value does not have their shape. */
export function parseGcd(gcd: string | undefined): Record<GcdSignal, SignalSetting> | undefined {
  if (gcd === undefined || gcd.length < 9 || gcd[0] !== '1') return undefined;
  const out: Partial<Record<GcdSignal, SignalSetting>> = {};
  for (let i = 0; i < GCD_SIGNALS.length; i++) {
    const s = parseGcdLetter(gcd[2 + 2 * i]!);
    if (!s) return undefined;
    out[GCD_SIGNALS[i]!] = s;
  }
  return out as Record<GcdSignal, SignalSetting>;
}

/** "denied by default, granted by an update" */
export function describeSetting(s: SignalSetting): string {
  const parts: string[] = [];
  if (s.declared) parts.push(`declared ${s.declared}`);
  if (s.byDefault) parts.push(`${s.byDefault} by default`);
  if (s.update) parts.push(`${s.update} by an update`);
  if (parts.length === 0) return 'not set (behaves as granted)';
  return parts.join(', then ');
}

/**
 * The consent a hit was sent under: `gcs` when present (the state at send time), else the
 * effective storage signals of `gcd`.
 */
export function hitConsent(gcs: string | undefined, gcd: string | undefined): HitConsent | undefined {
  const fromGcs = parseGcs(gcs);
  if (fromGcs && (fromGcs.ads || fromGcs.analytics)) return fromGcs;
  const d = parseGcd(gcd);
  if (!d) return undefined;
  return { ads: d.ad_storage.effective, analytics: d.analytics_storage.effective };
}

const LABELS: Record<GcdSignal, string> = {
  ad_storage: 'Ad storage',
  analytics_storage: 'Analytics storage',
  ad_user_data: 'Ad user data',
  ad_personalization: 'Ad personalisation',
};

/** The panel's Consent rows for one hit: the states of `gcs` and how each `gcd` signal was set. */
export function consentParams(gcs: string | undefined, gcd: string | undefined, problems: string[]): DecodedParam[] {
  const out: DecodedParam[] = [];
  if (gcs !== undefined) {
    const c = parseGcs(gcs);
    if (!c) problems.push(`The consent state gcs "${gcs.slice(0, 20)}" is not of the form G1xy, so it was not decoded.`);
    else {
      out.push(param('gcs.ad_storage', 'Ad storage (gcs)', c.ads ?? 'not set', 'Consent'));
      out.push(param('gcs.analytics_storage', 'Analytics storage (gcs)', c.analytics ?? 'not set', 'Consent'));
    }
  }
  if (gcd !== undefined) {
    const d = parseGcd(gcd);
    if (!d) problems.push(`The consent defaults gcd "${gcd.slice(0, 20)}" do not have the four-signal shape, so they were not decoded.`);
    else {
      for (const s of GCD_SIGNALS) out.push(param(`gcd.${s}`, `${LABELS[s]} (gcd)`, `${describeSetting(d[s])} [${d[s].code}]`, 'Consent'));
    }
  }
  return out;
}
