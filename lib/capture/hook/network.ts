/**
 * Wrappers for the ways a page sends data: fetch, XMLHttpRequest, sendBeacon and image pixels.
 * Each wrapper reads what it needs before the native call (the native call may consume a body),
 * makes the native call exactly as the page did (same `this`, arguments, result, exception),
 * and records afterwards; every recording step is guarded so nothing is thrown to the page.
 * Only calls to tracking URLs are recorded (see url-filter.ts): other traffic passes straight on.
 */
import { LIMITS, type CaptureApi, type RequestRecord } from '../records';
import { readBody, readRequestBody, type BodyRead, type BodyText } from './body';
import type { Emitter } from './emitter';
import type { Masker } from './mask';
import type { Natives } from './natives';
import type { UrlFilter } from './url-filter';

const METHOD = /^[A-Za-z]{1,16}$/;

export interface HookContext {
  win: Window & typeof globalThis;
  n: Natives;
  mask: Masker;
  emit: Emitter;
  /** Whether a request URL is worth recording (tracking or a custom endpoint). */
  wanted: UrlFilter;
  /** Reads the page API queues, so what was pushed before a request is recorded before it. */
  pollQueues(): void;
}

/** Absolute http(s) URL without fragment, or undefined (other schemes never reach the network view). */
export function resolveUrl(ctx: HookContext, raw: unknown): string | undefined {
  const { n } = ctx;
  let text: string | undefined;
  if (typeof raw === 'string') text = raw;
  else if (raw instanceof n.URL) text = raw.href;
  else if (n.Request && n.requestUrl && raw instanceof n.Request) text = n.apply(n.requestUrl, raw, []) as string;
  // An empty src means "no request" to the page (it would resolve to the page itself).
  if (text === undefined || text === '') return undefined;
  const u = new n.URL(text, ctx.win.document.baseURI);
  if (u.protocol !== 'http:' && u.protocol !== 'https:') return undefined;
  u.hash = '';
  // A URL over the size limit is still recorded: the emitter cuts it with a note.
  return u.href;
}

function pageUrl(ctx: HookContext): string {
  return ctx.win.location.href.slice(0, LIMITS.url);
}

/** Emits now, or once an asynchronous body has been read. */
function emitRequest(ctx: HookContext, base: RequestRecord, body: BodyRead): void {
  const done = (b: BodyText | undefined): void => {
    try {
      if (b?.body !== undefined) base.body = b.body;
      if (b?.bodyEncoding !== undefined) base.bodyEncoding = b.bodyEncoding;
      if (b?.bodyNote !== undefined) base.bodyNote = b.bodyNote.slice(0, LIMITS.note);
      ctx.emit.add(base);
    } catch {
      // never disturb the page
    }
  };
  if (body instanceof ctx.n.Promise) {
    ctx.n.apply(ctx.n.then, body, [done, () => done(undefined)]);
  } else done(body as BodyText | undefined);
}

function dataProp(ctx: HookContext, obj: unknown, key: string): unknown {
  if (typeof obj !== 'object' || obj === null) return undefined;
  const d = ctx.n.getOwnPropertyDescriptor(obj, key);
  return d && 'value' in d ? d.value : undefined;
}

function record(ctx: HookContext, api: CaptureApi, url: string, method: string): RequestRecord {
  ctx.pollQueues();
  return { kind: 'request', api, t: ctx.n.now(), url, method, pageUrl: pageUrl(ctx) };
}

function wrapFetch(ctx: HookContext): void {
  const { win, n } = ctx;
  ctx.mask.wrapMethod(win, 'fetch', (target, thisArg, args) => {
    let rec: RequestRecord | undefined;
    let body: BodyRead;
    try {
      const [input, init] = args;
      const url = resolveUrl(ctx, input);
      if (url !== undefined && ctx.wanted(url)) {
        const isReq = n.Request !== undefined && input instanceof n.Request;
        const m = dataProp(ctx, init, 'method') ?? (isReq ? n.apply(n.requestMethod as Function, input, []) : 'GET');
        if (typeof m === 'string' && METHOD.test(m)) {
          rec = record(ctx, 'fetch', url, m.toUpperCase());
          const initBody = dataProp(ctx, init, 'body');
          body = initBody !== undefined ? readBody(initBody, n) : isReq ? readRequestBody(input as Request, n) : undefined;
        }
      }
    } catch {
      rec = undefined;
    }
    const result = n.apply(target, thisArg, args);
    if (rec) emitRequest(ctx, rec, body);
    return result;
  });
}

