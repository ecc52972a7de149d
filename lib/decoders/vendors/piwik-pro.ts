/**
 * Piwik PRO tracking: `…/ppms.php` on any host (also `piwik.php` on Piwik PRO's own hosts).
 * Piwik PRO kept Matomo's tracking API (idsite, _id, url, e_c/e_a, idgoal, ec_*, ping…), so the
 * Matomo decoder reads it and we re-label the result as Piwik PRO.
 */
import type { RequestDecoder } from '../types';
import { hostIn } from '../util/match';
import { matomo } from './matomo';

const ID = 'piwik-pro';
const NAME = 'Piwik PRO';
const PIWIK_HOSTS = ['.piwik.pro', '.piwik.cloud', '.piwikpro.com'];

export const piwikPro: RequestDecoder = {
  id: ID,
  name: NAME,
  match: (url) => /\/ppms\.php$/i.test(url.pathname) || (hostIn(url.hostname, PIWIK_HOSTS) && /\/piwik\.php$/i.test(url.pathname)),
  decode: (url, req) => {
    const out = matomo.decode(url, req);
    return { ...out, decoder: ID, vendorName: NAME, hits: out.hits.map((h) => ({ ...h, vendor: ID })) };
  },
};
