/**
 * Live updates for open panels over PANEL_PORT: a snapshot on subscribe, then every change to
 * the subscribed tab (or to any tab for a browser-wide panel). Ports live in memory: when the
 * service worker stops they drop, the panel reconnects and gets a fresh snapshot from storage.
 */
import type { GoalsDoc } from '../formats/goals';
import type { PanelPush, PanelRequest } from '../messages';
import type { TabView } from '../capture/journey-store';
import type { LogEntry, TabLog } from '../capture/tab-log';
import { storedEvents } from './journey-view';

export interface PortLike {
  postMessage(message: unknown): void;
  onMessage: { addListener(fn: (message: unknown) => void): void };
  onDisconnect: { addListener(fn: () => void): void };
}

export interface PanelHubDeps {
  read(tabId?: number): Promise<TabView[]>;
  goals(): Promise<GoalsDoc>;
}

interface Subscriber {
  port: PortLike;
  tabId?: number;
}

function isSubscribe(m: unknown): m is PanelRequest {
  if (typeof m !== 'object' || m === null || (m as { type?: unknown }).type !== 'subscribe') return false;
  const tabId = (m as { tabId?: unknown }).tabId;
  return tabId === undefined || Number.isInteger(tabId);
}

export class PanelHub {
  private readonly subs = new Set<Subscriber>();

  constructor(private readonly deps: PanelHubDeps) {}

  connect(port: PortLike): void {
    const sub: Subscriber = { port };
    port.onDisconnect.addListener(() => this.subs.delete(sub));
    port.onMessage.addListener((m) => {
      if (!isSubscribe(m)) return;
      sub.tabId = m.tabId;
      this.subs.add(sub);
      void this.snapshot(sub);
    });
  }

  private async snapshot(sub: Subscriber): Promise<void> {
    const [views, goals] = await Promise.all([this.deps.read(sub.tabId), this.deps.goals()]);
    const { events, dropped } = storedEvents(views);
    this.send(sub, { type: 'snapshot', tabId: sub.tabId, events, dropped, goals });
  }

  private send(sub: Subscriber, push: PanelPush): void {
    try {
      sub.port.postMessage(push);
    } catch {
      this.subs.delete(sub);
    }
  }

  changed(tab: number, entries: readonly LogEntry[], log: TabLog): void {
    if (this.subs.size === 0) return;
    const events = entries.map((e) => e.ev);
    for (const sub of this.subs) {
      if (sub.tabId !== undefined && sub.tabId !== tab) continue;
      // A browser-wide panel shows the sum of drops; it re-reads it on its next snapshot.
      this.send(sub, { type: 'upsert', tabId: tab, events, dropped: log.dropped });
    }
  }

  goals(goals: GoalsDoc): void {
    for (const sub of this.subs) this.send(sub, { type: 'goals', goals });
  }

  cleared(tabId?: number): void {
    for (const sub of this.subs) {
      if (tabId !== undefined && sub.tabId !== undefined && sub.tabId !== tabId) continue;
      this.send(sub, { type: 'cleared', tabId });
    }
  }
}
