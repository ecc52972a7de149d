/**
 * One pass over the time-ordered journey: pages, visitors, sessions and goal occurrences are
 * decided as each hit arrives; only what needs the whole journey (tags missing on a site, goal
 * pages without a pageview) is settled at the end.
 */
import type { GoalsDoc, ModelName } from '../formats/goals';
import { DEFAULT_BROWSER, type JourneyEvent, type NavigationEvent, type RouteEvent } from '../formats/journey';
import { REPORT_FORMAT, type Finding, type Report, type ReportHop, type SessionReason, type VendorTally } from '../formats/report';
import { isoTime } from '../formats/time';
import { serviceStatusNumber } from '../formats/service-status';
import { dayIn, type DayOf } from './calendar';
import { compileGoals, type CompiledGoal, type Met } from './conditions';
import { domainOf, domainOfHost, linkParamOn, withoutFragment } from './domains';
import { messages } from './findings';
import { checkGoogleLink, type LinkCheck } from './google-linker';
import { countAlongside } from './counted-alongside';
import { pushHits, requestHits, type EngineHit, type FailedRequest, type UnreadRequest } from './hits';
import { deviceOf, PAGE_API_VENDORS, rulesFor, type ModelRules } from './models';
import { resends } from './resends';
import { SdeDelivery } from './sde-delivery';
import { campaignSource, DIRECT, trafficSource } from './source';
import { vendorVisit } from './vendor-visit';
import type { BrowserState, GoalSession, GoalTally, Hop, OccurrenceRec, PageState, PageVendor, Session, Slot, Visitor } from './state';
import { documentsWithRoutes, expectsPageviews, repeatedPageview, routeDocument, spaMessages, virtualPageFor } from './virtual-pages';
import { getOrCreate } from '../util/maps';
import { type MessageRef, ref } from '../i18n/params';
import { render } from '../i18n/render';

interface RawFinding extends Finding {
  at: number;
}

export class Replayer {
  private readonly rules: ModelRules;
  private readonly goals: CompiledGoal[];
  private readonly tallies: GoalTally[];
  private readonly crossDomain: Set<string> | undefined;
  private readonly day: DayOf | undefined;
  private readonly endpoints: GoalsDoc['endpoints'];
  private readonly namedVendors: ReadonlySet<string> | undefined;
  /** browser + registrable domain -> the counted tags' client ids over time. */
  private readonly idTimeline = new Map<string, { t: number; id: string; nav: number }[]>();
  /** Whose hits make visitors, sessions and occurrences; undefined until the journey is decoded. */
  private scope: ReadonlySet<string> = new Set();

  private readonly browsers = new Map<string, BrowserState>();
  /** Simulated cookie jars: browser -> registrable domain -> cookie. */
  private readonly jar = new Map<string, Map<string, Slot>>();
  private readonly clientVisitors = new Map<string, Visitor>();
  private readonly visitors: Visitor[] = [];
  private readonly sessions: Session[] = [];
  private readonly pages: PageState[] = [];
  private readonly hops: Hop[] = [];
  private readonly findings: RawFinding[] = [];
  private readonly usedVisitorIds = new Set<string>();
  private readonly usedSessionIds = new Set<string>();
  private visitorCounter = 0;
  private sessionCounter = 0;
  /** Documents whose route changes were recorded (virtual-pages.ts). */
  private spaDocuments: ReadonlySet<NavigationEvent> = new Set();

  constructor(goalsDoc: GoalsDoc | undefined, model: ModelName) {
    this.rules = rulesFor(model, goalsDoc);
    this.goals = compileGoals(goalsDoc?.goals ?? []);
    this.tallies = this.goals.map((compiled) => ({ compiled, occurrences: [], sessions: new Set(), users: new Set(), total: 0 }));
    const cd = goalsDoc?.crossDomain?.domains;
    this.crossDomain = cd ? new Set(cd.map((d) => domainOfHost(d.trim().toLowerCase().replace(/^\.+/, '')))) : undefined;
    this.day = this.rules.midnight ? dayIn(this.rules.timezone) : undefined;
    this.endpoints = goalsDoc?.endpoints;
    this.namedVendors = goalsDoc?.vendors?.length ? new Set(goalsDoc.vendors) : undefined;
  }

