/**
 * Ensighten Manage bootstrap loads: `nexus[-test].ensighten.com/<client>[/<space>]/Bootstrap.js`.
 * Without a space segment Ensighten serves the client's production space ("prod"). No hit.
 */
import type { RequestDecoder } from '../types';
import { decoded, libraryLoad } from '../util/decoded';
import { hostIn } from '../util/match';
import { param } from '../util/params';

const ID = 'ensighten';
const NAME = 'Ensighten Manage';
const HOSTS = ['nexus.ensighten.com', 'nexus-test.ensighten.com'];
const FILE = /^\/([^/]+)(?:\/([^/]+))?\/Bootstrap\.js$/;

export const ensighten: RequestDecoder = {
  id: ID,
  name: NAME,
  match: (url) => hostIn(url.hostname, HOSTS) && FILE.test(url.pathname),
  decode: (url) => {
    const m = FILE.exec(url.pathname);
    if (!m) return decoded(ID, NAME, { role: 'library', problems: ['This path is not an Ensighten Bootstrap.js.'] });
    const client = m[1] ?? '';
    const profile = m[2] ?? 'prod';
    return libraryLoad(ID, NAME, {
      account: `${client} / ${profile}`,
      params: [
        param('client', 'Client', client, 'General'),
        param('profile', 'Publish space', profile, 'General'),
        param('environment', 'Environment', url.hostname.startsWith('nexus-test.') ? 'test' : 'production', 'General'),
      ],
    });
  },
};
