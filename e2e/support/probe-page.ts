/**
 * A page that looks for the extension the way a curious page script could: what exists on
 * window before the page defines it, what its arrays and functions look like, and which stacks
 * its errors carry. window.__probes maps each probe to what the page saw; the test compares the
 * map with and without the extension. Probes run at several moments (first script, after the
 * page defined its queues, after tags had time to act) because the hook acts at such moments.
 */
import type { PageBuilder } from './sites';

export const PROBE_PATH = '/probes.html';

const script = (body: string): string => `<script>${body}</script>`;

export const probePage: PageBuilder = () => `<!doctype html><html><head><meta charset="utf-8">
${script(`
  window.__probes = {};
  window.__probe = function (name, f) {
    try {
      var v = f();
      if (v && typeof v.then === 'function') {
        __pending++;
        v.then(function (r) { __probes[name] = r; }, function (e) { __probes[name] = 'rejected ' + (e && e.stack); }).then(function () { __pending--; });
        return;
      }
      __probes[name] = v;
    } catch (e) {
      __probes[name] = 'threw ' + (e && e.stack);
    }
  };
  window.__pending = 0;
  var names0 = Object.getOwnPropertyNames(window);
  __probe('window own names at first script', function () { return names0.slice().sort(); });
  __probe('window own symbols at first script', function () { return Object.getOwnPropertySymbols(window).map(String); });
  __probe("'dataLayer' in window before the page defines it", function () { return 'dataLayer' in window; });
  __probe("'_pt_sp_2' in window before the page defines it", function () { return '_pt_sp_2' in window; });
  __probe("'lpTag' in window before the page defines it", function () { return 'lpTag' in window; });
  __probe('typeof dataLayer before the page defines it', function () { return typeof window.dataLayer; });
  __probe('Function.prototype own keys', function () { return Reflect.ownKeys(Function.prototype).map(String); });
  __probe('Function.prototype.toString descriptor', function () { var d = Object.getOwnPropertyDescriptor(Function.prototype, 'toString'); return [typeof d.value, d.writable, d.enumerable, d.configurable]; });
  __probe('toString of toString', function () { return Function.prototype.toString.call(Function.prototype.toString); });
  __probe('toString name/length', function () { return Function.prototype.toString.name + '/' + Function.prototype.toString.length; });
  __probe('toString of wrapped natives', function () {
    return [fetch, navigator.sendBeacon, XMLHttpRequest.prototype.open, XMLHttpRequest.prototype.send, Element.prototype.setAttribute,
      Object.getOwnPropertyDescriptor(HTMLImageElement.prototype, 'src').set].map(function (f) { return Function.prototype.toString.call(f); });
  });
  __probe('String() of wrapped natives', function () { return [String(fetch), '' + navigator.sendBeacon]; });
  __probe('fetch name/length', function () { return fetch.name + '/' + fetch.length; });
  __probe('sendBeacon name/length', function () { return navigator.sendBeacon.name + '/' + navigator.sendBeacon.length; });
  __probe('fetch has prototype', function () { return 'prototype' in fetch; });
  __probe('new fetch()', function () { return new fetch('/'); });
  __probe('fetch descriptor', function () { var d = Object.getOwnPropertyDescriptor(window, 'fetch'); return [typeof d.value, d.writable, d.enumerable, d.configurable]; });
  __probe('sendBeacon descriptor', function () { var d = Object.getOwnPropertyDescriptor(Navigator.prototype, 'sendBeacon'); return [typeof d.value, d.writable, d.enumerable, d.configurable]; });
  __probe('stack: sendBeacon.call({})', function () { return navigator.sendBeacon.call({}, '/x'); });
  __probe('stack: fetch with a URL object whose toString throws', function () { return fetch({ toString: function () { throw new Error('url toString'); } }); });
  __probe('stack: XHR open with a bad method', function () { var x = new XMLHttpRequest(); x.open('B@D', '/'); });
  __probe('stack: setAttribute on a non-element', function () { return Element.prototype.setAttribute.call({}, 'src', '/x'); });
  __probe('stack: img src setter on a non-image', function () { return Object.getOwnPropertyDescriptor(HTMLImageElement.prototype, 'src').set.call({}, '/x'); });
  __probe('stack: toString on a non-function', function () { return Function.prototype.toString.call({}); });
`)}
${script(`
  window.dataLayer = window.dataLayer || [];
  dataLayer.push({ event: 'first' });
  window._pt_sp_2 = window._pt_sp_2 || [];
  _pt_sp_2.push('setAccount,4387eec7');
  window.lpTag = window.lpTag || {};
  lpTag.sdes = lpTag.sdes || [];
  lpTag.sdes.push({ type: 'cart', total: 1 });
