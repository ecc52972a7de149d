/**
 * Adobe Dynamic Tag Management (the predecessor of Launch) library loads:
 * `assets.adobedtm.com/<property>/satelliteLib-<hash>[-staging].js`. No hit.
 * The decoder also reads a mistyped extension (".jss"), so support can still decode it by
 * name; `match` only claims real ".js" files.
 */
import type { RequestDecoder } from '../types';
import { libraryLoad } from '../util/decoded';
import { hostIn } from '../util/match';
import { param } from '../util/params';

const ID = 'adobe-dtm';
const NAME = 'Adobe Dynamic Tag Management';
const HOSTS = ['assets.adobedtm.com'];
const MATCH = /\/satelliteLib-[0-9a-f]+(?:-staging)?\.js$/i;
const READ = /^\/(?:([^/]+)\/)?satelliteLib-([0-9a-f]+)(-staging)?\./i;

export const adobeDtm: RequestDecoder = {
  id: ID,
  name: NAME,
  match: (url) => hostIn(url.hostname, HOSTS) && MATCH.test(url.pathname),
  decode: (url) => {
    const m = READ.exec(url.pathname);
    const environment = m?.[3] ? 'staging' : 'production';
    const params = [param('environment', 'Environment', environment, 'General')];
    if (m?.[1]) params.unshift(param('property', 'Property ID', m[1], 'General'));
    if (m?.[2]) params.push(param('build', 'Library build', m[2], 'General'));
    return libraryLoad(ID, NAME, {
      account: m?.[1],
      params,
      problems: m ? [] : ['This path does not name a DTM satelliteLib file.'],
    });
  },
};
