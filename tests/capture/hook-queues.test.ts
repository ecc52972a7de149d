// @vitest-environment happy-dom
/**
 * The queue watcher against the ways real tags adopt their queues (facts in docs/vendors.md):
 * Ptengine's pta.js v1.65.0 replays its queue through its own push, GTM keeps the native push
 * under its own, LivePerson's snippet stub defers bus calls that tag.js replays.
 */
import { beforeEach, describe, expect, it } from 'vitest';
import type { CaptureRecord, PushRecord } from '../../lib/capture/records';
import type { Masker } from '../../lib/capture/hook/mask';
import type { HookContext } from '../../lib/capture/hook/network';
import { takeNatives } from '../../lib/capture/hook/natives';
import { watchQueues, type QueueWatcher } from '../../lib/capture/hook/queues';

type W = Window & typeof globalThis & Record<string, any>;

let win: W;
let records: CaptureRecord[];
let queues: QueueWatcher;

beforeEach(() => {
  win = window as W;
  for (const k of ['dataLayer', '_pt_sp_2', 'lpTag']) delete win[k];
  records = [];
  const n = takeNatives(win);
  // happy-dom's document does not take window's EventTarget method; browsers do.
  n.addEventListener = function (this: EventTarget, ...args: Parameters<EventTarget['addEventListener']>) {
    return this.addEventListener(...args);
  };
  // Proxies printing as their originals are mask.ts's business; here only the calls matter.
  const mask = { proxy: (fn: Function, apply: any) => new Proxy(fn, { apply }) } as unknown as Masker;
  const ctx: HookContext = {
    win,
    n,
    mask,
    emit: { add: (r) => records.push(r), flush() {} },
    wanted: () => true,
    pollQueues: () => queues.poll(),
  };
  queues = watchQueues(ctx);
});

const pushes = (target: string) => records.filter((r): r is PushRecord => r.kind === 'push' && r.target === target).map((r) => r.value);

/** What pta.js does on load: take object items, install its push (no append), replay. */
function ptaLoads(sent: string[] = []): void {
  const q = win._pt_sp_2 as any[];
  const taken: [string, object][] = [];
  for (let i = 0; i < q.length; i++) {
    if (q[i] && typeof q[i] === 'object') {
      taken.push([q[i - 1], q[i]]);
      q[i] = null;
    }
  }
  (q as { push: unknown }).push = (a: string, b?: { eventName?: string }) => {
    sent.push(b ? `${a}:${b.eventName ?? 'obj'}` : a);
  };
  queues.poll(); // a boundary inside the tag's start-up (it sends its page view first)
  for (let i = 0; i < q.length; i++) if (q[i]) q.push(q[i]);
  for (const [cmd, obj] of taken) q.push(cmd, obj);
}

describe('_pt_sp_2', () => {
  it('records queued commands once, a two-argument push as one array value, and nothing of the tag replaying them', () => {
    win._pt_sp_2 = [];
    win._pt_sp_2.push('setAccount,4387eec7');
    win._pt_sp_2.push('setCustomVarV2', { key: 'plan' });
    queues.poll();
    const sent: string[] = [];
    ptaLoads(sent);
    expect(sent).toEqual(['setAccount,4387eec7', 'setCustomVarV2', 'setCustomVarV2:obj']);
    win._pt_sp_2.push('setCustomEvent', { eventName: 'signup' });
    win._pt_sp_2.push('setPVTag,step2');
    // The same command pushed again by the page after the replay is a new push.
    win._pt_sp_2.push('setAccount,4387eec7');
    expect(pushes('_pt_sp_2')).toEqual([
      'setAccount,4387eec7',
      ['setCustomVarV2', { key: 'plan' }],
      ['setCustomEvent', { eventName: 'signup' }],
      'setPVTag,step2',
      'setAccount,4387eec7',
    ]);
  });

  it('defines nothing on window and leaves the array with the native push until the tag installs its own', () => {
    queues.poll();
    expect('_pt_sp_2' in win).toBe(false);
    win._pt_sp_2 = ['setAccount,1'];
    queues.poll();
    expect(win._pt_sp_2.push).toBe(Array.prototype.push);
    expect(Object.getOwnPropertyNames(win._pt_sp_2)).toEqual(['0', 'length']);
    expect(pushes('_pt_sp_2')).toEqual(['setAccount,1']);
  });
});

