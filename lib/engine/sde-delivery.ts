/**
 * LivePerson engagement attributes (SDEs) count when LivePerson received them (semantics.md §4).
 * The page pushes them to lpTag; the tag sends them in its next page report (`/api/js/<site>?…
 * &sdes=[…]`), or at once for `lpTag.sdes.send`. So:
 *
 * - a push whose SDE a page report from the same page carried is only evidence: the report's hit
 *   counts and the push's is dropped (one purchase, not two);
 * - a push no report carried, on a page whose reports can be read (some report there carried
 *   SDEs), did not reach LivePerson: not delivered, with the reason;
 * - on a page whose reports carry no readable SDEs, the push counts when a LivePerson report
 *   left the page after it (the SDE travelled in a way we cannot read), else it is not delivered;
 * - a browser whose journey recorded no network at all (a hand-written journey of pushes) is
 *   taken as it is: there is nothing to check the pushes against.
 */
import type { Decoded } from '../decoders/index';
import type { PushEvent, RequestEvent } from '../formats/journey';
import { DEFAULT_BROWSER } from '../formats/journey';
import { withoutFragment } from './domains';
import { vendorName } from './findings';
import { requestFailure, type EngineHit } from './hits';
import { getOrCreate } from '../util/maps';

const LIVEPERSON = 'liveperson';
/** Push targets whose hits are SDEs the tag still has to send (lpTag.events are the tag's own). */
const SDE_TARGETS = new Set(['lpTag.sdes', 'lpTag.sdes.send', 'lpTag.newPage']);
/** Request and page clocks can differ by a little: a report this much before a push may carry it. */
const CLOCK_SLACK_MS = 1000;

/** One LivePerson report (page report or API call) from a page. */
interface SentReport {
  t: number;
  delivered: boolean;
  failure?: string;
  /** Content keys of the SDEs it carried, each matched to at most one push. */
  sdes: string[];
}

interface PageLog {
  reports: SentReport[];
  /** The tag's own script loads on the page, with their failure if any. */
  tags: { failure?: string; blocked: boolean }[];
}

interface Pushed {
  hit: EngineHit;
  target: string;
  key: string;
}

/** What an SDE says, without where or by whom: equal keys are the same SDE sent twice. */
function sdeKey(h: EngineHit): string {
  return JSON.stringify([h.kind, h.name ?? null, h.transaction ?? null, h.lead ?? null, h.service ?? null, h.experience ?? null]);
}

function pageKey(browser: string | undefined, url: string): string {
  return `${browser ?? DEFAULT_BROWSER}\n${withoutFragment(url)}`;
}

export class SdeDelivery {
  private readonly pages = new Map<string, PageLog>();
  private readonly pushed: Pushed[] = [];
  private readonly networkBrowsers = new Set<string>();

  private log(key: string): PageLog {
    return getOrCreate(this.pages, key, () => ({ reports: [], tags: [] }));
  }

  /** Every request, decoded: LivePerson reports and tag loads are what pushes are checked against. */
  request(req: RequestEvent, decoded: Decoded | null, hits: readonly EngineHit[]): void {
    this.networkBrowsers.add(req.browser ?? DEFAULT_BROWSER);
    if (!decoded || decoded.decoder !== LIVEPERSON) return;
    const failed = requestFailure(req);
    // The hook knows the page; a report also names it (`u`), which is what an SPA's report says.
    // One report is filed under each, as the same object, so it is matched once.
    const keys = new Set([req.pageUrl, ...hits.map((h) => h.url)].filter((u): u is string => !!u).map((u) => pageKey(req.browser, u)));
    if (decoded.role === 'library') {
      const load = failed ? { failure: failed.failure, blocked: failed.blocked } : { blocked: false };
      for (const key of keys) this.log(key).tags.push(load);
    } else if (decoded.role === 'hit') {
      const report: SentReport = { t: req.t, delivered: !failed, sdes: hits.filter((h) => h.kind !== 'pageview').map(sdeKey) };
      if (failed) report.failure = failed.failure;
      for (const key of keys) this.log(key).reports.push(report);
    }
  }

  push(push: PushEvent, hits: readonly EngineHit[]): void {
    if (!SDE_TARGETS.has(push.target)) return;
    for (const hit of hits) if (hit.vendor === LIVEPERSON) this.pushed.push({ hit, target: push.target, key: sdeKey(hit) });
  }

