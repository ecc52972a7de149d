/**
 * Ptengine through the built extension: a page with the demo's Ptengine tag (which speaks
 * pta.js v1.65.0's protocol: XHR POSTs of URI-encoded JSON to /pn, /pv, /te, /ec) sends a page
 * view, a virtual page, a custom event and an e-commerce event; the extension records each
 * request with its body exactly as the collector received it, and the engine reads them as
 * Ptengine's hits, visitor and visit.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { LaunchedBrowser } from '../lib/browser/chromium';
import { launchWithExtension } from '../lib/browser/chromium';
import { startSiteServer, type SiteServer } from '../lib/browser/site-server';
import { PTENGINE_COLLECT_HOST, PTENGINE_LIBRARY_HOST, PTENGINE_PROJECT_ID, SHOP_HOST } from '../lib/demo/hosts';
import { ptengineTag } from '../lib/demo/ptengine-tag';
import { replay } from '../lib/engine';
import type { JourneyEvent } from '../lib/formats/journey';
import { ExtensionClient, requestsTo, visit, type RecordedJourney } from './support/extension';

let server: SiteServer;
let launched: LaunchedBrowser;

const page = (origin: (h: string) => string) => `<!doctype html><html><head><meta charset="utf-8"><title>Item & more</title>
<script>window._pt_sp_2 = window._pt_sp_2 || []; _pt_sp_2.push('setCustomEvent', { eventName: 'queued before load' });</script>
<script src="${origin(PTENGINE_LIBRARY_HOST)}/${PTENGINE_PROJECT_ID}.js"></script></head>
<body><button id="vpv" onclick="_pt_sp_2.push('setPVTag,step2')">step 2</button>
<button id="ev" onclick="_pt_sp_2.push('setCustomEvent', { eventName: 'add to cart', isActiveElement: 1 })">add</button>
<button id="ec" onclick="_pt_sp_2.push('setEC', { pt_category: 'pt_user_login', user: 'u-1' })">login</button></body></html>`;

beforeAll(async () => {
  server = await startSiteServer([
    ({ host, path, url }) => {
      const origin = (h: string) => `http://${h}:${url.port}`;
      if (host === SHOP_HOST && path === '/item') return { type: 'text/html; charset=utf-8', body: page(origin) };
      if (host === PTENGINE_LIBRARY_HOST && path === `/${PTENGINE_PROJECT_ID}.js`)
        return { type: 'text/javascript', body: ptengineTag(origin) };
      if (host === PTENGINE_COLLECT_HOST) return { status: 200, type: 'text/plain', body: '' };
      return undefined;
    },
  ]);
  launched = await launchWithExtension({ mapHosts: [SHOP_HOST, PTENGINE_LIBRARY_HOST, PTENGINE_COLLECT_HOST] });
});

afterAll(async () => {
  await launched?.close();
  await server?.close();
});

const PATHS = ['/pn', '/pv', '/te', '/ec'];
const done = (j: RecordedJourney) =>
  PATHS.every((p) => requestsTo(j, `${PTENGINE_COLLECT_HOST}:`).some((r) => new URL(r.url).pathname === p && r.body !== undefined));

describe('Ptengine as its tag speaks, through the extension', () => {
  it('records every collection request with its body and counts the hits the tag sent', async () => {
    const url = `${server.origin(SHOP_HOST)}/item?color=red&size=2`;
    const tab = await visit(launched.browser, url);
    for (const id of ['#vpv', '#ev', '#ec']) {
      await tab.click(id);
      await new Promise((r) => setTimeout(r, 150));
    }
    const client = await ExtensionClient.open(launched);
    const j = await client.waitForJourney(await client.tabIdOf(url), done);

    const sent = server.received.filter((r) => r.host === PTENGINE_COLLECT_HOST);
    expect(sent.map((r) => r.path)).toEqual(['/pn', '/pv', '/te', '/ec']);
    const recorded = requestsTo(j, `${PTENGINE_COLLECT_HOST}:`);
    expect(recorded.map((r) => [new URL(r.url).pathname, r.method, r.body])).toEqual(sent.map((r) => [r.path, 'POST', r.body]));

    const report = replay(j.events as JourneyEvent[], {
      format: 'goalpost.goals/1',
      goals: [
        { id: 'cart', when: { event: 'add to cart' } },
        { id: 'login', when: { event: 'pt_user_login' } },
        { id: 'dropped', when: { event: 'queued before load' } },
      ],
    });
    expect(report.counted).toEqual(['ptengine']);
    expect(report.visitors).toHaveLength(1);
    expect(report.sessions).toHaveLength(1);
    expect(report.sessions[0]!.hits).toBe(4);
    expect(report.pages.map((p) => p.url)).toEqual([url, `${url}#step2`]);
    expect(report.goals.map((g) => [g.id, g.total])).toEqual([
      ['cart', 1],
      ['login', 1],
      ['dropped', 0],
    ]);
    expect(report.findings.filter((f) => f.severity === 'error')).toEqual([]);
  });
});
