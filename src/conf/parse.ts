import type { Comment, Directive, Document, SourceLocation, Word } from './ast';
import { forEachLine, type RawLine } from './tokenizer';

/**
 * loadServerConfig reads the file with fgets(buf, CONFIG_READ_LEN+1 = 1025) and appends each chunk
 * with sdscat, which stops at the first NUL. So a NUL drops the rest of its fgets chunk (up to 1024
 * bytes, or to the end of the line, newline included) and the next line is joined onto this one:
 * "maxmemory 1\0\nmaxmemory-policy allkeys-lru" is read as "maxmemory 1maxmemory-policy allkeys-lru".
 */
const CHUNK_BYTES = 1024;

interface RedisView {
  /** The text redis-server splits into lines. */
  text: string;
  /** Kept pieces of the original text, in order: original [from, to) at view offset `at`. */
  pieces: { at: number; from: number; to: number }[];
  /** Dropped pieces, each starting at a NUL. */
  dropped: [number, number][];
}

function utf8Length(code: number): number {
  if (code < 0x80) return 1;
  if (code < 0x800) return 2;
  // A surrogate pair is 4 bytes: the high half counts them all, the low half none.
  if (code >= 0xd800 && code <= 0xdbff) return 4;
  if (code >= 0xdc00 && code <= 0xdfff) return 0;
  return 3;
}

/** What redis-server keeps of a text holding NULs. `leadingBytes` counts a BOM that ESLint removed. */
function redisView(text: string, leadingBytes: number): RedisView {
  const pieces: RedisView['pieces'] = [];
  const dropped: [number, number][] = [];
  let view = '';
  const keep = (from: number, to: number) => {
    if (to <= from) return;
    pieces.push({ at: view.length, from, to });
    view += text.slice(from, to);
  };
  let lineStart = 0;
  let bytesBefore = leadingBytes;
  while (lineStart < text.length) {
    const newline = text.indexOf('\n', lineStart);
    const lineEnd = newline === -1 ? text.length : newline + 1;
    const nul = text.indexOf('\0', lineStart);
    if (nul === -1 || nul >= lineEnd) {
      keep(lineStart, lineEnd);
    } else {
      let bytes = bytesBefore;
      let chunkEnd = CHUNK_BYTES;
      let keptFrom = lineStart;
      let droppedFrom = -1;
      for (let i = lineStart; i < lineEnd; i++) {
        while (bytes >= chunkEnd) {
          chunkEnd += CHUNK_BYTES;
          if (droppedFrom !== -1) {
            dropped.push([droppedFrom, i]);
            droppedFrom = -1;
            keptFrom = i;
          }
        }
        if (droppedFrom === -1 && text.charCodeAt(i) === 0) {
          keep(keptFrom, i);
          droppedFrom = i;
        }
        bytes += utf8Length(text.charCodeAt(i));
      }
      if (droppedFrom === -1) keep(keptFrom, lineEnd);
      else dropped.push([droppedFrom, lineEnd]);
    }
    bytesBefore = 0;
    lineStart = lineEnd;
  }
  return { text: view, pieces, dropped };
}

/** Turns redis.conf text into a Document. Never throws: refused lines become Directives with `syntaxError`. */
export function parseConf(text: string, options: { bom?: boolean } = {}): Document {
  if (text.includes('\0')) return parseWithNuls(text, options);
  const body: Directive[] = [];
  const comments: Comment[] = [];
  let lastLine: RawLine | undefined;
  forEachLine(text, (raw) => {
    lastLine = raw;
    if (raw.kind === 'blank') return;
    // Columns are 1-based offsets from the start of the line; every node stays on its line.
    const line = raw.line;
    const column = 1 - raw.start;
    const loc = (from: number, to: number): SourceLocation => ({ start: { line, column: from + column }, end: { line, column: to + column } });
    if (raw.kind === 'comment') {
      comments.push({ type: 'Comment', value: text.slice(raw.contentStart + 1, raw.contentEnd), range: [raw.contentStart, raw.contentEnd], loc: loc(raw.contentStart, raw.contentEnd) });
      return;
    }
    const words: Word[] = new Array(raw.words.length);
    for (let i = 0; i < raw.words.length; i++) {
      const w = raw.words[i];
      words[i] = { type: 'Word', raw: text.slice(w.start, w.end), value: w.value, quote: w.quote, range: [w.start, w.end], loc: loc(w.start, w.end) };
    }
    const directive: Directive = {
      type: 'Directive',
      name: words.length > 0 ? asciiLower(words[0].value) : '',
      words,
      range: [raw.contentStart, raw.contentEnd],
      loc: loc(raw.contentStart, raw.contentEnd),
    };
    if (raw.error) directive.syntaxError = { message: raw.error.message, loc: loc(raw.error.offset, raw.contentEnd) };
    body.push(directive);
  });
  // forEachLine always hands over at least one line, even for empty text.
  const { line: endLine, start: endLineStart } = lastLine as unknown as RawLine;
  return {
    type: 'Document',
    body,
    comments,
    bom: options.bom === true,
    range: [0, text.length],
    loc: { start: { line: 1, column: 1 }, end: { line: endLine, column: text.length - endLineStart + 1 } },
  };
}

