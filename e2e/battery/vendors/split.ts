import { json, type Library } from '../library';

const CHANGE = 1700000000000;

/** One flag, on for everyone (a rollout rule over ALL_KEYS). */
const flag = {
  trafficTypeName: 'user',
  name: 'battery_checkout',
  trafficAllocation: 100,
  trafficAllocationSeed: 1234,
  seed: 5678,
  status: 'ACTIVE',
  killed: false,
  defaultTreatment: 'off',
  changeNumber: CHANGE,
  algo: 2,
  configurations: {},
  conditions: [
    {
      conditionType: 'ROLLOUT',
      matcherGroup: {
        combiner: 'AND',
        matchers: [{ keySelector: { trafficType: 'user', attribute: null }, matcherType: 'ALL_KEYS', negate: false }],
      },
      partitions: [
        { treatment: 'on', size: 100 },
        { treatment: 'off', size: 0 },
      ],
      label: 'default rule',
    },
  ],
};

/**
 * @splitsoftware/splitio 11 (browser): flag definitions from sdk.split.io (splitChanges, spec 1.3,
 * and memberships), then impressions and events to events.split.io, telemetry beside them.
 */
export const split: Library = {
  id: 'split',
  packages: ['@splitsoftware/splitio'],
  decoder: 'splitio',
  hosts: ['sdk.split.io', 'events.split.io', 'telemetry.split.io', 'auth.split.io'],
  answer: (r) => {
    if (r.host === 'sdk.split.io' && r.path.startsWith('/api/splitChanges')) {
      const since = Number(r.url.searchParams.get('since') ?? -1);
      const d = since >= CHANGE ? [] : [flag];
      return json({ ff: { d, s: since, t: CHANGE }, rbs: { d: [], s: -1, t: -1 }, splits: d, since, till: CHANGE });
    }
    if (r.host === 'sdk.split.io' && r.path.startsWith('/api/memberships/')) return json({ ms: { k: [] }, ls: { k: [] } });
    if (r.host === 'sdk.split.io' && r.path.startsWith('/api/mySegments/')) return json({ mySegments: [] });
    return { status: 200, type: 'text/plain', body: '' };
  },
  isHit: (r) => r.host === 'events.split.io' && /^\/api\/(testImpressions\/bulk|events\/bulk)/.test(r.path),
  pageviews: 0,
  purchase: { event: 'purchase' },
  experience: { id: 'battery_checkout', variant: 'on' },
  sent: (received, step, orderId) =>
    received.some((r) => r.host === 'events.split.io' && r.body.includes(step === 'home' ? 'battery_checkout' : orderId)),
};
