/**
 * RudderStack data planes (`*.dataplane.rudderstack.com`, `*-dataplane.rudderstack.com`):
 * `/v1/<page|track|identify|screen|group|alias|batch>` with the Segment-spec JSON payload.
 * The payload is Segment's, so the Segment decoder reads it and we re-label the result; the
 * write key travels in the Authorization header, which captures do not carry, so no account.
 */
import type { RequestDecoder } from '../types';
import { hostIn } from '../util/match';
import { segment } from './segment';

const ID = 'rudderstack';
const NAME = 'RudderStack';
const PATH = /^\/v1\/(page|track|identify|screen|group|alias|batch)\/?$/;

export const rudderstack: RequestDecoder = {
  id: ID,
  name: NAME,
  match: (url) => hostIn(url.hostname, ['.rudderstack.com', '.rudderlabs.com']) && PATH.test(url.pathname),
  decode: (url, req) => {
    const out = segment.decode(url, req);
    return {
      ...out,
      decoder: ID,
      vendorName: NAME,
      hits: out.hits.map((h) => ({ ...h, vendor: ID })),
    };
  },
};
