import { describe, expect, it } from 'vitest';
import { JourneyStore } from '../../lib/capture/journey-store';
import { Merger } from '../../lib/capture/merger';
import type { RequestRecord } from '../../lib/capture/records';
import { toJourney } from '../../lib/extension/journey-view';
import { MemoryArea } from './memory-area';
import { relayBatches } from '../support/relay-batch';

const TAB = 7;
const T = 1_700_000_000_000;
const PAGE = 'https://shop.example/cart';
const COLLECT = 'https://collect.example/g/collect?v=2&en=page_view';

function setup(recognised: (url: string) => boolean = () => false) {
  const area = new MemoryArea();
  const store = new JourneyStore(area);
  const merger = new Merger({ store, recognise: (r) => recognised(r.url) });
  const events = async (tab = TAB) => toJourney(await store.read(tab)).events;
  return { area, store, merger, events };
}

/** A relay's batch: each call takes the next sequence numbers of one document. */
const batch = relayBatches();

const hook = (over: Partial<RequestRecord> = {}): RequestRecord => ({
  kind: 'request',
  api: 'beacon',
  t: T,
  url: COLLECT,
  method: 'POST',
  body: 'en=page_view',
  pageUrl: PAGE,
  ...over,
});

const net = (requestId: string, over: Partial<{ url: string; method: string; type: string; t: number; body: string }> = {}) => ({
  requestId,
  url: COLLECT,
  method: 'POST',
  type: 'ping',
  t: T + 2,
  ...over,
});

