/**
 * The first, character-at-a-time transcription of `sdssplitargs` (sds.c) and of the line loop of
 * `loadServerConfigFromString` (config.c), kept as the oracle the optimised src/conf/tokenizer.ts
 * must agree with on every input (test/conf/tokenizer.property.test.ts).
 */
import type { RawLine, RawWord } from '../../../src/conf/tokenizer';

const TRIM = new Set([' ', '\t', '\r', '\n']);
// C isspace(): what sdssplitargs skips between words and accepts after a closing quote.
const C_SPACE = new Set([' ', '\t', '\n', '\v', '\f', '\r']);
// What ends an unquoted word inside sdssplitargs (not \v or \f, unlike isspace).
const WORD_END = new Set([' ', '\n', '\r', '\t']);
const HEX = /^[0-9a-fA-F]$/;
const ESCAPES: Record<string, string> = { n: '\n', r: '\r', t: '\t', b: '\b', a: '\x07' };

/**
 * sdssplitargs over text[from, to). C strings end at NUL, so a NUL ends the line for redis-server.
 */
export function referenceSplitArgs(text: string, from: number, to: number): { words: RawWord[]; error?: { message: string; offset: number } } {
  const words: RawWord[] = [];
  const at = (i: number) => (i < to ? text[i] : '\0');
  let p = from;
  for (;;) {
    while (p < to && at(p) !== '\0' && C_SPACE.has(at(p))) p++;
    if (p >= to || at(p) === '\0') return { words };
    const start = p;
    let value = '';
    let inDouble = false;
    let inSingle = false;
    let sawQuote: 'double' | 'single' | undefined;
    let mixed = false;
    let done = false;
    let end = start;
    while (!done) {
      const c = at(p);
      if (inDouble) {
        if (c === '\\' && at(p + 1) === 'x' && HEX.test(at(p + 2)) && HEX.test(at(p + 3))) {
          value += String.fromCharCode(parseInt(at(p + 2) + at(p + 3), 16));
          p += 3;
        } else if (c === '\\' && at(p + 1) !== '\0') {
          p++;
          value += ESCAPES[at(p)] ?? at(p);
        } else if (c === '"') {
          if (at(p + 1) !== '\0' && !C_SPACE.has(at(p + 1))) {
            return { words, error: { message: 'closing quote must be followed by a space', offset: p + 1 } };
          }
          done = true;
          end = p + 1;
        } else if (c === '\0') {
          return { words, error: { message: 'unterminated double quote', offset: start } };
        } else {
          value += c;
        }
      } else if (inSingle) {
        if (c === '\\' && at(p + 1) === "'") {
          p++;
          value += "'";
        } else if (c === "'") {
          if (at(p + 1) !== '\0' && !C_SPACE.has(at(p + 1))) {
            return { words, error: { message: 'closing quote must be followed by a space', offset: p + 1 } };
          }
          done = true;
          end = p + 1;
        } else if (c === '\0') {
          return { words, error: { message: 'unterminated single quote', offset: start } };
        } else {
          value += c;
        }
      } else if (WORD_END.has(c) || c === '\0') {
        done = true;
        end = p;
      } else if (c === '"' || c === "'") {
        // A quote may open in the middle of a word (`foo"bar baz"` is one word), as in sdssplitargs.
        if (p !== start) mixed = true;
        if (c === '"') inDouble = true;
        else inSingle = true;
        sawQuote = c === '"' ? 'double' : 'single';
      } else {
        value += c;
      }
      if (at(p) !== '\0') p++;
    }
    words.push({ start, end, value, quote: mixed ? 'mixed' : (sawQuote ?? 'none') });
  }
}

/** Splits the text into the lines redis-server reads and tokenizes each. */
export function referenceTokenize(text: string): RawLine[] {
  const lines: RawLine[] = [];
  let start = 0;
  let line = 1;
  // Where the next NUL is, found once and moved forward, so the scan stays linear in the text.
  let nextNul = text.indexOf('\0');
  while (start <= text.length) {
    let end = text.indexOf('\n', start);
    if (end === -1) end = text.length;
    let contentStart = start;
    let contentEnd = end;
    while (contentStart < contentEnd && TRIM.has(text[contentStart])) contentStart++;
    while (contentEnd > contentStart && TRIM.has(text[contentEnd - 1])) contentEnd--;
    if (nextNul !== -1 && nextNul < contentStart) nextNul = text.indexOf('\0', contentStart);
    const cEnd = nextNul !== -1 && nextNul < contentEnd ? nextNul : contentEnd;
    const base = { start, end, line, contentStart, contentEnd };
    if (contentStart === cEnd) {
      lines.push({ ...base, kind: 'blank', words: [] });
    } else if (text[contentStart] === '#') {
      lines.push({ ...base, kind: 'comment', words: [] });
    } else {
      const { words, error } = referenceSplitArgs(text, contentStart, cEnd);
      lines.push({ ...base, kind: words.length === 0 && !error ? 'blank' : 'directive', words, ...(error ? { error } : {}) });
    }
    if (end === text.length) break;
    start = end + 1;
    line++;
  }
  return lines;
}