  run(events: readonly JourneyEvent[]): Report {
    // Recorded journeys come in time order: the stable sort would leave a million events as they are.
    const sorted = inTimeOrder(events) ? events : events.slice().sort((a, b) => a.t - b.t);
    // Decode first: which vendors are counted depends on which ones the journey holds.
    let stream: (NavigationEvent | RouteEvent | EngineHit | FailedRequest)[] = [];
    const onFailed = (f: FailedRequest): void => void stream.push(f);
    const present = new Set<string>();
    const unread: UnreadRequest[] = [];
    const onRecognised = (vendor: string, u?: UnreadRequest): void => {
      present.add(vendor);
      if (u) unread.push(u);
    };
    const sdes = new SdeDelivery();
    for (const e of sorted) {
      if (e.type === 'hit') stream.push(e);
      else if (e.type === 'navigation' || e.type === 'route') stream.push(e);
      else if (e.type === 'request')
        stream.push(...requestHits(e, this.endpoints, onFailed, onRecognised, (d, hits) => sdes.request(e, d, hits)));
      else if (e.type === 'push') {
        const hits = pushHits(e);
        sdes.push(e, hits);
        stream.push(...hits);
      }
    }
    // A pushed SDE a page report carried is counted from the report: the push is dropped.
    const dropped = sdes.settle();
    if (dropped.size > 0) stream = stream.filter((item) => !dropped.has(item as EngineHit));
    const seen = new Set<string>();
    for (const item of stream) if (!('what' in item) && item.type === 'hit') seen.add(item.vendor);
    this.scope = this.countedVendors(seen, present);
    this.unreadable(unread);
    stream = countAlongside(stream, this.scope, this.rules.vendors);
    this.spaDocuments = documentsWithRoutes(sorted);
    this.indexClientIds(stream);
    // A copy the vendor drops by its event id is not a second hit.
    const copies = resends(stream.filter((item): item is EngineHit => !('what' in item) && item.type === 'hit'));
    for (const item of stream) {
      if ('what' in item) this.requestFailed(item);
      else if (item.type === 'navigation') this.navigation(item);
      else if (item.type === 'route') this.route(item);
      else if (!copies.has(item)) this.hit(item);
    }
    return this.report();
  }

  private indexClientIds(stream: readonly (NavigationEvent | RouteEvent | EngineHit | FailedRequest)[]): void {
    const navs = new Map<string, number>();
    for (const item of stream) {
      if ('what' in item || item.type === 'route') continue;
      const browser = item.browser ?? DEFAULT_BROWSER;
      if (item.type === 'navigation') {
        navs.set(browser, (navs.get(browser) ?? 0) + 1);
        continue;
      }
      if (!item.clientId || !this.scope.has(item.vendor)) continue;
      const key = `${browser}\n${domainOf(item.url)}`;
      const entry = { t: item.t, id: item.clientId, nav: navs.get(browser) ?? 0 };
      const list = this.idTimeline.get(key);
      if (!list) this.idTimeline.set(key, [entry]);
      else if (list[list.length - 1]!.id !== item.clientId || list[list.length - 1]!.nav !== entry.nav) list.push(entry);
    }
  }

  /**
   * A counted tag that sets no id of its own (LivePerson's SDE pushes) shares the browser's
   * cookie jar with its neighbour: the person is whoever that tag identified on this site at the
   * time: the id it read on this same page (since the browser's last navigation), else the latest
   * one before the hit, else the first one after it.
   */
  private adoptedId(browser: string, domain: string, t: number, nav: number): string | undefined {
    if (this.idTimeline.size === 0) return undefined;
    const list = this.idTimeline.get(`${browser}\n${domain}`);
    if (!list) return undefined;
    // The list is in stream order, so both its navigation counts and its times only grow: a
    // binary search each, not a walk along every id the browser showed before.
    const samePage = list[firstIndex(list, (e) => e.nav >= nav)];
    if (samePage?.nav === nav) return samePage.id;
    const after = firstIndex(list, (e) => e.t > t);
    return list[Math.max(0, after - 1)]!.id;
  }

  /**
   * One product's counting rules apply to that product's hits: a page tagged with both GA4 and
   * Ptengine is one person, not two visitors reaching every goal twice. A journey holding none
   * of the model's hits counts every vendor, so a replay never comes out silently empty.
   */
  private countedVendors(seen: ReadonlySet<string>, present: ReadonlySet<string>): ReadonlySet<string> {
    if (this.namedVendors) return this.namedVendors;
    const own = this.rules.vendors.filter((v) => seen.has(v));
    if (own.length > 0) return new Set(own);
    // The model's tag is on the page but nothing of it could be read: counting another vendor
    // in its place would blame the wrong tag (the unreadable requests are reported instead).
    if (this.rules.vendors.some((v) => present.has(v))) return new Set(this.rules.vendors);
    return new Set([...seen].filter((v) => !PAGE_API_VENDORS.has(v)));
  }

  /** Requests of a counted vendor that should carry hits but yielded none: each is a finding. */
  private unreadable(unread: readonly UnreadRequest[]): void {
    const counted = unread.filter((u) => this.scope.has(u.vendor));
    for (const u of counted.slice(0, 20)) {
      this.finding(u.t, {
        code: 'tag-unreadable',
        severity: 'error',
        ...messages.tagUnreadable(u.vendor, u.what, u.url, u.pageUrl, u.problem),
        url: u.pageUrl ?? u.url,
        vendor: u.vendor,
      });
    }
  }

  // ---- pages and browsers ----

  private browser(name: string): BrowserState {
    let b = this.browsers.get(name);
    if (!b) {
      b = { name, pages: [], tabs: new Map(), hasNavigations: false, navigations: 0, lastTagged: new Map(), lastByDomain: new Map() };
      this.browsers.set(name, b);
    }
    return b;
  }

  private newPage(
    b: BrowserState,
    t: number,
    url: string,
    tab: string | number | undefined,
    fromNavigation: boolean,
    referrer?: string,
  ): PageState {
    const page: PageState = {
      seq: b.pages.length,
      t,
      url,
      domain: domainOf(url),
      browser: b.name,
      fromNavigation,
      vendors: new Map(),
      anyPageview: false,
      pageviewDelivered: false,
    };
    if (referrer !== undefined) page.referrer = referrer;
    b.pages.push(page);
    this.pages.push(page);
    b.last = page;
    if (tab !== undefined) b.tabs.set(tab, page);
    return page;
  }

