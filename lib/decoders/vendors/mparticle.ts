/**
 * mParticle web SDK uploads: `jssdks.mparticle.com/v{1,2}/JS/<api key>/Events` (one message:
 * `dt` message type, `n` name, `et` event type, `sid` session, `das` device id, `ua` user
 * attributes, `ui` identities, `attrs` event attributes) and `/v3/JS/<key>/events` (a batch:
 * `events[].event_type` + `data`). Type codes follow the SDK's public constants (MessageType,
 * EventType, CommerceEventType, IdentityType). Page views become pageviews, custom events
 * events; session and state messages yield no hit. In a v3 batch (the SDK's Events API
 * converter), `screen_view` is a page view, `custom_event` an event named `data.event_name`, and
 * `commerce_event` an event named after its `data.product_action.action` (add_to_cart, purchase,
 * …; else the promotion action, else "impression"); a `purchase` is also an order
 * (`total_amount`, `transaction_id`, `data.currency_code`). Sites with a CNAME send the same
 * uploads to `<own host>/webevents/v<n>/JS/<key>/events`.
 */
import type { HitBody } from '../../formats/journey';
import type { DecodedParam, RawRequest, RequestDecoder } from '../types';
import { decoded, hit, pageOf, transactionHit } from '../util/decoded';
import { flatten, isObject, num, parseJson, pick, str, type JsonObject } from '../util/json';
import { hostIn } from '../util/match';
import { describe, param, type Dictionary } from '../util/params';

const ID = 'mparticle';
const NAME = 'mParticle';
const PATH = /^(?:\/webevents)?\/v(\d+)\/JS\/([^/]+)\/events\/?$/i;
const CNAME_PATH = /^\/webevents\/v\d+\/JS\/[^/]+\/events\/?$/i;

const MESSAGE_TYPES: Record<string, string> = {
  '1': 'Session Start',
  '2': 'Session End',
  '3': 'Screen View',
  '4': 'Custom Event',
  '5': 'Crash Report',
  '6': 'Opt Out',
  '7': 'First Run',
  '10': 'State Transition',
  '14': 'Profile',
  '16': 'Commerce',
  '17': 'User Attribute Change',
  '18': 'User Identity Change',
  '20': 'Media',
};
const EVENT_TYPES: Record<string, string> = {
  '0': 'Unknown',
  '1': 'Navigation',
  '2': 'Location',
  '3': 'Search',
  '4': 'Transaction',
  '5': 'UserContent',
  '6': 'UserPreference',
  '7': 'Social',
  '8': 'Other',
  '9': 'Media',
  '10': 'ProductAddToCart',
  '11': 'ProductRemoveFromCart',
  '12': 'ProductCheckout',
  '13': 'ProductCheckoutOption',
  '14': 'ProductClick',
  '15': 'ProductViewDetail',
  '16': 'ProductPurchase',
  '17': 'ProductRefund',
  '18': 'PromotionView',
  '19': 'PromotionClick',
  '20': 'ProductAddToWishlist',
  '21': 'ProductRemoveFromWishlist',
  '22': 'ProductImpression',
};
const IDENTITY_TYPES: Record<string, string> = {
  '0': 'other',
  '1': 'customerid',
  '2': 'facebook',
  '3': 'twitter',
  '4': 'google',
  '5': 'microsoft',
  '6': 'yahoo',
  '7': 'email',
  '9': 'facebookcustomaudienceid',
  '10': 'other2',
  '11': 'other3',
  '12': 'other4',
};

const DICT: Dictionary = {
  n: { label: 'Event name', group: 'Event' },
  dt: { label: 'Message type', group: 'General' },
  et: { label: 'Event type', group: 'Event' },
  sid: { label: 'Session ID', group: 'Session' },
  das: { label: 'Device application stamp (visitor)', group: 'Visitor' },
  mpid: { label: 'mParticle ID', group: 'Visitor' },
  sdk: { label: 'SDK version', group: 'General' },
  ct: { label: 'Client time', group: 'General' },
  'ua.*': { label: 'User attribute', group: 'Visitor' },
  'attrs.*': { label: 'Attribute', group: 'Event' },
  'ui.*': { label: 'Identity', group: 'Visitor' },
  'events.*': { label: 'Event', group: 'Event' },
};

/** "pageView" is the SDK's page-view name; bare numbers are message-type codes. */
function nameLabel(n: string): string {
  if (n === 'pageView') return 'Page View';
  return MESSAGE_TYPES[n] ?? n;
}

