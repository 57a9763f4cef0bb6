import { RuleTester } from 'eslint';
import { join } from 'node:path';
import plugin from '../../src/index';
import { fixturesDir } from './rule-tester';

/** A RuleTester for conf-* rules: the redis/conf language, reading files as redis-server 7.0 by default. */
export function confRuleTester(redisVersion = '7.0'): RuleTester {
  return new RuleTester({
    plugins: { redis: plugin },
    language: 'redis/conf',
    languageOptions: { redisVersion },
  } as unknown as ConstructorParameters<typeof RuleTester>[0]);
}

/** Filenames for cases that depend on the file name or on files next to it (includes). */
export const confFiles = {
  redis: join(fixturesDir, 'conf', 'test', 'redis.conf'),
  sentinel: join(fixturesDir, 'conf', 'test', 'sentinel.conf'),
};

/** The plugin typed as ESLint's Plugin (its legacy preset has a shape the flat types do not describe). */
export const redisPlugin = plugin as unknown as import('eslint').ESLint.Plugin;
