/**
 * Walks one battery library and prints everything its hosts received, with the page's console
 * and failed requests: how to see what a library really sends when adding it or when a check
 * fails. `npx wxt build && npx tsx e2e/battery/inspect.ts <library id>`.
 */
import { launchWithExtension } from '../../lib/browser/chromium';
import { batteryHosts, startBatterySite } from './site';
import { BATTERY as LIBRARIES } from './vendors';
import { walk } from './walk';

const lib = LIBRARIES.find((l) => l.id === process.argv[2])!;
const server = await startBatterySite([lib]);
const launched = await launchWithExtension({ mapHosts: batteryHosts([lib]), mapPort: server.port, ignoreCertificateErrors: true });
launched.browser.on('targetcreated', async (t) => {
  const page = await t.page();
  page?.on('console', (m) => console.log('console:', m.text().slice(0, 300)));
  page?.on('requestfailed', (r) => console.log('failed:', r.url().slice(0, 200), r.failure()?.errorText));
});
try {
  await walk(launched.browser, server, lib);
} catch (e) {
  console.log('ERROR', e);
}
for (const r of server.received)
  console.log(
    r.method,
    r.host,
    r.path.slice(0, 150),
    r.headers['content-type'] ?? '',
    r.headers['content-encoding'] ?? '',
    r.body.slice(0, 4000),
  );
await launched.close();
await server.close();
