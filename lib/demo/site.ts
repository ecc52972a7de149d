/**
 * Serves the demo shop, its tag libraries and the vendors' collection endpoints from one local
 * server (lib/browser/site-server.ts); the browser reaches each by its real host name.
 */
import { startSiteServer, type SiteHandler, type SiteServer } from '../browser/site-server';
import {
  GA4_COLLECT_HOST,
  GA4_LIBRARY_HOST,
  PAY_GA4_MEASUREMENT_ID,
  LIVEPERSON_LIBRARY_HOST,
  LIVEPERSON_MONITOR_HOST,
  LIVEPERSON_SITE_ID,
  OPTIMIZELY_COLLECT_HOST,
  OPTIMIZELY_LIBRARY_HOST,
  PTENGINE_COLLECT_HOST,
  PTENGINE_LIBRARY_HOST,
  SHOP_HOST,
} from './hosts';
import { demoPages } from './pages';
import { DEMO_EXPERIENCE } from './experience';
import { livepersonReport, livepersonTag } from './liveperson';
import { ptengineTag } from './ptengine-tag';
import { ga4Tag, optimizelyTag } from './tags';

const JS = 'text/javascript; charset=utf-8';

function demoHandler(): SiteHandler {
  let pages: ReturnType<typeof demoPages> | undefined;
  return ({ host, method, path, url }) => {
    const origin = (h: string) => `http://${h}:${url.port}`;
    pages ??= demoPages(origin);
    if (host === 'shop.example') return { status: 301, headers: { location: `${origin(SHOP_HOST)}${path}${url.search}` } };
    const render = pages[`${host}${path}`];
    if (render && method === 'GET') return { body: render(url) };
    if (host === GA4_LIBRARY_HOST && path === '/gtag/js') {
      return { type: JS, body: ga4Tag(origin, url.searchParams.get('id') ?? PAY_GA4_MEASUREMENT_ID) };
    }
    if (host === PTENGINE_LIBRARY_HOST && path.endsWith('.js')) {
      return { type: JS, body: ptengineTag(origin, path.slice(1, -3)) };
    }
    if (host === OPTIMIZELY_LIBRARY_HOST && path.startsWith('/js/')) {
      return { type: JS, body: optimizelyTag(origin, DEMO_EXPERIENCE) };
    }
    if (host === LIVEPERSON_LIBRARY_HOST && path === '/tag/tag.js') {
      return { type: JS, body: livepersonTag(origin, url.searchParams.get('site') ?? LIVEPERSON_SITE_ID) };
    }
    if (host === LIVEPERSON_MONITOR_HOST && path.startsWith('/api/js/')) {
      return livepersonReport(url);
    }
    if (host === GA4_COLLECT_HOST && path === '/g/collect') return { status: 204, type: 'text/plain' };
    if (host === OPTIMIZELY_COLLECT_HOST) return { status: 204, type: 'text/plain' };
    if (host === PTENGINE_COLLECT_HOST) return { status: 200, type: 'text/plain', body: '' };
    return undefined;
  };
}

export interface DemoSite {
  server: SiteServer;
  /** The landing page, e.g. http://www.shop.example:41234/ */
  start: string;
  origin(host: string): string;
  close(): Promise<void>;
}

/** Starts the demo on a free local port (or `port`). */
export async function startDemoSite(port = 0): Promise<DemoSite> {
  const server = await startSiteServer([demoHandler()], port);
  return {
    server,
    start: `${server.origin(SHOP_HOST)}/`,
    origin: (h) => server.origin(h),
    close: () => server.close(),
  };
}
