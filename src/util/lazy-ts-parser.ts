import type * as TsParser from '@typescript-eslint/parser';

// typescript-eslint's parser loads the TypeScript compiler the moment it is required: about 9 MB of
// code and a second of start-up before the first file is read. A project that lints only JavaScript,
// or `redis-lint` on a redis.conf, never needs it, so the presets hand ESLint this stand-in, which
// loads the real parser on the first TypeScript file. Same name and version, so ESLint's cache and
// config serialisation see the same parser.
let parser: typeof TsParser | undefined;
// eslint-disable-next-line @typescript-eslint/no-require-imports
const load = (): typeof TsParser => (parser ??= require('@typescript-eslint/parser'));
// eslint-disable-next-line @typescript-eslint/no-require-imports
const { version } = require('@typescript-eslint/parser/package.json') as { version: string };

/** The two entry points ESLint calls; typed loosely because the parser's own result types are internal. */
export interface LazyParser {
  meta: { name: string; version: string };
  parse(code: string, options?: unknown): unknown;
  parseForESLint(code: string, options?: unknown): unknown;
}

export const lazyTsParser: LazyParser = {
  meta: { name: 'typescript-eslint/parser', version },
  parse: (code, options) => load().parse(code, options as Parameters<typeof TsParser.parse>[1]),
  parseForESLint: (code, options) => load().parseForESLint(code, options as Parameters<typeof TsParser.parseForESLint>[1]),
};
