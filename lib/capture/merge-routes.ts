/**
 * Merging the two views of a soft navigation into one `route` event: the page hook's (which
 * knows push from replace, and where the address came from) and webNavigation's
 * onHistoryStateUpdated / onReferenceFragmentUpdated (which sees every frame-0 change even when
 * the hook could not run). Whichever arrives first creates the event, the other one confirms it.
 */
import type { RouteEvent, RouteKind } from '../formats/journey';
import { findUnpaired, newEntry } from './merge';
import type { RouteRecord } from './records';
import type { LogEntry, TabLog } from './tab-log';

/** Both views of one change carry the system clock; they are at most this far apart. */
const ROUTE_SKEW_MS = 2_000;

/** webNavigation's view of a same-document change in the top frame. */
export interface NetRoute {
  url: string;
  t: number;
  /** onHistoryStateUpdated (push or replace: it cannot tell) or onReferenceFragmentUpdated. */
  how: 'history' | 'fragment';
  /** transitionQualifiers held "forward_back". */
  backForward: boolean;
}

const near = (e: LogEntry, t: number) => Math.abs(e.ev.t - t) <= ROUTE_SKEW_MS;

function routeEvent(tab: number, t: number, url: string, kind: RouteKind, from: string | undefined): RouteEvent {
  const ev: RouteEvent = { type: 'route', t, url, kind, tab };
  if (from) ev.from = from;
  return ev;
}

/** The hook's record of a route change (or of a restore from the back/forward cache). */
export function addRoute(log: TabLog, tab: number, rec: RouteRecord): LogEntry {
  if (rec.how === 'restore') {
    // webNavigation reports a restore as a commit: that entry is this restore, not a new document.
    const commit = findUnpaired(log, 'net', rec.t, (e) => e.ev.type === 'navigation' && e.ev.url === rec.url && near(e, rec.t), true);
    if (commit) {
      commit.ev = { ...routeEvent(tab, commit.ev.t, rec.url, 'restore', undefined), id: commit.ev.id };
      commit.via = 'both';
      return commit;
    }
  } else {
    const partner = findUnpaired(log, 'net', rec.t, (e) => e.ev.type === 'route' && e.ev.url === rec.url && near(e, rec.t));
    if (partner) {
      const ev = partner.ev as RouteEvent;
      // The page's clock: its tags' requests after the change are stamped by it too, and must
      // not sort before the change that the browser process stamped a moment later.
      ev.t = rec.t;
      ev.kind = rec.how;
      if (rec.from) ev.from = rec.from;
      partner.via = 'both';
      return partner;
    }
  }
  log.top = rec.url;
  return newEntry(log, tab, routeEvent(tab, rec.t, rec.url, rec.how, rec.from), 'hook');
}

/**
 * webNavigation's view. A history update to the address the tab already shows (replaceState
 * storing state) is no route, and is dropped unless the hook recorded it.
 */
export function addNetRoute(log: TabLog, tab: number, nav: NetRoute): LogEntry | undefined {
  const partner = findUnpaired(
    log,
    'hook',
    nav.t,
    (e) => e.ev.type === 'route' && e.ev.kind !== 'restore' && e.ev.url === nav.url && near(e, nav.t),
  );
  if (partner) {
    partner.via = 'both';
    return partner;
  }
  if (nav.url === log.top) return undefined;
  const from = log.top;
  log.top = nav.url;
  const kind: RouteKind = nav.backForward ? 'back-forward' : nav.how === 'fragment' ? 'hash' : 'push';
  return newEntry(log, tab, routeEvent(tab, nav.t, nav.url, kind, from), 'net');
}
