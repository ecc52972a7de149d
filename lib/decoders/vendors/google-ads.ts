/**
 * Google Ads conversion and remarketing pings (gtag.js / GTM "Google Ads" tags):
 * `/pagead/conversion/<id>/`, `/pagead/viewthroughconversion/<id>/`, `/pagead/1p-conversion/<id>/`
 * on googleads.g.doubleclick.net, googleadservices.com and google.com. The account is
 * "AW-<id>" (with "/<label>" for a labelled conversion); `data` carries "event=<name>;…";
 * value, currency_code and oid carry the conversion's value and order id.
 */
import type { HitBody } from '../../formats/journey';
import type { RequestDecoder } from '../types';
import { decoded, hit, pageOf, transactionHit } from '../util/decoded';
import { parseQuery, urlFields } from '../util/fields';
import { hostIn } from '../util/match';
import { num } from '../util/json';
import { describe, param, type Dictionary } from '../util/params';
import { consentParams, hitConsent } from './google-consent';

const ID = 'google-ads';
const NAME = 'Google Ads';
const HOSTS = ['googleads.g.doubleclick.net', '.googleadservices.com', 'www.google.com', '.google.com'];
const PATH = /^\/pagead\/(viewthrough[a-z]*|conversion|1p-conversion|1p-user-list)\/(?:AW-)?([^/]+)\/?/i;

const DICT: Dictionary = {
  label: { label: 'Conversion label', group: 'Conversion' },
  value: { label: 'Conversion value', group: 'Conversion' },
  currency_code: { label: 'Currency', group: 'Conversion' },
  oid: { label: 'Order ID', group: 'Conversion' },
  url: { label: 'Page URL', group: 'Page' },
  ref: { label: 'Referrer', group: 'Page' },
  tiba: { label: 'Page title', group: 'Page' },
  data: { label: 'Event data', group: 'Conversion' },
  gclaw: { label: 'Click ID (gclid)', group: 'Visitor' },
  auiddc: { label: 'Visitor ID (_gcl_au)', group: 'Visitor' },
  gtm: { label: 'GTM container hash', group: 'General' },
  gcs: { label: 'Consent state (gcs)', group: 'Consent' },
  gcd: { label: 'Consent defaults (gcd)', group: 'Consent' },
};

export const googleAds: RequestDecoder = {
  id: ID,
  name: NAME,
  match: (url) => hostIn(url.hostname, HOSTS) && PATH.test(url.pathname),
  decode: (url, req) => {
    const problems: string[] = [];
    const f = urlFields(url, problems);
    const m = PATH.exec(url.pathname);
    const kind = m?.[1] ?? '';
    const id = m?.[2] ?? '';
    const label = f.get('label');
    const account = `AW-${id}${label ? `/${label}` : ''}`;
    const data = parseQuery((f.get('data') ?? '').replace(/;/g, '&'));
    const event = data.get('event');
    const suffix = kind.replace(/^viewthrough/i, '') || kind;
    const requestType = event === 'gtag.config' ? 'Page View' : event || (suffix.toLowerCase() === 'conversion' ? 'Conversion' : suffix);
    const base = {
      vendor: ID,
      url: pageOf(f.get('url'), req.pageUrl),
      referrer: f.get('ref'),
      account,
      clientId: f.get('auiddc'),
      consent: hitConsent(f.get('gcs'), f.get('gcd')),
    };
    const hits: HitBody[] = [];
    if (requestType === 'Page View') hits.push(hit({ ...base, kind: 'pageview' }));
    else {
      hits.push(hit({ ...base, kind: 'event', name: event || 'conversion' }));
      const value = num(f.get('value') ?? data.get('value'));
      if (event === 'purchase' || (value !== undefined && f.has('oid'))) {
        hits.push(
          transactionHit(base, {
            total: value ?? 0,
            currency: f.get('currency_code') ?? data.get('currency'),
            orderId: f.get('oid') ?? data.get('transaction_id'),
          }),
        );
      }
    }
    return decoded(ID, NAME, {
      account,
      requestType,
      hits,
      params: [
        param('account', 'Account', `AW-${id}`, 'General'),
        ...describe(f, DICT),
        ...consentParams(f.get('gcs'), f.get('gcd'), problems),
      ],
      problems,
    });
  },
};
