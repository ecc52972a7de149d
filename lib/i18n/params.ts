/**
 * The named parameters a message template is filled with. They travel in the report
 * (`Finding.params`), so every surface can render a finding in any language from the same data.
 */

/** A clause or phrase that is itself a message, rendered in the same language as its parent. */
export interface MessageRef {
  messageId: string;
  params?: MessageParams;
}

/** Alternatives ("_ga or _gl"), joined the way the language joins them. */
export interface OrList {
  or: readonly string[];
}

/** A length of time, written in the language's units ("31 min 2 s", "31分2秒"). */
export interface Duration {
  durationMs: number;
}

export type MessageParam = string | number | MessageRef | OrList | Duration;
export type MessageParams = Readonly<Record<string, MessageParam>>;

export function ref(messageId: string, params?: MessageParams): MessageRef {
  return params ? { messageId, params } : { messageId };
}

export const isRef = (p: MessageParam): p is MessageRef => typeof p === 'object' && 'messageId' in p;
export const isOrList = (p: MessageParam): p is OrList => typeof p === 'object' && 'or' in p;
export const isDuration = (p: MessageParam): p is Duration => typeof p === 'object' && 'durationMs' in p;
