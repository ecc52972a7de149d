/**
 * A goalpost.journey document read in pieces: the bytes go through here as they come off the
 * disk, each run of whole events is parsed and validated while the rest is still unread, and
 * neither the file's text nor its parsed tree is ever held whole (a 1M-event journey is hundreds
 * of megabytes as text and several times that as one JSON.parse tree).
 *
 * Only the usual shape is read this way: one top-level object whose `events` array holds
 * objects. Anything else, or anything wrong (bad JSON, an invalid event, a HAR file), makes
 * `finish()` return undefined, and the caller reads the file the ordinary way, which words the
 * problem exactly as it always has (line and column, the event's path).
 */
import type { Journey, JourneyEvent } from './journey';
import { parseJourneyText } from './parse';
import { Shape } from './shape';
import { Interned } from '../util/interned';
import { validateEvent, validateJourney } from './validate-journey';

const QUOTE = 34;
const BACKSLASH = 92;
const OPEN_OBJECT = 123;
const CLOSE_OBJECT = 125;
const OPEN_ARRAY = 91;
const CLOSE_ARRAY = 93;
const COMMA = 44;

/** Past this much text outside the events array the document is not a journey (a HAR's entries are). */
const MAX_HEAD = 1 << 20;

const utf8 = new TextDecoder();

const isSpace = (c: number): boolean => c === 32 || c === 10 || c === 13 || c === 9;

/** Fields whose text repeats from event to event (a request's own URL seldom does: it is left alone). */
const SHARED_KEYS = ['url', 'pageUrl', 'browser', 'vendor', 'referrer', 'name', 'clientId', 'target'] as const;

export class JourneyScanner {
  private readonly shape: Shape;
  private readonly strings = new Interned();
  private readonly events: JourneyEvent[] = [];
  private readonly head: string[] = [];
  private headSize = 0;
  private failed = false;
  /** Bracket depth: 1 inside the top object, 2 inside the events array, 3+ inside an event. */
  private depth = 0;
  private lastKey = '';
  private inEvents = false;
  private eventsDone = false;
  /** Inside the events array, between events: what may come next. */
  private expect: 'first' | 'comma' | 'event' = 'first';

  /** True once the document cannot be streamed (the rest of it need not be read). */
  get gaveUp(): boolean {
    return this.failed;
  }

  constructor(readonly file: string) {
    this.shape = new Shape(file);
  }

  /** Bytes read but not yet consumed: an event or a string the last chunk cut off. */
  private buf = new Uint8Array(0);
  private len = 0;
  /** Where scanning resumes in `buf`. */
  private pos = 0;
  /** Where the event being read starts in `buf`, or -1 between events. */
  private eventStart = -1;

  /** The next piece of the file. */
  write(chunk: Uint8Array): void {
    if (this.failed) return;
    if (this.len + chunk.length > this.buf.length) {
      const grown = new Uint8Array(Math.max(this.len + chunk.length, this.buf.length * 2, 1 << 16));
      grown.set(this.buf.subarray(0, this.len));
      this.buf = grown;
    }
    this.buf.set(chunk, this.len);
    this.len += chunk.length;
    this.scan();
    const drop = this.eventStart !== -1 ? this.eventStart : this.pos;
    if (drop > 0) {
      this.buf.copyWithin(0, drop, this.len);
      this.len -= drop;
      this.pos -= drop;
      if (this.eventStart !== -1) this.eventStart -= drop;
    }
  }

