/**
 * Pages and tag stand-ins for the page-API capture tests. The stand-ins are written here from
 * the vendors' public behaviour (no vendor code): they adopt their queues the way the real tags
 * do, which is what makes double records possible.
 *
 * - Ptengine pta.js v1.65.0: reads `_pt_sp_2`, takes each object item as the argument of the
 *   command before it and nulls it in the array, installs its own `push(cmd, arg)` (which does
 *   not append), sends its page view, pushes every remaining item again, then pushes the taken
 *   objects again with their commands (`push('setCustomVarV2', obj)`).
 * - GTM: keeps the native push underneath its own (`dataLayer.push` appends, then processes).
 * - LivePerson: the embed snippet's `lpTag.events` is a stub whose `trigger` defers the call;
 *   tag.js replaces `lpTag.sdes` (an array until then) with an object that has `push`/`send`,
 *   replays the queued SDEs through it, installs the event bus (chronosjs Events: `bind`,
 *   `trigger`, `publish` being the same function as `trigger`, `hasFired`) and replays the
 *   deferred triggers on it; `lpTag.newPage(url, options)` reports an SPA page.
 */
import type { SiteHandler } from '../../lib/browser/site-server';
import type { PageBuilder } from './sites';

const html = (body: string): string => `<!doctype html><html><head><meta charset="utf-8"></head><body>${body}</body></html>`;

export const ptaStandIn = (collect: string): string => `(function () {
  var q = window._pt_sp_2;
  if (!q) return;
  var taken = { setCustomVarV2: [], setEC: [], setUser: [] };
  for (var i = 0; i < q.length; i++) {
    if (q[i] && typeof q[i] === 'object') {
      if (taken[q[i - 1]]) taken[q[i - 1]].push(q[i]);
      q[i] = null;
    }
  }
  window.__ptSeen = [];
  q.push = function (a, b) {
    var cmd = String(a).split(',')[0];
    window.__ptSeen.push(cmd + (b ? ':' + JSON.stringify(b) : ''));
    if (cmd === 'setCustomEvent') {
      try {
        navigator.sendBeacon('${collect}/g/collect?v=2&tid=G-PT&en=pt_te&eid=' + encodeURIComponent(b.eventName), 'te');
      } catch (e) {}
    }
  };
  navigator.sendBeacon('${collect}/g/collect?v=2&tid=G-PT&en=pt_pn', 'pn');
  for (var j = 0; j < q.length; j++) if (q[j]) q.push(q[j]);
  for (var k in taken) for (var m = 0; m < taken[k].length; m++) q.push(k, taken[k][m]);
})();
`;

export const gtmStandIn = `(function () {
  var dl = window.dataLayer;
  var push = dl.push;
  window.__gtmSeen = dl.length;
  dl.push = function () {
    var r = push.apply(dl, arguments);
    window.__gtmSeen += arguments.length;
    return r;
  };
  dl.push({ event: 'gtm.js' });
})();
`;

export const lpStandIn = `(function () {
  var old = lpTag.sdes;
  var sent = [];
  lpTag.sdes = {
    push: function () { for (var i = 0; i < arguments.length; i++) sent.push(arguments[i]); return sent.length; },
    send: function (x) { sent.push(x); return 'sent:' + sent.length; },
    get: function () { return sent.slice(); }
  };
  if (old && old.length) for (var i = 0; i < old.length; i++) lpTag.sdes.push(old[i]);
  var listeners = {}, fired = [];
  function bind(app, ev, fn) {
    var b = typeof app === 'string' ? { appName: app, eventName: ev, func: fn } : app;
    (listeners[b.eventName] = listeners[b.eventName] || []).push(b);
    return 'evId_' + fired.length;
  }
  function trigger(app, ev, data) {
    var t = typeof app === 'string' ? { appName: app, eventName: ev, data: data } : app;
    if (!t || t.eventName === undefined) return null;
    if (t.appName === 'LP_BROKEN') throw new TypeError('bus refused ' + t.eventName);
    fired.push(t);
    var ls = listeners[t.eventName] || [];
    for (var i = 0; i < ls.length; i++) ls[i].func(t.data, { appName: t.appName, eventName: t.eventName });
    return ls.length > 0;
  }
  var deferred = lpTag._defT || [];
  lpTag.events = { bind: bind, register: bind, trigger: trigger, publish: trigger,
    hasFired: function (app, ev) { return fired.filter(function (f) { return f.eventName === ev; }); } };
  lpTag.newPage = function (url, options) { return 'page:' + url; };
  for (var d = 0; d < deferred.length; d++) deferred[d]();
  setTimeout(function () {
    lpTag.events.publish('LP_OFFERS', 'OFFER_DISPLAY', { engagementId: 7 });
    window.__lpReady = true;
  }, 30);
})();
`;

/** Two-argument pushes queued before pta.js, and more after it loaded. */
export const ptenginePage: PageBuilder = (o) =>
  html(`<script>
  window._pt_sp_2 = window._pt_sp_2 || [];
  _pt_sp_2.push('setAccount,4387eec7');
  _pt_sp_2.push('setDomain,shop.test');
  _pt_sp_2.push('setCustomVarV2', { key: 'plan', value: 'gold' });
  _pt_sp_2.push('setCustomEvent', { eventName: 'early' });
  var s = document.createElement('script');
  s.src = '${o('tags.test')}/pta.js';
  s.onload = function () {
    _pt_sp_2.push('setCustomEvent', { eventName: 'late' });
    _pt_sp_2.push('setPVTag,step2');
    window.__done = true;
  };
  document.head.appendChild(s);
</script>`);