`)}
</head><body>
${script(`
  var describe = function (o, k) { var d = Object.getOwnPropertyDescriptor(o, k); return d && Object.keys(d).map(function (x) { return x + ':' + (x === 'value' ? typeof d[x] : d[x]); }).join(','); };
  __probe('descriptor of window.dataLayer after the page defined it', function () { return describe(window, 'dataLayer'); });
  __probe('descriptor of window._pt_sp_2 after the page defined it', function () { return describe(window, '_pt_sp_2'); });
  __probe('descriptor of window.lpTag after the page defined it', function () { return describe(window, 'lpTag'); });
  __probe('descriptor of lpTag.sdes after the page defined it', function () { return describe(lpTag, 'sdes'); });
  __probe('dataLayer.push === Array.prototype.push', function () { return dataLayer.push === Array.prototype.push; });
  __probe('dataLayer own names', function () { return Object.getOwnPropertyNames(dataLayer); });
  __probe('_pt_sp_2 own names', function () { return Object.getOwnPropertyNames(_pt_sp_2); });
  __probe('lpTag.sdes own names', function () { return Object.getOwnPropertyNames(lpTag.sdes); });
  __probe('lpTag own names', function () { return Object.getOwnPropertyNames(lpTag); });
  window.dataLayer = [];
  dataLayer.push({ event: 'replaced' });
`)}
${script(`
  __probe('replaced dataLayer: push === Array.prototype.push', function () { return dataLayer.push === Array.prototype.push; });
  __probe('replaced dataLayer own names', function () { return Object.getOwnPropertyNames(dataLayer); });
  __probe('stack: the page own dataLayer.push on a frozen array', function () { var a = window.dataLayer; Object.freeze(a); return a.push({ event: 'frozen' }); });
  window.dataLayer = [];
  dataLayer.push = function (x) { if (x && x.fail) throw new Error('page push refused'); return Array.prototype.push.call(this, x); };
  _pt_sp_2.push = function (a) { if (a === 'fail') throw new Error('pt push refused'); return 0; };
  __probe('page push identity right after assignment', function () { return [dataLayer.push.name, _pt_sp_2.push.length]; });
`)}
${script(`
  __probe('page-installed dataLayer.push: own names', function () { return Object.getOwnPropertyNames(dataLayer); });
  __probe('page-installed dataLayer.push: toString', function () { return String(dataLayer.push); });
  __probe('page-installed dataLayer.push: descriptor', function () { var d = Object.getOwnPropertyDescriptor(dataLayer, 'push'); return [typeof d.value, d.writable, d.enumerable, d.configurable]; });
  __probe('stack: the page own dataLayer.push throwing', function () { return dataLayer.push({ fail: true }); });
  __probe('stack: the page own _pt_sp_2.push throwing', function () { return _pt_sp_2.push('fail'); });
  __probe('window own names after the page defined its queues', function () { return Object.getOwnPropertyNames(window).sort(); });
  __probe('document own names', function () { return Object.getOwnPropertyNames(document); });
  var f = document.createElement('iframe');
  document.body.appendChild(f);
  __probe('another realm prints fetch', function () { return f.contentWindow.Function.prototype.toString.call(fetch); });
  __probe('another realm prints sendBeacon', function () { return f.contentWindow.Function.prototype.toString.call(navigator.sendBeacon); });
  __probe('another realm prints toString', function () { return f.contentWindow.Function.prototype.toString.call(Function.prototype.toString); });
  __probe('iframe window own symbols', function () { return Object.getOwnPropertySymbols(f.contentWindow).map(String); });
  __probe("iframe 'dataLayer' in window", function () { return 'dataLayer' in f.contentWindow; });
  __probe('this realm prints a new iframe fetch', function () { return Function.prototype.toString.call(f.contentWindow.fetch); });
  __probe('a new iframe prints its own fetch', function () { return f.contentWindow.Function.prototype.toString.call(f.contentWindow.fetch); });
  document.body.removeChild(f);
  setTimeout(function () {
    __probe('after 1.2 s: dataLayer own names', function () { return Object.getOwnPropertyNames(dataLayer); });
    __probe('after 1.2 s: _pt_sp_2 own names', function () { return Object.getOwnPropertyNames(_pt_sp_2); });
    __probe('after 1.2 s: window own names', function () { return Object.getOwnPropertyNames(window).sort(); });
    __probe('after 1.2 s: window own symbols', function () { return Object.getOwnPropertySymbols(window).map(String); });
    __probe('after 1.2 s: stack of the page own dataLayer.push throwing', function () { return dataLayer.push({ fail: true }); });
    __probe('after 1.2 s: stack of the page own _pt_sp_2.push throwing', function () { return _pt_sp_2.push('fail'); });
    var done = function () { if (__pending === 0) window.__done = true; else setTimeout(done, 20); };
    done();
  }, 1200);
`)}
</body></html>`;
