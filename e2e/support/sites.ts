/**
 * Fixture sites for the end-to-end tests, on fake domains mapped to the local server:
 * shop.test (pages), collect.test (a collection endpoint answering every capture path),
 * tags.test (a tag script) and dead.test (never resolves; launch with it unreachable). Requests
 * the tests look for use tracking paths (/g/collect, /r/collect, /gtm.js): capture records only
 * what the decoders' network patterns cover. Pages are built per request so they know the port.
 */
import { PIXEL_GIF, startSiteServer, type SiteHandler, type SiteServer } from '../../lib/browser/site-server';

export const HOSTS = ['*.test'];
/** Fails to resolve: a beacon sent there fails in the network. */
export const DEAD_HOSTS = ['dead.test'];

export type PageBuilder = (origin: (host: string) => string) => string;

const html = (body: string, head = ''): string =>
  `<!doctype html><html><head><meta charset="utf-8">${head}</head><body>${body}</body></html>`;

/** Every capture path once: queued pushes, beacon, fetch, XHR, pixel, tag script (which pushes too). */
export const capturePage: PageBuilder = (o) =>
  html(
    `<h1>capture</h1><script>
  window.dataLayer = window.dataLayer || [];
  dataLayer.push({ event: 'queued-before-tag', n: 1 });
  window.lpTag = window.lpTag || {};
  lpTag.sdes = lpTag.sdes || [];
  lpTag.sdes.push({ type: 'cart', total: 12 });
  navigator.sendBeacon('${o('collect.test')}/g/collect?v=2&tid=G-E2E&en=beacon_hit&path=beacon', 'beacon=body');
  fetch('${o('collect.test')}/g/collect?v=2&tid=G-E2E&en=fetch_hit&path=fetch', { method: 'POST', body: JSON.stringify({ path: 'fetch' }) });
  var x = new XMLHttpRequest();
  x.open('POST', '${o('collect.test')}/g/collect?v=2&tid=G-E2E&en=xhr_hit&path=xhr');
  x.send('xhr=body');
  new Image().src = '${o('collect.test')}/r/collect?v=1&tid=UA-1-1&t=pageview&path=image';
  var s = document.createElement('script');
  s.src = '${o('tags.test')}/gtm.js?id=GTM-E2E&path=script';
  s.onload = function () { document.title = 'loaded'; };
  document.head.appendChild(s);
</script>`,
  );

/** A page whose own scripts post junk on the relay's channel (and one genuine beacon). */
export const junkPage: PageBuilder = (o) =>
  html(
    `<script>
  var bad = [
    42, null, '', 'not json', '{}', '[]',
    JSON.stringify({ v: 2, records: [] }),
    JSON.stringify({ v: 1, records: [] }),
    JSON.stringify({ v: 1, records: [{ kind: 'request', api: 'fetch', t: Date.now(), url: '${o('evil.test')}/extra-key', method: 'GET', pageUrl: location.href, extra: 1 }] }),
    JSON.stringify({ v: 1, records: [{ kind: 'request', api: 'telnet', t: Date.now(), url: '${o('evil.test')}/bad-api', method: 'GET', pageUrl: location.href }] }),
    JSON.stringify({ v: 1, records: [{ kind: 'request', api: 'fetch', t: Date.now(), url: 'javascript:alert(1)', method: 'GET', pageUrl: location.href }] }),
    JSON.stringify({ v: 1, records: [{ kind: 'push', t: Date.now(), target: 'evil', value: 1, pageUrl: location.href }] }),
    JSON.stringify({ v: 1, records: [{ kind: 'request', api: 'fetch', t: Date.now(), url: '${o('evil.test')}/huge', method: 'GET', pageUrl: location.href, body: 'x'.repeat(100000) }] }),
    JSON.stringify({ type: 'goalpost:clear' }),
    JSON.stringify({ v: 1, type: 'goalpost:set-goals', records: [{ kind: 'page', t: 1, url: 'x', referrer: '' }] }),
  ];
  for (var i = 0; i < bad.length; i++) {
    window.dispatchEvent(new CustomEvent('goalpost:hook', { detail: bad[i] }));
    window.postMessage(bad[i], '*');
  }
  window.dispatchEvent(new CustomEvent('goalpost:hook', { detail: { v: 1, records: [] } }));
  window.dispatchEvent(new Event('goalpost:hook'));
  navigator.sendBeacon('${o('collect.test')}/g/collect?path=after-junk', 'ok=1');
</script>`,
  );

/**
 * A page that checks what fetch, sendBeacon and XHR answer and throw (and how the wrapped
 * functions look); window.__results holds what it saw, compared with and without the extension.
 */
