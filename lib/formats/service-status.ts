/** LivePerson service statuses (semantics.md §4): goals and hits may use the number or the name. */

export const SERVICE_STATUS_NAMES: readonly string[] = [
  'Complete',
  'In Progress',
  'Approved',
  'Cancelled',
  'Not Approved',
  'Reviewed',
  'Missing Details',
  'Closed',
  'Removed',
  'Assigned',
  'Waiting',
];

const BY_NAME = new Map(SERVICE_STATUS_NAMES.map((name, i) => [name.toLowerCase().replace(/[\s_-]+/g, ' '), i]));

/** The status number for a number, a numeric string or a name (case- and separator-blind); undefined if unknown. */
export function serviceStatusNumber(status: unknown): number | undefined {
  if (typeof status === 'number') return Number.isInteger(status) ? status : undefined;
  if (typeof status !== 'string') return undefined;
  const trimmed = status.trim();
  if (/^\d+$/.test(trimmed)) return Number(trimmed);
  return BY_NAME.get(trimmed.toLowerCase().replace(/[\s_-]+/g, ' '));
}
