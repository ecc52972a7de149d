import { json, type Library } from '../library';

const WRITE_KEY = 'battery-rudder-wk';

/**
 * @rudderstack/analytics-js v3 (the bundled build: no plugins fetched from the CDN): the source
 * config from api.rudderstack.com, then one XHR per call to <data plane>/v1/<call>, the write key
 * in the Authorization header.
 */
export const rudderstack: Library = {
  id: 'rudderstack',
  packages: ['@rudderstack/analytics-js'],
  decoder: 'rudderstack',
  hosts: ['api.rudderstack.com', 'batteryshop.dataplane.rudderstack.com'],
  answer: (r) => {
    if (r.host === 'api.rudderstack.com' && r.path.startsWith('/sourceConfig')) {
      return json({
        isHosted: true,
        source: {
          id: 'battery-source',
          name: 'Battery shop',
          writeKey: WRITE_KEY,
          workspaceId: 'battery-workspace',
          enabled: true,
          config: { statsCollection: { errors: { enabled: false }, metrics: { enabled: false } } },
          destinations: [],
        },
      });
    }
    return { type: 'text/plain', body: 'OK' };
  },
  isHit: (r) => r.host === 'batteryshop.dataplane.rudderstack.com',
  pageviews: 2,
  sent: (received, step) =>
    received.some(
      (r) =>
        r.host === 'batteryshop.dataplane.rudderstack.com' && r.body.includes(step === 'home' ? '"Product Added"' : '"Order Completed"'),
    ),
};

/** The same library with `useBeacon: true`: batches by sendBeacon to /beacon/v1/batch?writeKey=…, no header. */
export const rudderstackBeacon: Library = {
  ...rudderstack,
  id: 'rudderstack-beacon',
  script: 'rudderstack',
  options: { useBeacon: true },
  account: WRITE_KEY,
  isHit: (r) => r.host === 'batteryshop.dataplane.rudderstack.com' && r.path.startsWith('/beacon/'),
};
