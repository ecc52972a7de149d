import { json, type Library } from '../library';

const MPID = '8675309001';

/**
 * @mparticle/web-sdk: identify at identity.mparticle.com, then v3 batches (reportBatching) to
 * jssdks.mparticle.com/v3/JS/<key>/events; commerce events upload at once.
 */
export const mparticle: Library = {
  id: 'mparticle',
  packages: ['@mparticle/web-sdk'],
  decoder: 'mparticle',
  account: 'battery-mparticle-key',
  hosts: ['identity.mparticle.com', 'jssdks.mparticle.com', 'jssdkcdns.mparticle.com'],
  answer: (r) => {
    if (r.host === 'identity.mparticle.com')
      return json({ context: null, matched_identities: {}, is_ephemeral: false, mpid: MPID, is_logged_in: false });
    return { status: 202, type: 'application/json', body: '{}' };
  },
  isHit: (r) => r.host === 'jssdks.mparticle.com' && /^\/v[123]\/JS\/[^/]+\/events/i.test(r.path),
  pageviews: 2,
  sent: (received, step, orderId) =>
    received.some((r) => r.host === 'jssdks.mparticle.com' && r.body.includes(step === 'home' ? 'Product Added' : orderId)),
};