export const behaviourPage: PageBuilder = (o) =>
  html(
    `<script>
  window.__results = [];
  var note = function (k, v) { __results.push([k, v]); };
  var err = function (e) { return e && (e.name + ': ' + e.message); };
  var tryIt = function (k, f) { try { note(k, f()); } catch (e) { note(k, 'threw ' + err(e)); } };
  tryIt('fetch.toString', function () { return String(fetch); });
  tryIt('fetch.name', function () { return fetch.name + '/' + fetch.length; });
  tryIt('beacon.toString', function () { return navigator.sendBeacon.toString(); });
  tryIt('open.toString', function () { return XMLHttpRequest.prototype.open.toString(); });
  tryIt('toString.toString', function () { return Function.prototype.toString.toString(); });
  tryIt('toString.call', function () { return Function.prototype.toString.call(XMLHttpRequest.prototype.send); });
  tryIt('img.src setter', function () { return String(Object.getOwnPropertyDescriptor(HTMLImageElement.prototype, 'src').set); });
  tryIt('fetch own', function () { return Object.getOwnPropertyNames(window).indexOf('fetch') >= 0; });
  tryIt('fetch illegal this', function () { return fetch.call({}, '/x'); });
  tryIt('beacon true', function () { return navigator.sendBeacon('${o('collect.test')}/g/collect?b=1', 'a=1'); });
  tryIt('beacon blob', function () { return navigator.sendBeacon('${o('collect.test')}/g/collect?b=2', new Blob(['{"a":1}'], { type: 'application/json' })); });
  tryIt('beacon too big', function () { return navigator.sendBeacon('${o('collect.test')}/g/collect?b=3', 'x'.repeat(70000)); });
  tryIt('beacon bad url', function () { return navigator.sendBeacon('http://[bad', 'a'); });
  tryIt('beacon no args', function () { return navigator.sendBeacon(); });
  tryIt('beacon illegal this', function () { return navigator.sendBeacon.call({}, '/x'); });
  tryIt('xhr bad method', function () { var x = new XMLHttpRequest(); x.open('B@D', '/'); });
  tryIt('xhr send unopened', function () { new XMLHttpRequest().send(); });
  tryIt('img src', function () { var i = new Image(); i.src = '${o('collect.test')}/r/collect?i=1'; return i.src; });
  tryIt('setAttribute', function () { var i = document.createElement('img'); i.setAttribute('src', '/p.gif?x=1'); return i.getAttribute('src'); });
  tryIt('pushState.toString', function () { return String(history.pushState) + ' ' + history.replaceState.name + '/' + history.replaceState.length; });
  tryIt('pushState', function () { var r = history.pushState({ s: 1 }, '', '?route=2'); return String(r) + ' ' + location.search + ' ' + JSON.stringify(history.state); });
  tryIt('replaceState cross-origin', function () { return history.replaceState(null, '', 'http://elsewhere.invalid/'); });
  tryIt('pushState illegal this', function () { return History.prototype.pushState.call({}, null, '', '?x'); });
  tryIt('history own keys', function () { return Object.getOwnPropertyNames(History.prototype).join(',') + ' ' + Object.keys(history).length; });
  tryIt('dataLayer typeof', function () { return typeof window.dataLayer; });
  tryIt('dataLayer push', function () { window.dataLayer = []; var n = dataLayer.push({ a: 1 }, { b: 2 }); return n + ':' + dataLayer.length + ':' + JSON.stringify(dataLayer) + ':' + Object.keys(dataLayer).join(','); });
  tryIt('dataLayer custom push', function () { var seen = []; dataLayer.push = function (x) { seen.push(x); return 99; }; return dataLayer.push({ c: 3 }) + ':' + seen.length; });
  tryIt('dataLayer circular', function () { var o = {}; o.self = o; o.el = document.body; o.f = function () {}; window.dataLayer = [o]; return dataLayer.push(o); });
  var steps = [];
  steps.push(fetch('${o('collect.test')}/g/collect?kind=fetch&ok=1', { method: 'POST', body: new URLSearchParams({ q: '1' }) }).then(function (r) { return r.status + ' ' + r.ok; }));
  steps.push(fetch('${o('collect.test')}/missing').then(function (r) { return r.status + ' ' + r.statusText; }));
  steps.push(fetch('http://nowhere.invalid/x').then(function () { return 'resolved'; }, function (e) { return 'rejected ' + err(e); }));
  steps.push(fetch().then(function () { return 'resolved'; }, function (e) { return 'rejected ' + err(e); }));
  steps.push(fetch('${o('collect.test')}/g/collect?body=blob', { method: 'POST', body: new Blob(['blob-body']) }).then(function (r) { return r.text(); }));
  steps.push(fetch('${o('collect.test')}/g/collect?body=buffer', { method: 'POST', body: new TextEncoder().encode('bytes') }).then(function (r) { return r.status; }));
  var fd = new FormData(); fd.append('k', 'v');
  steps.push(fetch('${o('collect.test')}/g/collect?body=form', { method: 'POST', body: fd }).then(function (r) { return r.status; }));
  var req = new Request('${o('collect.test')}/g/collect?body=request', { method: 'POST', body: 'request-body' });
  steps.push(fetch(req).then(function (r) { return r.status + ' used=' + req.bodyUsed; }));
  steps.push(fetch('${o('collect.test')}/g/collect?body=stream', { method: 'POST', body: new ReadableStream({ start: function (c) { c.enqueue(new TextEncoder().encode('s')); c.close(); } }), duplex: 'half' }).then(function (r) { return r.status; }, function (e) { return 'rejected ' + err(e); }));
  steps.push(new Promise(function (resolve) {
    var x = new XMLHttpRequest();
    x.open('POST', '${o('collect.test')}/g/collect?kind=xhr&ok=1');
    x.onloadend = function () { resolve(x.status + ' ' + x.readyState + ' ' + x.responseText); };
    x.send(JSON.stringify({ q: 1 }));
  }));
  steps.push(new Promise(function (resolve) {
    var x = new XMLHttpRequest();
    x.open('GET', 'http://nowhere.invalid/x');
    x.onerror = function (e) { resolve('error ' + x.status + ' ' + e.type); };
    x.onload = function () { resolve('load'); };
    x.send();
  }));
  Promise.all(steps).then(function (all) { note('async', all); window.__done = true; });
</script>`,
  );

