/** Building the panel's readable parameter list from a vendor's key → label dictionary. */
import type { DecodedParam } from '../types';
import { getOrCreateWeak } from '../../util/maps';
import type { Fields, Pair } from './fields';

export interface Label {
  label: string;
  group?: string;
}

/** Exact keys, plus prefix rules (key ending in "*", e.g. "ep.*") tried in order. */
export type Dictionary = Record<string, string | Label>;

function lookupIn(dict: Dictionary, key: string): Label | undefined {
  const exact = dict[key];
  if (exact !== undefined) return typeof exact === 'string' ? { label: exact } : exact;
  for (const [pattern, entry] of Object.entries(dict)) {
    if (!pattern.endsWith('*')) continue;
    const prefix = pattern.slice(0, -1);
    if (key.startsWith(prefix) && key.length > prefix.length) {
      const e = typeof entry === 'string' ? { label: entry } : entry;
      return { label: `${e.label} ${key.slice(prefix.length)}`, group: e.group };
    }
  }
  return undefined;
}

/** Labels already looked up, per dictionary: a replay describes the same few keys on every request. */
const looked = new WeakMap<Dictionary, Map<string, Label | undefined>>();

function lookup(dict: Dictionary, key: string): Label | undefined {
  const known = getOrCreateWeak(looked, dict, () => new Map<string, Label | undefined>());
  if (known.has(key)) return known.get(key);
  const label = lookupIn(dict, key);
  if (known.size > 4096) known.clear();
  known.set(key, label);
  return label;
}

/**
 * One DecodedParam per field, in order: known keys get the dictionary's label and group,
 * unknown ones keep their key as label, in `otherGroup`.
 */
export function describe(fields: Fields | readonly Pair[], dict: Dictionary, otherGroup = 'Other'): DecodedParam[] {
  const pairs = Array.isArray(fields) ? (fields as readonly Pair[]) : (fields as Fields).pairs;
  return pairs.map(([key, value]) => {
    const known = lookup(dict, key);
    const group = known ? known.group : otherGroup;
    const param: DecodedParam = { key, label: known?.label ?? key, value };
    if (group !== undefined) param.group = group;
    return param;
  });
}

/** A single synthetic parameter (values the decoder derived, e.g. the request type). */
export function param(key: string, label: string, value: string, group?: string): DecodedParam {
  return group === undefined ? { key, label, value } : { key, label, value, group };
}

/** The request type as the first row of the panel's General group; empty when there is none. */
export function requestTypeParam(requestType: string | undefined): DecodedParam {
  return param('requestType', 'Request type', requestType ?? '', 'General');
}
