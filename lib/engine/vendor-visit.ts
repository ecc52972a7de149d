/**
 * The vendor's own visit (semantics.md §2 "The vendor's own ids win"): when the counted hits
 * carry the vendor's visit id, or say they open a visit (Ptengine `/pn`), that decides the visit,
 * even where the model's timer or source rule would decide otherwise; the disagreement itself is
 * reported. Generic: any vendor whose hits carry `sessionId` or `opensVisit`.
 */
import { type MessageRef, ref } from '../i18n/params';
import { render } from '../i18n/render';
import type { EngineHit } from './hits';
import type { Session } from './state';

export interface VisitSignal {
  /** The vendor starts a new visit here (true) or keeps the current one (false). */
  breaks: boolean;
  detail: string;
  /** `detail` as a message, for the finding in other languages. */
  detailRef: MessageRef;
}

function signal(breaks: boolean, detailRef: MessageRef): VisitSignal {
  return { breaks, detail: render('en', detailRef.messageId, detailRef.params), detailRef };
}

/** What the hit's vendor says about the visit it belongs to; undefined when it says nothing. */
export function vendorVisit(s: Session, h: EngineHit): VisitSignal | undefined {
  const known = s.vendorIds.get(h.vendor);
  if (h.sessionId !== undefined && h.sessionId !== '' && known !== undefined) {
    if (known !== h.sessionId) return signal(true, ref('visit_id_changed', { vendor: h.vendor, from: known, to: h.sessionId }));
    return signal(false, ref('visit_id_kept', { vendor: h.vendor, id: known }));
  }
  // An opening hit ends a visit only that vendor's hits were already in: a visit another counted
  // tag started a moment earlier on the same page (a LivePerson SDE) is the one it opens.
  if (h.opensVisit === true && known !== undefined)
    return signal(
      true,
      h.sessionId ? ref('visit_opened_id', { vendor: h.vendor, id: h.sessionId }) : ref('visit_opened', { vendor: h.vendor }),
    );
  return undefined;
}
