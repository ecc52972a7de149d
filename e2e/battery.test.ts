/**
 * The battery: real vendor libraries from npm, bundled, on local shops served under the vendors'
 * own collector host names, with the built extension loaded. For each library the collector's
 * log (what the library really sent) is compared with the journey the extension recorded, with
 * what `decode` reads and with the report. Checks that wait for a decoder fix are skipped with
 * the fix they wait for named.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchWithExtension, type LaunchedBrowser } from '../lib/browser/chromium';
import type { ReceivedRequest, SiteServer } from '../lib/browser/site-server';
import { decodeRequest, type Decoded } from '../lib/decoders';
import { replay } from '../lib/engine';
import type { GoalsDoc } from '../lib/formats/goals';
import type { RequestEvent } from '../lib/formats/journey';
import type { Report } from '../lib/formats/report';
import type { Check, Library } from './battery/library';
import { batteryHosts, shopHost, startBatterySite } from './battery/site';
import { BATTERY as LIBRARIES } from './battery/vendors';
import { orderIdOf, walk, type Walked } from './battery/walk';
import { ExtensionClient, type RecordedJourney } from './support/extension';

let server: SiteServer;
let launched: LaunchedBrowser;
let client: ExtensionClient;
const results = new Map<string, { walked?: Walked; journey?: RecordedJourney; error?: unknown }>();

const version = (pkg: string): string =>
  (JSON.parse(readFileSync(join(import.meta.dirname, '../node_modules', pkg, 'package.json'), 'utf8')) as { version: string }).version;

beforeAll(async () => {
  server = await startBatterySite(LIBRARIES);
  launched = await launchWithExtension({ mapHosts: batteryHosts(LIBRARIES), mapPort: server.port, ignoreCertificateErrors: true });
  client = await ExtensionClient.open(launched);
  // One library at a time: a tab that is not in front is hidden, and libraries flush on
  // visibilitychange and throttle their timers there, which is another walk than the shopper's.
  for (const lib of LIBRARIES) {
    try {
      const walked = await walk(launched.browser, server, lib);
      const tabId = await client.tabIdOf(walked.page.url());
      const hits = hitsOf(walked);
      const journey = await client.waitForJourney(tabId, (j) => hits.every((h) => inJourney(j, h).length > 0));
      results.set(lib.id, { walked, journey });
    } catch (error) {
      results.set(lib.id, { error });
    }
  }
}, 240_000);

afterAll(async () => {
  await launched?.close();
  await server?.close();
  console.log(summary());
});

/** One line per library: what it sent, what the journey holds, what decode and the report made of it. */
function summary(): string {
  const lines = ['battery: library | tracking requests sent / in the journey / decoded | hits by kind | visitors, visits, purchases'];
  for (const lib of LIBRARIES) {
    const r = results.get(lib.id);
    if (!r?.walked || !r.journey) {
      lines.push(`  ${lib.id}: did not run (${String(r?.error ?? 'no result').split('\n')[0]})`);
      continue;
    }
    const sent = hitsOf(r.walked);
    const captured = sent.filter((h) => inJourney(r.journey!, h).length > 0).length;
    const decoded = decodeAll(r.journey, lib);
    const kinds = new Map<string, number>();
    for (const h of decoded.flatMap((d) => d.hits)) kinds.set(h.kind, (kinds.get(h.kind) ?? 0) + 1);
    const report = replay(r.journey.events, goals(lib));
    const purchases = report.goals.find((g) => g.id === 'purchase')?.total ?? 0;
    lines.push(
      `  ${lib.id}: ${sent.length} / ${captured} / ${decoded.length} | ${[...kinds].map(([k, n]) => `${n} ${k}`).join(', ') || 'none'} | ${report.visitors.length}, ${report.sessions.length}, ${purchases}`,
    );
  }
  return lines.join('\n');
}

const urlOf = (r: ReceivedRequest): string => `https://${r.host}${r.path}`;
/** The library's tracking requests as the collector got them (CORS preflights are the browser's, not the page's). */
const hitsOf = (w: Walked): ReceivedRequest[] => w.received.filter((r) => r.method !== 'OPTIONS' && w.lib.isHit(r));

function requests(j: RecordedJourney): RequestEvent[] {
  return j.events.filter((e): e is RequestEvent => e.type === 'request');
}

/** The journey's requests that are this collector request: same URL and method, the same bytes. */
function inJourney(j: RecordedJourney, r: ReceivedRequest): RequestEvent[] {
  return requests(j).filter((e) => e.url === urlOf(r) && (e.method ?? 'GET') === r.method && sameBody(e, r));
}

function sameBody(e: RequestEvent, r: ReceivedRequest): boolean {
  if (e.body === undefined) return r.raw.length === 0;
  if (e.bodyEncoding === 'base64') return Buffer.from(e.body, 'base64').equals(r.raw);
  return e.body === r.raw.toString('utf8');
}

function decodeAll(j: RecordedJourney, lib: Library): Decoded[] {
  return requests(j)
    .filter((e) => lib.hosts.includes(new URL(e.url).hostname))
    .map((e) =>
      decodeRequest({
        url: e.url,
        method: e.method ?? 'GET',
        ...(e.body !== undefined ? { body: e.body } : {}),
        ...(e.bodyEncoding ? { bodyEncoding: e.bodyEncoding } : {}),
      }),
    )
    .filter((d): d is Decoded => d !== null && d.role === 'hit');
}

