/**
 * The body Chromium's webRequest hands over (raw bytes or parsed form fields) as text, cut to the
 * same limit as the hook's. sendBeacon bodies are never given (requestBody.error): the hook has those.
 */
import { LIMITS } from '../capture/records';

export interface WebRequestBody {
  error?: string;
  formData?: Record<string, string[] | undefined>;
  raw?: { bytes?: ArrayBuffer; file?: string }[];
}

export function requestBodyText(rb: WebRequestBody | undefined): { body?: string; bodyNote?: string } {
  if (!rb) return {};
  if (rb.formData) {
    const p = new URLSearchParams();
    for (const [k, vs] of Object.entries(rb.formData)) for (const v of vs ?? []) p.append(k, v);
    const text = p.toString();
    return text.length > LIMITS.body ? { body: text.slice(0, LIMITS.body), bodyNote: `cut to ${LIMITS.body} of ${text.length} characters` } : { body: text };
  }
  if (rb.raw) {
    const chunks = rb.raw.filter((r) => r.bytes).map((r) => new Uint8Array(r.bytes as ArrayBuffer));
    const total = chunks.reduce((n, c) => n + c.length, 0);
    if (total === 0) return rb.raw.some((r) => r.file) ? { bodyNote: 'file upload not shown' } : {};
    const bytes = new Uint8Array(Math.min(total, LIMITS.body));
    let at = 0;
    for (const c of chunks) {
      if (at >= bytes.length) break;
      const part = c.subarray(0, bytes.length - at);
      bytes.set(part, at);
      at += part.length;
    }
    let text: string;
    try {
      text = new TextDecoder('utf-8', { fatal: total <= LIMITS.body }).decode(bytes);
    } catch {
      return { bodyNote: `binary body of ${total} bytes not shown` };
    }
    if (/[\u0000-\u0008\u000e-\u001f]/.test(text)) return { bodyNote: `binary body of ${total} bytes not shown` };
    return total > LIMITS.body ? { body: text, bodyNote: `cut to ${LIMITS.body} of ${total} bytes` } : { body: text };
  }
  return {};
}
