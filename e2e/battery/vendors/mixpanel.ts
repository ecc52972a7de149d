import type { Library } from '../library';

/**
 * mixpanel-browser: batches by XHR to api-js.mixpanel.com/track/ (form body `data=`, a JSON array); the page view is its own `$mp_web_page_view` event.
 */
export const mixpanel: Library = {
  id: 'mixpanel',
  packages: ['mixpanel-browser'],
  decoder: 'mixpanel',
  account: 'battery-mixpanel-token',
  hosts: ['api-js.mixpanel.com'],
  answer: () => ({ type: 'application/json', body: '{"status":1,"error":null}' }),
  isHit: (r) => r.path.startsWith('/track/'),
  pageviews: 2,
  purchase: { event: 'Purchase' },
  sent: (received, step) =>
    received.some(
      (r) =>
        r.path.startsWith('/track/') &&
        new URLSearchParams(r.body).get('data')?.includes(step === 'home' ? '"Product Added"' : '"Purchase"'),
    ),
};

/**
 * The same library behind a slow collector (answers after 2.5 s): the shopper leaves while the
 * home page's batch is unanswered; Mixpanel keeps unacknowledged batches in localStorage and
 * the next page sends the same batch again by XHR, with the same $insert_id values, which
 * Mixpanel dedups (seen: three uploads for two batches, the copy sent from /thanks).
 */
export const mixpanelSlow: Library = {
  ...mixpanel,
  id: 'mixpanel-slow',
  script: 'mixpanel',
  answer: async () => {
    await new Promise((r) => setTimeout(r, 2_500));
    return { type: 'application/json', body: '{"status":1,"error":null}' };
  },
};
