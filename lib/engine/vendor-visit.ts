/**
 * The vendor's own visit (semantics.md §2 "The vendor's own ids win"): when the counted hits
 * carry the vendor's visit id, or say they open a visit (Ptengine `/pn`), that decides the visit,
 * even where the model's timer or source rule would decide otherwise; the disagreement itself is
 * reported. Generic: any vendor whose hits carry `sessionId` or `opensVisit`.
 */
import type { EngineHit } from './hits';
import type { Session } from './state';

export interface VisitSignal {
  /** The vendor starts a new visit here (true) or keeps the current one (false). */
  breaks: boolean;
  detail: string;
}

/** What the hit's vendor says about the visit it belongs to; undefined when it says nothing. */
export function vendorVisit(s: Session, h: EngineHit): VisitSignal | undefined {
  const known = s.vendorIds.get(h.vendor);
  if (h.sessionId !== undefined && h.sessionId !== '' && known !== undefined) {
    if (known !== h.sessionId) return { breaks: true, detail: `${h.vendor} visit id changed from ${known} to ${h.sessionId}` };
    return { breaks: false, detail: `${h.vendor} kept visit id ${known}` };
  }
  // An opening hit ends a visit only that vendor's hits were already in: a visit another counted
  // tag started a moment earlier on the same page (a LivePerson SDE) is the one it opens.
  if (h.opensVisit === true && known !== undefined)
    return { breaks: true, detail: `${h.vendor} opened a new visit${h.sessionId ? ` ${h.sessionId}` : ''}` };
  return undefined;
}
