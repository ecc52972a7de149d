/**
 * Human output of an audit: the same tables `goalpost replay` prints (one renderer for both),
 * so a report reads the same whichever command produced it.
 */
export { renderReport as renderAuditReport } from '../cli/report-text';
