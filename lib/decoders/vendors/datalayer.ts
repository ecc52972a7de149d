/**
 * `dataLayer.push` (Google Tag Manager's page API): `{ event: "name", … }` objects are
 * `event` hits (GTM's own lifecycle events gtm.js/gtm.dom/gtm.load/… are not); gtag() calls
 * arrive as argument lists `['event', name, params]`. Orders: GA4 `purchase` with
 * `ecommerce.{transaction_id, value, currency}` (or gtag params), and Universal Analytics
 * enhanced ecommerce `ecommerce.purchase.actionField.{id, revenue}` with `ecommerce.currencyCode`.
 */
import type { HitBody } from '../../formats/journey';
import type { Decoded, PushDecoder, RawPush } from '../types';
import { decoded, hit, pageOf, transaction } from '../util/decoded';
import { flatten, isObject, num, pick, str } from '../util/json';
import { describe } from '../util/params';

const ID = 'datalayer';
const NAME = 'dataLayer';

function transactionOf(params: unknown, ecommerce: unknown): HitBody['transaction'] | undefined {
  const ua = pick(ecommerce, 'purchase.actionField');
  if (isObject(ua)) {
    return transaction({ total: num(ua.revenue) ?? 0, currency: str(pick(ecommerce, 'currencyCode')), orderId: str(ua.id) });
  }
  const src = isObject(ecommerce) && ('value' in ecommerce || 'transaction_id' in ecommerce) ? ecommerce : params;
  if (!isObject(src)) return undefined;
  return transaction({ total: num(src.value) ?? 0, currency: str(src.currency), orderId: str(src.transaction_id) });
}

function decodeDataLayer(push: RawPush): Decoded | null {
  const v = push.value;
  let name: string | undefined;
  let params: unknown;
  if (Array.isArray(v) || (isObject(v) && '0' in v && !('event' in v))) {
    // gtag('event', name, params): captured as the arguments object
    const args = Array.isArray(v) ? v : Object.values(v);
    if (str(args[0]) !== 'event') return null;
    name = str(args[1]);
    params = args[2];
  } else if (isObject(v)) {
    name = str(v.event);
    params = v;
  }
  const ecommerce = pick(params, 'ecommerce');
  const uaPurchase = isObject(pick(ecommerce, 'purchase'));
  if ((!name || name.startsWith('gtm.')) && !uaPurchase) return null;
  const base = { vendor: ID, url: pageOf(undefined, push.pageUrl) };
  const hits: HitBody[] = [];
  if (name && !name.startsWith('gtm.')) hits.push(hit({ ...base, kind: 'event', name }));
  if (name === 'purchase' || uaPurchase) {
    const transaction = transactionOf(params, ecommerce);
    if (transaction) hits.push(hit({ ...base, kind: 'transaction', transaction }));
  }
  return decoded(ID, NAME, {
    requestType: name ?? 'purchase',
    hits,
    params: describe(flatten(v), {}, 'Push').filter((p) => p.key !== ''),
  });
}

export const dataLayerPush: PushDecoder = {
  id: ID,
  name: NAME,
  targets: ['dataLayer'],
  decode: decodeDataLayer,
};
