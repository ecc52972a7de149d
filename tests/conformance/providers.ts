/**
 * How Omnibug's providers and keys map onto our decoders and our Decoded record.
 * Omnibug's keys are partly synthetic (`omnibug_account`, `requestTypeParsed`, …) and its
 * nested paths use brackets (`ed[line_items][0][product_name]`, `events[0].event_type`) where
 * our params use dots (`ed.line_items.0.product_name`); this table is the reviewed bridge.
 */

/** Where an Omnibug key's value lives in our Decoded record. */
export type Target =
  | { field: 'account' | 'requestType'; value?: (omnibug: string) => string }
  /** One key, or candidates tried in order (the raw key first, then our flattened form). */
  | { param: string | string[]; value?: (omnibug: string) => string }
  /** Our model has no such value; the reason says why (reviewed, never a blanket skip). */
  | { notModelled: string };

export interface ProviderMap {
  /** Our decoder ids that may claim this provider's requests. */
  decoders: string[];
  /** Omnibug's account / request-type columns (expect.account / expect.requestType). */
  account?: Target;
  requestType?: Target;
  /** Per-key overrides of the defaults below. */
  params?: Record<string, Target>;
}

const ACCOUNT: Target = { field: 'account' };
const REQUEST_TYPE: Target = { field: 'requestType' };

/** Omnibug's synthetic keys shared by many providers. */
export const DEFAULT_KEYS: Record<string, Target> = {
  omnibug_account: ACCOUNT,
  'omnibug-account': ACCOUNT,
  _omnibugAccount: ACCOUNT,
  requestType: REQUEST_TYPE,
  omnibug_requestType: REQUEST_TYPE,
  requestTypeParsed: REQUEST_TYPE,
  _requestType: REQUEST_TYPE,
};

/** `a[b][0][c]` and `a[0].b` → `a.b.0.c` / `a.0.b` (our flattening). */
export function dotted(key: string): string {
  return key.replace(/\[([^\]]*)\]/g, '.$1').replace(/^\./, '');
}

/** "0 (Page View)" → "Page View": Omnibug prefixes a code to its readable label. */
const labelOf = (v: string): string => /^\S+ \((.*)\)$/.exec(v)?.[1] ?? v;

export const PROVIDERS: Record<string, ProviderMap> = {
  // The colleague-owned major vendors.
  GOOGLEANALYTICS4: { decoders: ['ga4'] },
  UNIVERSALANALYTICS: { decoders: ['ua'] },
  GOOGLEADS: { decoders: ['google-ads'] },
  GOOGLETAGMAN: { decoders: ['gtm', 'gtag'] },
  ADOBEANALYTICS: { decoders: ['adobe'] },
  ADOBETARGET: { decoders: ['adobe-target'] },
  FACEBOOKPIXEL: { decoders: ['meta'] },
  TIKTOK: { decoders: ['tiktok'] },
  LINKEDINPIXEL: { decoders: ['linkedin'] },
  SEGMENT: { decoders: ['segment'] },
  MATOMO: { decoders: ['matomo'] },
  OPTIMIZELYX: { decoders: ['optimizely'] },

  // The conformance-set vendors.
  ATINTERNET: { decoders: ['atinternet'] },
  ADOBEAUDIENCEMANAGER: { decoders: ['adobe-audience-manager'] },
  // Omnibug's "account" column for tag-manager loads is the environment, a parameter for us.
  ADOBEDTM: { decoders: ['adobe-dtm'], account: { param: 'environment' } },
  ADOBELAUNCH: { decoders: ['adobe-launch'], account: { param: 'environment' } },
  ADOBEEXPERIENCEID: { decoders: ['adobe-ecid'] },
  ADOBEHEARTBEAT: { decoders: ['adobe-heartbeat'], params: { omnibug_sessionID: { param: 'sessionId' } } },
  BINGUET: { decoders: ['bing-uet'] },
  COMSCORE: { decoders: ['comscore'] },
  CRITEOONETAG: { decoders: ['criteo'] },
  DEMANDBASEENGAGEMENT: { decoders: ['demandbase'] },
  DOUBLECLICK: { decoders: ['floodlight'] },
  DYNAMICYIELD: { decoders: ['dynamic-yield'] },
  ENSIGHTENMANAGE: { decoders: ['ensighten'] },
  HOTJAR: { decoders: ['hotjar'] },
  INVOCA: { decoders: ['invoca'] },
  LYTICS: { decoders: ['lytics'] },
  MSCLARITY: { decoders: ['clarity'] },
  MPARTICLE: {
    decoders: ['mparticle'],
    params: {
      customerid: { param: 'identity.customerid' },
      email: { param: 'identity.email' },
      '99': { param: 'identity.99' },
    },
  },
  OUTBRAIN: { decoders: ['outbrain'] },
  PARSELY: { decoders: ['parsely'] },
  PINTERESTPIXEL: { decoders: ['pinterest'] },
  PIWIKPRO: { decoders: ['piwik-pro'] },
  PIWIKPROTMS: { decoders: ['piwik-pro-tm'] },
  REDDITPIXEL: { decoders: ['reddit'] },
  RUDDERSTACK: { decoders: ['rudderstack'] },
  SEZNAMSKLIK: { decoders: ['sklik'] },
  SIXSENSE: { decoders: ['sixsense'] },
  SNAPCHATPIXEL: { decoders: ['snapchat'] },
  SPLITIO: {
    decoders: ['splitio'],
    params: {
      eventName: { param: '0.eventTypeId' },
      eventProperties: {
        notModelled:
          'Omnibug shows the properties as one pretty-printed JSON value; we list each property as its own parameter (0.properties.attribute).',
      },
      splitName: { param: 'entries.pf.0.f' },
    },
  },
  TEALIUMEVENTSTREAM: { decoders: ['tealium-eventstream'] },
  TEALIUMIQ: { decoders: ['tealium-iq'] },
  TWITTERPIXEL: { decoders: ['twitter'] },
  WEBTRENDSONDEMAND: {
    decoders: ['webtrends'],
    params: { 'WT.dl': { field: 'requestType', value: labelOf }, accountID: { field: 'account' } },
  },
};

/**
 * The target of `key` for `provider`: its override, the shared synthetic keys, else the same
 * param key (as written, e.g. Meta's raw `cd[value]`, or in our dotted flattening).
 */
export function targetOf(provider: ProviderMap, key: string): Target {
  return provider.params?.[key] ?? DEFAULT_KEYS[key] ?? { param: [key, dotted(key)] };
}
