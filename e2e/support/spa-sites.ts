/**
 * Two small single-page apps for the end-to-end tests, with stand-in tags that put on the wire
 * what the real vendors' SPA support does (docs/counting.md "Single-page apps"):
 *
 * - GA4 enhanced measurement ("page changes based on browser history events"): a page_view on
 *   load and on every pushState, replaceState and popstate that changes the address, with the
 *   new address in `dl` (gtag.js patches the history API the same way: our hook must coexist).
 * - Ptengine: the demo's pta.js stand-in (lib/demo/ptengine-tag.ts): a `/pn` page view at load,
 *   and a `/pv` for each `_pt_sp_2.push('setPVTag,<location.href>,replace')` the router makes.
 * - Segment: `analytics.page()` posts `{ type: 'page', context.page.url }` to api.segment.io/v1/p
 *   as text/plain (no CORS preflight), as analytics.js does.
 *
 * The pushState app (shop.test/spa/) also sends a manual GA4 page_view on /spa/products (counted
 * twice) and its router forgets setPVTag on /spa/cart (missing). The hash app (shop.test/hash/)
 * pushes setPVTag for the landing route too, which the base tag has just counted (Ptengine's
 * "spa-pv-duplicate"), and forgets analytics.page() on #/help.
 */
import { startSiteServer, type SiteServer } from '../../lib/browser/site-server';
import { PTENGINE_COLLECT_HOST } from '../../lib/demo/hosts';
import { ptengineTag } from '../../lib/demo/ptengine-tag';
import { fixtureHandlers, type PageBuilder } from './sites';

export const SPA_HOSTS = ['*.test', 'api.segment.io', PTENGINE_COLLECT_HOST];
const PROJECT = 'spa12345';

const html = (body: string): string =>
  `<!doctype html><html><head><meta charset="utf-8"><title>spa</title></head><body>${body}</body></html>`;

/** The stand-in tags: Ptengine and Segment's page() in both apps, GA4 in the pushState one. */
const tags = (o: (host: string) => string, withGa4: boolean): string => `
  ${ptengineTag(o, PROJECT)}
  var ga4 = function (dl) {
    navigator.sendBeacon('${o('collect.test')}/g/collect?v=2&tid=G-SPA&cid=555.666&sid=1700000001&en=page_view&dl=' + encodeURIComponent(dl));
  };
  window.analytics = { page: function () {
    navigator.sendBeacon('http://api.segment.io:${new URL(o('collect.test')).port}/v1/p', JSON.stringify({ type: 'page', anonymousId: 'anon-spa', writeKey: 'wkSPA', context: { page: { url: location.href } } }));
  } };
  ${
    withGa4
      ? `ga4(location.href);
  (function () {
    var last = location.href;
    var changed = function () { if (location.href !== last) { last = location.href; ga4(location.href); } };
    ['pushState', 'replaceState'].forEach(function (k) {
      var orig = history[k];
      history[k] = function () { var r = orig.apply(this, arguments); changed(); return r; };
    });
    addEventListener('popstate', changed);
  })();`
      : ''
  }`;

export const pushStateApp: PageBuilder = (o) =>
  html(`<nav><a href="/spa/products" data-route>Products</a> <a href="/spa/cart" data-route>Cart</a></nav><main id="view"></main><script>
  ${tags(o, true)}
  function render() {
    var path = location.pathname;
    document.getElementById('view').textContent = 'route ' + path;
    if (path === '/spa/products') ga4(location.href); // a manual page_view beside enhanced measurement
  }
  function routeChanged() {
    render();
    // The base tag counted the landing page; the router counts the routes after it.
    if (location.pathname !== '/spa/cart') _pt_sp_2.push('setPVTag,' + location.href + ',replace');
  }
  document.addEventListener('click', function (e) {
    var a = e.target.closest && e.target.closest('a[data-route]');
    if (!a) return;
    e.preventDefault();
    history.pushState({}, '', a.getAttribute('href'));
    routeChanged();
  });
  addEventListener('popstate', routeChanged);
  window.checkout = function () { history.replaceState({}, '', '/spa/cart?step=1'); };
  render();
</script>`);

export const hashApp: PageBuilder = (o) =>
  html(`<nav><a href="#/plans">Plans</a> <a href="#/help">Help</a></nav><main id="view"></main><script>
  ${tags(o, false)}
  function render() {
    var route = location.hash || '#/';
    document.getElementById('view').textContent = 'route ' + route;
    if (route !== '#/help') analytics.page();
    // Also on the landing route, which the base tag has just counted.
    _pt_sp_2.push('setPVTag,' + location.href + ',replace');
  }
  addEventListener('hashchange', render);
  render();
</script>`);

/** A page of another document, to leave the app and come back through the back/forward cache. */
export const otherDocument: PageBuilder = () => html('<p>elsewhere</p>');

const APPS: Record<string, PageBuilder> = { '/spa/': pushStateApp, '/hash/': hashApp };

export function startSpaSites(): Promise<SiteServer> {
  return startSiteServer([
    ({ host }) => (host === 'api.segment.io' ? { type: 'application/json', body: '{"success":true}' } : undefined),
    ({ host }) => (host === PTENGINE_COLLECT_HOST ? { type: 'text/plain', body: '' } : undefined),
    // Served revalidatable, as an app shell is: a no-store page that made an XHR (Ptengine's)
    // is kept out of the back/forward cache, and the restore is part of what is tested.
    ({ host, path, url }) => {
      const app = host === 'shop.test' ? APPS[path] : undefined;
      return app ? { body: app((h) => `http://${h}:${url.port}`), headers: { 'cache-control': 'no-cache' } } : undefined;
    },
    ...fixtureHandlers({ '/elsewhere.html': otherDocument }),
  ]);
}
