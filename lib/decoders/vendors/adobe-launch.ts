/**
 * Adobe Experience Platform Launch (Tags) library loads: `assets.adobedtm.com/…/launch-<id>[-development|-staging][.min].js`.
 * Shows the tag manager is installed and which environment's build the page loads; no hit.
 */
import type { RequestDecoder } from '../types';
import { libraryLoad } from '../util/decoded';
import { hostIn } from '../util/match';
import { param } from '../util/params';

const ID = 'adobe-launch';
const NAME = 'Adobe Launch';
const HOSTS = ['assets.adobedtm.com', 'assets.adobedc.cn'];
const FILE = /\/launch-([A-Za-z0-9]+)(?:-(development|staging))?(?:\.min)?\.js$/;

export const adobeLaunch: RequestDecoder = {
  id: ID,
  name: NAME,
  match: (url) => hostIn(url.hostname, HOSTS) && FILE.test(url.pathname),
  decode: (url) => {
    const m = FILE.exec(url.pathname);
    const library = m?.[1];
    const environment = m?.[2] ?? 'production';
    const params = [param('environment', 'Environment', environment, 'General')];
    if (library) params.unshift(param('library', 'Library (environment build) ID', library, 'General'));
    return libraryLoad(ID, NAME, {
      account: library,
      params,
      problems: m ? [] : ['This path does not name a Launch library file.'],
    });
  },
};
