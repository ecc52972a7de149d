/**
 * A goals file may count another vendor beside the model's own (`"vendors": ["ptengine",
 * "liveperson"]`: visits from Ptengine, the purchase from LivePerson). The model decides who and
 * which visit: the other vendor's hits join the person and visit the model's tag identified on
 * the page (their own visitor and session ids would make a second person), and its page views are
 * shown on the page but not counted (the page was already counted once, by the model's tag).
 * With only the model's vendor, or none of it in the journey, hits are left as they are.
 */
import type { EngineHit } from './hits';

export function countAlongside<T>(
  stream: readonly (T | EngineHit)[],
  scope: ReadonlySet<string>,
  own: readonly string[],
): (T | EngineHit)[] {
  if (!own.some((v) => scope.has(v))) return stream.slice();
  return stream.map((item) => {
    const h = item as Partial<EngineHit>;
    if (h.type !== 'hit' || h.vendor === undefined || !scope.has(h.vendor) || own.includes(h.vendor)) return item;
    const { clientId: _c, sessionId: _s, ...rest } = item as EngineHit;
    return h.kind === 'pageview' ? { ...rest, tallyOnly: true } : rest;
  });
}
