/** JSON text to a value, with syntax errors located as line:column for the one-sentence error. */
import { InputError } from './errors';

function lineColumn(text: string, position: number): string {
  let line = 1;
  let lineStart = 0;
  for (let i = 0; i < position && i < text.length; i++) {
    if (text.charCodeAt(i) === 10) {
      line++;
      lineStart = i + 1;
    }
  }
  return `${line}:${position - lineStart + 1}`;
}

/** V8 messages end with "in JSON at position N (line L column C)"; keep the first clause only. */
function describeSyntax(message: string): string {
  const cut = message.search(/ in JSON at position| is not valid JSON|, "/);
  const what = (cut === -1 ? message : message.slice(0, cut)).replace(/^Unexpected token/, 'unexpected character');
  return what.charAt(0).toLowerCase() + what.slice(1);
}

export function parseJsonText(text: string, file: string): unknown {
  if (text.trim() === '') throw new InputError(file, 'the file is empty (expected a JSON document)');
  try {
    return JSON.parse(text) as unknown;
  } catch (e) {
    const message = e instanceof Error ? e.message : String(e);
    if (/Unexpected end of JSON input/.test(message)) {
      throw new InputError(file, `${lineColumn(text, text.length)}: the JSON ends too early (truncated file?)`);
    }
    const pos = /at position (\d+)/.exec(message);
    const at = pos ? Number(pos[1]) : 0;
    throw new InputError(file, `${lineColumn(text, at)}: invalid JSON: ${describeSyntax(message)}`);
  }
}