describe('dataLayer', () => {
  it('reads each item once from the array, whatever push the page or GTM put on it', () => {
    win.dataLayer = [{ event: 'a' }];
    queues.poll();
    const dl = win.dataLayer as any[];
    const native = dl.push;
    const gtmPush = function (this: unknown, ...items: unknown[]) {
      return native.apply(dl, items);
    };
    dl.push = gtmPush;
    dl.push({ event: 'b' }, { event: 'c' });
    queues.poll();
    queues.poll();
    expect(dl.push).toBe(gtmPush);
    expect(pushes('dataLayer')).toEqual([{ event: 'a' }, { event: 'b' }, { event: 'c' }]);
  });

  it('starts over with a replaced array, keeping Array.prototype.push on it', () => {
    win.dataLayer = [{ event: 'old' }];
    queues.poll();
    win.dataLayer = [{ event: 'new' }];
    win.dataLayer.push({ event: 'newer' });
    queues.poll();
    expect(win.dataLayer.push).toBe(Array.prototype.push);
    expect(pushes('dataLayer')).toEqual([{ event: 'old' }, { event: 'new' }, { event: 'newer' }]);
  });
});

describe('lpTag', () => {
  it('records SDEs queued before tag.js, not its replay into the new sdes object, then sends and SPA pages', () => {
    win.lpTag = { sdes: [{ type: 'cart', total: 12 }] };
    queues.poll();
    const old = win.lpTag.sdes as object[];
    const kept: unknown[] = [];
    win.lpTag.sdes = { push: (...s: unknown[]) => kept.push(...s), send: (x: unknown) => `sent ${JSON.stringify(x)}` };
    win.lpTag.newPage = (url: string) => `page ${url}`;
    queues.poll();
    for (const sde of old) win.lpTag.sdes.push(sde);
    expect(win.lpTag.sdes.send({ type: 'purchase', total: 99 })).toBe('sent {"type":"purchase","total":99}');
    win.lpTag.sdes.push({ type: 'prodView' });
    expect(win.lpTag.newPage('/a')).toBe('page /a');
    win.lpTag.newPage('/b', { section: 'checkout' });
    expect(kept).toHaveLength(2);
    expect(pushes('lpTag.sdes')).toEqual([{ type: 'cart', total: 12 }, { type: 'prodView' }]);
    expect(pushes('lpTag.sdes.send')).toEqual([{ type: 'purchase', total: 99 }]);
    expect(pushes('lpTag.newPage')).toEqual([{ url: '/a' }, { url: '/b', options: { section: 'checkout' } }]);
  });

  it('records bus publications once across the snippet stub and the real bus, in both call forms, passing results and errors through', () => {
    const deferred: (() => void)[] = [];
    win.lpTag = {
      events: { trigger: (a: unknown, e: unknown, d: unknown) => void deferred.push(() => win.lpTag.events.trigger(a, e, d)) },
    };
    queues.poll();
    const data = { engagementId: 7 };
    win.lpTag.events.trigger('LP_OFFERS', 'OFFER_DISPLAY', data);
    function trigger(app: any, ev?: string, d?: unknown) {
      const t = typeof app === 'string' ? { appName: app, eventName: ev, data: d } : app;
      if (t.eventName === undefined) return null;
      if (t.appName === 'BROKEN') throw new TypeError('refused');
      return true;
    }
    win.lpTag.events = { trigger, publish: trigger, bind: () => 'evId_0' };
    queues.poll();
    for (const f of deferred) f();
    expect(win.lpTag.events.publish).toBe(win.lpTag.events.trigger);
    expect(win.lpTag.events.publish({ appName: 'LP_OFFERS', eventName: 'OFFER_CLICK', data })).toBe(true);
    expect(win.lpTag.events.trigger({ appName: 'LP_OFFERS' })).toBe(null);
    expect(() => win.lpTag.events.trigger('BROKEN', 'X')).toThrow(TypeError);
    expect(pushes('lpTag.events')).toEqual([
      { appName: 'LP_OFFERS', eventName: 'OFFER_DISPLAY', data: { engagementId: 7 } },
      { appName: 'LP_OFFERS', eventName: 'OFFER_CLICK', data: { engagementId: 7 } },
      { appName: 'BROKEN', eventName: 'X' },
    ]);
  });
});
