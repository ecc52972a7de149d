/**
 * VWO (Visual Website Optimizer), on dev.visualwebsiteoptimizer.com.
 * Confirmed: the SmartCode loads `/j.php?a=<account>` (and `/lib/…`, `/settings.js`) from this
 * host. Inferred from observed traffic, not from a published spec: the legacy tracking pixel
 * `/c.gif?experiment_id=…&account_id=…&combination=…&u=<visitor uuid>` (a `goal_id` makes it a
 * conversion, `r` its revenue) and the newer event endpoint `/events/t?en=<name>&a=<account>`
 * with a JSON body `{ d: { visId, sessionId, event: { name, props: { id, variation } } } }`,
 * where `vwo_variationShown` is a variation display.
 */
import type { HitBody } from '../../formats/journey';
import type { RawRequest, RequestDecoder } from '../types';
import { decoded, experienceHit, hit, pageOf, transactionHit } from '../util/decoded';
import { urlFields } from '../util/fields';
import { flatten, num, parseJson, pick, str } from '../util/json';
import { describe } from '../util/params';

const ID = 'vwo';
const NAME = 'VWO';

function eventHits(body: unknown, name: string, req: RawRequest, account: string | undefined): HitBody[] {
  const session = str(pick(body, 'd.sessionId'));
  const base = {
    vendor: ID,
    url: pageOf(str(pick(body, 'd.event.props.page.url')) ?? str(pick(body, 'd.event.props.url')), req.pageUrl),
    clientId: str(pick(body, 'd.visId')),
    sessionId: session,
    account,
  };
  const props = pick(body, 'd.event.props');
  if (name === 'vwo_variationShown') {
    const id = str(pick(props, 'id'));
    const variant = str(pick(props, 'variation'));
    return id ? [experienceHit(base, id, variant)] : [];
  }
  if (name === 'vwo_pageView') return [hit({ ...base, kind: 'pageview' })];
  if (name === 'vwo_goalVisit') return [hit({ ...base, kind: 'event', name: `goal ${str(pick(props, 'id')) ?? ''}`.trim() })];
  return [hit({ ...base, kind: 'event', name })];
}

export const vwo: RequestDecoder = {
  id: ID,
  name: NAME,
  match: (url) => url.hostname === 'dev.visualwebsiteoptimizer.com' || url.hostname.endsWith('.visualwebsiteoptimizer.com'),
  decode: (url, req) => {
    const problems: string[] = [];
    const q = urlFields(url, problems);
    const path = url.pathname;
    if (path === '/j.php' || path.startsWith('/lib/') || path.endsWith('.js')) {
      return decoded(ID, NAME, { role: 'library', account: q.first('a', 'account_id'), requestType: 'SmartCode load', params: describe(q, { a: 'Account ID', u: 'Page URL' }), problems });
    }
    if (/^\/[cl]\.gif$/.test(path)) {
      const account = q.get('account_id');
      const base = { vendor: ID, url: pageOf(undefined, req.pageUrl), clientId: q.get('u'), account };
      const exp = q.get('experiment_id');
      const hits: HitBody[] = [];
      const goal = q.get('goal_id');
      if (goal) {
        hits.push(hit({ ...base, kind: 'event', name: `goal ${goal}` }));
        const revenue = num(q.get('r'));
        if (revenue !== undefined) hits.push(transactionHit(base, { total: revenue }));
      } else if (exp) {
        const variant = q.get('combination');
        hits.push(experienceHit(base, exp, variant));
      }
      return decoded(ID, NAME, { account, requestType: goal ? 'Conversion' : 'Variation shown', hits, params: describe(q, { experiment_id: 'Campaign ID', combination: 'Variation', account_id: 'Account ID', u: 'Visitor UUID', goal_id: 'Goal ID', r: 'Revenue' }), problems });
    }
    if (path.startsWith('/events/')) {
      const body = req.body ? parseJson(req.body, problems) : undefined;
      const name = q.get('en') ?? str(pick(body, 'd.event.name')) ?? '';
      const account = q.get('a');
      return decoded(ID, NAME, {
        account,
        requestType: name || undefined,
        hits: name ? eventHits(body, name, req, account) : [],
        params: [...describe(q, { en: 'Event', a: 'Account ID' }), ...describe(flatten(body), {}, 'Body')].filter((p) => p.key !== ''),
        problems,
      });
    }
    return decoded(ID, NAME, { role: 'other', account: q.first('a', 'account_id'), params: describe(q, {}), problems });
  },
};
