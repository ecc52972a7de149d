/**
 * The demo's fake domains. Two registrable domains (the shop and its payment provider) and the
 * vendors' real collection hosts, all mapped to 127.0.0.1 in the demo browser so the real
 * decoders recognise the traffic while nothing leaves the machine.
 *
 * www.google-analytics.com is HSTS-preloaded in Chromium (it would be upgraded to https), so
 * the GA4 stand-in sends to analytics.google.com, which real gtag.js also uses.
 */

export const SHOP_HOST = 'www.shop.example';
export const PAY_HOST = 'pay.example-checkout.com';

export const GA4_LIBRARY_HOST = 'www.googletagmanager.com';
export const GA4_COLLECT_HOST = 'analytics.google.com';
export const PTENGINE_LIBRARY_HOST = 'js.ptengine.jp';
export const PTENGINE_COLLECT_HOST = 'collect.ptengine.jp';
export const OPTIMIZELY_LIBRARY_HOST = 'cdn.optimizely.com';
export const OPTIMIZELY_COLLECT_HOST = 'logx.optimizely.com';
export const LIVEPERSON_LIBRARY_HOST = 'lptag.liveperson.net';
/** Where the web tag sends its page reports (`/api/js/<site>`): LivePerson's "va" zone. */
export const LIVEPERSON_MONITOR_HOST = 'va.v.liveperson.net';

/** Host patterns for `launchWithExtension({ mapHosts })`: exactly the demo's hosts, nothing wider. */
export const DEMO_MAP_HOSTS: readonly string[] = [
  'shop.example',
  '*.shop.example',
  PAY_HOST,
  GA4_LIBRARY_HOST,
  GA4_COLLECT_HOST,
  PTENGINE_LIBRARY_HOST,
  PTENGINE_COLLECT_HOST,
  OPTIMIZELY_LIBRARY_HOST,
  OPTIMIZELY_COLLECT_HOST,
  LIVEPERSON_LIBRARY_HOST,
  LIVEPERSON_MONITOR_HOST,
];

/** The demo's accounts, as a real implementation would configure them. */
/** The payment provider's own GA4 property (on its hosted payment page). */
export const PAY_GA4_MEASUREMENT_ID = 'G-PAY2026';
export const PTENGINE_PROJECT_ID = 'demo2026';
export const OPTIMIZELY_ACCOUNT_ID = '2026001';
export const OPTIMIZELY_PROJECT_ID = '2026002';
export const LIVEPERSON_SITE_ID = '20260001';