  private navigation(e: NavigationEvent): void {
    const b = this.browser(e.browser ?? DEFAULT_BROWSER);
    const prev = (e.tab !== undefined ? b.tabs.get(e.tab) : undefined) ?? b.last;
    b.hasNavigations = true;
    b.navigations++;
    if (e.userAgent !== undefined) b.userAgent = e.userAgent;
    const page = this.newPage(b, e.t, e.url, e.tab, true, e.referrer);
    if (this.spaDocuments.has(e)) page.spa = true;
    const known = b.lastByDomain.get(page.domain);
    if (known) page.hint = known.session ? { visitor: known.visitor, session: known.session } : { visitor: known.visitor };
    const pending = b.pendingHop;
    if (prev && prev.domain !== page.domain && prev.domain !== '' && page.domain !== '') {
      const hop: Hop = {
        t: e.t,
        browser: b.name,
        fromPage: prev,
        toPage: page,
        from: prev.domain,
        to: page.domain,
        fromSlot: this.slot(b.name, prev.domain),
        resolved: false,
        linked: false,
      };
      const param = linkParamOn(e.url, this.rules.linkParams);
      if (param) hop.linkParam = param;
      if (e.userAgent !== undefined && e.language !== undefined && e.timezoneOffset !== undefined) {
        hop.fingerprint = { userAgent: e.userAgent, language: e.language, timezoneOffset: e.timezoneOffset };
      }
      this.hops.push(hop);
      b.pendingHop = hop;
    } else if (pending && !pending.resolved && pending.to !== page.domain) {
      pending.resolved = true;
    }
  }

  /** A soft navigation: a virtual page under its document, which the next hits attach to. */
  private route(e: RouteEvent): void {
    const b = this.browser(e.browser ?? DEFAULT_BROWSER);
    const current = (e.tab !== undefined ? b.tabs.get(e.tab) : undefined) ?? b.last;
    const doc = routeDocument(b, current, e);
    const page = this.newPage(b, e.t, e.url, e.tab, false);
    page.route = e.kind;
    page.spa = true;
    if (doc) {
      page.document = doc;
      if (doc.hint) page.hint = doc.hint;
    }
  }

  /** The page a hit belongs to: its tab's (or browser's) current page, a new one for a new pageview. */
  private pageFor(b: BrowserState, h: EngineHit, url: string): PageState {
    const current = (h.tab !== undefined ? b.tabs.get(h.tab) : undefined) ?? b.last;
    if (!current) return this.newPage(b, h.t, url, h.tab, false);
    if (current.spa) return virtualPageFor(b, current, h);
    const sameUrl = url === '' || current.url === url || withoutFragment(current.url) === withoutFragment(url);
    if (h.kind === 'pageview' && current.vendors.get(h.vendor)?.pageview === true) {
      // A second pageview from the same tag is another page view (reload, virtual page).
      return this.newPage(b, h.t, url === '' ? current.url : url, h.tab, false);
    }
    if (sameUrl) return current;
    if (h.kind !== 'pageview') {
      // A late beacon from the page just left still belongs to it.
      const before = current.seq > 0 ? b.pages[current.seq - 1] : undefined;
      if (before && withoutFragment(before.url) === withoutFragment(url)) return before;
      return current;
    }
    // The first pageview after a navigation is that page's, whatever URL the tag reports
    // (canonical URLs, stripped parameters).
    if (current.fromNavigation) return current;
    return this.newPage(b, h.t, url, h.tab, false);
  }

  // ---- visitors ----

  private slot(browser: string, domain: string): Slot {
    const jar = getOrCreate(this.jar, browser, () => new Map<string, Slot>());
    return getOrCreate(jar, domain, (): Slot => ({}));
  }

  private newVisitor(id: string | undefined, browser: string): Visitor {
    let name = id;
    if (name === undefined || this.usedVisitorIds.has(name)) {
      do name = `v${++this.visitorCounter}`;
      while (this.usedVisitorIds.has(name) || this.clientVisitors.has(name));
    }
    this.usedVisitorIds.add(name);
    const v: Visitor = { id: name, browser, sessions: [], lastT: -Infinity };
    this.visitors.push(v);
    return v;
  }

  private crossDomainListed(from: string, to: string): 'none' | 'from' | 'to' | 'both' | 'unset' {
    if (!this.crossDomain) return 'unset';
    const f = this.crossDomain.has(from);
    const t = this.crossDomain.has(to);
    return f && t ? 'both' : f ? 'from' : t ? 'to' : 'none';
  }

