import { describe, expect, it } from 'vitest';
import { harToJourney } from '../../lib/formats/har';
import { fixtureReport, fixtureStore, fixtureText } from './helpers';

describe('panel store', () => {
  it('subscribes for its tab and shows the snapshot it receives', () => {
    const { store, transport, events } = fixtureStore({ tabId: 7 });
    expect(transport.subscribers).toBe(1);
    expect(store.live.value.ready).toBe(true);
    expect(store.events.value).toHaveLength(events.length);
    expect(store.goals.value.goals.map((g) => g.id)).toEqual(['thanks', 'thanks-exp42', 'visited']);
    store.dispose();
    expect(transport.subscribers).toBe(0);
  });

  it('recomputes the tag model when a later push updates a hit', () => {
    const { store, transport, events } = fixtureStore();
    const cartPage = () => store.tags.value.pages.find((p) => p.url === 'http://shop.test/cart');
    expect(cartPage()?.vendors.find((v) => v.vendor === 'ga4')?.failed).toBe(1);
    const failed = events.find((e) => e.type === 'hit' && e.delivered === false);
    if (failed?.type !== 'hit') throw new Error('fixture has no failed hit');
    transport.emit({ type: 'upsert', tabId: 7, events: [{ ...failed, delivered: true }], dropped: 0 });
    expect(cartPage()?.vendors.find((v) => v.vendor === 'ga4')?.failed).toBe(0);
  });

  it('keeps the previous goals when a goals document is invalid, and says why in one sentence', async () => {
    const { store, transport } = fixtureStore();
    const before = store.goals.value;
    const bad = await store.saveGoals('{"format":"goalpost.goals/1","goals":[{"id":"x","when":{"url":5}}]}', 'goals');
    expect(bad.ok).toBe(false);
    if (!bad.ok) {
      expect(bad.error).toMatch(/^goals: /);
      expect(bad.error.split(/\.\s/).length).toBeLessThanOrEqual(2);
    }
    expect(store.goals.value).toBe(before);
    expect(transport.savedGoals).toHaveLength(0);

    const syntax = await store.saveGoals('{"format": "goalpost.goals/1", "goals": [', 'goals');
    expect(syntax.ok).toBe(false);
    expect(store.goals.value).toBe(before);
  });

  it('stores a valid goals document through the transport and uses it', async () => {
    const { store, transport } = fixtureStore();
    const ok = await store.saveGoals(JSON.stringify({ format: 'goalpost.goals/1', model: 'ga4', goals: [] }));
    expect(ok.ok).toBe(true);
    expect(transport.savedGoals).toHaveLength(1);
    expect(store.goals.value.model).toBe('ga4');
  });

  it('a bad import shows the sentence and keeps everything it had', async () => {
    const { store } = fixtureStore();
    const events = store.events.value;
    const goals = store.goals.value;
    expect(await store.importFile('broken.json', '{"format":"goalpost.journey/1","events":[{"t":1}]}')).toBe(false);
    expect(store.notice.value?.kind).toBe('error');
    expect(store.notice.value?.text).toMatch(/^broken\.json: /);
    expect(store.events.value).toBe(events);
    expect(store.goals.value).toBe(goals);
    expect(await store.importFile('report.json', JSON.stringify(fixtureReport()))).toBe(false);
    expect(store.events.value).toBe(events);
  });

  it('imports a journey instead of the live recording, and goes back to live', async () => {
    const { store } = fixtureStore();
    const live = store.events.value;
    const text = JSON.stringify({
      format: 'goalpost.journey/1',
      events: [{ t: '2026-03-02T09:00:00Z', type: 'navigation', url: 'https://imported.test/' }],
    });
    expect(await store.importFile('other.json', text)).toBe(true);
    expect(store.imported.value?.name).toBe('other.json');
    expect(store.tags.value.pages.map((p) => p.url)).toEqual(['https://imported.test/']);
    expect(store.events.value).toHaveLength(1);
    store.backToLive();
    expect(store.events.value).toBe(live);
  });

  it('imports a goals file by its format and applies it', async () => {
    const { store } = fixtureStore();
    expect(await store.importFile('g.json', JSON.stringify({ format: 'goalpost.goals/1', model: 'ua', goals: [] }))).toBe(true);
    expect(store.goals.value.model).toBe('ua');
  });

  it('exports a journey that imports back to the same events, and a HAR with the navigations', async () => {
    const { store, events } = fixtureStore();
    const journey = store.exportJourney();
    expect(journey.name).toMatch(/\.json$/);
    const { store: other } = fixtureStore();
    expect(await other.importFile(journey.name, journey.text)).toBe(true);
    expect(other.events.value.map((e) => [e.type, e.t])).toEqual(events.map((e) => [e.type, e.t]));

    const har = harToJourney(JSON.parse(store.exportHar().text), 'x.har');
    expect(har.events.filter((e) => e.type === 'navigation').map((e) => (e as { url: string }).url)).toEqual([
      'http://shop.test/',
      'http://shop.test/about',
      'http://shop.test/cart',
      'http://pay.test/checkout',
      'http://pay.test/thanks',
    ]);
    expect(JSON.parse(store.exportReport()?.text ?? '{}').format).toBe('goalpost.report/1');
    expect(JSON.parse(store.exportGoals().text).goals).toHaveLength(3);
  });

  it('clear asks the transport for this tab, or closes an imported file', async () => {
    const { store, transport } = fixtureStore({ tabId: 7 });
    await store.importFile('j.json', fixtureText('shop.journey.json'));
    await store.clear();
    expect(store.imported.value).toBeNull();
    expect(transport.cleared).toEqual([]);
    await store.clear();
    expect(transport.cleared).toEqual([7]);
    expect(store.events.value).toHaveLength(0);
  });
});
