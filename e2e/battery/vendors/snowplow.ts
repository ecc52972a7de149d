import type { Library } from '../library';

/**
 * @snowplow/browser-tracker v4 with the Snowplow ecommerce plugin: one POST per event
 * (bufferSize 1) to <collector>/com.snowplowanalytics.snowplow/tp2, a payload_data JSON.
 */
export const snowplow: Library = {
  id: 'snowplow',
  packages: ['@snowplow/browser-tracker', '@snowplow/browser-plugin-snowplow-ecommerce'],
  decoder: 'snowplow',
  account: 'battery-shop',
  hosts: ['collector.snplow.net'],
  answer: () => ({ type: 'text/plain', body: 'ok' }),
  isHit: (r) => r.path.startsWith('/com.snowplowanalytics.snowplow/tp2'),
  pageviews: 2,
  sent: (received, step, orderId) => received.some((r) => r.body.includes(step === 'home' ? '"se_ca":"cart"' : orderId)),
};