  private visitorFor(b: BrowserState, h: EngineHit, page: PageState): Visitor {
    const hop =
      b.pendingHop && !b.pendingHop.resolved && b.pendingHop.to === page.domain && page.seq >= b.pendingHop.toPage.seq
        ? b.pendingHop
        : undefined;
    if (hop) {
      hop.landingUrl = page.url;
      const param = linkParamOn(page.url, this.rules.linkParams);
      if (param) {
        hop.landingParam = param;
        // The tag on the landing page reads the link when it runs there.
        const link = checkGoogleLink(param, page.url, hop.fingerprint, page.t);
        if (link) hop.link = link;
      }
      const listed = this.crossDomainListed(hop.from, hop.to);
      const honoured = !!param && (listed === 'unset' || listed === 'both') && !refused(hop.link);
      if (honoured && h.clientId === undefined) {
        this.slot(b.name, page.domain);
        this.jar.get(b.name)!.set(page.domain, hop.fromSlot);
      }
    }
    let v: Visitor;
    const clientId = h.clientId !== '' ? h.clientId : undefined;
    const adopted = clientId === undefined ? this.adoptedId(b.name, page.domain, h.t, b.navigations) : undefined;
    if (clientId !== undefined) {
      const known = this.clientVisitors.get(clientId);
      if (known) v = known;
      else {
        v = this.newVisitor(clientId, b.name);
        this.clientVisitors.set(clientId, v);
      }
    } else if (adopted !== undefined) {
      v = this.clientVisitors.get(adopted) ?? this.newVisitor(adopted, b.name);
      this.clientVisitors.set(adopted, v);
    } else {
      const s = this.slot(b.name, page.domain);
      v = s.visitor ??= this.newVisitor(undefined, b.name);
    }
    if (hop) this.resolveHop(hop, h, v);
    return v;
  }

  private resolveHop(hop: Hop, h: EngineHit, to: Visitor): void {
    hop.resolved = true;
    const from = hop.fromPage.vendors.get(h.vendor)?.visitor ?? hop.fromPage.firstVisitor ?? hop.fromSlot.visitor;
    hop.visitorTo = to.id;
    if (!from) return;
    hop.visitorFrom = from.id;
    hop.linked = from === to;
    if (hop.linked) return;
    const listed = this.crossDomainListed(hop.from, hop.to);
    const text = messages.crossDomainBreak({
      from: hop.from,
      to: hop.to,
      fromUrl: hop.fromPage.url,
      toUrl: hop.landingUrl ?? hop.toPage.url,
      visitorFrom: from.id,
      visitorTo: to.id,
      params: this.rules.linkParams,
      product: this.rules.product,
      ...(hop.landingParam ? { param: hop.landingParam } : {}),
      ...(hop.linkParam && !hop.landingParam ? { lostParam: hop.linkParam } : {}),
      listed,
      notHonouredBecauseUnlisted: listed !== 'unset' && listed !== 'both',
      ...(refused(hop.link) ? { rejectedLink: hop.link } : {}),
      ...(hop.fromPage.vendors.get(h.vendor)?.consent?.analytics === 'denied' ? { consentDenied: true } : {}),
    });
    this.finding(hop.t, {
      code: 'cross-domain-break',
      severity: 'error',
      ...text,
      url: hop.landingUrl ?? hop.toPage.url,
      vendor: h.vendor,
    });
  }

  // ---- sessions ----

  private sessionBreak(
    v: Visitor,
    h: EngineHit,
    page: PageState,
    b: BrowserState,
    source: string | undefined,
  ): { reason: SessionReason; detail?: string; gap?: number } | undefined {
    const s = v.current;
    if (!s) return { reason: 'first' };
    const rule = this.ruleBreak(v, h, page, b, source, s);
    const vendor = vendorVisit(s, h);
    if (!vendor) return rule;
    if (vendor.breaks === (rule !== undefined)) return rule;
    // The vendor's visit wins; the report says where the model's rules would have decided otherwise.
    const url = h.url === '' ? page.url : h.url;
    this.finding(h.t, {
      code: 'vendor-visit-differs',
      severity: 'warning',
      ...messages.vendorVisitDiffers({
        vendor: h.vendor,
        visitor: v.id,
        session: s.id,
        url,
        at: isoTime(h.t),
        vendorDetail: vendor.detailRef,
        ruleDetail: rule ? ref('visit_rule_detail', { reason: rule.reason, detail: rule.detailRef }) : undefined,
        product: this.rules.product,
      }),
      url,
      session: s.id,
      vendor: h.vendor,
    });
    return vendor.breaks ? { reason: 'vendor', detail: vendor.detail } : undefined;
  }

  /** The model's own rules (timeout per device, midnight, source, untagged page), vendor ids aside. */
  private ruleBreak(
    v: Visitor,
    h: EngineHit,
    page: PageState,
    b: BrowserState,
    source: string | undefined,
    s: Session,
  ): RuleBreak | undefined {
    const gap = h.t - v.lastT;
    const device = deviceOf(b.userAgent, h.source);
    if (gap > this.rules.timeoutMs[device]) {
      const minutes = this.rules.timeoutMinutes[device];
      const detail = ref(device === 'pc' ? 'rule_timeout_pc' : 'rule_timeout_smartphone', { gap: { durationMs: gap }, minutes });
      return { ...ruleBreak('timeout', detail), gap };
    }
    if (this.day && this.day(h.t) !== this.day(v.lastT))
      return ruleBreak('midnight', ref('rule_midnight', { day: this.day(h.t), timezone: this.rules.timezone }));
    if (source !== undefined && source !== DIRECT && s.source !== undefined && source !== s.source) {
      return ruleBreak('campaign', ref('rule_campaign', { from: s.source, to: source }));
    }
    // Ptengine's rule about Ptengine's own tag: another tag missing from a page ends nothing.
    if (this.rules.untaggedPage && this.rules.vendors.includes(h.vendor)) {
      const untagged = this.untaggedBetween(b, h.vendor, page, s);
      if (untagged) return ruleBreak('untagged-page', ref('rule_untagged', { url: untagged.url, vendor: h.vendor }));
    }
    return undefined;
  }

