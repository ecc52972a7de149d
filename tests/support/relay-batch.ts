import type { CaptureRecord } from '../../lib/capture/records';

/**
 * A relay's numbered batch builder for one test file: each call takes the next sequence numbers
 * of the document, as the relay's outbox does, so the merger stores every batch once.
 */
export function relayBatches(): (
  records: readonly CaptureRecord[],
  doc?: string,
) => { doc: string; seq: number; records: readonly CaptureRecord[] } {
  let nextSeq = 0;
  return (records, doc = 'doc-00000001') => {
    const seq = nextSeq;
    nextSeq += records.length;
    return { doc, seq, records };
  };
}
