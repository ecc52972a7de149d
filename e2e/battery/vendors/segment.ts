import { json, type Library } from '../library';

const WRITE_KEY = 'battery-segment-wk';

/** Segment's analytics-next: CDN settings first, then one POST per call to api.segment.io/v1/<p|t|…>. */
export const segment: Library = {
  id: 'segment',
  packages: ['@segment/analytics-next'],
  decoder: 'segment',
  account: WRITE_KEY,
  hosts: ['cdn.segment.com', 'api.segment.io'],
  answer: (r) => {
    if (r.host === 'cdn.segment.com' && r.path === `/v1/projects/${WRITE_KEY}/settings`) {
      // The settings a new source gets: delivery to api.segment.io, no device-mode destinations, no metrics.
      return json({
        integrations: { 'Segment.io': { apiKey: WRITE_KEY, apiHost: 'api.segment.io/v1', addBundledMetadata: true } },
        plan: {
          track: { __default: { enabled: true, integrations: {} } },
          identify: { __default: { enabled: true } },
          group: { __default: { enabled: true } },
        },
        edgeFunction: {},
        analyticsNextEnabled: true,
        middlewareSettings: {},
        enabledMiddleware: {},
        metrics: { sampleRate: 0 },
        legacyVideoPluginsEnabled: false,
        remotePlugins: [],
      });
    }
    if (r.host === 'api.segment.io') return json({ success: true });
    return undefined;
  },
  isHit: (r) => r.host === 'api.segment.io' && /^\/v1\/(p|t|i|g|a|s|b|page|track|identify|batch)$/.test(r.path.split('?')[0] ?? ''),
  pageviews: 2,
  sent: (received, step) =>
    received.some((r) => r.host === 'api.segment.io' && r.body.includes(step === 'home' ? '"Product Added"' : '"Order Completed"')),
};
