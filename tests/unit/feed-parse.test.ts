import { describe, expect, it } from 'vitest';
import { firstSyntaxErrorOffset, parseFeedText, syntaxErrorLocation } from '../../src/feed/parse';

describe('parseFeedText', () => {
  it('parses JSON', () => {
    expect(parseFeedText('{"format": "activity-feed", "version": 1}')).toEqual({ ok: true, value: { format: 'activity-feed', version: 1 } });
  });

  it('allows a UTF-8 byte order mark, as some editors on Windows save one', () => {
    expect(parseFeedText('\uFEFF{"a": [1]}')).toEqual({ ok: true, value: { a: [1] } });
  });

  it('counts lines and columns after a byte order mark as an editor shows them', () => {
    expect(parseFeedText('\uFEFF{\n  "a": 1\n  "b": 2\n}')).toMatchObject({ ok: false, line: 3, column: 3 });
  });

  it.each([
    ['a missing comma', '{\n  "format": "activity-feed",\n  "version": 1\n  "area": {}\n}', 4, 3],
    ['a trailing comma', '{\n  "categories": [\n    {"id": "craft"},\n  ]\n}', 4, 3],
    ['a value that is not JSON (no position in the V8 message)', '{\n  "sample": yes\n}', 2, 13],
    ['a misspelt literal', '{"sample": tru}', 1, 15],
    ['an unterminated string', '{"name": "Knit', 1, 15],
    ['text after the JSON', '{}\n{}', 2, 1],
    ['a cut-off file', '{\n  "activities": [\n', 3, 1],
    ['single quotes', "{'a': 1}", 1, 2],
    ['a comment', '{\n  // comment\n  "a": 1\n}', 2, 3],
  ])('reports %s with its line and column', (_name, text, line, column) => {
    const result = parseFeedText(text);
    expect(result).toMatchObject({ ok: false, line, column });
    expect(result.ok === false && result.message).toMatch(/\w/);
  });

  it('gives a message without the position and without echoing the whole text', () => {
    const result = parseFeedText(`{"sample": yes, "x": "${'a'.repeat(1000)}"}`);
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.message).toBe("Unexpected token 'y'");
    const missingComma = parseFeedText('{"a": 1 "b": 2}');
    expect(missingComma.ok === false && missingComma.message).toBe("Expected ',' or '}' after property value");
  });

  it('says an empty file is empty', () => {
    expect(parseFeedText('')).toMatchObject({ ok: false, message: 'the file is empty' });
    expect(parseFeedText('\uFEFF \n')).toMatchObject({ ok: false, message: 'the file is empty' });
  });
});

describe('syntaxErrorLocation', () => {
  const text = '{\n  "a": 1\n  "b": 2\n}';

  it('reads "at position N" (Node 20)', () => {
    expect(syntaxErrorLocation("Expected ',' or '}' after property value in JSON at position 13", text)).toEqual({ line: 3, column: 3 });
  });

  it('reads "(line L column C)" (recent Chromium)', () => {
    expect(syntaxErrorLocation("Expected ',' or '}' after property value in JSON at position 13 (line 3 column 3)", text)).toEqual({ line: 3, column: 3 });
  });

  it('reads Firefox\'s "at line L column C of the JSON data"', () => {
    expect(syntaxErrorLocation("JSON.parse: expected ',' or '}' after property value in object at line 3 column 3 of the JSON data", text)).toEqual({ line: 3, column: 3 });
  });

  it('finds the place itself when the message has none', () => {
    expect(syntaxErrorLocation("Unexpected token 'x', \"{\"a\": x}\" is not valid JSON", '{"a": x}')).toEqual({ line: 1, column: 7 });
  });
});

describe('firstSyntaxErrorOffset', () => {
  it.each(['{}', '[]', '{"a": [1, -2.5e+3, true, false, null, "x\\u00e9\\n"]}', ' 0 ', '"\\/"'])('finds no error in %s', (json) => {
    expect(firstSyntaxErrorOffset(json)).toBeUndefined();
  });

  it.each([
    ['[01]', 2],
    ['[1.]', 3],
    ['["\\x"]', 3],
    ['["a\tb"]', 3],
    ['{"a" 1}', 5],
    ['[1,]', 3],
    ['', 0],
  ])('finds the error in %j at %i', (json, offset) => {
    expect(firstSyntaxErrorOffset(json)).toBe(offset);
  });
});
