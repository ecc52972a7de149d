/**
 * Samples where we deliberately read a value differently from Omnibug. Each entry names one
 * sample (a substring unique to its URL or body), the Omnibug key, what we produce instead,
 * and why. The conformance test fails when an entry is no longer needed or no longer exact,
 * so this table stays reviewed.
 */
export interface ConformanceException {
  provider: string;
  /** A substring of the sample's URL (or body) that singles it out. */
  sample: string;
  /** The Omnibug key: "account", "requestType" or an expect.params key. */
  key: string;
  /** Our value (undefined = we produce none). */
  ours: string | undefined;
  reason: string;
}

export const EXCEPTIONS: ConformanceException[] = [];
