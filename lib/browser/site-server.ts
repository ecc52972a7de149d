/**
 * One local HTTP server that plays several sites: the browser maps fake domains
 * (shop.test, pay.test, collector hosts) to 127.0.0.1 and this server answers by Host header.
 * Used by the demo, audits' tests and the end-to-end tests. It records every request it
 * receives so tests can compare what the vendor stand-in got with what Goalpost captured.
 */
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import { createServer as createTlsServer } from 'node:https';
import type { AddressInfo } from 'node:net';

export interface ReceivedRequest {
  host: string;
  method: string;
  path: string;
  body: string;
  /** The body's bytes as sent (compressed uploads are not text). */
  raw: Buffer;
  headers: IncomingMessage['headers'];
  t: number;
}

export interface SiteResponse {
  status?: number;
  type?: string;
  body?: string | Buffer;
  headers?: Record<string, string>;
}

/** Return a response, or undefined to fall through to the next handler (404 at the end). */
export type SiteHandler = (req: {
  host: string;
  method: string;
  path: string;
  url: URL;
  body: string;
  headers: IncomingMessage['headers'];
}) => SiteResponse | undefined | Promise<SiteResponse | undefined>;

export interface SiteServer {
  port: number;
  /** `http://<host>:<port>` */
  origin(host: string): string;
  received: ReceivedRequest[];
  close(): Promise<void>;
}

const MAX_BODY = 4 * 1024 * 1024;

function readBody(req: IncomingMessage): Promise<Buffer> {
  return new Promise((resolve) => {
    const chunks: Buffer[] = [];
    let size = 0;
    req.on('data', (c: Buffer) => {
      size += c.length;
      if (size <= MAX_BODY) chunks.push(c);
    });
    req.on('end', () => resolve(Buffer.concat(chunks)));
    req.on('error', () => resolve(Buffer.alloc(0)));
  });
}

export interface SiteServerOptions {
  port?: number;
  /** Serve HTTPS with this key and certificate (libraries that only send to https:// hosts). */
  tls?: { key: string | Buffer; cert: string | Buffer };
}

export async function startSiteServer(handlers: SiteHandler[], portOrOptions: number | SiteServerOptions = 0): Promise<SiteServer> {
  const opts = typeof portOrOptions === 'number' ? { port: portOrOptions } : portOrOptions;
  const port = opts.port ?? 0;
  const scheme = opts.tls ? 'https' : 'http';
  const received: ReceivedRequest[] = [];
  const listener = async (req: IncomingMessage, res: ServerResponse) => {
    const host = (req.headers.host ?? 'localhost').replace(/:\d+$/, '');
    const url = new URL(req.url ?? '/', `${scheme}://${req.headers.host ?? 'localhost'}`);
    const raw = await readBody(req);
    const body = raw.toString('utf8');
    const method = req.method ?? 'GET';
    received.push({ host, method, path: url.pathname + url.search, body, raw, headers: req.headers, t: Date.now() });
    // Tag stand-ins are called cross-origin, some with credentials (Adobe's Edge): echo the origin.
    const origin = req.headers.origin;
    const cors: Record<string, string> = origin
      ? {
          'access-control-allow-origin': origin,
          'access-control-allow-credentials': 'true',
          'access-control-allow-headers': req.headers['access-control-request-headers'] ?? '*',
          vary: 'origin',
        }
      : { 'access-control-allow-origin': '*', 'access-control-allow-headers': '*' };
    if (method === 'OPTIONS') {
      res.writeHead(204, cors).end();
      return;
    }
    try {
      for (const h of handlers) {
        const r = await h({ host, method, path: url.pathname, url, body, headers: req.headers });
        if (r) {
          res.writeHead(r.status ?? 200, {
            'content-type': r.type ?? 'text/html; charset=utf-8',
            'cache-control': 'no-store',
            ...cors,
            ...r.headers,
          });
          res.end(r.body ?? '');
          return;
        }
      }
      res.writeHead(404, { 'content-type': 'text/plain', ...cors }).end('not found');
    } catch (e) {
      res.writeHead(500, { 'content-type': 'text/plain' }).end(String(e));
    }
  };
  // Tracking URLs can be long (100 KB and more); Node's default refuses request heads over 16 KB.
  const serverOptions = { maxHeaderSize: 1 << 20 };
  const server: Server = opts.tls ? createTlsServer({ ...serverOptions, ...opts.tls }, listener) : createServer(serverOptions, listener);
  await new Promise<void>((resolve) => server.listen(port, '127.0.0.1', resolve));
  const actual = (server.address() as AddressInfo).port;
  return {
    port: actual,
    origin: (host) => `${scheme}://${host}:${actual}`,
    received,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

/** A transparent 1×1 GIF, the answer of every pixel endpoint. */
export const PIXEL_GIF = Buffer.from('R0lGODlhAQABAIAAAAAAAP///yH5BAEAAAAALAAAAAABAAEAAAIBRAA7', 'base64');