  private untaggedBetween(b: BrowserState, vendor: string, page: PageState, s: Session): PageState | undefined {
    const last = b.lastTagged.get(vendor);
    if (last === undefined) return undefined;
    for (let i = last + 1; i < page.seq; i++) {
      const p = b.pages[i]!;
      if (
        p.fromNavigation &&
        !p.vendors.get(vendor)?.delivered &&
        (s.domains.has(p.domain) || p.domain === page.domain || this.crossDomain?.has(p.domain))
      ) {
        return p;
      }
    }
    return undefined;
  }

  private pageviewSource(h: EngineHit, page: PageState, s: Session | undefined): string {
    const firstOnPage = page.fromNavigation && page.vendors.get(h.vendor)?.pageview !== true;
    const referrer = h.referrer ?? (firstOnPage ? page.referrer : undefined);
    const url = campaignSource(h.url, this.rules.campaignParams) !== undefined || !firstOnPage ? h.url : page.url;
    return trafficSource(url, referrer, (d) => d === page.domain || !!s?.domains.has(d) || !!this.crossDomain?.has(d), this.rules);
  }

  private startSession(v: Visitor, h: EngineHit, reason: SessionReason, detail: string | undefined): Session {
    let id = h.sessionId;
    if (id === undefined || id === '' || this.usedSessionIds.has(id)) {
      do id = `s${++this.sessionCounter}`;
      while (this.usedSessionIds.has(id));
    }
    this.usedSessionIds.add(id);
    const s: Session = {
      id,
      visitor: v,
      start: h.t,
      end: h.t,
      hits: 0,
      pages: new Set(),
      reason,
      domains: new Set(),
      vendorIds: new Map(),
      experiences: new Set(),
      goals: [],
    };
    if (detail !== undefined) s.detail = detail;
    v.sessions.push(s);
    v.current = s;
    this.sessions.push(s);
    return s;
  }

  // ---- hits ----

  private hit(h: EngineHit): void {
    const b = this.browser(h.browser ?? DEFAULT_BROWSER);
    const page = this.pageFor(b, h, h.url);
    const url = h.url === '' ? page.url : h.url;
    const delivered = h.delivered !== false;

    const tally = getOrCreate(page.vendors, h.vendor, (): PageVendor => ({ hits: 0, delivered: 0, pageview: false }));
    tally.hits++;
    if (delivered) tally.delivered++;
    if (!delivered && h.notDelivered !== undefined) {
      this.finding(h.t, { code: 'tag-failed', severity: 'error', ...h.notDelivered, url, vendor: h.vendor });
    } else if (!delivered && h.failure === undefined) {
      this.finding(h.t, {
        code: 'tag-failed',
        severity: 'error',
        ...messages.hitNotDelivered(h.vendor, h.kind, url),
        url,
        vendor: h.vendor,
      });
    }
    if (page.spa && delivered && h.kind === 'pageview') {
      const first = repeatedPageview(page, h);
      if (first) {
        this.finding(h.t, {
          code: 'page-counted-twice',
          severity: 'warning',
          ...spaMessages.countedTwice(h.vendor, url, first, h),
          url,
          vendor: h.vendor,
        });
      }
    }
    if (!this.scope.has(h.vendor) || h.tallyOnly) {
      if (h.kind === 'pageview') tally.pageview = true;
      if (delivered && h.kind === 'experience' && h.experience && typeof h.experience.id === 'string')
        this.foreignExperience(page, h.experience.id);
      return;
    }

    const v = this.visitorFor(b, h, page);
    if (h.consent) tally.consent = h.consent;
    if (h.consent?.analytics === 'denied' && !h.clientId && !tally.consentNoted) {
      tally.consentNoted = true;
      this.finding(h.t, {
        code: 'consent-denied',
        severity: 'info',
        ...messages.consentDenied(h.vendor, url, v.id),
        url,
        vendor: h.vendor,
      });
    }
    let s = v.current;
    if (delivered) {
      const source = this.rules.campaign && h.kind === 'pageview' ? this.pageviewSource(h, page, s) : undefined;
      const brk = this.sessionBreak(v, h, page, b, source);
      if (brk) {
        s = this.startSession(v, h, brk.reason, brk.detail);
        if (brk.reason === 'timeout' && brk.gap !== undefined) {
          this.finding(h.t, {
            code: 'session-timeout',
            severity: 'info',
            ...messages.sessionTimeout(v.id, s.id, isoTime(h.t), brk.gap, this.rules.timeoutMinutes[deviceOf(b.userAgent, h.source)]),
            url,
            session: s.id,
            vendor: h.vendor,
          });
        }
      }
      s = s!;
      s.end = h.t;
      s.hits++;
      s.pages.add(page);
      s.domains.add(page.domain);
      if (h.sessionId !== undefined) s.vendorIds.set(h.vendor, h.sessionId);
      if (h.kind === 'pageview' && s.source === undefined) s.source = source ?? this.pageviewSource(h, page, s);
      v.lastT = h.t;
      const last = b.lastTagged.get(h.vendor);
      if (last === undefined || page.seq > last) b.lastTagged.set(h.vendor, page.seq);
      if (h.kind === 'experience' && h.experience && typeof h.experience.id === 'string') this.experienceShown(s, h.experience.id);
      if (page.pendingExperiences) {
        for (const id of page.pendingExperiences) this.experienceShown(s, id);
        delete page.pendingExperiences;
      }
    }

    tally.visitor = v;
    if (!page.firstVisitor) {
      page.firstVisitor = v;
      if (s) page.firstSession = s;
    }
    b.lastByDomain.set(page.domain, s ? { visitor: v, session: s } : { visitor: v });
    if (h.kind === 'pageview') {
      tally.pageview = true;
      page.anyPageview = true;
      if (delivered) page.pageviewDelivered = true;
    }

    // On an SPA the vendor's URL and the address bar part ways (virtual URLs, a late route
    // change): goals match the vendor's, the occurrence names the address bar too.
    const addressBar = page.spa && h.sentFrom !== undefined && h.sentFrom !== url ? h.sentFrom : undefined;
    for (const g of this.goals) this.goal(g, h, url, v, s, delivered, addressBar);
  }

