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
 * - `lpTag.sdes.push` after the page started queues the SDE for the tag's next report, sent
 *   shortly after; `lpTag.sdes.send` sends at once. Both go as an in-page report (`t=ip`) with
 *   `sdes=[…]` (which report type the real tag uses for them is not public).
 * - `lpTag.events` is the tag's event bus (`bind(app, event, fn)` or `bind({appName, eventName,
 *   func})`, `trigger(app, event, data)`). On a page with `[data-lp-engagement]` the tag renders a
 *   chat offer and publishes LP_OFFERS `START`, `OFFER_DISPLAY` and `OFFER_IMPRESSION` with the
 *   engagement's ids; clicking it publishes `OFFER_CLICK`.
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
  var queue = lpTag.sdes = lpTag.sdes || [];
  var pid = String(Math.floor(Math.random() * 1e10));
  var tid = sessionStorage.getItem('lpTabId') || String(Math.floor(Math.random() * 1e10));
  sessionStorage.setItem('lpTabId', tid);
  var sent = 0;
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
      if (t === 'sp') report('pl');
    };
    var s = document.createElement('script');
    s.src = endpoint + '?' + q.toString();
    s.async = true;
    (document.head || document.documentElement).appendChild(s);
  }

  function unsent() {
    var list = [];
    for (var i = sent; i < queue.length; i++) list = list.concat(queue[i]);
    sent = queue.length;
    return list;
  }

  // Pushed after the page started: queued for the tag's next report.
  var pending = 0;
  var arrayPush = Array.prototype.push;
  queue.push = function () {
    var n = arrayPush.apply(queue, arguments);
    if (!pending) pending = setTimeout(function () { pending = 0; var l = unsent(); if (l.length) report('ip', { sdes: JSON.stringify(l) }); }, 300);
    return n;
  };
  queue.send = function (data, fn) {
    var list = data === undefined ? [] : [].concat(data);
    if (list.length) report('ip', { sdes: JSON.stringify(list) });
    if (typeof fn === 'function') setTimeout(fn, 0);
  };

  var bus = lpTag.events && typeof lpTag.events === 'object' ? lpTag.events : {};
  // Binds the page made before the tag loaded (the page's own stub queues them).
  var listeners = bus._queued instanceof Array ? bus._queued.slice() : [];
  bus.bind = function (app, event, fn) {
    var o = typeof app === 'object' && app ? app : { appName: app, eventName: event, func: fn };
    listeners.push(o);
  };
  bus.trigger = function (app, event, data) {
    for (var i = 0; i < listeners.length; i++) {
      var l = listeners[i];
      if ((l.appName === app || l.appName === '*' || !l.appName) && l.eventName === event && typeof l.func === 'function') {
        try { l.func.call(l.context || null, data, { appName: app, eventName: event }); } catch (e) {}
      }
    }
  };
  lpTag.events = bus;

  var sp = { u: location.href, pt: document.title, df: '0', os: '0' };
  if (document.referrer) sp.r = document.referrer;
  var first = unsent();
  if (first.length) sp.sdes = JSON.stringify(first);
  report('sp', sp);

  var slot = document.querySelector('[data-lp-engagement]');
  if (slot) {
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
