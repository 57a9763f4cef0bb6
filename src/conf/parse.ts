import type { Comment, Directive, Document, SourceLocation, Word } from './ast';
import { tokenize } from './tokenizer';

/** Turns redis.conf text into a Document. Never throws: refused lines become Directives with `syntaxError`. */
export function parseConf(text: string, options: { bom?: boolean } = {}): Document {
  const lines = tokenize(text);
  const body: Directive[] = [];
  const comments: Comment[] = [];
  for (const raw of lines) {
    const loc = (from: number, to: number): SourceLocation => ({
      start: { line: raw.line, column: from - raw.start + 1 },
      end: { line: raw.line, column: to - raw.start + 1 },
    });
    if (raw.kind === 'comment') {
      comments.push({
        type: 'Comment',
        value: text.slice(raw.contentStart + 1, raw.contentEnd),
        range: [raw.contentStart, raw.contentEnd],
        loc: loc(raw.contentStart, raw.contentEnd),
      });
      continue;
    }
    if (raw.kind !== 'directive') continue;
    const words: Word[] = raw.words.map((w) => ({
      type: 'Word',
      raw: text.slice(w.start, w.end),
      value: w.value,
      quote: w.quote,
      range: [w.start, w.end],
      loc: loc(w.start, w.end),
    }));
    const directive: Directive = {
      type: 'Directive',
      name: asciiLower(words[0]?.value ?? ''),
      words,
      range: [raw.contentStart, raw.contentEnd],
      loc: loc(raw.contentStart, raw.contentEnd),
    };
    if (raw.error) directive.syntaxError = { message: raw.error.message, loc: loc(raw.error.offset, raw.contentEnd) };
    body.push(directive);
  }
  const lastLine = lines[lines.length - 1];
  return {
    type: 'Document',
    body,
    comments,
    bom: options.bom === true,
    range: [0, text.length],
    loc: { start: { line: 1, column: 1 }, end: { line: lastLine.line, column: text.length - lastLine.start + 1 } },
  };
}

/** C `tolower`: ASCII letters only, as redis-server lower-cases names (`İ` stays `İ`). */
export const asciiLower = (s: string): string => s.replace(/[A-Z]/g, (c) => c.toLowerCase());
