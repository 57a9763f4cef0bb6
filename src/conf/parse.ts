import type { Comment, Directive, Document, SourceLocation, Word } from './ast';
import { forEachLine, type RawLine } from './tokenizer';

/** Turns redis.conf text into a Document. Never throws: refused lines become Directives with `syntaxError`. */
export function parseConf(text: string, options: { bom?: boolean } = {}): Document {
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

const UPPER = /[A-Z]/;
/** C `tolower`: ASCII letters only, as redis-server lower-cases names (`İ` stays `İ`). */
export const asciiLower = (s: string): string => (UPPER.test(s) ? s.replace(/[A-Z]/g, (c) => c.toLowerCase()) : s);
