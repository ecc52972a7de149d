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
  const token = /^Unexpected token '[\s\S]'/.exec(message);
  if (token) return token[0].replace(/^Unexpected token/, 'unexpected character');
  const cut = message.search(/ in JSON at position| is not valid JSON/);
  const what = (cut === -1 ? message : message.slice(0, cut)).replace(/^Unexpected token/, 'unexpected character');
  return what.charAt(0).toLowerCase() + what.slice(1);
}

/**
 * Some V8 messages give no position, only the token and the text around it
 * (`Unexpected token ',', ..."events": [,]}" is not valid JSON`, 10 characters of context).
 */
function positionFromSnippet(text: string, message: string): number {
  const m = /^Unexpected token '([\s\S])', ([\s\S]*) is not valid JSON$/.exec(message);
  if (!m) return 0;
  const token = m[1]!;
  let quoted = m[2]!;
  const cutStart = quoted.startsWith('...');
  quoted = cutStart ? quoted.slice(3) : quoted.slice(1);
  const snippet = quoted.endsWith('...') ? quoted.slice(0, -3) : quoted.slice(0, -1);
  const at = text.indexOf(snippet);
  if (at === -1) return 0;
  if (cutStart && text[at + 10] === token) return at + 10;
  return at + Math.max(0, snippet.indexOf(token));
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
    const at = pos ? Number(pos[1]) : positionFromSnippet(text, message);
    throw new InputError(file, `${lineColumn(text, at)}: invalid JSON: ${describeSyntax(message)}`);
  }
}
