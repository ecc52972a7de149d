/**
 * RudderStack data planes. The JavaScript SDK (v3, @rudderstack/analytics-js) sends to the data
 * plane URL the site configures: there is no default host, hosted planes are
 * `*.dataplane.rudderstack.com`, self-hosted ones any host, and the URL may carry a path prefix.
 * - XHR transport: `<plane>/v1/<page|track|identify|screen|group|alias|batch>` with the
 *   Segment-spec JSON; the write key travels in the Authorization header (Basic), which captures
 *   do not carry, so no account. Recognised on RudderStack's own hosts only: the path alone is
 *   Segment's too.
 * - Beacon transport (`useBeacon: true`): `<plane>/beacon/v1/batch?writeKey=<key>` with a
 *   text/plain `{ batch: [...], sentAt }`. The write key in the query is the account; the path and
 *   the key together are RudderStack's, so any host.
 * The payload is Segment's, so the Segment decoder reads it and we re-label the result.
 */
import type { RequestDecoder } from '../types';
import { hostIn } from '../util/match';
import { param } from '../util/params';
import { segment } from './segment';

const ID = 'rudderstack';
const NAME = 'RudderStack';
const PATH = /^\/v1\/(page|track|identify|screen|group|alias|batch)\/?$/;
const BEACON = /\/beacon\/v1\/batch\/?$/;

const isBeacon = (url: URL): boolean => BEACON.test(url.pathname) && !!url.searchParams.get('writeKey');

export const rudderstack: RequestDecoder = {
  id: ID,
  name: NAME,
  match: (url) => isBeacon(url) || (hostIn(url.hostname, ['.rudderstack.com', '.rudderlabs.com']) && PATH.test(url.pathname)),
  decode: (url, req) => {
    const out = segment.decode(url, req);
    const beacon = isBeacon(url);
    const account = beacon ? (url.searchParams.get('writeKey') ?? undefined) : undefined;
    const decoded = {
      ...out,
      decoder: ID,
      vendorName: NAME,
      hits: out.hits.map((h) => (account ? { ...h, vendor: ID, account } : { ...h, vendor: ID })),
    };
    if (beacon) {
      decoded.requestType = 'Batch (beacon)';
      if (account) {
        decoded.account = account;
        decoded.params = [param('writeKey', 'Write key', account, 'General'), ...decoded.params];
      }
    }
    return decoded;
  },
};
