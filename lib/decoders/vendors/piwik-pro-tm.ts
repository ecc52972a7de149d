/**
 * Piwik PRO Tag Manager container loads: `<org>.piwik.pro/containers/<uuid>.js` (also the
 * `<org>.containers.piwik.pro/<uuid>.js` form). No hit.
 */
import type { RequestDecoder } from '../types';
import { libraryLoad } from '../util/decoded';
import { hostIn } from '../util/match';
import { param } from '../util/params';

const ID = 'piwik-pro-tm';
const NAME = 'Piwik PRO Tag Manager';
const UUID = '([0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12})';
const ON_PIWIK = new RegExp(`^/containers/${UUID}(?:\\.sync)?\\.js$`, 'i');
const ON_CONTAINERS = new RegExp(`^/${UUID}(?:\\.sync)?\\.js$`, 'i');

function container(url: URL): string | undefined {
  if (hostIn(url.hostname, ['.containers.piwik.pro'])) return ON_CONTAINERS.exec(url.pathname)?.[1];
  if (hostIn(url.hostname, ['.piwik.pro'])) return ON_PIWIK.exec(url.pathname)?.[1];
  return undefined;
}

export const piwikProTm: RequestDecoder = {
  id: ID,
  name: NAME,
  match: (url) => container(url) !== undefined,
  decode: (url) => {
    const id = container(url);
    return libraryLoad(ID, NAME, {
      account: id,
      params: id ? [param('container_id', 'Container ID', id, 'General')] : [],
    });
  },
};
