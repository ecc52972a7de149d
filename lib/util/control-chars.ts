/**
 * Control characters in text that came from a page or a file: shown escaped in the CLI (a
 * hostile beacon must not drive the terminal) and, when they are the ones text never holds,
 * the sign of a binary body.
 */

// biome-ignore lint/suspicious/noControlCharactersInRegex: finding control characters is this module's purpose
export const CONTROL_CHARS = /[\u0000-\u001f\u007f-\u009f]/g;

// biome-ignore lint/suspicious/noControlCharactersInRegex: C0 controls other than tab, line feeds and form feed do not occur in text
const NON_TEXT_CONTROLS = /[\u0000-\u0008\u000e-\u001f]/;

/** True when decoded bytes hold controls that text never does: keep them as binary instead. */
export const looksBinary = (text: string): boolean => NON_TEXT_CONTROLS.test(text);
