/** The hook's and webNavigation's views of a soft navigation become one `route` event. */
import { describe, expect, it } from 'vitest';
import { JourneyStore } from '../../lib/capture/journey-store';
import { Merger } from '../../lib/capture/merger';
import type { RouteRecord } from '../../lib/capture/records';
import { toJourney } from '../../lib/extension/journey-view';
import { MemoryArea } from './memory-area';
import { relayBatches } from '../support/relay-batch';

const TAB = 4;
const T = 1_700_000_000_000;
const APP = 'https://shop.example/app/';

function setup() {
  const store = new JourneyStore(new MemoryArea());
  const merger = new Merger({ store, recognise: () => false });
  const journey = async () => toJourney(await store.read(TAB));
  return { merger, journey };
}

/** A relay's batch: each call takes the next sequence numbers of one document. */
const batch = relayBatches();

const rec = (over: Partial<RouteRecord> = {}): RouteRecord => ({
  kind: 'route',
  t: T + 10,
  url: `${APP}cart`,
  from: APP,
  how: 'push',
  ...over,
});
const soft = (over: Partial<{ url: string; t: number; how: 'history' | 'fragment'; backForward: boolean }> = {}) => ({
  url: `${APP}cart`,
  t: T + 12,
  how: 'history' as const,
  backForward: false,
  ...over,
});

describe('route merging', () => {
  it.each([
    ['hook first', true],
    ['webNavigation first', false],
  ])('one route from both views (%s): the hook tells replace from push and where it came from', async (_label, hookFirst) => {
    const { merger, journey } = setup();
    await merger.navigation(TAB, { url: APP, t: T });
    if (hookFirst) await merger.capture(TAB, batch([rec({ how: 'replace' })]));
    await merger.route(TAB, soft());
    if (!hookFirst) await merger.capture(TAB, batch([rec({ how: 'replace' })]));
    const j = await journey();
    expect(j.format).toBe('goalpost.journey/2');
    // The hook's time, in the page's clock like the requests that follow the change.
    expect(j.events.filter((e) => e.type === 'route')).toEqual([
      { type: 'route', t: T + 10, url: `${APP}cart`, from: APP, kind: 'replace', tab: TAB },
    ]);
  });

  it('webNavigation alone: push, fragment, back/forward from its qualifiers, the tab’s address as from', async () => {
    const { merger, journey } = setup();
    await merger.navigation(TAB, { url: APP, t: T });
    await merger.route(TAB, soft());
    await merger.route(TAB, soft({ url: `${APP}cart#reviews`, t: T + 1_000, how: 'fragment' }));
    await merger.route(TAB, soft({ url: `${APP}cart`, t: T + 2_000, how: 'fragment', backForward: true }));
    // replaceState storing state on the same address is no route.
    await merger.route(TAB, soft({ url: `${APP}cart`, t: T + 3_000 }));
    const routes = (await journey()).events.filter((e) => e.type === 'route');
    expect(routes.map((e) => e.type === 'route' && [e.kind, e.from, e.url])).toEqual([
      ['push', APP, `${APP}cart`],
      ['hash', `${APP}cart`, `${APP}cart#reviews`],
      ['back-forward', `${APP}cart#reviews`, `${APP}cart`],
    ]);
  });

  it('two changes to the same address pair in order, each with its own partner', async () => {
    const { merger, journey } = setup();
    await merger.navigation(TAB, { url: APP, t: T });
    await merger.capture(TAB, batch([rec(), rec({ t: T + 500, url: APP, from: `${APP}cart`, how: 'back-forward' }), rec({ t: T + 900 })]));
    await merger.route(TAB, soft());
    await merger.route(TAB, soft({ url: APP, t: T + 501, backForward: true }));
    await merger.route(TAB, soft({ t: T + 901 }));
    const routes = (await journey()).events.filter((e) => e.type === 'route');
    expect(routes.map((e) => e.type === 'route' && e.kind)).toEqual(['push', 'back-forward', 'push']);
  });

  it('a restore from the back/forward cache turns its commit into a restore route, whichever view comes first', async () => {
    for (const hookFirst of [false, true]) {
      const { merger, journey } = setup();
      await merger.navigation(TAB, { url: APP, t: T });
      await merger.capture(TAB, batch([{ kind: 'page', t: T + 5, url: APP, referrer: '' }]));
      await merger.navigation(TAB, { url: 'https://shop.example/help', t: T + 1_000 });
      const restore = rec({ url: APP, from: '', how: 'restore', t: T + 2_010 });
      if (hookFirst) await merger.capture(TAB, batch([restore]));
      await merger.navigation(TAB, { url: APP, t: T + 2_000 });
      if (!hookFirst) await merger.capture(TAB, batch([restore]));
      const events = (await journey()).events;
      expect(events.map((e) => `${e.type} ${'kind' in e && e.type === 'route' ? e.kind : ''}`.trim())).toEqual([
        'navigation',
        'navigation',
        'route restore',
      ]);
    }
  });
});
