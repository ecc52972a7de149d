/** Small constructors so every vendor module builds its Decoded the same way. */
import type { HitBody } from '../../formats/journey';
import type { Decoded, DecodedParam, RequestRole } from '../types';
import type { Fields, Pair } from './fields';
import { describe, requestTypeParam, type Dictionary } from './params';

export interface DecodedInit {
  role?: RequestRole;
  account?: string;
  requestType?: string;
  hits?: HitBody[];
  params?: DecodedParam[];
  problems?: string[];
}

/** A Decoded for decoder `id`; empty optional fields and an empty problems list are omitted. */
export function decoded(id: string, vendorName: string, init: DecodedInit = {}): Decoded {
  const out: Decoded = {
    decoder: id,
    vendorName,
    role: init.role ?? 'hit',
    hits: init.hits ?? [],
    params: init.params ?? [],
  };
  if (init.account) out.account = init.account;
  if (init.requestType !== undefined) out.requestType = init.requestType;
  if (init.problems && init.problems.length > 0) out.problems = [...new Set(init.problems)];
  return out;
}

/**
 * A Decoded for a pixel whose fields are the whole story: the panel lists the request type,
 * then the fields through the vendor's dictionary, then what the vendor derived (`extra`).
 */
export function decodedFields(
  id: string,
  vendorName: string,
  fields: Fields | readonly Pair[],
  dict: Dictionary,
  init: Omit<DecodedInit, 'params'> = {},
  extra: DecodedParam[] = [],
): Decoded {
  return decoded(id, vendorName, { ...init, params: [requestTypeParam(init.requestType), ...describe(fields, dict), ...extra] });
}

/** A tag's own script loading: it shows the tag is installed and yields no hit. */
export function libraryLoad(id: string, vendorName: string, init: Omit<DecodedInit, 'role' | 'requestType' | 'hits'>): Decoded {
  return decoded(id, vendorName, { ...init, role: 'library', requestType: 'Library Load' });
}

/** Drops undefined and empty-string optional fields so hits compare cleanly. */
export function hit(body: HitBody): HitBody {
  const out: Record<string, unknown> = {};
  // for…in, not Object.entries: no array of pairs for each of a replay's hundreds of thousands of hits.
  const fields = body as unknown as Record<string, unknown>;
  for (const k in fields) {
    const v = fields[k];
    if (v === undefined) continue;
    if (v === '' && k !== 'url') continue;
    out[k] = v;
  }
  return out as unknown as HitBody;
}

type Base = Omit<HitBody, 'kind'>;
type Transaction = NonNullable<HitBody['transaction']>;

/** A transaction with an empty currency or order id left out, as hit() leaves out empty fields. */
export function transaction({ total, currency, orderId }: Transaction): Transaction {
  const out: Transaction = { total };
  if (currency) out.currency = currency;
  if (orderId) out.orderId = orderId;
  return out;
}

export function transactionHit(base: Base, order: Transaction): HitBody {
  return hit({ ...base, kind: 'transaction', transaction: transaction(order) });
}

/** An experience hit; a variant only when the protocol names one. */
export function experienceHit(base: Base, id: string, variant: string | undefined): HitBody {
  return hit({ ...base, kind: 'experience', experience: variant ? { id, variant } : { id } });
}

/** The page a hit is about: the protocol's own page URL, else the page that sent it. */
export function pageOf(protocolUrl: string | undefined, pageUrl: string | undefined): string {
  return protocolUrl || pageUrl || '';
}
