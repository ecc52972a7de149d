/**
 * Every decoder, in the order they are tried: the first whose `match` accepts a request
 * decodes it, so specific patterns go before general ones (GA4 `/g/collect` before UA
 * `/collect`, Piwik PRO before Matomo). Adding a vendor is one import and one line.
 */
import type { PushDecoder, RequestDecoder } from './types';

export const requestDecoders: RequestDecoder[] = [];

export const pushDecoders: PushDecoder[] = [];