function v2Hits(msg: JsonObject, req: RawRequest, account: string | undefined): HitBody[] {
  const dt = str(msg.dt);
  const name = str(msg.n);
  const base = {
    vendor: ID,
    url: pageOf(str(pick(msg, 'attrs.url')) ?? str(pick(msg, 'attrs.URL')), req.pageUrl),
    clientId: str(msg.das) ?? str(msg.mpid),
    sessionId: str(msg.sid),
    account,
  };
  if (dt === '3') return [hit({ ...base, kind: 'pageview' })];
  if (dt === '4' || dt === '16') return name ? [hit({ ...base, kind: 'event', name })] : [];
  return [];
}

/** What a v3 commerce event did: its product action, else its promotion action, else an impression. */
function commerceName(data: unknown): string | undefined {
  return (
    str(pick(data, 'event_name')) ??
    str(pick(data, 'product_action.action')) ??
    (str(pick(data, 'promotion_action.action')) !== undefined ? `promotion ${str(pick(data, 'promotion_action.action'))}` : undefined) ??
    (Array.isArray(pick(data, 'product_impressions')) ? 'impression' : undefined)
  );
}

function v3Hits(body: JsonObject, req: RawRequest, account: string | undefined): HitBody[] {
  const events = Array.isArray(body.events) ? body.events : [];
  const clientId = str(pick(body, 'mpid')) ?? str(pick(body, 'mp_deviceid')) ?? str(pick(body, 'device_info.device_application_stamp'));
  return events.flatMap((e): HitBody[] => {
    const type = str(pick(e, 'event_type'));
    const data = pick(e, 'data');
    const base = {
      vendor: ID,
      url: pageOf(str(pick(data, 'custom_attributes.url')), req.pageUrl),
      clientId,
      sessionId: str(pick(data, 'session_uuid')),
      account,
    };
    if (type === 'screen_view') return [hit({ ...base, kind: 'pageview' })];
    if (type === 'custom_event') {
      const name = str(pick(data, 'event_name'));
      return name ? [hit({ ...base, kind: 'event', name })] : [];
    }
    if (type !== 'commerce_event') return [];
    const name = commerceName(data);
    const hits = name ? [hit({ ...base, kind: 'event', name })] : [];
    if (str(pick(data, 'product_action.action')) === 'purchase') {
      hits.push(
        transactionHit(base, {
          total: num(pick(data, 'product_action.total_amount')) ?? 0,
          currency: str(pick(data, 'currency_code')),
          orderId: str(pick(data, 'product_action.transaction_id')),
        }),
      );
    }
    return hits;
  });
}

export const mparticle: RequestDecoder = {
  id: ID,
  name: NAME,
  match: (url) =>
    CNAME_PATH.test(url.pathname) || (hostIn(url.hostname, ['jssdks.mparticle.com', '.mparticle.com']) && PATH.test(url.pathname)),
  decode: (url, req) => {
    const problems: string[] = [];
    const [, version = '', account] = PATH.exec(url.pathname) ?? [];
    const parsed = req.body ? parseJson(req.body, problems) : undefined;
    const body: JsonObject = isObject(parsed) ? parsed : {};
    const params: DecodedParam[] = [];
    if (account) params.push(param('clientCode', 'API key', account, 'General'));
    let requestType: string | undefined;
    let hits: HitBody[];
    if (Number(version) >= 3) {
      const types = (Array.isArray(body.events) ? body.events : []).map((e) => str(pick(e, 'event_type'))).filter(Boolean);
      requestType = types.join(', ') || undefined;
      hits = v3Hits(body, req, account);
    } else {
      const n = str(body.n);
      requestType = n !== undefined ? nameLabel(n) : undefined;
      const dt = str(body.dt);
      if (dt !== undefined) params.push(param('dtvalue', 'Message type', MESSAGE_TYPES[dt] ?? dt, 'General'));
      const et = str(body.et);
      if (et !== undefined) params.push(param('etParsed', 'Event type', EVENT_TYPES[et] ?? et, 'Event'));
      if (Array.isArray(body.ui)) {
        for (const id of body.ui) {
          const type = str(pick(id, 'Type'));
          const value = str(pick(id, 'Identity'));
          if (type === undefined || value === undefined) continue;
          const name = IDENTITY_TYPES[type] ?? type;
          params.push(param(`identity.${name}`, `Identity: ${name}`, value, 'Visitor'));
        }
      }
      hits = v2Hits(body, req, account);
    }
    if (!req.body) problems.push('No body: the SDK sends its messages in the POST body, which this capture lacks.');
    return decoded(ID, NAME, {
      account,
      requestType,
      hits,
      params: [...params, ...describe(flatten(body), DICT, 'Body').filter((p) => p.key !== '')],
      problems,
    });
  },
};
