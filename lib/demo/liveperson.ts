/**
 * The LivePerson stand-in: a tag.js that speaks the web tag's real protocol, and the monitoring
 * host's answer to it.
 *
 * - Page reports go to `<zone>.v.liveperson.net/api/js/<site>` as JSONP (`cb=lpCb…`): `t=sp`
 *   when the page starts, with the page URL, title, referrer and every SDE queued in
 *   `lpTag.sdes` so far; `t=pl` once the page has loaded. A first visit's `sp` carries no
 *   `vid`/`sid`: the answer assigns them (`sdkConf.lpVisitorId` / `lpSessionId`), and the tag keeps
 *   them in the first-party `LPVID` and `LPSID-<site>` cookies, as the real tag does (the session
 *   cookie lives 30 minutes here, renewed by every answer).
 * - Like tag.js, it replaces the page's `lpTag.sdes` array with an object (`push`, `send`, `get`)
 *   and replays the queued SDEs through it. `push` after the page started queues the SDE for the
 *   tag's next report, sent shortly after; `send` sends at once. Both go as an in-page report (`t=ip`) with
 *   `sdes=[…]` (which report type the real tag uses for them is not public).
 * - `lpTag.events` is the tag's event bus (`bind(app, event, fn)` or `bind({appName, eventName,
 *   func})`, `trigger`/`publish(app, event, data)`); the binds and triggers the embed snippet
 *   deferred (`lpTag._defB`, `_defT`) run once it is there. On a page with `[data-lp-engagement]`,
 *   once the page start is answered, the tag renders a chat offer and publishes LP_OFFERS
 *   `START`, `OFFER_DISPLAY` and `OFFER_IMPRESSION` with the engagement's ids; clicking it
 *   publishes `OFFER_CLICK`.
 */
import type { SiteResponse } from '../browser/site-server';
import { LIVEPERSON_MONITOR_HOST } from './hosts';
import { COOKIE_JS } from './tags';

type Origin = (host: string) => string;

/** The demo's one LivePerson engagement: a chat offer on the product page. */
export const DEMO_ENGAGEMENT = {
  campaignId: '3115242510',
  engagementId: '3115242810',
  engagementRevision: 537,
  engagementName: 'Espresso advice chat',
};