/**
 * The slow path for text with NULs: tokenize what redis-server keeps, then map every offset back to
 * the file, so nodes point at what the user wrote (a joined directive spans two lines of the file).
 */
function parseWithNuls(text: string, options: { bom?: boolean }): Document {
  const view = redisView(text, options.bom ? 3 : 0);
  const lineStarts = [0];
  for (let i = text.indexOf('\n'); i !== -1; i = text.indexOf('\n', i + 1)) lineStarts.push(i + 1);
  const position = (offset: number) => {
    let lo = 0;
    let hi = lineStarts.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if (lineStarts[mid] <= offset) lo = mid;
      else hi = mid - 1;
    }
    return { line: lo + 1, column: offset - lineStarts[lo] + 1 };
  };
  // A view offset on the seam of two pieces is the end of the first when it ends a node, the start of the second when it starts one.
  const pieceAt = (offset: number, isEnd: boolean) => {
    let lo = 0;
    let hi = view.pieces.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      const at = view.pieces[mid].at;
      if (isEnd ? at < offset : at <= offset) lo = mid;
      else hi = mid - 1;
    }
    return view.pieces[lo];
  };
  const toFile = (offset: number, isEnd: boolean) => {
    const piece = pieceAt(offset, isEnd);
    return piece ? piece.from + (offset - piece.at) : 0;
  };
  const span = (from: number, to: number): { range: [number, number]; loc: SourceLocation } => {
    const start = toFile(from, false);
    const end = Math.max(start, toFile(to, true));
    return { range: [start, end], loc: { start: position(start), end: position(end) } };
  };
  const body: Directive[] = [];
  const comments: Comment[] = [];
  forEachLine(view.text, (raw) => {
    if (raw.kind === 'blank') return;
    if (raw.kind === 'comment') {
      comments.push({ type: 'Comment', value: view.text.slice(raw.contentStart + 1, raw.contentEnd), ...span(raw.contentStart, raw.contentEnd) });
      return;
    }
    const words: Word[] = raw.words.map((w) => {
      const at = span(w.start, w.end);
      return { type: 'Word', raw: text.slice(at.range[0], at.range[1]), value: w.value, quote: w.quote, ...at };
    });
    const directive: Directive = { type: 'Directive', name: words.length > 0 ? asciiLower(words[0].value) : '', words, ...span(raw.contentStart, raw.contentEnd) };
    if (raw.error) directive.syntaxError = { message: raw.error.message, loc: span(raw.error.offset, raw.contentEnd).loc };
    body.push(directive);
  });
  return {
    type: 'Document',
    body,
    comments,
    bom: options.bom === true,
    nulDrops: view.dropped.map(([from, to]) => ({ range: [from, to] as [number, number], loc: { start: position(from), end: position(to) } })),
    range: [0, text.length],
    loc: { start: { line: 1, column: 1 }, end: position(text.length) },
  };
}

const UPPER = /[A-Z]/;
/** C `tolower`: ASCII letters only, as redis-server lower-cases names (`İ` stays `İ`). */
export const asciiLower = (s: string): string => (UPPER.test(s) ? s.replace(/[A-Z]/g, (c) => c.toLowerCase()) : s);
