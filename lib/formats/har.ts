/**
 * HAR 1.2 (DevTools "Save all as HAR") to and from a journey: each entry is a request, each
 * document entry also a navigation (formats.md §1).
 */
import type { Entry, Har } from 'har-format';
import { JOURNEY_FORMAT, type Journey, type JourneyEvent, type NavigationEvent, type RequestEvent } from './journey';
import { Shape, type Obj } from './shape';
import { isoTime, parseTime } from './time';

export function isHarLike(value: unknown): boolean {
  return typeof value === 'object' && value !== null && 'log' in value && !('format' in value);
}

function isDocument(entry: Obj): boolean {
  if (entry._resourceType !== undefined) return entry._resourceType === 'document';
  const response = entry.response as Obj | undefined;
  const content = response?.content as Obj | undefined;
  const mime = typeof content?.mimeType === 'string' ? content.mimeType : '';
  return mime.toLowerCase().startsWith('text/html');
}

/** A parsed HAR document to a journey; throws InputError naming the JSON path of what is broken. */
export function harToJourney(har: unknown, file: string): Journey {
  const s: Shape = new Shape(file);
  const root = s.obj(har, '');
  const log = s.obj(root.log, 'log');
  const rawEntries = s.arr(log.entries, 'log.entries');
  // Chrome names each page by its URL in pages[].title; entries point to it by pageref.
  const pageUrls = new Map<string, string>();
  if (Array.isArray(log.pages)) {
    for (const p of log.pages as unknown[]) {
      if (p && typeof p === 'object') {
        const { id, title } = p as Obj;
        if (typeof id === 'string' && typeof title === 'string' && /^[a-z][a-z0-9+.-]*:/i.test(title)) pageUrls.set(id, title);
      }
    }
  }
  const events: JourneyEvent[] = [];
  let lastDocument: string | undefined;
  rawEntries.forEach((raw, i) => {
    const path = `log.entries[${i}]`;
    const entry = s.obj(raw, path);
    const started = s.str(entry.startedDateTime, `${path}.startedDateTime`);
    const t = parseTime(started);
    if (t === undefined) s.fail(`${path}.startedDateTime`, `is "${started}", not an ISO-8601 time with a zone`);
    const request = s.obj(entry.request, `${path}.request`);
    const url = s.str(request.url, `${path}.request.url`);
    const response = entry.response === undefined ? undefined : s.obj(entry.response, `${path}.response`);
    const status = response === undefined ? undefined : s.optNum(response.status, `${path}.response.status`);
    const document = isDocument(entry);
    if (document) {
      const nav: NavigationEvent = { t, type: 'navigation', url };
      const headers = Array.isArray(request.headers) ? (request.headers as Obj[]) : [];
      const referer = headers.find((h) => typeof h?.name === 'string' && h.name.toLowerCase() === 'referer');
      if (typeof referer?.value === 'string') nav.referrer = referer.value;
      events.push(nav);
      lastDocument = url;
    }
    const req: RequestEvent = { t, type: 'request', url };
    if (typeof request.method === 'string') req.method = request.method.toUpperCase();
    const postData = request.postData as Obj | undefined;
    if (postData && typeof postData.text === 'string') req.body = postData.text;
    // HAR has no encoding for request bodies: Goalpost's own export marks a base64 one.
    if (req.body !== undefined && postData?._encoding === 'base64') req.bodyEncoding = 'base64';
    if (status !== undefined) req.status = status;
    const error =
      typeof entry._error === 'string' && entry._error !== '' ? entry._error : status === 0 ? 'no response (status 0)' : undefined;
    if (error !== undefined) req.error = error;
    const pageUrl = (typeof entry.pageref === 'string' ? pageUrls.get(entry.pageref) : undefined) ?? (document ? url : lastDocument);
    if (pageUrl !== undefined) req.pageUrl = pageUrl;
    events.push(req);
  });
  return { format: JOURNEY_FORMAT, events };
}

function entryFor(e: RequestEvent | NavigationEvent, document: boolean): Entry {
  const status = e.type === 'request' ? (e.status ?? (e.error ? 0 : 200)) : 200;
  const entry: Entry & { _resourceType?: string; _error?: string } = {
    startedDateTime: isoTime(e.t),
    time: 0,
    request: {
      method: e.type === 'request' ? (e.method ?? 'GET') : 'GET',
      url: e.url,
      httpVersion: 'HTTP/1.1',
      cookies: [],
      headers: e.type === 'navigation' && e.referrer ? [{ name: 'Referer', value: e.referrer }] : [],
      queryString: [],
      headersSize: -1,
      bodySize:
        e.type !== 'request' || e.body === undefined
          ? 0
          : e.bodyEncoding === 'base64'
            ? Math.floor((e.body.replace(/=+$/, '').length * 3) / 4)
            : e.body.length,
    },
    response: {
      status,
      statusText: '',
      httpVersion: 'HTTP/1.1',
      cookies: [],
      headers: [],
      content: { size: 0, mimeType: document ? 'text/html' : '' },
      redirectURL: '',
      headersSize: -1,
      bodySize: -1,
    },
    cache: {},
    timings: { send: 0, wait: 0, receive: 0 },
  };
  if (e.type === 'request' && e.body !== undefined) {
    entry.request.postData =
      e.bodyEncoding === 'base64'
        ? ({ mimeType: 'application/octet-stream', text: e.body, _encoding: 'base64' } as Entry['request']['postData'])
        : { mimeType: 'text/plain', text: e.body };
  }
  if (document) entry._resourceType = 'document';
  if (e.type === 'request' && e.error) entry._error = e.error;
  return entry;
}

/**
 * A journey's navigations and requests as HAR 1.2. Pushes, route changes and already-decoded
 * hits have no HAR form and are left out (export the journey itself to keep them).
 */
export function journeyToHar(journey: Journey): Har {
  const entries: Entry[] = [];
  // A navigation's own document request is the same HAR entry, not a second one.
  const documents = new Set(journey.events.filter((e) => e.type === 'navigation').map((e) => `${e.t}\n${e.url}`));
  for (const e of journey.events) {
    if (e.type === 'navigation') entries.push(entryFor(e, true));
    else if (e.type === 'request' && !documents.has(`${e.t}\n${e.url}`)) entries.push(entryFor(e, false));
  }
  entries.sort((a, b) => Date.parse(a.startedDateTime) - Date.parse(b.startedDateTime));
  return { log: { version: '1.2', creator: { name: 'goalpost', version: '0.1.0' }, entries } };
}
