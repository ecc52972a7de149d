/**
 * Two small single-page apps for the end-to-end tests, with stand-in tags that put on the wire
 * what the real vendors' SPA support does (docs/counting.md "Single-page apps"):
 *
 * - GA4 enhanced measurement ("page changes based on browser history events"): a page_view on
 *   load and on every pushState, replaceState and popstate that changes the address, with the
 *   new address in `dl` (gtag.js patches the history API the same way: our hook must coexist).
 * - Ptengine's SPA call: `_pt_sp_2.push('setPVTag,<location.href>,replace')` from the router.
 * - Segment: `analytics.page()` posts `{ type: 'page', context.page.url }` to api.segment.io/v1/p
 *   as text/plain (no CORS preflight), as analytics.js does.
 *
 * The pushState app (shop.test/spa/) also sends a manual GA4 page_view on /spa/products (counted
 * twice) and its router forgets setPVTag on /spa/cart (missing). The hash app (shop.test/hash/)
 * calls analytics.page() twice on #/plans and forgets setPVTag on #/help.
 */
import { startSiteServer, type SiteServer } from '../../lib/browser/site-server';
import { fixtureHandlers, type PageBuilder } from './sites';

export const SPA_HOSTS = ['*.test', 'api.segment.io'];

const html = (body: string): string => `<!doctype html><html><head><meta charset="utf-8"><title>spa</title></head><body>${body}</body></html>`;

/** The stand-in tags: Ptengine's queue and Segment's page() in both apps, GA4 in the pushState one. */
const tags = (o: (host: string) => string, withGa4: boolean): string => `
  window._pt_sp_2 = window._pt_sp_2 || [];
  _pt_sp_2.push('setAccount,spa12345');
  var ga4 = function (dl) {
    navigator.sendBeacon('${o('collect.test')}/g/collect?v=2&tid=G-SPA&cid=555.666&sid=1700000001&en=page_view&dl=' + encodeURIComponent(dl));
  };
  window.analytics = { page: function () {
    navigator.sendBeacon('http://api.segment.io:${new URL(o('collect.test')).port}/v1/p', JSON.stringify({ type: 'page', anonymousId: 'anon-spa', writeKey: 'wkSPA', context: { page: { url: location.href } } }));
  } };
  ${withGa4 ? `ga4(location.href);
  (function () {
    var last = location.href;
    var changed = function () { if (location.href !== last) { last = location.href; ga4(location.href); } };
    ['pushState', 'replaceState'].forEach(function (k) {
      var orig = history[k];
      history[k] = function () { var r = orig.apply(this, arguments); changed(); return r; };
    });
    addEventListener('popstate', changed);
  })();` : ''}`;

export const pushStateApp: PageBuilder = (o) =>
  html(`<nav><a href="/spa/products" data-route>Products</a> <a href="/spa/cart" data-route>Cart</a></nav><main id="view"></main><script>
  ${tags(o, true)}
  function render() {
    var path = location.pathname;
    document.getElementById('view').textContent = 'route ' + path;
    if (path === '/spa/products') ga4(location.href); // a manual page_view beside enhanced measurement
    if (path !== '/spa/cart') _pt_sp_2.push('setPVTag,' + location.href + ',replace');
  }
  document.addEventListener('click', function (e) {
    var a = e.target.closest && e.target.closest('a[data-route]');
    if (!a) return;
    e.preventDefault();
    history.pushState({}, '', a.getAttribute('href'));
    render();
  });
  addEventListener('popstate', render);
  window.checkout = function () { history.replaceState({}, '', '/spa/cart?step=1'); };
  render();
</script>`);

export const hashApp: PageBuilder = (o) =>
  html(`<nav><a href="#/plans">Plans</a> <a href="#/help">Help</a></nav><main id="view"></main><script>
  ${tags(o, false)}
  function render() {
    var route = location.hash || '#/';
    document.getElementById('view').textContent = 'route ' + route;
    analytics.page();
    if (route === '#/plans') analytics.page(); // the view component calls it as well as the router
    if (route !== '#/help') _pt_sp_2.push('setPVTag,' + location.href + ',replace');
  }
  addEventListener('hashchange', render);
  render();
</script>`);

/** A page of another document, to leave the app and come back through the back/forward cache. */
export const otherDocument: PageBuilder = () => html('<p>elsewhere</p>');

export function startSpaSites(): Promise<SiteServer> {
  return startSiteServer([
    ({ host }) => (host === 'api.segment.io' ? { type: 'application/json', body: '{"success":true}' } : undefined),
    ...fixtureHandlers({ '/spa/': pushStateApp, '/hash/': hashApp, '/elsewhere.html': otherDocument }),
  ]);
}
