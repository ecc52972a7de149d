/**
 * The generic decoder behind custom endpoints mapped to "generic": reads the fields the user
 * named from the query, a form body or a JSON body (dotted paths such as "context.page.url";
 * a JSON array is a batch, one hit per element).
 */
import type { HitBody } from '../formats/journey';
import type { CustomEndpoint } from '../formats/goals';
import type { Decoded, RawRequest } from './types';
import { decoded, hit, pageOf } from './util/decoded';
import { Fields, looksLikeForm, parseQuery, urlFields } from './util/fields';
import { flatten, isObject, parseJson, pick, str } from './util/json';
import { describe } from './util/params';

export const GENERIC_ID = 'generic';

const PAGEVIEW_EVENTS = new Set(['page_view', 'pageview', 'page view', 'page', 'pv']);

type FieldMap = NonNullable<CustomEndpoint['fields']>;

function readFrom(record: Fields | unknown, path: string | undefined): string | undefined {
  if (!path) return undefined;
  if (record instanceof Fields) return record.get(path);
  return str(pick(record, path));
}

function hitFrom(sources: (Fields | unknown)[], fields: FieldMap, vendor: string, req: RawRequest): HitBody {
  const read = (path: string | undefined): string | undefined => {
    for (const s of sources) {
      const v = readFrom(s, path);
      if (v !== undefined && v !== '') return v;
    }
    return undefined;
  };
  const event = read(fields.event);
  const isPageview = event === undefined || PAGEVIEW_EVENTS.has(event.toLowerCase());
  return hit({
    vendor,
    kind: isPageview ? 'pageview' : 'event',
    name: isPageview ? undefined : event,
    url: pageOf(read(fields.url), req.pageUrl),
    clientId: read(fields.clientId),
    sessionId: read(fields.sessionId),
    account: read(fields.account),
  });
}

export function decodeGeneric(url: URL, req: RawRequest, endpoint: CustomEndpoint): Decoded {
  const problems: string[] = [];
  const vendor = endpoint.vendor?.trim() || url.hostname;
  const fields = endpoint.fields ?? {};
  const query = urlFields(url, problems);
  const body = req.body ?? '';
  let records: unknown[] = [undefined];
  let bodyPairs: [string, string][] = [];
  if (body.trim() !== '') {
    if (looksLikeForm(body)) {
      const form = parseQuery(body, problems);
      records = [form];
      bodyPairs = form.pairs.map(([k, v]) => [k, v]);
    } else {
      const json = parseJson(body, problems);
      if (Array.isArray(json)) records = json.length > 0 ? json : [undefined];
      else if (isObject(json)) records = [json];
      if (json !== undefined) bodyPairs = flatten(json);
    }
  }
  const hits = records.map((r) => hitFrom(r === undefined ? [query] : [r, query], fields, vendor, req));
  return decoded(GENERIC_ID, vendor, {
    account: hits[0]?.account,
    requestType: hits.map((h) => h.name ?? h.kind).join(', '),
    hits,
    params: [...describe(query, {}, 'Query'), ...describe(bodyPairs, {}, 'Body')],
    problems,
  });
}
