/**
 * Ptengine (Insight / Experience).
 *
 * Confirmed from Ptengine's help center:
 * - the base tag is `<script src="https://js.ptengine.jp/<projectId>.js">` (also served from
 *   js.ptengine.com / js.ptengine.cn); the legacy tag set `_pt_sp_2.push('setAccount,<id>')`
 *   and loaded `js.ptengine.jp/pta.js` and `pts.js`;
 * - the `_pt_sp_2` queue takes comma-joined commands: `setPVTag,<url>,replace` sends a page
 *   view for an SPA route; `setCustomEvent` with `{ eventName }` a custom event; `setEC` with
 *   `[{ pt_category: … }]` e-commerce data (pt_user_register, pt_user_login, pt_impression, …);
 * - a page view is counted each time the tag loads; the visitor is a cookie uid; cross-domain
 *   links carry `_pt_link=…` in the fragment (default) or the query.
 * Inferred (not published): the collection beacons' format. Requests to other Ptengine hosts
 * are shown as collection traffic with their fields; a page view hit is only derived when a
 * beacon names a page URL, its visitor from a uid-like field. The e-commerce category of an
 * order and its amount/id field names are matched loosely (pt_category containing "purchase"
 * or "order"; amount from pt_revenue/pt_total/pt_order_amount/pt_value; id from pt_order_id).
 */
import type { HitBody } from '../../formats/journey';
import type { Decoded, PushDecoder, RawPush, RequestDecoder } from '../types';
import { decoded, hit, pageOf, transactionHit } from '../util/decoded';
import { looksLikeForm, parseQuery, urlFields } from '../util/fields';
import { flatten, isObject, num, parseJson, pick, str } from '../util/json';
import { hostIn } from '../util/match';
import { describe, param } from '../util/params';

export const PTENGINE_ID = 'ptengine';
const NAME = 'Ptengine';
const HOSTS = ['.ptengine.jp', '.ptengine.com', '.ptengine.cn', '.ptmind.com'];

