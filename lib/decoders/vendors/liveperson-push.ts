/**
 * What a page hands to lpTag (recorded by the page hook), per LivePerson's Web Tag docs:
 *
 * - `lpTag.sdes` — `lpTag.sdes.push(sde | sde[])`: queued, sent "when the lpTag communicates
 *   next" (the next page report);
 * - `lpTag.sdes.send` — `lpTag.sdes.send(sde | sde[], fn)`: sent immediately (SPAs); the hook
 *   records `[data, '[function]']` when a callback was passed;
 * - `lpTag.newPage` — `{url, options?}` for `lpTag.newPage(url, {section, sdes, taglets})`: the
 *   tag starts a new page context and reports it; `options.sdes` are that page's SDEs;
 * - `lpTag.events` — `{appName, eventName, data?}` for each publication on the tag's event bus.
 *   LP_OFFERS `OFFER_DISPLAY` (rendered, about to be shown) and `OFFER_IMPRESSION` (shown) carry
 *   `engagementId`, `campaignId`, `engagementRevision`, `contextId`…; `OFFER_CLICK` is the
 *   visitor accepting the offer.
 *
 * A push is what the page asked for, not what LivePerson received: SDE hits from pushes count
 * only when a delivered page report carried them (lib/engine/sde-delivery.ts). The page view of
 * a `newPage` is the report the tag sends for it, so the push itself yields no page view.
 */
import type { HitBody } from '../../formats/journey';
import type { Decoded, PushDecoder, RawPush } from '../types';
import { decoded, experienceHit, hit, pageOf } from '../util/decoded';
import { flatten, isObject, pick, str } from '../util/json';
import { describe, param } from '../util/params';
import { LIVEPERSON_ID, LIVEPERSON_NAME, sdeHits, sdeTypes } from './liveperson-sdes';

/** The push targets this decoder reads (the page hook records them under these names). */
export const LIVEPERSON_PUSH_TARGETS = ['lpTag.sdes', 'lpTag.sdes.send', 'lpTag.newPage', 'lpTag.events'] as const;

/** Offer events that show an engagement: an experience display for campaign goals. */
const DISPLAYED = new Set(['OFFER_DISPLAY', 'OFFER_IMPRESSION']);

function decodeSdes(push: RawPush, sdes: unknown, url: string, what: string): Decoded | null {
  const problems: string[] = [];
  const hits = sdeHits(sdes, { vendor: LIVEPERSON_ID, url }, problems);
  const types = sdeTypes(sdes);
  if (hits.length === 0 && problems.length === 0 && push.target !== 'lpTag.newPage') return null;
  return decoded(LIVEPERSON_ID, LIVEPERSON_NAME, {
    requestType: types ? `${what}: ${types}` : what,
    hits,
    params: describe(flatten(push.value), {}, 'Engagement attributes').filter((p) => p.key !== ''),
    problems,
  });
}

/**
 * What `send(data, fn)` sent: the hook records one argument as itself and several as their
 * array, so `send(sde, callback)` arrives as `[sde, '[function]']`; the callback is not an SDE.
 */
function sentData(value: unknown): unknown {
  if (Array.isArray(value) && value.length === 2 && !isObject(value[1]) && !Array.isArray(value[1])) return value[0];
  return value;
}

function decodeNewPage(push: RawPush): Decoded | null {
  const v = push.value;
  const url = str(pick(v, 'url')) ?? (typeof v === 'string' ? v : undefined);
  if (!url) return null;
  return decodeSdes(push, pick(v, 'options.sdes'), url, 'lpTag.newPage');
}

function decodeEvent(push: RawPush): Decoded | null {
  const v = push.value;
  const eventName = str(pick(v, 'eventName'));
  const appName = str(pick(v, 'appName'));
  if (!eventName) return null;
  const data = isObject(v) ? v.data : undefined;
  const page = pageOf(undefined, push.pageUrl);
  const engagementId = str(pick(data, 'engagementId'));
  const offers = appName === 'LP_OFFERS';
  let out: HitBody;
  if (offers && DISPLAYED.has(eventName) && engagementId)
    out = experienceHit({ vendor: LIVEPERSON_ID, url: page }, engagementId, undefined);
  else if (offers && eventName === 'OFFER_CLICK') out = hit({ vendor: LIVEPERSON_ID, url: page, kind: 'engagement' });
  else out = hit({ vendor: LIVEPERSON_ID, url: page, kind: 'event', name: eventName });
  const problems =
    offers && DISPLAYED.has(eventName) && !engagementId
      ? [`The ${eventName} event names no engagementId, so it cannot be matched to a campaign goal.`]
      : [];
  return decoded(LIVEPERSON_ID, LIVEPERSON_NAME, {
    requestType: [appName, eventName].filter(Boolean).join(' '),
    hits: [out],
    params: [
      param('appName', 'App', appName ?? '', 'Event'),
      param('eventName', 'Event', eventName, 'Event'),
      ...describe(flatten(data), {}, 'Event data').filter((p) => p.key !== ''),
    ],
    problems,
  });
}

export const livepersonPush: PushDecoder = {
  id: LIVEPERSON_ID,
  name: LIVEPERSON_NAME,
  targets: [...LIVEPERSON_PUSH_TARGETS],
  decode: (push) => {
    switch (push.target) {
      case 'lpTag.events':
        return decodeEvent(push);
      case 'lpTag.newPage':
        return decodeNewPage(push);
      case 'lpTag.sdes.send':
        return decodeSdes(push, sentData(push.value), pageOf(undefined, push.pageUrl), 'lpTag.sdes.send');
      default:
        return decodeSdes(push, push.value, pageOf(undefined, push.pageUrl), 'lpTag.sdes');
    }
  },
};
