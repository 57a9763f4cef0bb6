/** The redis/conf AST: a Document of Directive and Comment nodes; a Directive's words carry raw text and decoded value. */
import type { Quoting } from './tokenizer';

export interface Position {
  line: number;
  column: number;
}
export interface SourceLocation {
  start: Position;
  end: Position;
}

interface NodeBase {
  range: [number, number];
  loc: SourceLocation;
}

export interface Word extends NodeBase {
  type: 'Word';
  /** The text as written, quotes included. */
  raw: string;
  /** What redis-server stores once quotes and escapes are decoded. */
  value: string;
  quote: Quoting;
}

export interface Directive extends NodeBase {
  type: 'Directive';
  /** Lower-cased first word, as `sdstolower(argv[0])` makes it. */
  name: string;
  /** Every word, the name included (the `argv` redis-server sees). */
  words: Word[];
  /** Set when redis-server refuses the line before reading its words ("Unbalanced quotes"). */
  syntaxError?: { message: string; loc: SourceLocation };
}

export interface Comment extends NodeBase {
  type: 'Comment';
  /** Text after the leading `#`. */
  value: string;
}

export interface Document extends NodeBase {
  type: 'Document';
  body: Directive[];
  comments: Comment[];
  /** True when the file began with a byte order mark, which redis-server reads as part of the first word. */
  bom: boolean;
  /**
   * Stretches redis-server never reads: from a NUL to the end of its fgets chunk (the newline included,
   * so the next line is joined on). Absent when the file has no NUL.
   */
  nulDrops?: { range: [number, number]; loc: SourceLocation }[];
}

export type ConfNode = Document | Directive | Word | Comment;

export const visitorKeys: Record<string, string[]> = {
  Document: ['body'],
  Directive: ['words'],
  Word: [],
  Comment: [],
};

/** The arguments after the directive name. */
export const argsOf = (directive: Directive): Word[] => directive.words.slice(1);
