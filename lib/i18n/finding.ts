/** A finding in the reader's language, from its message id and params; `message` is the English. */
import type { Finding } from '../formats/report';
import type { Lang } from './catalogues';
import { render } from './render';

export function findingMessage(f: Pick<Finding, 'message' | 'messageId' | 'params'>, lang: Lang): string {
  // Reports written before findings carried ids (or by another tool) only have the English text.
  if (lang === 'en' || !f.messageId) return f.message;
  return render(lang, f.messageId, f.params);
}
