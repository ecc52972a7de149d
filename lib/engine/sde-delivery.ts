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
import { type MessageRef, ref } from '../i18n/params';
import { findingText, type FindingText, vendorName } from './findings';
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
      const failure = failedTag.failure!;
      return failedTag.blocked
        ? { short: `tag.js blocked: ${failure}`, why: ref('sde_why_tag_blocked', { failure }), fix: ref('sde_fix_blocked') }
        : { short: `tag.js failed: ${failure}`, why: ref('sde_why_tag_failed', { failure }), fix: ref('sde_fix_tag_failed') };
    }
    if (after.length === 0 && !log)
      return { short: 'no LivePerson report from the page', why: ref('sde_why_no_tag'), fix: ref('sde_fix_no_tag') };
    if (after.length > 0 && after.every((r) => !r.delivered)) {
      const failure = after[0]!.failure ?? '';
      return { short: `report failed: ${failure}`, why: ref('sde_why_report_failed', { failure }), fix: ref('sde_fix_report_failed') };
    }
    return readable
      ? { short: 'no report carried it', why: ref('sde_why_not_carried'), fix: ref('sde_fix_late') }
      : { short: 'no LivePerson report after the push', why: ref('sde_why_no_report'), fix: ref('sde_fix_late') };
  }
}

interface Reason {
  /** For the occurrence: a few words. */
  short: string;
  why: MessageRef;
  fix: MessageRef;
}

function sentence(p: Pushed, reason: Reason): FindingText {
  const what = p.hit.kind === 'event' ? (p.hit.name ?? 'event') : p.hit.kind === 'transaction' ? 'purchase' : p.hit.kind;
  const ids = p.hit.transaction?.orderId
    ? ref('sde_id_order', { id: p.hit.transaction.orderId })
    : p.hit.lead?.leadId
      ? ref('sde_id_lead', { id: p.hit.lead.leadId })
      : p.hit.service?.serviceId
        ? ref('sde_id_service', { id: p.hit.service.serviceId })
        : undefined;
  const params = { target: p.target, what, url: p.hit.url, vendor: vendorName(LIVEPERSON), why: reason.why, fix: reason.fix };
  return ids ? findingText('finding_sde_not_delivered_ids', { ...params, ids }) : findingText('finding_sde_not_delivered', params);
}
