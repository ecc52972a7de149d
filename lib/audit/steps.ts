/**
 * The steps file of `goalpost audit --steps`: what to do in the page after the start URL
 * loaded, so QA can replay a goal journey in CI.
 *
 * ```json
 * { "format": "goalpost.steps/1",
 *   "steps": [ { "click": "#add-to-cart" }, { "wait": 500 }, { "wait": { "selector": "#order-id" } },
 *              { "navigate": "/thanks?order=1" }, { "reload": true } ] }
 * ```
 * A bare array of steps is accepted too. `navigate` may be relative to the audited URL.
 */
import { InputError } from '../formats/errors';

export const STEPS_FORMAT = 'goalpost.steps/1';

export type Step =
  | { navigate: string }
  | { click: string }
  | { wait: number }
  | { wait: { selector: string; timeoutMs?: number } }
  | { reload: true };

/** Longest single wait a steps file may ask for: an audit is a CI step, not a soak test. */
export const MAX_WAIT_MS = 120_000;

const KEYS = ['navigate', 'click', 'wait', 'reload'] as const;

function isRecord(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

function validSelector(s: string): boolean {
  // A cheap syntax screen without a DOM: balanced brackets and quotes, no empty selector.
  if (s.trim() === '') return false;
  let depth = 0;
  let quote = '';
  for (const ch of s) {
    if (quote) {
      if (ch === quote) quote = '';
    } else if (ch === '"' || ch === "'") quote = ch;
    else if (ch === '[' || ch === '(') depth++;
    else if (ch === ']' || ch === ')') depth--;
    if (depth < 0) return false;
  }
  return depth === 0 && quote === '';
}

function checkStep(raw: unknown, at: string): Step | string {
  if (!isRecord(raw)) return `${at} must be an object such as {"click": "#buy"}`;
  const present = KEYS.filter((k) => k in raw);
  if (present.length !== 1) {
    return `${at} must have exactly one of ${KEYS.join(', ')} (found ${present.length ? present.join(' and ') : 'none'})`;
  }
  const key = present[0]!;
  const value = raw[key];
  switch (key) {
    case 'navigate':
      if (typeof value !== 'string' || value.trim() === '') return `${at}.navigate must be a URL or a path such as "/cart"`;
      return { navigate: value };
    case 'click':
      if (typeof value !== 'string' || !validSelector(value)) return `${at}.click must be a CSS selector such as "#checkout"`;
      return { click: value };
    case 'reload':
      if (value !== true) return `${at}.reload must be true`;
      return { reload: true };
    case 'wait': {
      if (typeof value === 'number') {
        if (!Number.isFinite(value) || value < 0 || value > MAX_WAIT_MS) {
          return `${at}.wait must be a number of milliseconds between 0 and ${MAX_WAIT_MS}`;
        }
        return { wait: value };
      }
      if (isRecord(value) && typeof value.selector === 'string') {
        if (!validSelector(value.selector)) return `${at}.wait.selector must be a CSS selector such as "#order-id"`;
        const t = value.timeoutMs;
        if (t !== undefined && (typeof t !== 'number' || !Number.isFinite(t) || t <= 0 || t > MAX_WAIT_MS)) {
          return `${at}.wait.timeoutMs must be a number of milliseconds between 1 and ${MAX_WAIT_MS}`;
        }
        return { wait: t === undefined ? { selector: value.selector } : { selector: value.selector, timeoutMs: t } };
      }
      return `${at}.wait must be milliseconds (e.g. 500) or {"selector": "#id"}`;
    }
  }
}

/** Validates a parsed steps document; the error is one sentence with its JSON path. */
export function checkSteps(doc: unknown): { ok: true; steps: Step[] } | { ok: false; error: string } {
  let list: unknown;
  let base = 'steps';
  if (Array.isArray(doc)) {
    list = doc;
    base = '';
  } else if (isRecord(doc)) {
    if (doc.format !== undefined && doc.format !== STEPS_FORMAT) {
      return { ok: false, error: `format must be "${STEPS_FORMAT}" (found ${JSON.stringify(doc.format)})` };
    }
    list = doc.steps;
    if (!Array.isArray(list)) return { ok: false, error: 'steps must be an array of steps such as [{"click": "#buy"}]' };
  } else {
    return { ok: false, error: `the steps file must be a JSON object {"format": "${STEPS_FORMAT}", "steps": [...]} or an array of steps` };
  }
  const steps: Step[] = [];
  for (const [i, raw] of (list as unknown[]).entries()) {
    const step = checkStep(raw, `${base}[${i}]`);
    if (typeof step === 'string') return { ok: false, error: step };
    steps.push(step);
  }
  return { ok: true, steps };
}

/** Parses steps JSON text; throws InputError (`<file>: <sentence>`) on anything wrong. */
export function parseSteps(text: string, file: string): Step[] {
  if (text.trim() === '') throw new InputError(file, 'the file is empty (expected a steps document)');
  let doc: unknown;
  try {
    doc = JSON.parse(text) as unknown;
  } catch (e) {
    throw new InputError(file, `invalid JSON (${e instanceof Error ? e.message : String(e)})`);
  }
  const checked = checkSteps(doc);
  if (!checked.ok) throw new InputError(file, checked.error);
  return checked.steps;
}

/** One line per step, for progress output and the report header. */
export function describeStep(step: Step): string {
  if ('navigate' in step) return `navigate to ${step.navigate}`;
  if ('click' in step) return `click ${step.click}`;
  if ('reload' in step) return 'reload the page';
  return typeof step.wait === 'number' ? `wait ${step.wait} ms` : `wait for ${step.wait.selector}`;
}
