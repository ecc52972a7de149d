/**
 * The battery's one HTTPS server: each library's shop (shop-<id>.test: the home page, /thanks and
 * the bundled page script) and the vendors' collector hosts, answered as the vendor would. Every
 * request is logged with its raw bytes and headers (SiteServer.received): the collector log the
 * tests compare with the journey.
 */
import { readFileSync } from 'node:fs';
import type { IncomingHttpHeaders } from 'node:http';
import { join } from 'node:path';
import { startSiteServer, type SiteServer } from '../../lib/browser/site-server';
import { bundle } from './bundle';
import { json, type Library } from './library';

export const shopHost = (lib: Library): string => `shop-${lib.id}.test`;

/** The host of the page that sent a request: its Origin, else its Referer. */
export function senderHost(headers: IncomingHttpHeaders): string | undefined {
  const from = typeof headers.origin === 'string' ? headers.origin : headers.referer;
  try {
    return from ? new URL(from).hostname : undefined;
  } catch {
    return undefined;
  }
}

const page = (lib: Library, title: string, next: string): string =>
  `<!doctype html><html><head><meta charset="utf-8"><title>${title}</title></head><body>` +
  `<h1>${lib.id}: ${title}</h1><a id="next" href="${next}">next</a>` +
  `<script>window.__batteryOptions = ${JSON.stringify(lib.options ?? {})};</script>` +
  `<script src="/battery.js"></script></body></html>`;

export async function startBatterySite(libraries: readonly Library[]): Promise<SiteServer> {
  const scripts = new Map<string, string>();
  for (const lib of libraries) scripts.set(shopHost(lib), await bundle(lib.script ?? lib.id, lib.packages));
  const byShop = new Map(libraries.map((l) => [shopHost(l), l]));
  const byHost = new Map<string, Library>();
  for (const lib of libraries) for (const h of lib.hosts) if (!byHost.has(h)) byHost.set(h, lib);
  // Variants share vendor hosts: the shop that sent the request decides who answers.
  const sender = (headers: IncomingHttpHeaders): Library | undefined => {
    const shop = senderHost(headers);
    return shop === undefined ? undefined : byShop.get(shop);
  };
  // cert.pem/key.pem: a self-signed certificate made for this test only (Chromium is told to accept it).
  const tls = { key: readFileSync(join(import.meta.dirname, 'key.pem')), cert: readFileSync(join(import.meta.dirname, 'cert.pem')) };
  return startSiteServer(
    [
      async ({ host, method, path, url, body, headers }) => {
        const lib = byShop.get(host);
        if (lib && path === '/battery.js') return { type: 'application/javascript', body: scripts.get(host) ?? '' };
        if (lib && path === '/') return { body: page(lib, 'home', '/thanks') };
        if (lib && path === '/thanks') return { body: page(lib, 'thanks', '/') };
        // A first-party collector may live on the shop's own host, under any path.
        const vendor = byHost.has(host) ? (sender(headers) ?? byHost.get(host)) : undefined;
        if (vendor) return (await vendor.answer?.({ host, method, path, url, body })) ?? json({});
        return undefined;
      },
    ],
    { tls },
  );
}

/** Host patterns the browser maps to the server: every shop and every vendor host. */
export function batteryHosts(libraries: readonly Library[]): string[] {
  return ['*.test', ...new Set(libraries.flatMap((l) => l.hosts))];
}
