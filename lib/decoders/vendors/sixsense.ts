/** 6sense company identification: `epsilon.6sense.com/v3/company/details` (an IP lookup, no hit). */
import type { RequestDecoder } from '../types';
import { decoded } from '../util/decoded';
import { urlFields } from '../util/fields';
import { hostIn } from '../util/match';
import { describe } from '../util/params';

const ID = 'sixsense';
const NAME = '6sense';

export const sixsense: RequestDecoder = {
  id: ID,
  name: NAME,
  match: (url) => hostIn(url.hostname, ['epsilon.6sense.com']) && /^\/v\d+\/company\/details\/?$/.test(url.pathname),
  decode: (url) => {
    const problems: string[] = [];
    return decoded(ID, NAME, {
      role: 'other',
      requestType: 'Company Details',
      params: describe(urlFields(url, problems), {}),
      problems,
    });
  },
};
