/**
 * The battery's one HTTPS server: each library's shop (shop-<id>.test: the home page, /thanks and
 * the bundled page script) and the vendors' collector hosts, answered as the vendor would. Every
 * request is logged with its raw bytes and headers (SiteServer.received): the collector log the
 * tests compare with the journey.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { startSiteServer, type SiteServer } from '../../lib/browser/site-server';
import { bundle } from './bundle';
import { json, type Library } from './library';

export const shopHost = (lib: Library): string => `shop-${lib.id}.test`;

const page = (lib: Library, title: string, next: string): string =>
  `<!doctype html><html><head><meta charset="utf-8"><title>${title}</title></head><body>` +
  `<h1>${lib.id}: ${title}</h1><a id="next" href="${next}">next</a>` +
  `<script src="/battery.js"></script></body></html>`;

export async function startBatterySite(libraries: readonly Library[]): Promise<SiteServer> {
  const scripts = new Map<string, string>();
  for (const lib of libraries) scripts.set(shopHost(lib), await bundle(lib.id, lib.packages));
  const byHost = new Map<string, Library>();
  for (const lib of libraries) for (const h of lib.hosts) byHost.set(h, lib);
  // cert.pem/key.pem: a self-signed certificate made for this test only (Chromium is told to accept it).
  const tls = { key: readFileSync(join(import.meta.dirname, 'key.pem')), cert: readFileSync(join(import.meta.dirname, 'cert.pem')) };
  return startSiteServer(
    [
      ({ host, method, path, url, body }) => {
        const vendor = byHost.get(host);
        if (vendor) return vendor.answer?.({ host, method, path, url, body }) ?? json({});
        const lib = libraries.find((l) => shopHost(l) === host);
        if (!lib) return undefined;
        if (path === '/battery.js') return { type: 'application/javascript', body: scripts.get(host) ?? '' };
        if (path === '/') return { body: page(lib, 'home', '/thanks') };
        if (path === '/thanks') return { body: page(lib, 'thanks', '/') };
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
