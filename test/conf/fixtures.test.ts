import { describe, expect, it } from 'vitest';
import { join } from 'node:path';
import { ESLint, type Linter } from 'eslint';
import { redisPlugin as plugin } from '../helpers/conf-rule-tester';
import { fixturesDir } from '../helpers/rule-tester';

/** What `npx redis-lint fixtures/` reports on the redis.conf examples (the recommended preset). */
describe('fixtures/conf with the recommended preset', () => {
  const lint = async (name: string) => {
    const eslint = new ESLint({ cwd: fixturesDir, overrideConfigFile: true, overrideConfig: plugin.configs?.recommended as Linter.Config[] });
    const [result] = await eslint.lintFiles([join(fixturesDir, 'conf', name)]);
    return result.messages.map((m) => `${m.line} ${m.ruleId}`);
  };

  it('redis-good.conf passes every rule', async () => {
    expect(await lint('redis-good.conf')).toEqual([]);
  });

  it('redis-exposed.conf', async () => {
    expect(await lint('redis-exposed.conf')).toEqual([
      '1 redis/conf-restrict-dangerous-commands',
      '2 redis/conf-no-public-bind',
      '5 redis/conf-no-weak-password',
      '6 redis/conf-require-maxmemory',
      '7 redis/conf-require-persistence',
      '9 redis/conf-no-debug-command',
    ]);
  });

  it('redis-broken.conf: every line stops redis-server', async () => {
    const found = await lint('redis-broken.conf');
    expect(found.filter((m) => m.endsWith('conf-valid-directive')).map((m) => Number(m.split(' ')[0]))).toEqual([2, 3, 4, 5, 6, 7, 8]);
  });

  it('redis-cache.conf', async () => {
    expect(await lint('redis-cache.conf')).toEqual(['4 redis/conf-no-duplicate-directive', '5 redis/conf-no-noeviction']);
  });

  // The only fixture for conf-no-protected-mode-off: "protected-mode no" with no password, the way
  // containers are made reachable from each other.
  it('redis-docker.conf', async () => {
    expect(await lint('redis-docker.conf')).toEqual([
      '1 redis/conf-require-auth',
      '1 redis/conf-restrict-dangerous-commands',
      '7 redis/conf-no-public-bind',
      '8 redis/conf-no-protected-mode-off',
    ]);
  });

  it('sentinel.conf is read as a Sentinel config', async () => {
    expect(await lint('sentinel.conf')).toEqual(['4 redis/conf-no-weak-password']);
  });

  it('every conf-* rule has an example among the fixtures', async () => {
    const eslint = new ESLint({ cwd: fixturesDir, overrideConfigFile: true, overrideConfig: plugin.configs?.recommended as Linter.Config[] });
    const results = await eslint.lintFiles([join(fixturesDir, 'conf')]);
    const shown = new Set(results.flatMap((r) => r.messages.map((m) => m.ruleId)));
    const confRules = Object.keys(plugin.rules ?? {}).filter((id) => id.startsWith('conf-'));
    expect(confRules.length).toBeGreaterThan(10);
    expect(confRules.filter((id) => !shown.has(`redis/${id}`))).toEqual([]);
  });
});
