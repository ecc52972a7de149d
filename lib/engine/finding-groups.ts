/**
 * Findings grouped by what one fix addresses: the same problem (code and severity) of the same
 * vendor on the same site, and for the goal findings the same goal. A journey of a million events
 * repeats one missing tag on every page of a template; a person reads that as one line with a
 * count, the pages it happened on (ids collapsed) and a few whole findings as examples. One pass,
 * memory bounded per group, so the CLI and the panel share it at any size.
 */
import { SEVERITY_RANK, type Finding, type FindingGroup } from '../formats/report';
import { domainOfHost, hostOf } from './domains';

/** Whole findings kept per group: the first, one from another page, the last. */
export const EXAMPLES_PER_GROUP = 3;
/** Distinct page patterns counted per group; findings on more are counted as "other pages". */
const PATTERNS_TRACKED = 100;
/** Page patterns listed per group, most findings first. */
const PATTERNS_LISTED = 5;

/** A group as the views use it: `key` identifies it across renders; `members` on request. */
export interface GroupedFindings extends FindingGroup {
  key: string;
  members?: Finding[];
}

interface PatternTally {
  count: number;
  first: Finding;
}

interface Building {
  group: GroupedFindings;
  index: number;
  firstFinding: Finding;
  lastFinding: Finding;
  /** The group's first findings in report order, enough to show a small group whole. */
  early: Finding[];
  patterns: Map<string, PatternTally>;
  untracked: number;
}

// A path segment that is an id rather than a page name: digits only, a UUID, a hex or base64-like
// token, or a word carrying an order/product number (A1001, order-12345).
const ID_SEGMENT =
  /^(?:\d+|[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}|(?=[^/]*\d)[0-9a-f]{8,}|(?=(?:[^/]*\d){3})[\w-]{16,}|[^/]*\d{4,}[^/]*)$/i;

/** The page of a URL with ids collapsed and the query dropped: `www.shop.example/p/:id`. */
export function pagePattern(url: string): string {
  const host = hostOf(url);
  if (!host) return url.replace(/[?#].*$/s, '').slice(0, 120);
  const afterScheme = url.indexOf('//') + 2;
  const pathStart = url.indexOf('/', afterScheme);
  const end = url.search(/[?#]/);
  const path = pathStart === -1 || (end !== -1 && end < pathStart) ? '/' : url.slice(pathStart, end === -1 ? undefined : end);
  const collapsed = path
    .split('/')
    .map((seg) => (seg && ID_SEGMENT.test(seg) ? ':id' : seg))
    .join('/');
  return `${host}${collapsed}`.slice(0, 160);
}

/** The site a finding is about: the registrable domain of its page. */
export function siteOf(f: Finding): string | undefined {
  if (f.url === undefined) return undefined;
  const host = hostOf(f.url);
  return host ? domainOfHost(host) : undefined;
}

export function groupKey(f: Finding): string {
  return [f.severity, f.code, f.vendor ?? '', f.goal ?? '', siteOf(f) ?? ''].join('\u0000');
}

/** Earlier first; a finding without a time sorts after those with one (ISO strings compare as times). */
const before = (a: Finding, b: Finding): boolean => a.t !== undefined && (b.t === undefined || a.t < b.t);

function examplesOf(b: Building, max: number): Finding[] {
  const { group } = b;
  if (group.count <= max) return sortByTime(b.early);
  const picked = new Set<Finding>([b.firstFinding]);
  const firstPattern = b.firstFinding.url === undefined ? undefined : pagePattern(b.firstFinding.url);
  // Another page shows how far the problem reaches; without one, the second occurrence.
  for (const p of group.pages) {
    if (picked.size >= max - 1) break;
    if (p.pattern !== firstPattern) picked.add(b.patterns.get(p.pattern)!.first);
  }
  for (const f of b.early) if (picked.size < max - 1) picked.add(f);
  if (picked.size < max) picked.add(b.lastFinding);
  return sortByTime([...picked]);
}

const byTime = (x: Finding, y: Finding): number => (before(x, y) ? -1 : before(y, x) ? 1 : 0);
const sortByTime = (findings: Finding[]): Finding[] => [...findings].sort(byTime);

/**
 * Every finding in one group, worst first: severity, then the most findings, then the earliest
 * (and the report's own order), so a report without repeats reads as it always did.
 */
export function groupFindings(findings: readonly Finding[], opts: { examples?: number; members?: boolean } = {}): GroupedFindings[] {
  const max = opts.examples ?? EXAMPLES_PER_GROUP;
  const building = new Map<string, Building>();
  findings.forEach((f, index) => {
    const key = groupKey(f);
    let b = building.get(key);
    if (!b) {
      const site = siteOf(f);
      const group: GroupedFindings = {
        key,
        code: f.code,
        severity: f.severity,
        ...(f.vendor !== undefined ? { vendor: f.vendor } : {}),
        ...(f.goal !== undefined ? { goal: f.goal } : {}),
        ...(site !== undefined ? { site } : {}),
        count: 0,
        pages: [],
        examples: [],
        ...(opts.members ? { members: [] } : {}),
      };
      b = { group, index, firstFinding: f, lastFinding: f, early: [], patterns: new Map(), untracked: 0 };
      building.set(key, b);
    }
    const g = b.group;
    g.count++;
    g.members?.push(f);
    if (b.early.length < max) b.early.push(f);
    // The earliest and the latest by time, ties in report order; untimed ones only when none has a time.
    if (f.t !== undefined && (b.firstFinding.t === undefined || f.t < b.firstFinding.t)) b.firstFinding = f;
    if (f.t !== undefined ? b.lastFinding.t === undefined || f.t >= b.lastFinding.t : b.lastFinding.t === undefined) b.lastFinding = f;
    if (f.t !== undefined) {
      if (g.first === undefined || f.t < g.first) g.first = f.t;
      if (g.last === undefined || f.t > g.last) g.last = f.t;
    }
    if (f.url !== undefined) {
      const pattern = pagePattern(f.url);
      const tally = b.patterns.get(pattern);
      if (tally) tally.count++;
      else if (b.patterns.size < PATTERNS_TRACKED) b.patterns.set(pattern, { count: 1, first: f });
      else b.untracked++;
    }
  });
  const groups = [...building.values()];
  for (const b of groups) {
    const sorted = [...b.patterns].sort((x, y) => y[1].count - x[1].count || (x[0] < y[0] ? -1 : 1));
    b.group.pages = sorted.slice(0, PATTERNS_LISTED).map(([pattern, t]) => ({ pattern, count: t.count }));
    const other = b.untracked + sorted.slice(PATTERNS_LISTED).reduce((n, [, t]) => n + t.count, 0);
    if (other > 0) b.group.otherPages = other;
    b.group.examples = examplesOf(b, max);
  }
  return groups
    .sort(
      (a, b) =>
        SEVERITY_RANK[a.group.severity] - SEVERITY_RANK[b.group.severity] ||
        b.group.count - a.group.count ||
        byTime(a.firstFinding, b.firstFinding) ||
        a.index - b.index,
    )
    .map((b) => b.group);
}

/** The group as the report format writes it: no view key, no member list. */
export function plainGroup({ key: _key, members: _members, ...group }: GroupedFindings): FindingGroup {
  return group;
}