  /**
   * An A/B tool's display (Optimizely, VWO, Target…) belongs to the counted product's visit on
   * the same page; shown before that product's first hit there, it waits for the visit to exist.
   */
  private foreignExperience(page: PageState, id: string): void {
    const s = page.firstVisitor?.current;
    if (s) this.experienceShown(s, id);
    else {
      page.pendingExperiences ??= [];
      page.pendingExperiences.push(id);
    }
  }

  private experienceShown(s: Session, id: string): void {
    s.experiences.add(id);
    const waiting = s.awaitingExperience?.get(id);
    if (!waiting) return;
    for (const occ of waiting) occ.reason = 'before-experience';
    s.awaitingExperience!.delete(id);
  }

  private goalSession(s: Session | undefined, index: number): GoalSession {
    if (!s) return { counted: false, ids: new Set(), cond: { pageviews: [] } };
    let gs = s.goals[index];
    if (!gs) s.goals[index] = gs = { counted: false, ids: new Set(), cond: { pageviews: [] } };
    return gs;
  }

  /**
   * Where an id already counted is remembered: the visit (semantics.md §4), or, where the model
   * says so (GA4 orders), the visitor across all their visits.
   */
  private countedIds(tally: GoalTally, gs: GoalSession, h: EngineHit, v: Visitor): Set<string> {
    if (!this.rules.orderIdPerUser || h.kind !== 'transaction') return gs.ids;
    tally.visitorIds ??= new Map();
    return getOrCreate(tally.visitorIds, v, () => new Set<string>());
  }

  private goal(
    g: CompiledGoal,
    h: EngineHit,
    url: string,
    v: Visitor,
    s: Session | undefined,
    delivered: boolean,
    addressBar?: string,
  ): void {
    const gs = this.goalSession(s, g.index);
    const met: Met | undefined = g.test(h, gs.cond);
    if (!met) return;
    const occ: OccurrenceRec = { t: h.t, url, visitor: v.id, session: s?.id ?? '', counted: false, reason: 'counted' };
    if (addressBar !== undefined) occ.pageUrl = addressBar;
    const detail = describeHit(h);
    if (detail) occ.detail = h.notDelivered !== undefined && h.failure ? `${detail}, not delivered (${h.failure})` : detail;
    const dupKey = duplicateKey(h);
    const tally = this.tallies[g.index]!;
    const ids = dupKey ? this.countedIds(tally, gs, h, v) : undefined;
    const experience = g.goal.experience;
    if (!delivered) occ.reason = 'not-delivered';
    else if (met.webOnly && h.source === 'mobile') occ.reason = 'unsupported-source';
    else if (met.belowThreshold) occ.reason = 'below-threshold';
    else if (experience !== undefined && !s!.experiences.has(experience)) {
      occ.reason = 'experience-not-displayed';
      s!.awaitingExperience ??= new Map();
      getOrCreate(s!.awaitingExperience, experience, () => []).push(occ);
    } else if (dupKey && ids!.has(dupKey.key)) {
      occ.reason = 'duplicate-id';
      occ.duplicate = dupKey.words;
      if (ids !== gs.ids) occ.duplicateOfVisitor = true;
    } else if ((g.goal.oncePerVisit || met.oncePerSession) && gs.counted) occ.reason = 'once-per-visit';
    else {
      occ.counted = true;
      gs.counted = true;
      if (dupKey) ids!.add(dupKey.key);
    }
    tally.occurrences.push(occ);
    if (occ.counted) {
      tally.total++;
      tally.sessions.add(occ.session);
      tally.users.add(occ.visitor);
    }
  }

  // ---- findings ----

  private finding(at: number, f: Finding): void {
    this.findings.push({ ...f, t: isoTime(at), at });
  }

