import type * as TypeScriptParser from '@typescript-eslint/parser';

// The TypeScript parser pulls in the whole TypeScript compiler (~9 MB of JavaScript, ~300 ms to load).
// The presets name it for *.ts files only, so a run on a redis.conf or on plain JS must not pay for it:
// this stand-in loads the real parser the first time ESLint asks it to parse.
let loaded: typeof TypeScriptParser | undefined;
// eslint-disable-next-line @typescript-eslint/no-require-imports
const load = (): typeof TypeScriptParser => (loaded ??= require('@typescript-eslint/parser'));

// eslint-disable-next-line @typescript-eslint/no-require-imports
const { version } = require('@typescript-eslint/parser/package.json') as { version: string };

/** The part of a parser ESLint uses; the result types stay the real parser's at run time. */
export interface LazyParser {
  meta: { name: string; version: string };
  parseForESLint(code: string, options?: TypeScriptParser.ParserOptions): unknown;
  parse(code: string, options?: TypeScriptParser.ParserOptions): unknown;
}

/** `@typescript-eslint/parser`, loaded on first use; ESLint identifies it by `meta` (cache keys, --print-config). */
export const lazyTypeScriptParser: LazyParser = {
  meta: { name: '@typescript-eslint/parser', version },
  parseForESLint: (code, options) => load().parseForESLint(code, options),
  parse: (code, options) => load().parse(code, options),
};

/** True once something parsed TypeScript in this process (the CLI's lazy-loading test reads it). */
export const typeScriptParserLoaded = (): boolean => loaded !== undefined;