/** Ordinary traffic (never recorded) next to a beacon that fails (recorded, with its error). */
export const quietPage: PageBuilder = (o) =>
  html(
    `<script>
  fetch('/api/cart').then(function (r) { return r.text(); }).then(function (t) { document.title = t; });
  navigator.sendBeacon('${o('dead.test')}/g/collect?v=2&tid=G-E2E&en=lost&path=dead', 'en=lost');
</script>`,
  );

/**
 * Uploads compressed in the page with CompressionStream, as libraries do: a gzip Blob by
 * sendBeacon and a deflate ArrayBuffer by fetch (GA4 batch lines, so they decode to hits).
 */
export const compressedPage: PageBuilder = (o) =>
  html(
    `<script>
  var squeeze = function (text, format) {
    return new Response(new Blob([text]).stream().pipeThrough(new CompressionStream(format))).arrayBuffer();
  };
  Promise.all([squeeze('en=gzip_beacon&_p=1', 'gzip'), squeeze('en=deflate_fetch&_p=2', 'deflate')]).then(function (b) {
    navigator.sendBeacon('${o('collect.test')}/g/collect?v=2&tid=G-E2E&cid=1.2&path=gzip', new Blob([b[0]], { type: 'application/octet-stream' }));
    return fetch('${o('collect.test')}/g/collect?v=2&tid=G-E2E&cid=1.2&path=deflate', { method: 'POST', body: b[1] });
  }).then(function () { document.title = 'sent'; });
</script>`,
  );

export const pages: Record<string, PageBuilder> = {
  '/capture.html': capturePage,
  '/quiet.html': quietPage,
  '/junk.html': junkPage,
  '/behaviour.html': behaviourPage,
  '/compressed.html': compressedPage,
};

/** Handlers for the fixture sites; `extra` pages may be added by other tests. */
export function fixtureHandlers(extra: Record<string, PageBuilder> = {}): SiteHandler[] {
  const all = { ...pages, ...extra };
  return [
    ({ host, path, url }) => {
      const origin = (h: string) => `http://${h}:${url.port}`;
      if (host === 'collect.test') {
        if (path.startsWith('/pixel') || path === '/r/collect') return { type: 'image/gif', body: PIXEL_GIF };
        if (path === '/missing') return { status: 404, type: 'text/plain', body: 'no' };
        return { type: 'text/plain', body: 'ok' };
      }
      if (host === 'shop.test' && path === '/api/cart') return { type: 'application/json', body: '{"items":2}' };
      if (host === 'tags.test' && path === '/gtm.js') {
        return { type: 'application/javascript', body: "window.dataLayer.push({ event: 'from-tag' });" };
      }
      const page = all[path];
      return page ? { body: page(origin) } : undefined;
    },
  ];
}

export function startFixtureSites(extra?: Record<string, PageBuilder>): Promise<SiteServer> {
  return startSiteServer(fixtureHandlers(extra));
}
