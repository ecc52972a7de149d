import type { Library } from '../library';

/** @analytics-debugger/ga4mp, an independent GA4 client: one sendBeacon per event to /g/collect, all in the query. */
export const ga4mp: Library = {
  id: 'ga4mp',
  packages: ['@analytics-debugger/ga4mp'],
  decoder: 'ga4',
  account: 'G-BATTERY01',
  hosts: ['www.google-analytics.com'],
  answer: () => ({ status: 204, type: 'text/plain', body: '' }),
  isHit: (r) => r.path.startsWith('/g/collect'),
  pageviews: 2,
  sent: (received, step) => received.some((r) => r.path.includes(step === 'home' ? 'en=add_to_cart' : 'en=purchase')),
};

/** The same client sending to the shop's own /metrics/g/collect, as first-party mode and tag gateways do. */
export const ga4mpFirstParty: Library = {
  ...ga4mp,
  id: 'ga4mp-first-party',
  script: 'ga4mp',
  options: { endpoint: 'https://shop-ga4mp-first-party.test/metrics/g/collect' },
  hosts: ['shop-ga4mp-first-party.test'],
  isHit: (r) => r.path.startsWith('/metrics/g/collect'),
};
