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
  sent: (received, step) => received.some((r) => r.path.startsWith('/track/') && new URLSearchParams(r.body).get('data')?.includes(step === 'home' ? '"Product Added"' : '"Purchase"')),
};
