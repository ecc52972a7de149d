/**
 * The decoder registry's public face: turn a captured request or page push into a decoded
 * record (vendor, account, request type, hits, readable parameters). Pure and total: garbage
 * in gives null or a record with `problems`, never an exception.
 */
import type { CustomEndpoint } from '../formats/goals';
import type { Decoded, RawPush, RawRequest } from './types';

export type { Decoded, RawPush, RawRequest } from './types';

// Filled in by the decoders work (issue 4); until then nothing is recognised.
export function decodeRequest(_req: RawRequest, _endpoints?: readonly CustomEndpoint[]): Decoded | null {
  return null;
}

export function decodePush(_push: RawPush): Decoded | null {
  return null;
}
