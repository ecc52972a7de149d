/**
 * LinkedIn Insight Tag: `px.ads.linkedin.com/collect` (and `/wa/`) with `pid` partner id,
 * `url` page, `conversionId` for conversions; `li_fat_id` click id when present.
 */
import type { HitBody } from '../../formats/journey';
import type { RequestDecoder } from '../types';
import { decoded, hit, pageOf } from '../util/decoded';
import { urlFields } from '../util/fields';
import { describe } from '../util/params';

const ID = 'linkedin';
const NAME = 'LinkedIn Insight';

export const linkedin: RequestDecoder = {
  id: ID,
  name: NAME,
  match: (url) => url.hostname === 'px.ads.linkedin.com' && /^\/(collect|wa)\/?$/.test(url.pathname),
  decode: (url, req) => {
    const problems: string[] = [];
    const f = urlFields(url, problems);
    const account = f.get('pid');
    const conversion = f.get('conversionId');
    const base = { vendor: ID, url: pageOf(f.get('url'), req.pageUrl), account, clientId: f.get('li_fat_id') };
    const hits: HitBody[] = [
      conversion ? hit({ ...base, kind: 'event', name: `conversion ${conversion}` }) : hit({ ...base, kind: 'pageview' }),
    ];
    return decoded(ID, NAME, {
      account,
      requestType: conversion ? 'Conversion' : 'Page View',
      hits,
      params: describe(f, {
        pid: 'Partner ID',
        conversionId: 'Conversion ID',
        url: 'Page URL',
        fmt: 'Format',
        time: 'Time',
        li_fat_id: 'Click ID',
      }),
      problems,
    });
  },
};
