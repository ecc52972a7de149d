/** Hotjar tracking-code loads: `static.hotjar.com/c/hotjar-<site id>.js`. No hit. */
import type { RequestDecoder } from '../types';
import { libraryLoad } from '../util/decoded';
import { hostIn } from '../util/match';
import { param } from '../util/params';

const ID = 'hotjar';
const NAME = 'Hotjar';
const FILE = /^\/c\/hotjar-(\d+)\.js$/;

export const hotjar: RequestDecoder = {
  id: ID,
  name: NAME,
  match: (url) => hostIn(url.hostname, ['static.hotjar.com']) && FILE.test(url.pathname),
  decode: (url) => {
    const site = FILE.exec(url.pathname)?.[1];
    const sv = url.searchParams.get('sv');
    const params = site ? [param('account', 'Site ID', site, 'General')] : [];
    if (sv) params.push(param('sv', 'Snippet version', sv, 'General'));
    return libraryLoad(ID, NAME, { account: site, params });
  },
};
