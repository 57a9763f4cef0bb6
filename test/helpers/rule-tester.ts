import { Linter, RuleTester } from 'eslint';
import * as tsParser from '@typescript-eslint/parser';
import { afterAll, describe, it } from 'vitest';
import { join } from 'node:path';

// ESLint's RuleTester drives vitest: each valid/invalid case becomes a test.
(RuleTester as unknown as Record<string, unknown>).describe = describe;
(RuleTester as unknown as Record<string, unknown>).it = it;
(RuleTester as unknown as Record<string, unknown>).itOnly = it.only;
(RuleTester as unknown as Record<string, unknown>).afterAll = afterAll;

export const fixturesDir = join(__dirname, '..', '..', 'fixtures');

/** Filenames inside fixture projects whose package.json pins the client major. */
export const files = {
  ioredis: join(fixturesDir, 'ioredis-app', 'file.ts'),
  ioredisJs: join(fixturesDir, 'ioredis-app', 'file.js'),
  nodeRedis4: join(fixturesDir, 'node-redis-4-app', 'file.ts'),
  nodeRedis5: join(fixturesDir, 'node-redis-5-app', 'file.ts'),
  nodeRedis5Js: join(fixturesDir, 'node-redis-5-app', 'file.js'),
};

/** A RuleTester for TS/JS rules, parsing with typescript-eslint's parser (which reads JS too). */
export function codeRuleTester(): RuleTester {
  return new RuleTester({
    languageOptions: { parser: tsParser, ecmaVersion: 'latest', sourceType: 'module' },
  });
}

// eslint-disable-next-line @typescript-eslint/no-explicit-any
export const asRule = (rule: unknown) => rule as any;

/**
 * ESLint's multipass --fix with one rule: each pass applies the fixes that do not overlap, the next
 * pass lints the result. Returns the final text and the messages left; a fix that broke the parse
 * shows up as a fatal message.
 */
export function fixAllPasses(ruleId: string, rule: unknown, code: string, filename: string, options: unknown[] = []): Linter.FixReport {
  const linter = new Linter({ configType: 'flat' });
  const config: Linter.Config[] = [{
    files: ['**/*.js', '**/*.ts'],
    plugins: { redis: { rules: { [ruleId]: asRule(rule) } } },
    languageOptions: { parser: tsParser, ecmaVersion: 'latest', sourceType: 'module' },
    rules: { [`redis/${ruleId}`]: ['error', ...options] },
  }];
  return linter.verifyAndFix(code, config, { filename });
}
