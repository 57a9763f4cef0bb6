/**
 * conf-valid-directive against the real redis-server 7.0: for each generated config the rule must
 * report a problem exactly when redis-server refuses to start with it.
 */
import { expect, it } from 'vitest';
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Linter } from 'eslint';
import { redisPlugin as plugin } from '../helpers/conf-rule-tester';
import { describeWithRedis, redisServerPath } from '../helpers/redis-server';
import { buildCases } from './helpers/conf-cases';
import { startWithConfig, writeCase, type ConfCase } from './helpers/conf-server';

const STOCK = '/etc/redis/redis.conf';
// Used when the Debian package's file is missing (it ships with redis-server, so CI has it).
const FALLBACK_STOCK = 'bind 127.0.0.1 -::1\nprotected-mode yes\ntimeout 0\ntcp-keepalive 300\nloglevel notice\ndatabases 16\nsave 3600 1 300 100 60 10000\nappendonly no\nappendfsync everysec\nhz 10\n';

function lintProblems(testCase: ConfCase, dir: string): string[] {
  const file = writeCase(testCase, dir);
  const linter = new Linter({ cwd: dir });
  const messages = linter.verify(
    readFileSync(file, 'utf8'),
    [{ files: ['**/*.conf'], plugins: { redis: plugin }, language: 'redis/conf', languageOptions: { redisVersion: '7.0' }, rules: { 'redis/conf-valid-directive': 'error' } }],
    { filename: file },
  );
  return messages.map((m) => `${m.line}:${m.column} ${m.message}`);
}

describeWithRedis('conf-valid-directive agrees with redis-server 7.0', () => {
  const binary = redisServerPath()!;
  const version = spawnSync(binary, ['--version'], { encoding: 'utf8' }).stdout;
  const stock = existsSync(STOCK) ? readFileSync(STOCK, 'utf8') : FALLBACK_STOCK;
  const cases = buildCases(stock);

  it('generates at least 300 configs', () => {
    expect(cases.length).toBeGreaterThanOrEqual(300);
  });

  it.runIf(/v=7\.0\./.test(version))(
    'reports a problem exactly when redis-server refuses to start',
    async () => {
      const mismatches: string[] = [];
      const lintDir = mkdtempSync(join(tmpdir(), 'redis-conf-lint-'));
      const queue = cases.map((c, i) => ({ c, i }));
      let refused = 0;
      const buildDifferences: string[] = [];
      const worker = async () => {
        for (let next = queue.shift(); next; next = queue.shift()) {
          const caseDir = join(lintDir, String(next.i));
          mkdirSync(caseDir);
          const problems = lintProblems(next.c, caseDir);
          const server = await startWithConfig(next.c);
          await server.stop();
          const { started, stderr } = server;
          // A refusal of this build only (official builds of the same version start): the linter stays silent.
          if (next.c.buildDifference !== undefined) {
            buildDifferences.push(`${next.c.name}: ${started ? 'started' : 'refused'} by this build`);
            if (problems.length > 0) mismatches.push(`${next.c.name}: a build-specific refusal, yet lint ${problems.join('; ')}`);
            if (!started && !stderr.includes(next.c.buildDifference)) mismatches.push(`${next.c.name}: redis-server refused for another reason (${stderr})`);
            continue;
          }
          if (!started) refused++;
          if (started === problems.length > 0) {
            mismatches.push(`${next.c.name}: redis-server ${started ? 'started' : `refused (${stderr})`}, lint ${problems.length ? problems.join('; ') : 'found nothing'}`);
          }
        }
      };
      await Promise.all([worker(), worker(), worker()]);
      rmSync(lintDir, { recursive: true, force: true });
      console.log(`differential: ${cases.length} configs, redis-server refused ${refused}, started ${cases.length - refused - buildDifferences.length}`);
      console.log(`known build differences (not lint findings): ${buildDifferences.join('; ')}`);
      expect(buildDifferences.length).toBeGreaterThan(0);
      expect(mismatches).toEqual([]);
      // Both outcomes are well represented, so agreement is not trivial.
      expect(refused).toBeGreaterThan(100);
      expect(cases.length - refused).toBeGreaterThan(100);
    },
    240_000,
  );
});
