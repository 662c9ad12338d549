// Reads the text of a feed as JSON and, when it is not JSON, says where (line and column) it goes
// wrong, so that a person editing the file by hand can find the mistake.

export type ParseFeedTextResult = { ok: true; value: unknown } | { ok: false; message: string; line?: number; column?: number };

const BOM = '\uFEFF';

/**
 * What the app needs: the JSON of a feed text (a leading byte order mark allowed), or that it is not JSON. The app
 * shows no position, so the scan for one (`parseFeedText`, for feed:check and the build) stays out of its bundle.
 */
export function parseFeedJson(text: string): { ok: true; value: unknown } | { ok: false } {
  try {
    return { ok: true, value: JSON.parse(text.startsWith(BOM) ? text.slice(1) : text) as unknown };
  } catch {
    return { ok: false };
  }
}

/** Parses feed text (a leading UTF-8 byte order mark is allowed); a syntax error comes with its 1-based line and column. */
export function parseFeedText(text: string): ParseFeedTextResult {
  const json = text.startsWith(BOM) ? text.slice(1) : text;
  if (json.trim() === '') return { ok: false, message: 'the file is empty', line: 1, column: 1 };
  try {
    return { ok: true, value: JSON.parse(json) as unknown };
  } catch (error) {
    const raw = error instanceof Error ? error.message : String(error);
    return { ok: false, message: cleanMessage(raw), ...syntaxErrorLocation(raw, json) };
  }
}

/**
 * Where a JSON.parse error is, from its message. V8 says `… in JSON at position 13` (Node 20),
 * `… at position 13 (line 3 column 3)` (recent Chromium), Firefox `… at line 3 column 3 of the JSON
 * data`; some V8 messages ('Unexpected token', 'Unexpected end') carry no position, so then the
 * text is scanned for the first error.
 */
export function syntaxErrorLocation(message: string, text: string): { line: number; column: number } | Record<string, never> {
  const lineColumn = /\(?line (\d+) column (\d+)/.exec(message);
  if (lineColumn) return { line: Number(lineColumn[1]), column: Number(lineColumn[2]) };
  const position = /at position (\d+)/.exec(message);
  const offset = position ? Number(position[1]) : firstSyntaxErrorOffset(text);
  return offset === undefined ? {} : lineAndColumn(text, offset);
}

function cleanMessage(message: string): string {
  return (
    message
      .replace(/^JSON\.parse: /, '')
      .replace(/, (\.\.\.)?".*is not valid JSON$/s, '')
      .replace(/ (in JSON )?at position \d+( \(line \d+ column \d+\))?$/, '')
      .replace(/ at line \d+ column \d+ of the JSON data$/, '') || 'not valid JSON'
  );
}

function lineAndColumn(text: string, offset: number): { line: number; column: number } {
  const before = text.slice(0, Math.min(offset, text.length));
  const lastNewline = before.lastIndexOf('\n');
  let line = 1;
  for (let i = before.indexOf('\n'); i !== -1; i = before.indexOf('\n', i + 1)) line++;
  return { line, column: offset - lastNewline };
}

class SyntaxStop {
  constructor(readonly offset: number) {}
}

/** The offset of the first character that makes `text` not JSON (its length if it ends too soon), or undefined if it is JSON. */
export function firstSyntaxErrorOffset(text: string): number | undefined {
  let i = 0;
  const stop = (): never => {
    throw new SyntaxStop(i);
  };
  const skipSpace = (): void => {
    while (i < text.length && (text[i] === ' ' || text[i] === '\t' || text[i] === '\n' || text[i] === '\r')) i++;
  };
  const expect = (char: string): void => {
    if (text[i] !== char) stop();
    i++;
  };
  const digits = (): void => {
    if (!/[0-9]/.test(text[i] ?? '')) stop();
    while (/[0-9]/.test(text[i] ?? '')) i++;
  };
  const string = (): void => {
    expect('"');
    for (;;) {
      if (i >= text.length) stop();
      const char = text[i] ?? '';
      if (char === '"') {
        i++;
        return;
      }
      if (char < ' ') stop();
      if (char === '\\') {
        i++;
        const escape = text[i] ?? '';
        if (escape === 'u') {
          for (let k = 0; k < 4; k++) {
            i++;
            if (!/[0-9a-fA-F]/.test(text[i] ?? '')) stop();
          }
        } else if (!'"\\/bfnrt'.includes(escape) || escape === '') {
          stop();
        }
      }
      i++;
    }
  };
  const value = (): void => {
    skipSpace();
    const char = text[i];
    if (char === '{') {
      i++;
      skipSpace();
      if (text[i] === '}') {
        i++;
        return;
      }
      for (;;) {
        skipSpace();
        string();
        skipSpace();
        expect(':');
        value();
        skipSpace();
        if (text[i] === ',') i++;
        else return expect('}');
      }
    }
    if (char === '[') {
      i++;
      skipSpace();
      if (text[i] === ']') {
        i++;
        return;
      }
      for (;;) {
        value();
        skipSpace();
        if (text[i] === ',') i++;
        else return expect(']');
      }
    }
    if (char === '"') return string();
    if (char === '-' || /[0-9]/.test(char ?? '')) {
      if (char === '-') i++;
      if (text[i] === '0') i++;
      else digits();
      if (text[i] === '.') {
        i++;
        digits();
      }
      if (text[i] === 'e' || text[i] === 'E') {
        i++;
        if (text[i] === '+' || text[i] === '-') i++;
        digits();
      }
      return;
    }
    for (const word of ['true', 'false', 'null']) {
      if (char === word[0]) {
        for (const letter of word) expect(letter);
        return;
      }
    }
    stop();
  };
  try {
    value();
    skipSpace();
    if (i < text.length) stop();
    return undefined;
  } catch (error) {
    if (error instanceof SyntaxStop) return error.offset;
    return undefined; // e.g. nesting too deep for the stack: no position then
  }
}
