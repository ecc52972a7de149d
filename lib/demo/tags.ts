/**
 * Tag stand-ins (Ptengine's is in ./ptengine-tag.ts): small scripts served on the vendors' real library hosts that speak the
 * vendors' real collection protocols to the vendors' real collection hosts (mapped to the
 * local demo server). They keep their visitor ids in first-party cookies like the real tags,
 * so an undecorated hop to another registrable domain really produces a new visitor, and
 * they decorate `<a>` clicks (not script redirects) with the link parameter, as real linkers do.
 *
 * Each function returns JavaScript source; `origin(host)` gives `http://host:port`.
 */
import {
  GA4_COLLECT_HOST,
  OPTIMIZELY_ACCOUNT_ID,
  OPTIMIZELY_COLLECT_HOST,
  OPTIMIZELY_PROJECT_ID,
  PAY_HOST,
  PTENGINE_PROJECT_ID,
  SHOP_HOST,
} from './hosts';

type Origin = (host: string) => string;

/** Cookie helpers shared by the stand-ins (inlined into each script: tags are self-contained). */
export const COOKIE_JS = `
  function getCookie(name) {
    var parts = document.cookie.split('; ');
    for (var i = 0; i < parts.length; i++) {
      var eq = parts[i].indexOf('=');
      if (parts[i].slice(0, eq) === name) return decodeURIComponent(parts[i].slice(eq + 1));
    }
    return '';
  }
  function setCookie(name, value, seconds) {
    document.cookie = name + '=' + encodeURIComponent(value) + '; path=/; max-age=' + seconds;
  }
  function rand() { return String(Math.floor(Math.random() * 2147483647)); }
  function now() { return Math.floor(Date.now() / 1000); }
`;

/** The linker domains both tags are configured with (the shop and its payment provider). */
const LINKER_DOMAINS = JSON.stringify([SHOP_HOST.replace(/^www\./, ''), PAY_HOST]);

/**
 * gtag.js stand-in: GA4 Measurement Protocol v2 over `/g/collect` (cid from the `_ga` cookie,
 * sid from the `_ga_<id>` cookie, `_gl` linker on decorated links), a page_view per page.
 */
export function ga4Tag(origin: Origin, measurementId: string): string {
  const suffix = measurementId.replace(/^G-/, '');
  return `(function () {
  ${COOKIE_JS}
  var tid = ${JSON.stringify(measurementId)};
  var sessionCookie = '_ga_' + ${JSON.stringify(suffix)};
  // The _gl linker carries both cookies: *_ga*<cid>*_ga_<id>*<session>, base64 with '.' for '='.
  var glParts = (new URLSearchParams(location.search).get('_gl') || '').split('*');
  function fromLinker(name) {
    var at = glParts.indexOf(name);
    if (at < 1 || !glParts[at + 1]) return '';
    try { return atob(glParts[at + 1].replace(/\\./g, '=')); } catch (e) { return ''; }
  }
  var linked = fromLinker('_ga');
  var linkedSession = fromLinker(sessionCookie);
  var ga = getCookie('_ga');
  var cid = linked || (ga ? ga.split('.').slice(2).join('.') : '');
  var firstVisit = !cid;
  if (!cid) cid = rand() + '.' + now();
  setCookie('_ga', 'GA1.1.' + cid, 63072000);
  var gs = (linkedSession || getCookie(sessionCookie)).split('.');
  var sid = gs[2] || '';
  var sct = Number(gs[3] || 0);
  var sessionStart = !sid;
  if (!sid) { sid = String(now()); sct += 1; }
  setCookie(sessionCookie, 'GS1.1.' + sid + '.' + sct + '.1.' + now(), 1800);
  var hitCount = 0;
  function send(en, params) {
    hitCount += 1;
    var q = new URLSearchParams({ v: '2', tid: tid, gtm: '45je0', _p: rand(), cid: cid, sid: sid,
      sct: String(sct), seg: '1', dl: location.href, dr: document.referrer, dt: document.title,
      en: en, _s: String(hitCount) });
    if (firstVisit && hitCount === 1) q.set('_fv', '1');
    if (sessionStart && hitCount === 1) q.set('_ss', '1');
    for (var k in params || {}) q.set(k, params[k]);
    navigator.sendBeacon(${JSON.stringify(origin(GA4_COLLECT_HOST))} + '/g/collect?' + q.toString());
  }
  document.addEventListener('click', function (e) {
    var a = e.target && e.target.closest ? e.target.closest('a[href]') : null;
    if (!a) return;
    var url = new URL(a.href, location.href);
    if (url.hostname === location.hostname || !${LINKER_DOMAINS}.some(function (d) { return url.hostname === d || url.hostname.endsWith('.' + d); })) return;
    var b64 = function (v) { return btoa(v).replace(/=/g, '.'); };
    url.searchParams.set('_gl', '1*demo*_ga*' + b64(cid) + '*' + sessionCookie + '*' + b64(getCookie(sessionCookie)) + '*');
    a.href = url.toString();
  }, true);
  send('page_view');
})();
`;
}

/**
 * Optimizely stand-in: reports page activations on every page and, where the page has an
 * experience slot, shows the spring banner and reports the decision (Event API `/v1/events`:
 * a `campaign_activated` event with its decision). The shop runs its experiments with its
 * analytics visitor id as the user id (Optimizely takes any id the site passes), so the
 * experiment and the analytics agree on who the visitor is.
 */
export function optimizelyTag(origin: Origin, experience: { campaignId: string; experimentId: string; variationId: string }): string {
  return `(function () {
  ${COOKIE_JS}
  var ptUid = (document.cookie.match(/(?:^|; )pt_${PTENGINE_PROJECT_ID}=(?:[^;]*&)?uid=([^&;]*)/) || [])[1];
  var visitorId = ptUid || getCookie('optimizelyEndUserId') || ('oeu' + Date.now() + 'r' + Math.random());
  setCookie('optimizelyEndUserId', visitorId, 15552000);
  var snapshot = { decisions: [], events: [{ entity_id: '31000100', type: 'view_activated', key: 'view_activated',
    timestamp: Date.now(), uuid: String(Math.random()).slice(2) }] };
  var slot = document.querySelector('[data-experience-slot]');
  if (slot) {
    var banner = document.createElement('div');
    banner.className = 'banner';
    banner.setAttribute('role', 'note');
    banner.textContent = 'Spring offer: a free burr grinder with every espresso machine this week.';
    slot.appendChild(banner);
    var decision = { campaign_id: ${JSON.stringify(experience.campaignId)}, experiment_id: ${JSON.stringify(experience.experimentId)}, variation_id: ${JSON.stringify(experience.variationId)}, is_campaign_holdback: false };
    snapshot.decisions.push(decision);
    snapshot.events.push({ entity_id: decision.campaign_id, type: 'campaign_activated', key: 'campaign_activated',
      timestamp: Date.now(), uuid: String(Math.random()).slice(2) });
  }
  var body = { account_id: ${JSON.stringify(OPTIMIZELY_ACCOUNT_ID)}, project_id: ${JSON.stringify(OPTIMIZELY_PROJECT_ID)},
    anonymize_ip: true, client_name: 'js', client_version: '0.0.0-demo', enrich_decisions: true,
    visitors: [{ visitor_id: visitorId, session_id: 'AUTO', attributes: [], snapshots: [snapshot] }] };
  fetch(${JSON.stringify(origin(OPTIMIZELY_COLLECT_HOST))} + '/v1/events', {
    method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body), keepalive: true,
  }).catch(function () {});
})();
`;
}