  /** False once the document turned out not to be streamable. */
  private scan(): boolean {
    const buf = this.buf;
    const to = this.len;
    let i = this.pos;
    let headFrom = this.inEvents ? -1 : i;
    let batchStart = this.eventStart;
    let batchEnd = -1;
    scan: while (i < to) {
      const c = buf[i]!;
      if (c === QUOTE) {
        let q = i + 1;
        for (;;) {
          q = buf.indexOf(QUOTE, q);
          if (q === -1 || q >= to) break scan;
          let k = q - 1;
          while (buf[k] === BACKSLASH) k--;
          if ((q - 1 - k) % 2 === 0) break;
          q++;
        }
        if (this.depth === 1) this.lastKey = utf8.decode(buf.subarray(i + 1, q));
        else if (this.inEvents && this.depth === 2) return this.fail();
        i = q + 1;
        continue;
      }
      if (c === OPEN_OBJECT || c === OPEN_ARRAY) {
        if (this.depth === 0 && c !== OPEN_OBJECT) return this.fail();
        if (this.inEvents && this.depth === 2) {
          if (c !== OPEN_OBJECT || this.expect === 'comma') return this.fail();
          this.eventStart = i;
          if (batchStart === -1) batchStart = i;
        }
        this.depth++;
        if (this.depth === 2 && c === OPEN_ARRAY && this.lastKey === 'events' && !this.eventsDone) {
          this.addHead(headFrom, i);
          this.addHeadText('[]');
          this.inEvents = true;
          this.expect = 'first';
        }
      } else if (c === CLOSE_OBJECT || c === CLOSE_ARRAY) {
        this.depth--;
        if (this.depth < 0) return this.fail();
        if (this.inEvents && this.depth === 2) {
          if (c !== CLOSE_OBJECT) return this.fail();
          batchEnd = i + 1;
          this.eventStart = -1;
          this.expect = 'comma';
        } else if (this.inEvents && this.depth === 1) {
          if (c !== CLOSE_ARRAY || this.expect === 'event') return this.fail();
          this.inEvents = false;
          this.eventsDone = true;
          headFrom = i + 1;
        }
      } else if (this.inEvents && this.depth === 2) {
        if (c === COMMA && this.expect === 'comma') this.expect = 'event';
        else if (!isSpace(c)) return this.fail();
      }
      i++;
    }
    this.pos = i;
    if (batchStart !== -1 && batchEnd !== -1 && !this.parseBatch(batchStart, batchEnd)) return this.fail();
    if (!this.inEvents && headFrom !== -1) this.addHead(headFrom, i);
    return this.headSize > MAX_HEAD ? this.fail() : true;
  }

  /** The journey, or undefined when the document must be read the ordinary way. */
  finish(): Journey | undefined {
    if (this.failed || this.inEvents || this.depth !== 0 || this.pos !== this.len) return undefined;
    let doc: unknown;
    try {
      doc = JSON.parse(this.head.join(''));
    } catch {
      return undefined;
    }
    if (doc === null || typeof doc !== 'object' || Array.isArray(doc)) return undefined;
    const events = (doc as { events?: unknown }).events;
    if (!this.eventsDone) {
      try {
        return validateJourney(doc, this.file);
      } catch {
        return undefined;
      }
    }
    // A second "events" member would win in JSON.parse: only the usual document is taken.
    if (!Array.isArray(events) || events.length !== 0) return undefined;
    try {
      const journey = validateJourney(doc, this.file);
      journey.events = this.events;
      return journey;
    } catch {
      return undefined;
    }
  }

  private parseBatch(start: number, end: number): boolean {
    let raw: unknown[];
    try {
      raw = JSON.parse(`[${utf8.decode(this.buf.subarray(start, end))}]`) as unknown[];
    } catch {
      return false;
    }
    const base = this.events.length;
    try {
      for (let j = 0; j < raw.length; j++) this.events.push(this.shared(validateEvent(this.shape, raw[j], `events[${base + j}]`)));
    } catch {
      return false;
    }
    return true;
  }

  private shared(e: JourneyEvent): JourneyEvent {
    const rec = e as unknown as Record<string, unknown>;
    for (const key of SHARED_KEYS) {
      if (key === 'url' && e.type === 'request') continue;
      const v = rec[key];
      if (typeof v === 'string' && v.length < 2048) rec[key] = this.strings.get(v);
    }
    return e;
  }

  private addHead(from: number, to: number): void {
    if (to > from) this.addHeadText(utf8.decode(this.buf.subarray(from, to)));
  }

  private addHeadText(s: string): void {
    this.head.push(s);
    this.headSize += s.length;
  }

  private fail(): false {
    this.failed = true;
    return false;
  }
}

/**
 * A journey from its pieces (as a file yields them), streamed where the document allows; the
 * ordinary parse of the whole text (`wholeText()`, read only then) otherwise, with its messages.
 */
export function scanJourney(file: string, pieces: Iterable<Uint8Array>, wholeText: () => string): Journey {
  const scanner = new JourneyScanner(file);
  for (const piece of pieces) {
    scanner.write(piece);
    if (scanner.gaveUp) break;
  }
  return scanner.finish() ?? parseJourneyText(wholeText(), file);
}
