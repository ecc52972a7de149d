/**
 * Ptengine tag stand-in: the project file `js.ptengine.jp/<project>.js` as a real site serves
 * it, speaking pta.js v1.65.0's protocol (docs/vendors.md): the project's `_pt_sp_2`
 * configuration, the visit kept in the `pt_<sid>` cookie (uid, nid, vid, vn, pvn, sact, …) and
 * the `pt_s_<sid>` session cookie, a `/pn` page view when a visit opens and `/pv` otherwise, each
 * an XHR POST of `encodeURIComponent(JSON.stringify({sid, uid, vid, pid, peid, v, ts, stat, ref,
 * vref, p, tl, ptif}))` with `&` in URLs sent as `*&*`, and links to the other `setDomain` domains
 * decorated at load with `#_pt_link=uid.nid.vid.sact.vn.pvn.vref` (setCrossDomainLink,halfManual).
 * After load, `_pt_sp_2.push('setPVTag,…')`, `push('setCustomEvent', {eventName})` and
 * `push('setEC', {pt_category…})` send `/pv`, `/te` and `/ec` as the real tag does.
 *
 * Simplified from the real tag: ids are a short hash rather than its MD5-based ones, and the
 * visit times out after 30 idle minutes between page views (the help centre's default), where
 * the real tag also watches clicks and scrolls.
 */
import { PTENGINE_COLLECT_HOST, PTENGINE_PROJECT_ID, PAY_HOST, SHOP_HOST } from './hosts';

type Origin = (host: string) => string;

/** The project's measured domains, as its `setDomain` lists them (two: cross-domain on). */
const DOMAINS = [SHOP_HOST.replace(/^www\./, ''), PAY_HOST];