/** dataLayer pushed before and after a GTM-like tag that keeps native push underneath its own. */
export const gtmPage: PageBuilder = (o) =>
  html(`<script>
  window.dataLayer = window.dataLayer || [];
  dataLayer.push({ event: 'before', n: 1 }, { event: 'before', n: 2 });
  var s = document.createElement('script');
  s.src = '${o('tags.test')}/gtm-like.js';
  s.onload = function () {
    dataLayer.push({ event: 'after' });
    window.__done = true;
  };
  document.head.appendChild(s);
</script>`);

/**
 * LivePerson's snippet (stub bus), SDEs pushed before tag.js, then sent, an SPA page, and bus
 * traffic; window.__seen holds what the page itself observed, compared without the extension.
 */
export const livepersonPage: PageBuilder = (o) =>
  html(`<script>
  window.lpTag = window.lpTag || {};
  lpTag.sdes = lpTag.sdes || [];
  lpTag.sdes.push({ type: 'cart', total: 12 });
  lpTag.events = {
    bind: function (a, e, f) { lpTag._defB = lpTag._defB || []; lpTag._defB.push(function () { lpTag.events.bind(a, e, f); }); },
    trigger: function (a, e, d) { lpTag._defT = lpTag._defT || []; lpTag._defT.push(function () { lpTag.events.trigger(a, e, d); }); }
  };
</script>
<script>
  lpTag.events.trigger('LP_SITE', 'PAGE_READY', { n: 1 });
  window.__seen = [];
  var s = document.createElement('script');
  s.src = '${o('tags.test')}/lp-tag.js';
  s.onload = function () {
    var seen = window.__seen;
    var clicked = [];
    seen.push(['bind', typeof lpTag.events.bind('LP_OFFERS', 'OFFER_CLICK', function (d, info) { clicked.push(info.eventName + ':' + d.engagementId); })]);
    seen.push(['send', lpTag.sdes.send({ type: 'purchase', total: 99 })]);
    seen.push(['newPage', lpTag.newPage('/spa/step2', { section: 'checkout' })]);
    seen.push(['trigger', lpTag.events.trigger({ appName: 'LP_OFFERS', eventName: 'OFFER_CLICK', data: { engagementId: 7 } })]);
    seen.push(['clicked', clicked.join(',')]);
    seen.push(['invalid', lpTag.events.trigger({ appName: 'LP_OFFERS' })]);
    try { lpTag.events.trigger('LP_BROKEN', 'X', 1); seen.push(['broken', 'no throw']); } catch (e) { seen.push(['broken', e.name + ': ' + e.message + ' ' + (e instanceof TypeError)]); }
    seen.push(['publish is trigger', lpTag.events.publish === lpTag.events.trigger]);
    seen.push(['hasFired', lpTag.events.hasFired('LP_OFFERS', 'OFFER_CLICK').length]);
    seen.push(['own keys', Object.keys(lpTag.events).join(',') + '|' + Object.keys(lpTag.sdes).join(',')]);
    seen.push(['sdes', JSON.stringify(lpTag.sdes.get())]);
    window.__done = true;
  };
  document.head.appendChild(s);
</script>`);

/**
 * tag.js whose SDE store arrives late: it takes the queued array at once but replays it through
 * its new `push` only after the hook has had time to see and wrap that push.
 */
export const lpLateStandIn = `(function () {
  var old = lpTag.sdes;
  var store = [];
  lpTag.sdes = { push: function () { for (var i = 0; i < arguments.length; i++) store.push(arguments[i]); return store.length; } };
  setTimeout(function () {
    for (var i = 0; i < old.length; i++) lpTag.sdes.push(old[i]);
    lpTag.sdes.push({ type: 'purchase', total: 12, orderId: 'late-1' });
    window.__seen = store.map(function (x) { return x.type; });
    window.__done = true;
    window.__lpReady = true;
  }, 1200);
})();
`;

/** Two SDEs queued before the late tag.js, which replays them once its store is ready. */
export const livepersonLatePage: PageBuilder = (o) =>
  html(`<script>
  window.lpTag = window.lpTag || {};
  lpTag.sdes = lpTag.sdes || [];
  lpTag.sdes.push({ type: 'cart', total: 12 }, { type: 'prodView', products: [{ product: { sku: 'x' } }] });
</script>
<script async src="${o('tags.test')}/lp-tag-late.js"></script>`);

export const pageApiPages: Record<string, PageBuilder> = {
  '/ptengine.html': ptenginePage,
  '/gtm-like.html': gtmPage,
  '/liveperson.html': livepersonPage,
  '/liveperson-late.html': livepersonLatePage,
};

/** Serves the stand-in tags on tags.test. */
export const tagStandIns: SiteHandler = ({ host, path, url }) => {
  if (host !== 'tags.test') return undefined;
  const collect = `http://collect.test:${url.port}`;
  const js = (body: string) => ({ type: 'application/javascript', body });
  if (path === '/pta.js') return js(ptaStandIn(collect));
  if (path === '/gtm-like.js') return js(gtmStandIn);
  if (path === '/lp-tag.js') return js(lpStandIn);
  if (path === '/lp-tag-late.js') return js(lpLateStandIn);
  return undefined;
};
