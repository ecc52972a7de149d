/**
 * Microsoft Clarity tag loads: `www.clarity.ms/tag/<project id>`. Clarity's session-recording
 * uploads (`*.clarity.ms/collect`) are binary and deliberately not claimed. No hit.
 */
import type { RequestDecoder } from '../types';
import { libraryLoad } from '../util/decoded';
import { hostIn } from '../util/match';
import { param } from '../util/params';

const ID = 'clarity';
const NAME = 'Microsoft Clarity';
const FILE = /^\/tag\/([A-Za-z0-9]+)\/?$/;

export const clarity: RequestDecoder = {
  id: ID,
  name: NAME,
  match: (url) => hostIn(url.hostname, ['www.clarity.ms', 'clarity.ms']) && FILE.test(url.pathname),
  decode: (url) => {
    const project = FILE.exec(url.pathname)?.[1];
    return libraryLoad(ID, NAME, {
      account: project,
      params: project ? [param('account', 'Project ID', project, 'General')] : [],
    });
  },
};