  /**
   * Decides every pushed SDE: returns the hits to drop (a report carried them); the others are
   * left delivered or marked not delivered with the reason and the sentence to show.
   */
  settle(): Set<EngineHit> {
    const dropped = new Set<EngineHit>();
    const consumed = new Map<SentReport, Set<number>>();
    const pushed = this.pushed.slice().sort((a, b) => a.hit.t - b.hit.t);
    for (const p of pushed) {
      const browser = p.hit.browser ?? DEFAULT_BROWSER;
      if (!this.networkBrowsers.has(browser)) continue;
      const log = this.pages.get(pageKey(p.hit.browser, p.hit.url));
      const after = (log?.reports ?? []).filter((r) => r.t >= p.hit.t - CLOCK_SLACK_MS);
      if (after.some((r) => this.consume(r, p.key, consumed))) {
        dropped.add(p.hit);
        continue;
      }
      const readable = (log?.reports ?? []).some((r) => r.sdes.length > 0);
      const delivered = after.filter((r) => r.delivered);
      if (!readable && delivered.length > 0) continue;
      const reason = this.reason(log, after, readable);
      p.hit.delivered = false;
      p.hit.failure = reason.short;
      p.hit.notDelivered = sentence(p, reason);
    }
    return dropped;
  }

  private consume(r: SentReport, key: string, consumed: Map<SentReport, Set<number>>): boolean {
    const used = getOrCreate(consumed, r, () => new Set<number>());
    for (let i = 0; i < r.sdes.length; i++) {
      if (!used.has(i) && r.sdes[i] === key) {
        used.add(i);
        return true;
      }
    }
    return false;
  }

  private reason(log: PageLog | undefined, after: SentReport[], readable: boolean): Reason {
    const failedTag = log?.tags.find((t) => t.failure !== undefined);
    if (after.length === 0 && failedTag) {
      return {
        short: `tag.js ${failedTag.blocked ? 'blocked' : 'failed'}: ${failedTag.failure}`,
        why: `the lpTag tag.js ${failedTag.blocked ? 'was blocked' : 'failed to load'} there (${failedTag.failure}) and no LivePerson report was delivered from that page`,
        fix: failedTag.blocked
          ? 'visitors with blockers are not measured'
          : 'check that the page loads lptag.liveperson.net/tag/tag.js for this site',
      };
    }
    if (after.length === 0 && !log) {
      return {
        short: 'no LivePerson report from the page',
        why: 'no LivePerson request left that page (the lpTag was never loaded there)',
        fix: 'load the lpTag on this page, before or after the push',
      };
    }
    if (after.length > 0 && after.every((r) => !r.delivered)) {
      return {
        short: `report failed: ${after[0]!.failure}`,
        why: `every LivePerson report from that page after it failed (${after[0]!.failure})`,
        fix: 'check the network log for the failed /api/js request and what blocks it',
      };
    }
    return {
      short: readable ? 'no report carried it' : 'no LivePerson report after the push',
      why: readable
        ? 'no LivePerson report from that page carried it (the tag sends pushed SDEs with its next report, and the page was left first)'
        : 'no LivePerson report was delivered from that page after it',
      fix: 'push SDEs before the tag starts the page, or send late ones with lpTag.sdes.send, which sends them at once',
    };
  }
}

interface Reason {
  /** For the occurrence: a few words. */
  short: string;
  why: string;
  fix: string;
}

function sentence(p: Pushed, reason: Reason): string {
  const what = p.hit.kind === 'event' ? (p.hit.name ?? 'event') : p.hit.kind === 'transaction' ? 'purchase' : p.hit.kind;
  const ids = p.hit.transaction?.orderId
    ? ` (order ${p.hit.transaction.orderId})`
    : p.hit.lead?.leadId
      ? ` (lead ${p.hit.lead.leadId})`
      : p.hit.service?.serviceId
        ? ` (service ${p.hit.service.serviceId})`
        : '';
  const lp = vendorName(LIVEPERSON);
  return `The ${p.target} ${what}${ids} pushed on ${p.hit.url} never reached ${lp}: ${reason.why}, so ${lp} did not count it; ${reason.fix}.`;
}