export function livepersonTag(origin: Origin, siteId: string): string {
  return `(function () {
  ${COOKIE_JS}
  var site = ${JSON.stringify(siteId)};
  var endpoint = ${JSON.stringify(origin(LIVEPERSON_MONITOR_HOST))} + '/api/js/' + site;
  var lpTag = window.lpTag = window.lpTag || {};
  lpTag.site = site;
  var pid = String(Math.floor(Math.random() * 1e10));
  var tid = sessionStorage.getItem('lpTabId') || String(Math.floor(Math.random() * 1e10));
  sessionStorage.setItem('lpTabId', tid);
  var calls = 0;

  function report(t, extra) {
    var cb = 'lpCb' + (++calls) + 'x' + Math.floor(Math.random() * 99999);
    var q = new URLSearchParams();
    var vid = getCookie('LPVID');
    var sid = getCookie('LPSID-' + site);
    if (sid) q.set('sid', sid);
    q.set('cb', cb);
    q.set('t', t);
    q.set('ts', String(Date.now()));
    q.set('pid', pid);
    q.set('tid', tid);
    if (vid) q.set('vid', vid);
    for (var k in extra || {}) q.set(k, extra[k]);
    window[cb] = function (answer) {
      delete window[cb];
      var conf = (answer && answer.sdkConf) || {};
      if (conf.lpVisitorId) setCookie('LPVID', conf.lpVisitorId, 31536000);
      if (conf.lpSessionId) setCookie('LPSID-' + site, conf.lpSessionId, 1800);
      if (t === 'sp') {
        report('pl');
        // The engagement to show comes with the monitoring answer, so offers render after it.
        showEngagement();
      }
    };
    var s = document.createElement('script');
    s.src = endpoint + '?' + q.toString();
    s.async = true;
    (document.head || document.documentElement).appendChild(s);
  }

  // tag.js replaces the page's lpTag.sdes array with its own store and replays the queue
  // through it: what the page queued so far goes with the page start, later pushes with the
  // next report, and send() at once.
  var store = [];
  var unsent = [];
  var started = false;
  var pending = 0;
  function flush() {
    pending = 0;
    if (unsent.length) report('ip', { sdes: JSON.stringify(unsent.splice(0)) });
  }
  var queued = lpTag.sdes;
  lpTag.sdes = {
    push: function () {
      for (var i = 0; i < arguments.length; i++) {
        var list = [].concat(arguments[i]);
        for (var j = 0; j < list.length; j++) { store.push(list[j]); unsent.push(list[j]); }
      }
      if (started && !pending) pending = setTimeout(flush, 300);
      return store.length;
    },
    send: function (data, fn) {
      var list = data === undefined ? [] : [].concat(data);
      for (var i = 0; i < list.length; i++) store.push(list[i]);
      if (list.length) report('ip', { sdes: JSON.stringify(list) });
      if (typeof fn === 'function') setTimeout(fn, 0);
    },
    get: function (type) {
      return type ? store.filter(function (x) { return x && x.type === type; }) : store;
    }
  };
  if (queued && queued.length) for (var q = 0; q < queued.length; q++) lpTag.sdes.push(queued[q]);

  // The event bus (bind, trigger and publish as one function), then the binds and triggers the
  // embed snippet's stub deferred until now.
  var listeners = [];
  function bind(app, event, fn) {
    listeners.push(typeof app === 'object' && app ? app : { appName: app, eventName: event, func: fn });
  }
  function trigger(app, event, data) {
    var info = typeof app === 'object' && app ? app : { appName: app, eventName: event, data: data };
    for (var i = 0; i < listeners.length; i++) {
      var l = listeners[i];
      if ((l.appName === info.appName || l.appName === '*' || !l.appName) && l.eventName === info.eventName && typeof l.func === 'function') {
        try { l.func.call(l.context || null, info.data, { appName: info.appName, eventName: info.eventName }); } catch (e) {}
      }
    }
  }
  var bus = { bind: bind, trigger: trigger, publish: trigger };
  lpTag.events = bus;
  var deferred = (lpTag._defB || []).concat(lpTag._defT || []);
  for (var d = 0; d < deferred.length; d++) { try { deferred[d](); } catch (e) {} }

  var sp = { u: location.href, pt: document.title, df: '0', os: '0' };
  if (document.referrer) sp.r = document.referrer;
  if (unsent.length) sp.sdes = JSON.stringify(unsent.splice(0));
  started = true;
  report('sp', sp);

  function showEngagement() {
    var slot = document.querySelector('[data-lp-engagement]');
    if (!slot || slot.firstChild) return;
    var data = ${JSON.stringify({ ...DEMO_ENGAGEMENT, engagementType: 6, contextId: '1', state: 1 })};
    bus.trigger('LP_OFFERS', 'START', data);
    var offer = document.createElement('button');
    offer.type = 'button';
    offer.id = 'lp-engagement';
    offer.textContent = 'Questions about the machine? Chat with a barista';
    slot.appendChild(offer);
    bus.trigger('LP_OFFERS', 'OFFER_DISPLAY', data);
    bus.trigger('LP_OFFERS', 'OFFER_IMPRESSION', data);
    offer.addEventListener('click', function () {
      bus.trigger('LP_OFFERS', 'OFFER_CLICK', data);
      offer.textContent = 'A barista will be with you shortly';
      offer.disabled = true;
    });
  }
})();
`;
}

let issued = 0;

/** The monitoring host's JSONP answer: the ids the report sent, or new ones on a first report. */
export function livepersonReport(url: URL): SiteResponse {
  const cb = url.searchParams.get('cb') ?? '';
  if (!/^lpCb\w{1,40}$/.test(cb)) return { status: 400, type: 'text/plain', body: 'bad callback' };
  const vid = url.searchParams.get('vid') || `LPV${Date.now().toString(36)}${(++issued).toString(36)}`;
  const sid = url.searchParams.get('sid') || `LPS${Date.now().toString(36)}${(++issued).toString(36)}`;
  const answer = { sdkConf: { lpVisitorId: vid, lpSessionId: sid, lpLastVisit: Date.now() } };
  return { type: 'text/javascript; charset=utf-8', body: `${cb}(${JSON.stringify(answer)});` };
}