describe('merging the hook and network views', () => {
  it('network first, then the hook: one event with the hook body and the network status', async () => {
    const { merger, events } = setup();
    await merger.netStart(TAB, net('1'));
    await merger.netOutcome(TAB, '1', { status: 204, final: true });
    await merger.capture(TAB, batch([hook()]));
    expect(await events()).toEqual([
      {
        type: 'request',
        t: T + 2,
        url: COLLECT,
        method: 'POST',
        initiator: 'beacon',
        pageUrl: PAGE,
        body: 'en=page_view',
        status: 204,
        tab: TAB,
      },
    ]);
  });

  it('hook first, then the network: the status arriving later updates the same event', async () => {
    const { merger, events, store } = setup();
    const [created] = await merger.capture(TAB, batch([hook()]));
    await merger.netStart(TAB, net('1'));
    const [updated] = await merger.netOutcome(TAB, '1', { error: 'net::ERR_BLOCKED_BY_CLIENT', final: true });
    expect(updated?.ev.id).toBe(created?.ev.id);
    const [ev] = await events();
    expect(ev).toMatchObject({ body: 'en=page_view', error: 'net::ERR_BLOCKED_BY_CLIENT', initiator: 'beacon' });
    expect((await store.read(TAB))[0]?.log.entries).toHaveLength(1);
  });

  it('a request the network view does not keep still gets its status when the hook keeps it', async () => {
    const { merger, events } = setup();
    const url = 'https://api.other.example/v1/save';
    await merger.netStart(TAB, net('9', { url, type: 'xmlhttprequest' }));
    await merger.netOutcome(TAB, '9', { status: 500, final: true });
    expect(await events()).toEqual([]);
    await merger.capture(TAB, batch([hook({ api: 'fetch', url, body: '{}' })]));
    expect(await events()).toEqual([expect.objectContaining({ url, status: 500, body: '{}', initiator: 'fetch' })]);
  });

  it('a same-site API call nobody recognises is not kept by either view', async () => {
    const { merger, events } = setup();
    const url = 'https://shop.example/api/cart';
    await merger.netStart(TAB, net('3', { url, type: 'xmlhttprequest' }));
    await merger.capture(TAB, batch([hook({ api: 'fetch', url })]));
    expect(await events()).toEqual([]);
  });

  it('keeps a recognised request seen only by the network (e.g. from a worker or HTML pixel)', async () => {
    const { merger, events } = setup((u) => u.includes('/g/collect'));
    await merger.netStart(TAB, net('4', { type: 'image', method: 'GET' }));
    await merger.netOutcome(TAB, '4', { status: 200, final: true });
    expect(await events()).toEqual([expect.objectContaining({ url: COLLECT, initiator: 'image', status: 200 })]);
  });

  it('pairs identical requests first-in first-out, never twice', async () => {
    const { merger, events } = setup();
    for (let i = 0; i < 3; i++) await merger.netStart(TAB, net(String(i), { t: T + i * 10 }));
    await merger.capture(TAB, batch([0, 1, 2, 3].map((i) => hook({ t: T + i * 10 - 1, body: `n=${i}` }))));
    const evs = await events();
    expect(evs.map((e) => (e.type === 'request' ? e.body : ''))).toEqual(['n=0', 'n=1', 'n=2', 'n=3']);
    expect(evs).toHaveLength(4);
  });

  it('does not pair views of different requests (method, URL or API differ)', async () => {
    const { merger, events } = setup();
    await merger.netStart(TAB, net('1'));
    await merger.capture(TAB, batch([hook({ method: 'GET', api: 'image', url: `${COLLECT}&x=1` })]));
    expect(await events()).toHaveLength(2);
  });

  it('a redirect closes the first hop with its status and records the next hop', async () => {
    const { merger, events } = setup();
    await merger.netStart(TAB, net('5'));
    await merger.netOutcome(TAB, '5', { status: 302, final: false });
    await merger.netStart(TAB, net('5', { url: 'https://sync.example/pixel', method: 'GET', t: T + 5 }));
    await merger.netOutcome(TAB, '5', { status: 200, final: true });
    expect(await events()).toEqual([
      expect.objectContaining({ url: COLLECT, status: 302 }),
      expect.objectContaining({ url: 'https://sync.example/pixel', status: 200, initiator: 'redirect' }),
    ]);
  });

  it('adds the page’s referrer to the committed navigation and keeps the log across navigations', async () => {
    const { merger, events } = setup();
    await merger.navigation(TAB, { url: PAGE, t: T, transition: 'link' });
    await merger.capture(TAB, batch([{ kind: 'page', t: T + 5, url: PAGE, referrer: 'https://ref.example/' }]));
    await merger.navigation(TAB, { url: 'https://shop.example/thanks', t: T + 50, transition: 'link' });
    expect(await events()).toEqual([
      { type: 'navigation', t: T, url: PAGE, tab: TAB, transition: 'link', referrer: 'https://ref.example/' },
      { type: 'navigation', t: T + 50, url: 'https://shop.example/thanks', tab: TAB, transition: 'link' },
    ]);
  });

  it('adds the page’s user agent, language and time zone to its navigation', async () => {
    const { merger, events } = setup();
    await merger.navigation(TAB, { url: PAGE, t: T, transition: 'link' });
    await merger.capture(
      TAB,
      batch([{ kind: 'page', t: T + 5, url: PAGE, referrer: '', userAgent: 'UA/1', language: 'de-DE', timezoneOffset: -60 }]),
    );
    await merger.capture(
      TAB,
      batch([
        { kind: 'page', t: T + 90, url: 'https://pay.example/p', referrer: '', userAgent: 'UA/1', language: 'de-DE', timezoneOffset: -60 },
      ]),
    );
    expect(await events()).toEqual([
      { type: 'navigation', t: T, url: PAGE, tab: TAB, transition: 'link', userAgent: 'UA/1', language: 'de-DE', timezoneOffset: -60 },
      { type: 'navigation', t: T + 90, url: 'https://pay.example/p', tab: TAB, userAgent: 'UA/1', language: 'de-DE', timezoneOffset: -60 },
    ]);
  });

  it('a page record arriving before its commit is still merged into one navigation', async () => {
    const { merger, events } = setup();
    await merger.capture(TAB, batch([{ kind: 'page', t: T + 8, url: PAGE, referrer: 'https://ref.example/' }]));
    await merger.navigation(TAB, { url: PAGE, t: T, transition: 'typed' });
    expect(await events()).toEqual([
      { type: 'navigation', t: T + 8, url: PAGE, tab: TAB, transition: 'typed', referrer: 'https://ref.example/' },
    ]);
  });

  it('a reload pairs with its own load, not with an earlier load whose commit was missed', async () => {
    const { merger, events } = setup();
    // First load: the background was not listening yet, so only the page saw it.
    await merger.capture(TAB, batch([{ kind: 'page', t: T, url: PAGE, referrer: '' }]));
    await merger.navigation(TAB, { url: PAGE, t: T + 5_000, transition: 'reload' });
    await merger.capture(TAB, batch([{ kind: 'page', t: T + 5_010, url: PAGE, referrer: '' }]));
    const evs = await events();
    expect(evs).toEqual([
      { type: 'navigation', t: T, url: PAGE, tab: TAB },
      { type: 'navigation', t: T + 5_000, url: PAGE, tab: TAB, transition: 'reload' },
    ]);
  });

  it('a page record joins the latest commit of its URL before it', async () => {
    const { merger, events } = setup();
    await merger.navigation(TAB, { url: PAGE, t: T, transition: 'typed' });
    await merger.navigation(TAB, { url: PAGE, t: T + 3_000, transition: 'reload' });
    await merger.capture(TAB, batch([{ kind: 'page', t: T + 3_004, url: PAGE, referrer: 'https://ref.example/' }]));
    expect((await events()).map((e) => (e.type === 'navigation' ? `${e.transition}:${e.referrer ?? ''}` : ''))).toEqual([
      'typed:',
      'reload:https://ref.example/',
    ]);
  });

  it('network-only requests carry the tab’s current page', async () => {
    const { merger, events } = setup();
    await merger.navigation(TAB, { url: PAGE, t: T });
    await merger.netStart(TAB, net('6', { url: 'https://tags.example/gtm.js', type: 'script', method: 'GET' }));
    expect((await events())[1]).toMatchObject({ pageUrl: PAGE, initiator: 'script' });
  });

  it('a completion seen before the hook record becomes one event with body and status', async () => {
    const { merger, events } = setup();
    await merger.netDone(TAB, net('20'), { status: 204 }, false);
    await merger.capture(TAB, batch([hook()]));
    expect(await events()).toEqual([expect.objectContaining({ body: 'en=page_view', status: 204, initiator: 'beacon' })]);
  });

  it('a hook record handled while the completion waits for its turn takes the completion’s status', async () => {
    const { merger, events } = setup();
    const url = 'https://api.other.example/v1/save';
    await Promise.all([
      merger.capture(TAB, batch([hook({ api: 'fetch', url, body: '{}' })])),
      merger.netDone(TAB, net('21', { url, type: 'xmlhttprequest' }), { error: 'net::ERR_BLOCKED_BY_CLIENT' }, false),
    ]);
    await Promise.all([
      merger.netDone(TAB, net('22', { url, type: 'xmlhttprequest', t: T + 50 }), { status: 201 }, false),
      merger.capture(TAB, batch([hook({ api: 'fetch', url, body: '[]', t: T + 49 })])),
    ]);
    expect(await events()).toEqual([
      expect.objectContaining({ body: '{}', error: 'net::ERR_BLOCKED_BY_CLIENT' }),
      expect.objectContaining({ body: '[]', status: 201 }),
    ]);
  });

  it('a redirect hop and its final hop from completion events alone', async () => {
    const { merger, events } = setup();
    await merger.netDone(TAB, net('23'), { status: 307 }, true);
    await merger.netDone(TAB, net('23', { url: 'https://sync.example/pixel', method: 'GET', t: T + 5 }), { status: 200 }, false);
    expect(await events()).toEqual([
      expect.objectContaining({ url: COLLECT, status: 307 }),
      expect.objectContaining({ url: 'https://sync.example/pixel', status: 200, initiator: 'redirect' }),
    ]);
  });

  it('survives a restart between the two views (state only in storage)', async () => {
    const area = new MemoryArea();
    const first = new Merger({ store: new JourneyStore(area), recognise: () => false });
    await first.capture(TAB, batch([hook()]));
    await first.netStart(TAB, net('1'));
    const store = new JourneyStore(area);
    await new Promise((r) => setTimeout(r, 10));
    const second = new Merger({ store, recognise: () => false });
    await second.netOutcome(TAB, '1', { status: 204, final: true });
    expect(toJourney(await store.read(TAB)).events).toEqual([expect.objectContaining({ body: 'en=page_view', status: 204 })]);
  });

  it('pairs a request after thousands of unpaired ones, and still pairs the oldest of identical requests first', async () => {
    const { merger, events } = setup(() => true);
    // A beacon storm: the hook sees every beacon, the network view never comes (no beacon completions).
    const storm = Array.from({ length: 3_000 }, (_, i) => hook({ url: `${COLLECT}&i=${i}`, t: T + i }));
    for (let i = 0; i < storm.length; i += 500) await merger.capture(TAB, batch(storm.slice(i, i + 500)));
    const pixel = `${COLLECT}&en=pixel`;
    await merger.capture(TAB, batch([hook({ api: 'image', url: pixel, method: 'GET', body: undefined, t: T + 3_000 })]));
    await merger.capture(TAB, batch([hook({ api: 'image', url: pixel, method: 'GET', body: undefined, t: T + 3_001 })]));
    await merger.netDone(TAB, net('a', { url: pixel, method: 'GET', type: 'image', t: T + 3_002 }), { status: 200 }, false);
    await merger.netDone(TAB, net('b', { url: pixel, method: 'GET', type: 'image', t: T + 3_003 }), { status: 404 }, false);
    const pixels = (await events()).filter((e) => e.type === 'request' && e.url === pixel);
    expect(pixels.map((e) => e.type === 'request' && [e.t, e.status])).toEqual([
      [T + 3_000, 200],
      [T + 3_001, 404],
    ]);
  });
});