/** The `_pt_link` cross-domain token of a URL (query or fragment), if any. */
export function ptLinkOf(url: string): string | undefined {
  const m = /[?#&]_pt_link=([^&#]*)/.exec(url);
  return m ? m[1] : undefined;
}

export const ptengine: RequestDecoder = {
  id: PTENGINE_ID,
  name: NAME,
  match: (url) => hostIn(url.hostname, HOSTS) && !/^(www|help|helps|app)\./.test(url.hostname),
  decode: (url, req) => {
    const problems: string[] = [];
    const q = urlFields(url, problems);
    const script = /^\/([A-Za-z0-9_-]+)\.js$/.exec(url.pathname);
    if (url.hostname.startsWith('js.') && script) {
      const file = script[1] ?? '';
      const legacy = file === 'pta' || file === 'pts';
      return decoded(PTENGINE_ID, NAME, {
        role: 'library',
        account: legacy ? undefined : file,
        requestType: legacy ? 'Legacy tag load' : 'Tag load',
        params: legacy ? [] : [param('projectId', 'Project ID', file, 'General')],
        problems,
      });
    }
    let f = q;
    let flat: [string, string][] = [];
    if (req.body && looksLikeForm(req.body)) f = f.concat(parseQuery(req.body, problems));
    else if (req.body && /^\s*[[{]/.test(req.body)) flat = flatten(parseJson(req.body, problems));
    const all = [...f.pairs, ...flat];
    const get = (...keys: string[]) => keys.map((k) => all.find(([key]) => key === k)?.[1]).find((v) => v);
    const page = get('url', 'pu', 'dl', 'page_url', 'pageUrl');
    const hits: HitBody[] = page
      ? [hit({ vendor: PTENGINE_ID, kind: 'pageview', url: page, clientId: get('uid', 'pt_uid', '_pt_uid', 'ptuid'), sessionId: get('sid', 'pt_sid'), account: get('pid', 'projectId', 'sid_project') })]
      : [];
    return decoded(PTENGINE_ID, NAME, {
      role: page ? 'hit' : 'other',
      requestType: 'Collection (format inferred)',
      hits,
      params: [...describe(f, {}), ...describe(flat, {}, 'Body')].filter((p) => p.key !== ''),
      problems,
    });
  },
};

/** A queue entry as [command, ...args]: "cmd,a,b" strings are split on the first commas. */
function commandOf(value: unknown): [string, unknown[]] | undefined {
  if (typeof value === 'string') {
    const [cmd = '', ...rest] = value.split(',');
    // setPVTag's URL may itself hold commas: rejoin all but a trailing "replace" flag.
    return [cmd.trim(), rest];
  }
  if (Array.isArray(value) && value.length > 0) {
    const [head, ...args] = value as unknown[];
    if (typeof head !== 'string') return undefined;
    if (args.length === 0) return commandOf(head);
    const [cmd = '', ...inline] = head.split(',');
    return [cmd.trim(), [...inline, ...args]];
  }
  return undefined;
}

function ecHits(records: unknown, base: Omit<HitBody, 'kind'>): HitBody[] {
  const list = Array.isArray(records) ? records : [records];
  const hits: HitBody[] = [];
  for (const r of list) {
    const category = str(pick(r, 'pt_category'));
    if (!category) continue;
    if (/purchase|order|transaction/i.test(category)) {
      const total =
        num(pick(r, 'pt_revenue')) ?? num(pick(r, 'pt_total')) ?? num(pick(r, 'pt_order_amount')) ?? num(pick(r, 'pt_value')) ?? 0;
      hits.push(transactionHit(base, {
        total,
        currency: str(pick(r, 'pt_currency')),
        orderId: str(pick(r, 'pt_order_id')) ?? str(pick(r, 'pt_transaction_id')),
      }));
    } else hits.push(hit({ ...base, kind: 'event', name: category }));
  }
  return hits;
}

function decodePtPush(push: RawPush): Decoded | null {
  const cmd = commandOf(push.value);
  if (!cmd) return null;
  const [name, args] = cmd;
  const base = { vendor: PTENGINE_ID, url: pageOf(undefined, push.pageUrl) };
  const params = [param('command', 'Command', name, 'General'), ...describe(flatten(args, 'args'), {}, 'Arguments').filter((p) => p.key !== '')];
  switch (name) {
    case 'setAccount':
      return decoded(PTENGINE_ID, NAME, { role: 'library', account: str(args[0])?.trim(), requestType: name, params });
    case 'setPVTag': {
      const parts = args.map((a) => str(a) ?? '');
      if (parts[parts.length - 1]?.trim() === 'replace') parts.pop();
      const target = parts.join(',').trim();
      let url = base.url;
      if (target) {
        try {
          url = new URL(target, push.pageUrl || undefined).href;
        } catch {
          url = target;
        }
      }
      return decoded(PTENGINE_ID, NAME, { requestType: name, hits: [hit({ ...base, url, kind: 'pageview' })], params });
    }
    case 'setCustomEvent': {
      const ev = args.find(isObject);
      const eventName = str(pick(ev, 'eventName')) ?? str(args[0]);
      const hits = eventName ? [hit({ ...base, kind: 'event', name: eventName })] : [];
      return decoded(PTENGINE_ID, NAME, { requestType: name, hits, params, problems: eventName ? [] : ['setCustomEvent has no eventName.'] });
    }
    case 'setEC':
      return decoded(PTENGINE_ID, NAME, { requestType: name, hits: ecHits(args.length === 1 ? args[0] : args, base), params });
    default:
      return decoded(PTENGINE_ID, NAME, { role: 'other', requestType: name || undefined, params });
  }
}

export const ptenginePush: PushDecoder = {
  id: PTENGINE_ID,
  name: NAME,
  targets: ['_pt_sp_2'],
  decode: decodePtPush,
};