  private requestFailed(f: FailedRequest): void {
    this.finding(f.t, {
      code: 'tag-failed',
      severity: 'error',
      ...messages.requestFailed(f.vendor, f.what, f.pageUrl, f.failure, f.blocked, f.url),
      url: f.pageUrl ?? f.url,
      vendor: f.vendor,
    });
  }

  /** Settled with the whole journey known: tags missing per site, goal pages without a pageview. */
  private settlePages(): void {
    const siteVendors = new Map<string, Set<string>>();
    for (const p of this.pages) {
      if (!p.anyPageview) continue;
      const set = getOrCreate(siteVendors, p.domain, () => new Set<string>());
      // Only page-tracking tags are expected everywhere; a conversion-only pixel is not.
      for (const [vendor, t] of p.vendors) if (t.pageview) set.add(vendor);
    }
    const urlGoals = this.goals.filter((g) => g.urlTests.length > 0);
    for (const p of this.pages) {
      const b = this.browsers.get(p.browser)!;
      if (p.route) {
        if (expectsPageviews(p.route)) {
          for (const vendor of siteVendors.get(p.domain) ?? []) {
            if (p.vendors.get(vendor)?.pageview) continue;
            this.finding(p.t, {
              code: 'tag-missing',
              severity: 'error',
              ...spaMessages.routeTagMissing(vendor, p, p.domain),
              url: p.url,
              vendor,
            });
          }
        }
      } else if (p.fromNavigation || !b.hasNavigations) {
        for (const vendor of siteVendors.get(p.domain) ?? []) {
          if (!p.vendors.has(vendor)) {
            this.finding(p.t, {
              code: 'tag-missing',
              severity: 'error',
              ...messages.tagMissing(vendor, p.url, p.domain),
              url: p.url,
              vendor,
            });
          }
        }
      }
      // A restored document runs no tag again: not a new visit to a goal page.
      const visited = p.fromNavigation || (p.route !== undefined && p.route !== 'restore');
      if (!visited || p.pageviewDelivered) continue;
      for (const g of urlGoals) {
        if (!g.urlTests.some((test) => test(p.url))) continue;
        const anyPageview = p.anyPageview;
        this.finding(p.t, {
          code: 'tag-not-fired-on-goal-page',
          severity: 'error',
          ...messages.tagNotFiredOnGoalPage(g.goal.id, g.goal.name, p.url, anyPageview),
          url: p.url,
          goal: g.goal.id,
        });
        // An undelivered pageview already made a not-delivered occurrence for this page.
        if (anyPageview) continue;
        const visitor = p.firstVisitor ?? p.hint?.visitor;
        const session = p.firstSession ?? p.hint?.session;
        this.tallies[g.index]!.occurrences.push({
          t: p.t,
          url: p.url,
          visitor: visitor?.id ?? '',
          session: session?.id ?? '',
          counted: false,
          reason: 'tag-not-fired',
        });
      }
    }
  }

  private occurrenceFindings(t: GoalTally): void {
    const { goal } = t.compiled;
    for (const o of t.occurrences) {
      if (o.reason === 'before-experience') {
        this.finding(o.t, {
          code: 'goal-before-experience',
          severity: 'warning',
          ...messages.beforeExperience(goal.id, goal.name, goal.experience!, o.url, o.visitor, o.session),
          url: o.url,
          goal: goal.id,
          session: o.session,
        });
      } else if (o.reason === 'experience-not-displayed') {
        this.finding(o.t, {
          code: 'experience-not-displayed',
          severity: 'warning',
          ...messages.experienceNotDisplayed(goal.id, goal.name, goal.experience!, o.url, o.visitor, o.session),
          url: o.url,
          goal: goal.id,
          session: o.session,
        });
      } else if (o.reason === 'duplicate-id') {
        this.finding(o.t, {
          code: 'duplicate-id',
          severity: 'info',
          ...messages.duplicateId(goal.id, goal.name, o.duplicate, o.url, o.session, o.duplicateOfVisitor === true),
          url: o.url,
          goal: goal.id,
          session: o.session,
        });
      }
    }
    if (t.sessions.size !== t.users.size) {
      const lastAt = t.occurrences.reduce((m, o) => (o.counted && o.t > m ? o.t : m), -Infinity);
      const f: Finding = {
        code: 'conversion-goal-mismatch',
        severity: 'info',
        ...messages.conversionGoalMismatch(goal.id, goal.name, t.sessions.size, t.users.size),
        goal: goal.id,
      };
      if (Number.isFinite(lastAt)) this.finding(lastAt, f);
    }
  }

  // ---- report ----