function wrapXhr(ctx: HookContext): void {
  const { win, n } = ctx;
  const X = win.XMLHttpRequest;
  if (!X) return;
  const opened = new n.WeakMap<object, { url: string; method: string }>();
  ctx.mask.wrapMethod(X.prototype, 'open', (target, thisArg, args) => {
    const result = n.apply(target, thisArg, args);
    try {
      const [m, u] = args;
      const url = resolveUrl(ctx, u);
      if (typeof thisArg === 'object' && thisArg !== null) {
        if (url !== undefined && typeof m === 'string' && METHOD.test(m) && ctx.wanted(url))
          opened.set(thisArg, { url, method: m.toUpperCase() });
        else opened.delete(thisArg);
      }
    } catch {
      // never disturb the page
    }
    return result;
  });
  ctx.mask.wrapMethod(X.prototype, 'send', (target, thisArg, args) => {
    let rec: RequestRecord | undefined;
    let body: BodyRead;
    try {
      const o = typeof thisArg === 'object' && thisArg !== null ? opened.get(thisArg) : undefined;
      if (o) {
        rec = record(ctx, 'xhr', o.url, o.method);
        const b = args[0];
        body =
          o.method === 'GET' || o.method === 'HEAD'
            ? undefined
            : b instanceof win.Document
              ? { bodyNote: 'document body not shown' }
              : readBody(b, n);
      }
    } catch {
      rec = undefined;
    }
    const result = n.apply(target, thisArg, args);
    if (rec) emitRequest(ctx, rec, body);
    return result;
  });
}

function wrapBeacon(ctx: HookContext): void {
  const { win, n } = ctx;
  if (!win.Navigator?.prototype) return;
  ctx.mask.wrapMethod(win.Navigator.prototype, 'sendBeacon', (target, thisArg, args) => {
    let rec: RequestRecord | undefined;
    let body: BodyRead;
    try {
      const url = resolveUrl(ctx, args[0]);
      if (url !== undefined && ctx.wanted(url)) {
        rec = record(ctx, 'beacon', url, 'POST');
        body = readBody(args[1], n);
      }
    } catch {
      rec = undefined;
    }
    const result = n.apply(target, thisArg, args);
    try {
      if (rec && result === false) rec.error = 'sendBeacon returned false (not queued)';
    } catch {
      // never disturb the page
    }
    if (rec) emitRequest(ctx, rec, body);
    return result;
  });
}

function wrapImages(ctx: HookContext): void {
  const { win, n } = ctx;
  const I = win.HTMLImageElement;
  if (!I) return;
  const srcGet = n.getOwnPropertyDescriptor(I.prototype, 'src')?.get;
  if (!srcGet) return;
  const note = (img: unknown): void => {
    try {
      if (!(img instanceof I)) return;
      const url = resolveUrl(ctx, n.apply(srcGet, img, []));
      if (url !== undefined && ctx.wanted(url)) ctx.emit.add(record(ctx, 'image', url, 'GET'));
    } catch {
      // never disturb the page
    }
  };
  ctx.mask.wrapSetter(I.prototype, 'src', (target, thisArg, args) => {
    const result = n.apply(target, thisArg, args);
    note(thisArg);
    return result;
  });
  ctx.mask.wrapMethod(win.Element.prototype, 'setAttribute', (target, thisArg, args) => {
    const result = n.apply(target, thisArg, args);
    if (thisArg instanceof I && typeof args[0] === 'string' && args[0].toLowerCase() === 'src') note(thisArg);
    return result;
  });
}

export function wrapNetwork(ctx: HookContext): void {
  for (const wrap of [wrapFetch, wrapXhr, wrapBeacon, wrapImages]) {
    try {
      wrap(ctx);
    } catch {
      // One API missing or locked down must not stop the others.
    }
  }
}
