/** Invoca tag loads: `solutions.invocacdn.com/js/networks/<network>/<tag>/tag-<live|draft>.js`. No hit. */
import type { RequestDecoder } from '../types';
import { decoded, libraryLoad } from '../util/decoded';
import { hostIn } from '../util/match';
import { param } from '../util/params';

const ID = 'invoca';
const NAME = 'Invoca';
const FILE = /^\/js\/networks\/(\d+)\/([^/]+)\/tag-(live|draft)\.js$/;

export const invoca: RequestDecoder = {
  id: ID,
  name: NAME,
  match: (url) => hostIn(url.hostname, ['solutions.invocacdn.com']) && FILE.test(url.pathname),
  decode: (url) => {
    const m = FILE.exec(url.pathname);
    if (!m) return decoded(ID, NAME, { role: 'library', problems: ['This path is not an Invoca tag file.'] });
    const account = `${m[1]}/${m[2]}`;
    return libraryLoad(ID, NAME, {
      account,
      params: [param('account', 'Network / tag ID', account, 'General'), param('environment', 'Environment', m[3] ?? '', 'General')],
    });
  },
};
