/**
 * Tealium iQ library loads: `tags.tiqcdn.com/utag/<account>/<profile>/<env>/utag[.sync].js`.
 * Individual tag files (`utag.<n>.js`) are not claimed: they are not the library. No hit.
 */
import type { RequestDecoder } from '../types';
import { decoded } from '../util/decoded';
import { hostIn } from '../util/match';
import { param } from '../util/params';

const ID = 'tealium-iq';
const NAME = 'Tealium iQ';
const FILE = /^\/utag\/([^/]+)\/([^/]+)\/([^/]+)\/utag(\.sync)?\.js$/;

export const tealiumIq: RequestDecoder = {
  id: ID,
  name: NAME,
  match: (url) => hostIn(url.hostname, ['tags.tiqcdn.com', 'tags.tiqcdn.cn']) && FILE.test(url.pathname),
  decode: (url) => {
    const m = FILE.exec(url.pathname);
    if (!m) return decoded(ID, NAME, { role: 'library', problems: ['This path is not a Tealium utag.js.'] });
    const [, account = '', profile = '', env = '', sync] = m;
    return decoded(ID, NAME, {
      role: 'library',
      account: `${account} / ${profile}`,
      requestType: sync ? 'Sync Library Load' : 'Async Library Load',
      params: [
        param('account', 'Account', account, 'General'),
        param('profile', 'Profile', profile, 'General'),
        param('environment', 'Environment', env, 'General'),
      ],
    });
  },
};