function goals(lib: Library): GoalsDoc {
  return {
    format: 'goalpost.goals/1',
    vendors: [lib.decoder],
    goals: [
      { id: 'purchase', when: lib.purchase ?? { transaction: {} } },
      // Reached by every counted page view of the shop: its total is the page views counted.
      { id: 'pageview', when: { url: { contains: shopHost(lib) } } },
      // The campaign goal: the purchase after the experience was displayed, in the same visit.
      ...(lib.experience ? [{ id: 'after-experience', when: lib.purchase ?? { transaction: {} }, experience: lib.experience.id }] : []),
    ],
  };
}

for (const lib of LIBRARIES) {
  const check = (name: Check) => {
    // GOALPOST_BATTERY_UNSKIP=1 runs the waiting checks too: has the fix they wait for landed?
    const waits = process.env.GOALPOST_BATTERY_UNSKIP ? undefined : lib.waitsFor?.[name];
    return (title: string, fn: () => void) => (waits ? it.skip(`${title} (waits for ${waits})`, fn) : it(title, fn));
  };
  const label = `${lib.packages.map((p) => `${p}@${version(p)}`).join(' + ')}`;

  describe(`${lib.id} (${label})`, () => {
    const got = () => {
      const r = results.get(lib.id);
      if (!r || r.error || !r.walked || !r.journey) throw r?.error ?? new Error(`${lib.id} did not run`);
      return { walked: r.walked, journey: r.journey };
    };
    let report: Report | undefined;
    const reportOf = () => (report ??= replay(got().journey.events, goals(lib)));

    check('captured')('every tracking request it sent is in the journey once, its body intact', () => {
      const { walked, journey } = got();
      const hits = hitsOf(walked);
      expect(hits.length).toBeGreaterThan(0);
      for (const h of hits) {
        const twins = walked.received.filter((r) => urlOf(r) === urlOf(h) && r.method === h.method && r.raw.equals(h.raw)).length;
        expect(inJourney(journey, h), `${h.method} ${urlOf(h)}`).toHaveLength(twins);
      }
      // Nothing the collector did not receive: no request recorded twice, none invented.
      const mine = requests(journey).filter((e) => lib.hosts.includes(new URL(e.url).hostname));
      for (const e of mine)
        expect(
          walked.received.some((r) => urlOf(r) === e.url),
          e.url,
        ).toBe(true);
    });

    check('decoded')(`decodes every hit request as ${lib.decoder}${lib.account ? ` with account ${lib.account}` : ''}`, () => {
      const { walked, journey } = got();
      const decoded = decodeAll(journey, lib);
      expect(decoded.length).toBe(hitsOf(walked).length);
      for (const d of decoded) {
        expect(d.decoder).toBe(lib.decoder);
        expect(d.problems ?? []).toEqual([]);
        if (lib.account) expect(d.account).toBe(lib.account);
      }
      expect(decoded.flatMap((d) => d.hits).length).toBeGreaterThan(0);
    });

    check('visitor')('every hit carries the visitor id the library reports', () => {
      const { walked, journey } = got();
      const ids = new Set(walked.visitorIds);
      expect(ids.size, 'the library kept its visitor id across pages').toBe(1);
      const [visitorId] = [...ids];
      expect(visitorId).toBeTruthy();
      const decoded = decodeAll(journey, lib);
      const hits = (lib.mintsVisitor ? decoded.slice(1) : decoded).flatMap((d) => d.hits);
      if (lib.mintsVisitor)
        expect(
          decoded[0]?.hits.every((h) => h.clientId === undefined),
          'the first request, before the vendor answered with an id',
        ).toBe(true);
      expect(new Set(hits.map((h) => h.clientId))).toEqual(new Set([visitorId]));
      expect(reportOf().visitors.map((v) => v.id)).toEqual([visitorId]);
    });

    check('pageviews')(`counts one visit with ${lib.pageviews} page view(s)`, () => {
      const { journey } = got();
      const pageviews = decodeAll(journey, lib)
        .flatMap((d) => d.hits)
        .filter((h) => h.kind === 'pageview');
      // A copy the library sent again carries the same event id: the vendor keeps one.
      expect(new Set(pageviews.map((h, i) => h.eventId ?? `hit ${i}`)).size).toBe(lib.pageviews);
      expect(reportOf().sessions).toHaveLength(1);
      expect(reportOf().goals.find((g) => g.id === 'pageview')?.total).toBe(lib.pageviews);
    });

    check('purchase')('counts the purchase once, with its order id', () => {
      const goal = reportOf().goals.find((g) => g.id === 'purchase');
      expect(goal).toMatchObject({ total: 1, sessions: 1, users: 1 });
      if (!lib.purchase && lib.orderId !== false) expect(goal?.occurrences[0]?.detail).toContain(orderIdOf(lib));
    });

    if (lib.experience) {
      check('experience')(`shows experience ${lib.experience.id} before the purchase page`, () => {
        const { journey } = got();
        const shown = decodeAll(journey, lib)
          .flatMap((d) => d.hits)
          .filter((h) => h.kind === 'experience');
        expect(shown.map((h) => h.experience)).toContainEqual(expect.objectContaining(lib.experience));
        expect(reportOf().goals.find((g) => g.id === 'after-experience')).toMatchObject({ total: 1 });
      });
    }
  });
}