  private report(): Report {
    this.settlePages();
    for (const t of this.tallies) {
      t.occurrences.sort((a, b) => a.t - b.t);
      this.occurrenceFindings(t);
    }
    this.findings.sort((a, b) => a.at - b.at);
    const hops: ReportHop[] = this.hops.map((h) => {
      const out: ReportHop = { t: isoTime(h.t), browser: h.browser, from: h.from, to: h.to, linked: h.linked };
      const param = h.landingParam ?? h.linkParam;
      if (param) out.param = param;
      if (h.visitorFrom !== undefined) out.visitorFrom = h.visitorFrom;
      if (h.visitorTo !== undefined) out.visitorTo = h.visitorTo;
      return out;
    });
    return {
      format: REPORT_FORMAT,
      model: this.rules.name,
      visitors: this.visitors.map((v) => ({ id: v.id, browser: v.browser, sessions: v.sessions.map((s) => s.id) })),
      sessions: this.sessions.map((s) => {
        const out: Report['sessions'][number] = {
          id: s.id,
          visitor: s.visitor.id,
          start: isoTime(s.start),
          end: isoTime(s.end),
          hits: s.hits,
          pages: s.pages.size,
          reason: s.reason,
        };
        if (s.detail !== undefined) out.detail = s.detail;
        if (s.source !== undefined) out.source = s.source;
        return out;
      }),
      pages: this.pages.map((p) => ({
        t: isoTime(p.t),
        url: p.url,
        browser: p.browser,
        vendors: tallies(p),
        ...(p.route ? { route: p.route } : {}),
      })),
      goals: this.tallies.map((t) => {
        const g = t.compiled.goal;
        return {
          id: g.id,
          ...(g.name !== undefined ? { name: g.name } : {}),
          sessions: t.sessions.size,
          users: t.users.size,
          total: t.total,
          occurrences: t.occurrences.map((o) => {
            const out: Report['goals'][number]['occurrences'][number] = {
              t: isoTime(o.t),
              url: o.url,
              visitor: o.visitor,
              session: o.session,
              counted: o.counted,
              reason: o.reason,
            };
            if (o.detail !== undefined) out.detail = o.detail;
            if (o.pageUrl !== undefined) out.pageUrl = o.pageUrl;
            return out;
          }),
        };
      }),
      findings: this.findings.map(({ at: _at, ...f }) => f),
      hops,
      counted: [...this.scope].sort(),
    };
  }
}

/** The first index whose entry meets `reached` (false up to some index, true from there on); the length if none. */
function firstIndex<T>(list: readonly T[], reached: (item: T) => boolean): number {
  let lo = 0;
  let hi = list.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (reached(list[mid]!)) hi = mid;
    else lo = mid + 1;
  }
  return lo;
}

function inTimeOrder(events: readonly JourneyEvent[]): boolean {
  for (let i = 1; i < events.length; i++) if (events[i]!.t < events[i - 1]!.t) return false;
  return true;
}

/**
 * The Google tag refuses a link whose checksum is stale or altered. A value that is not a link
 * at all (journeys written by hand carry `_gl=1*x`) proves nothing about the tag, so it is
 * honoured as the contract says a present parameter is.
 */
function refused(link: LinkCheck | undefined): boolean {
  return link !== undefined && (link.status === 'stale' || link.status === 'altered');
}

function tallies(p: PageState): Record<string, VendorTally> {
  const out: Record<string, VendorTally> = {};
  for (const [vendor, t] of p.vendors)
    out[vendor] = t.consent ? { hits: t.hits, delivered: t.delivered, consent: t.consent } : { hits: t.hits, delivered: t.delivered };
  return out;
}

/** A break by the model's own rules; `detail` is the English of `detailRef` (the report's session detail). */
interface RuleBreak {
  reason: SessionReason;
  detail: string;
  detailRef: MessageRef;
  gap?: number;
}

function ruleBreak(reason: SessionReason, detailRef: MessageRef): RuleBreak {
  return { reason, detail: render('en', detailRef.messageId, detailRef.params), detailRef };
}

function duplicateKey(h: EngineHit): { key: string; words: MessageRef } | undefined {
  if (h.kind === 'transaction' && h.transaction?.orderId !== undefined && h.transaction.orderId !== '') {
    return { key: `o\n${h.transaction.orderId}`, words: ref('duplicate_order', { id: h.transaction.orderId }) };
  }
  if (h.kind === 'lead' && h.lead?.leadId !== undefined && h.lead.leadId !== '') {
    return { key: `l\n${h.lead.leadId}`, words: ref('duplicate_lead', { id: h.lead.leadId }) };
  }
  if (h.kind === 'service' && h.service?.serviceId !== undefined && h.service.serviceId !== '') {
    const status = serviceStatusNumber(h.service.status) ?? String(h.service.status);
    return {
      key: `s\n${h.service.serviceId}\n${String(h.service.topic).toLowerCase()}\n${status}`,
      words: ref('duplicate_service', { id: h.service.serviceId, topic: String(h.service.topic), status: String(h.service.status) }),
    };
  }
  return undefined;
}

function describeHit(h: EngineHit): string | undefined {
  switch (h.kind) {
    case 'transaction':
      return h.transaction
        ? `transaction${h.transaction.orderId ? ` ${h.transaction.orderId}` : ''} ${String(h.transaction.total)}${h.transaction.currency ? ` ${h.transaction.currency}` : ''}`
        : undefined;
    case 'lead':
      return h.lead ? `lead${h.lead.leadId ? ` ${h.lead.leadId}` : ''}${h.lead.topic ? ` (${h.lead.topic})` : ''}` : undefined;
    case 'service':
      return h.service
        ? `service ${h.service.topic}: ${String(h.service.status)}${h.service.serviceId ? ` (${h.service.serviceId})` : ''}`
        : undefined;
    case 'event':
      return h.name ? `event ${h.name}` : undefined;
    default:
      return `${h.vendor} ${h.kind}`;
  }
}
