import { json, type Library } from '../library';

const EXPERIMENT = '9300000101';
const VARIATION = '9300000111';

/** A datafile (v4) with one flag whose A/B rule puts everyone in "treatment", and two events. */
const datafile = {
  version: '4',
  projectId: '9300000001',
  accountId: '9300000002',
  revision: '7',
  sdkKey: 'BatterySdkKey01',
  environmentKey: 'production',
  anonymizeIP: true,
  botFiltering: false,
  sendFlagDecisions: true,
  attributes: [],
  audiences: [],
  typedAudiences: [],
  groups: [],
  integrations: [],
  variables: [],
  events: [
    { id: '9300000201', key: 'add_to_cart', experimentIds: [EXPERIMENT] },
    { id: '9300000202', key: 'purchase', experimentIds: [EXPERIMENT] },
  ],
  experiments: [
    {
      id: EXPERIMENT,
      key: 'checkout_test',
      layerId: '9300000100',
      status: 'Running',
      audienceIds: [],
      audienceConditions: [],
      forcedVariations: {},
      variations: [
        { id: VARIATION, key: 'treatment', featureEnabled: true, variables: [] },
        { id: '9300000112', key: 'control', featureEnabled: false, variables: [] },
      ],
      trafficAllocation: [{ entityId: VARIATION, endOfRange: 10000 }],
    },
  ],
  featureFlags: [{ id: '9300000301', key: 'checkout_flag', rolloutId: '9300000400', experimentIds: [EXPERIMENT], variables: [] }],
  rollouts: [
    {
      id: '9300000400',
      experiments: [
        {
          id: '9300000401',
          key: 'default-rollout-9300000301',
          layerId: '9300000400',
          status: 'Running',
          audienceIds: [],
          audienceConditions: [],
          forcedVariations: {},
          variations: [{ id: '9300000411', key: 'off', featureEnabled: false, variables: [] }],
          trafficAllocation: [{ entityId: '9300000411', endOfRange: 10000 }],
        },
      ],
    },
  ],
};

/**
 * @optimizely/optimizely-sdk 6 (Feature Experimentation): the datafile from cdn.optimizely.com,
 * then batched impression and conversion events to logx.optimizely.com/v1/events.
 */
export const optimizely: Library = {
  id: 'optimizely',
  packages: ['@optimizely/optimizely-sdk'],
  decoder: 'optimizely',
  hosts: ['cdn.optimizely.com', 'logx.optimizely.com'],
  answer: (r) => (r.host === 'cdn.optimizely.com' ? json(datafile) : { status: 204, type: 'text/plain', body: '' }),
  isHit: (r) => r.host === 'logx.optimizely.com' && r.path.startsWith('/v1/events'),
  pageviews: 0,
  orderId: false,
  experience: { id: EXPERIMENT, variant: VARIATION },
  sent: (received, step) =>
    received.some((r) => r.host === 'logx.optimizely.com' && r.body.includes(step === 'home' ? '"add_to_cart"' : '"purchase"')),
};

/** The same project hosted in the EU (datafile region EU): events go to eu.logx.optimizely.com. */
export const optimizelyEu: Library = {
  ...optimizely,
  id: 'optimizely-eu',
  script: 'optimizely',
  hosts: ['cdn.optimizely.com', 'eu.logx.optimizely.com'],
  answer: (r) => (r.host === 'cdn.optimizely.com' ? json({ ...datafile, region: 'EU' }) : { status: 204, type: 'text/plain', body: '' }),
  isHit: (r) => r.host === 'eu.logx.optimizely.com' && r.path.startsWith('/v1/events'),
  sent: (received, step) =>
    received.some((r) => r.host === 'eu.logx.optimizely.com' && r.body.includes(step === 'home' ? '"add_to_cart"' : '"purchase"')),
};