export function ptengineTag(origin: Origin, projectId: string = PTENGINE_PROJECT_ID): string {
  return `(function () {
  var q = window._pt_sp_2 = window._pt_sp_2 || [];
  // The project's configuration, which the real project file pushes onto the queue first; read
  // here without pushing, so the demo's Tags view lists only the page's own commands.
  var config = ['setAccount,${projectId}', ${JSON.stringify(`setDomain,${DOMAINS.join(',')}`)}, 'setCrossDomainLink,halfManual', 'setEventReport,true'].concat(q);
  var sid = '', domains = [], linkMode = '', eventReport = false;
  for (var i = 0; i < config.length; i++) {
    if (typeof config[i] !== 'string') continue;
    var cmd = config[i].split(','), arg = cmd.slice(1);
    if (cmd[0] === 'setAccount' || cmd[0] === 'setSID') sid = String(arg[0]).toLowerCase();
    else if (cmd[0] === 'setDomain') domains = arg;
    else if (cmd[0] === 'setCrossDomainLink') linkMode = arg[0];
    else if (cmd[0] === 'setEventReport') eventReport = arg[0] === 'true';
  }
  if (!sid || domains.length === 0) return;
  var V = 'v1.65.0', COLLECT = ${JSON.stringify(origin(PTENGINE_COLLECT_HOST))};
  var CHARS = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-/';
  function createId(text) {
    var out = '', h = 2166136261;
    for (var round = 0; out.length < 22; round++) {
      for (var j = 0; j < text.length; j++) { h ^= text.charCodeAt(j) + round; h = Math.imul(h, 16777619) >>> 0; }
      out += CHARS.charAt(h % 64) + CHARS.charAt((h >>> 6) % 64) + CHARS.charAt((h >>> 12) % 64);
    }
    return out.slice(0, 22);
  }
  function cookie(name) {
    var m = document.cookie.match(new RegExp('(?:^|; )' + name + '=([^;]*)'));
    return m ? m[1] : '';
  }
  function field(value, key) { var m = value.match(new RegExp('(?:^|&)' + key + '=([^&]*)')); return m ? m[1] : ''; }
  var host = location.hostname, domain = host;
  for (var d = 0; d < domains.length; d++) if (host.indexOf(domains[d]) > -1) domain = domains[d];
  var now = Date.now(), ref = document.referrer;
  var page = location.href, link = '';
  if (domains.length > 1) {
    var lm = page.match(/(\\?|&|#)_pt_link=([^&#]*)(&|#)?/);
    if (lm) { link = lm[2]; page = lm[3] === '&' ? page.replace(lm[0], lm[1]) : page.replace(lm[0], lm[3] || ''); }
  }
  function internal(url) {
    var h = (url.split('://')[1] || '').split(/[/?#]/)[0];
    for (var k = 0; k < domains.length; k++) if (h.indexOf(domains[k]) > -1) return true;
    return false;
  }
  var SEARCH = /(^|\\.)(google\\.|bing\\.com|yahoo\\.|baidu\\.)/;
  var stored = cookie('pt_' + sid), session = cookie('pt_s_' + sid);
  var uid, nid, vid, vn, pvn, vref, opens;
  if (link) {
    var part = link.split('.');
    uid = part[0]; nid = part[1]; vid = part[2]; vn = +part[4]; pvn = +part[5];
    vref = (part[6] || '').replace(/\\*_\\*/g, '.').replace(/\\*_wh_\\*/g, '?');
    opens = false;
  } else {
    uid = field(stored, 'uid') || createId(navigator.userAgent + now + Math.random());
    nid = stored ? '0' : '1';
    vid = field(stored, 'vid'); vn = +field(stored, 'vn') || 0; pvn = +field(stored, 'pvn') || 0;
    vref = localStorage.getItem(sid + '_/') || '';
    var campaign = /[?&#](utm_campaign|utm_source|utm_medium|utm_term|utm_content)=/.test(location.href);
    var external = !!ref && !internal(ref);
    opens = !stored || !session || campaign || external || SEARCH.test(ref) || now - Number(field(stored, 'sact')) > 30 * 60 * 1000;
  }
  if (opens) { vid = createId(uid + page + now + 'v'); vn += 1; pvn = 0; vref = ref; localStorage.setItem(sid + '_/', ref); }
  pvn += 1;
  var pid = createId(page), peid = createId(uid + vid + page + now + 'v');
  var expires = new Date(now + 1000 * 24 * 3600 * 1000).toUTCString();
  document.cookie = 'pt_' + sid + '=uid=' + uid + '&nid=' + nid + '&vid=' + vid + '&vn=' + vn + '&pvn=' + pvn + '&sact=' + now + '&to_flag=0&pl=' + pid + '*pt*' + now + '; expires=' + expires + '; path=/; domain=' + domain;
  document.cookie = 'pt_s_' + sid + '=vt=' + now + '&cad=; path=/; domain=' + domain;
  var mobile = /Mobi|Android|iPhone|iPad|iPod/.test(navigator.userAgent);
  var offset = new Date().getTimezoneOffset();
  var ptif = (mobile ? '1' : '2') + '.' + screen.width + '.' + screen.height + '.' + screen.colorDepth + '.GMT' + (offset <= 0 ? '+' : '') + (offset / -60) +
    '.' + (navigator.platform || '').replace(/\\./g, '_').toLowerCase() + '.' + (navigator.language || '').toLowerCase() + '.' + (document.characterSet || '').toLowerCase();
  var body = { sid: sid, uid: uid, vid: vid, pid: pid, peid: peid, v: V, ts: now,
    stat: opens ? vn + '.0.' + innerHeight + '.' + innerHeight + '.0.' + (ref && !internal(ref) ? 1 : 0) : pvn + '.0.' + innerHeight + '.' + innerHeight + '.0.' + (ref && !internal(ref) ? 1 : 0) + '.' + vn,
    ref: encodeURIComponent(ref.replace(/&/g, '*&*').replace(/\\+/g, '*+*')) };
  if (!opens) body.vref = encodeURIComponent(vref);
  body.p = encodeURIComponent(page.replace(/&/g, '*&*'));
  body.tl = encodeURIComponent(document.title);
  body.ptif = ptif;
  function post(path, obj) {
    var xhr = new XMLHttpRequest();
    xhr.open('POST', COLLECT + path, true);
    xhr.send(encodeURIComponent(JSON.stringify(obj)));
  }
  post(opens ? '/pn' : '/pv', body);
  function idsNow() { return { sid: sid, uid: uid, vid: vid, pid: pid, peid: peid, v: V, ts: Date.now() }; }
  // After load, push acts at once, as pta.js's replacement push does: setPVTag sends a /pv for
  // <page>#<tag> (or the given URL with replace); custom events and e-commerce data need setEventReport.
  q.push = function (command, arg) {
    var e = String(command).split(','), o;
    if (e[0] === 'setPVTag') {
      var virtual = e[2] === 'replace' ? e[1] : page + '#' + (e[1] || '');
      pvn += 1; pid = createId(virtual); peid = createId(uid + vid + virtual + Date.now() + 'v');
      o = idsNow(); o.stat = pvn + '.0.' + innerHeight + '.' + innerHeight + '.0.0.' + vn; o.ref = ''; o.p = encodeURIComponent(virtual.replace(/&/g, '*&*'));
      o.tl = encodeURIComponent(document.title); o.ptif = ptif;
      post('/pv', o);
    } else if (e[0] === 'setCustomEvent' && eventReport && arg && arg.eventName) {
      pvn += 1; o = idsNow(); o.eid = encodeURIComponent(String(arg.eventName).slice(0, 60)) + ':0:' + (arg.isActiveElement || 0); o.ptif = ptif.charAt(0); o.pvn = pvn;
      post('/te', o);
    } else if (e[0] === 'setEC' && eventReport && arg && typeof arg === 'object') {
      var list = typeof arg.length === 'number' ? arg : [arg], data = [];
      for (var n = 0; n < list.length; n++) {
        var item = { pt_event_id: createId(String(Math.random())).toLowerCase() };
        for (var k in list[n]) item[k] = list[n][k];
        data.push(item);
      }
      pvn += 1; o = idsNow(); o.ptif = ptif.charAt(0); o.pvn = pvn; o.data = data;
      post('/ec', o);
    }
  };
  function decorate() {
    if (linkMode !== 'halfManual' || domains.length < 2) return;
    var token = [uid, nid, vid, now, vn, pvn, (localStorage.getItem(sid + '_/') || '').replace(/\\./g, '*_*').replace(/\\?/g, '*_wh_*')].join('.');
    var links = document.getElementsByTagName('a');
    for (var a = 0; a < links.length; a++) {
      var href = links[a].getAttribute('href');
      if (!href || !/^https?:\\/\\//.test(href) || href.length >= 900) continue;
      for (var e = 0; e < domains.length; e++) {
        if (href.toLowerCase().indexOf(domains[e]) > -1 && href.indexOf(location.hostname) < 0) {
          var hash = href.split('#');
          links[a].setAttribute('href', hash.length === 1 ? href + '#_pt_link=' + token : hash[0] + (href.indexOf('?') < 0 ? '?' : '&') + '_pt_link=' + token + '#' + hash[1]);
          break;
        }
      }
    }
  }
  if (document.readyState === 'complete') decorate(); else window.addEventListener('load', decorate);
})();
`;
}
