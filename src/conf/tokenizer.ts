/**
 * redis-server's own reading of a config file, offset-preserving: `loadServerConfigFromString`
 * splits on "\n" only and trims " \t\r\n" from both ends of each line, a line whose first kept
 * character is `#` is a comment (so `port 6379 # note` is three words, not a comment), and
 * `sdssplitargs` cuts the rest into words. Nothing here throws: a line redis-server would refuse
 * ("Unbalanced quotes") comes back with `error` set.
 */

export type Quoting = 'none' | 'double' | 'single' | 'mixed';

export interface RawWord {
  /** Offsets into the whole text: [start, end). */
  start: number;
  end: number;
  /** The bytes redis-server sees once quotes and escapes are decoded. */
  value: string;
  quote: Quoting;
}

export interface RawLine {
  /** Offset of the first character of the line and of its line terminator ("\n" or end of text). */
  start: number;
  end: number;
  /** 1-based line number, as redis-server prints it in "at line N". */
  line: number;
  kind: 'blank' | 'comment' | 'directive';
  /** Offsets of the trimmed content (what redis-server echoes after ">>>"). */
  contentStart: number;
  contentEnd: number;
  words: RawWord[];
  /** Set when redis-server refuses the line with "Unbalanced quotes in configuration line". */
  error?: { message: string; offset: number };
}

const HT = 9;
const LF = 10;
const CR = 13;
const SPACE = 32;
const DQUOTE = 34;
const SQUOTE = 39;
const BACKSLASH = 92;
const HASH = 35;

/** C isspace(): what sdssplitargs skips between words and accepts after a closing quote (\t \n \v \f \r and space). */
const isCSpace = (c: number) => c === SPACE || (c >= HT && c <= CR);
/** What ends an unquoted word inside sdssplitargs (not \v or \f, unlike isspace). */
const isWordEnd = (c: number) => c === SPACE || c === LF || c === CR || c === HT;
/** What `loadServerConfigFromString` trims from both ends of a line (sdstrim with " \t\r\n"). */
const isTrim = (c: number) => c === SPACE || c === HT || c === CR || c === LF;
const isHex = (c: number) => (c >= 48 && c <= 57) || (c >= 65 && c <= 70) || (c >= 97 && c <= 102);
const ESCAPES: Record<string, string> = { n: '\n', r: '\r', t: '\t', b: '\b', a: '\x07' };

/**
 * sdssplitargs over text[from, to). C strings end at NUL, so a NUL ends the line for redis-server.
 * Runs of ordinary characters are sliced, not copied one by one, so a plain word costs one slice.
 */
export function splitArgs(text: string, from: number, to: number): { words: RawWord[]; error?: { message: string; offset: number } } {
  const words: RawWord[] = [];
  // The character code at i, or 0 (C's terminating NUL) at and past the end.
  const at = (i: number) => (i < to ? text.charCodeAt(i) : 0);
  let p = from;
  for (;;) {
    let c = at(p);
    while (c !== 0 && isCSpace(c)) c = at(++p);
    if (c === 0) return { words };
    const start = p;
    let value = '';
    let quote: Quoting = 'none';
    // Unquoted part: up to a word end, NUL, or a quote that opens in the middle of the word (`foo"bar baz"` is one word).
    let run = p;
    while (c !== 0 && !isWordEnd(c) && c !== DQUOTE && c !== SQUOTE) c = at(++p);
    value = text.slice(run, p);
    if (c !== DQUOTE && c !== SQUOTE) {
      words.push({ start, end: p, value, quote });
      if (c !== 0) p++;
      continue;
    }
    const double = c === DQUOTE;
    quote = p !== start ? 'mixed' : double ? 'double' : 'single';
    run = ++p;
    for (;;) {
      c = at(p);
      if (c === 0) return { words, error: { message: double ? 'unterminated double quote' : 'unterminated single quote', offset: start } };
      if (c === (double ? DQUOTE : SQUOTE)) {
        value += text.slice(run, p);
        const next = at(p + 1);
        if (next !== 0 && !isCSpace(next)) return { words, error: { message: 'closing quote must be followed by a space', offset: p + 1 } };
        p++;
        break;
      }
      if (c !== BACKSLASH) {
        p++;
        continue;
      }
      value += text.slice(run, p);
      const next = at(p + 1);
      if (double) {
        if (next === 120 /* x */ && isHex(at(p + 2)) && isHex(at(p + 3))) {
          value += String.fromCharCode(parseInt(text.slice(p + 2, p + 4), 16));
          p += 4;
        } else if (next !== 0) {
          const escaped = text[p + 1];
          value += ESCAPES[escaped] ?? escaped;
          p += 2;
        } else {
          // A backslash right before the end is kept, and the missing quote is reported next.
          value += '\\';
          p++;
        }
      } else if (next === SQUOTE) {
        value += "'";
        p += 2;
      } else {
        // In single quotes only \' is an escape; any other backslash is itself.
        value += '\\';
        p++;
      }
      run = p;
    }
    words.push({ start, end: p, value, quote });
  }
}

/** Splits the text into the lines redis-server reads and tokenizes each. */
export function tokenize(text: string): RawLine[] {
  const lines: RawLine[] = [];
  forEachLine(text, (line) => lines.push(line));
  return lines;
}

/**
 * The lines redis-server reads, handed over one at a time so a caller that turns them into nodes
 * lets each line's words die young instead of holding every word of a 100,000-line file at once.
 */
export function forEachLine(text: string, onLine: (line: RawLine) => void): void {
  let start = 0;
  let line = 1;
  // Where the next NUL is, found once and moved forward, so the scan stays linear in the text.
  let nextNul = text.indexOf('\0');
  while (start <= text.length) {
    let end = text.indexOf('\n', start);
    if (end === -1) end = text.length;
    let contentStart = start;
    let contentEnd = end;
    while (contentStart < contentEnd && isTrim(text.charCodeAt(contentStart))) contentStart++;
    while (contentEnd > contentStart && isTrim(text.charCodeAt(contentEnd - 1))) contentEnd--;
    if (nextNul !== -1 && nextNul < contentStart) nextNul = text.indexOf('\0', contentStart);
    const cEnd = nextNul !== -1 && nextNul < contentEnd ? nextNul : contentEnd;
    if (contentStart === cEnd) {
      onLine({ start, end, line, kind: 'blank', contentStart, contentEnd, words: [] });
    } else if (text.charCodeAt(contentStart) === HASH) {
      onLine({ start, end, line, kind: 'comment', contentStart, contentEnd, words: [] });
    } else {
      const { words, error } = splitArgs(text, contentStart, cEnd);
      const kind = words.length === 0 && !error ? 'blank' : 'directive';
      onLine(error ? { start, end, line, kind, contentStart, contentEnd, words, error } : { start, end, line, kind, contentStart, contentEnd, words });
    }
    if (end === text.length) break;
    start = end + 1;
    line++;
  }
}
