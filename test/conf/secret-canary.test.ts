import { afterAll, beforeAll, describe, expect, it } from 'vitest';
/**
 * No secret ever leaves the linter: a canary password is planted in every secret-bearing place of a
 * redis.conf (valid and broken lines, weak and strong), and every output format is searched for it.
 */
import { existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ESLint, type Linter } from 'eslint';
import { redisPlugin as plugin } from '../helpers/conf-rule-tester';
// The built CLI, as users run it (npm test builds before testing).
// eslint-disable-next-line @typescript-eslint/no-require-imports
const { run } = require('../../dist/src/cli/index.js') as { run(argv: string[]): Promise<number> };

const CANARY = 'Canary7f3e9Q';
const LONG_CANARY = `${CANARY}-and-long-enough-to-be-strong`;

const redisConf = [
  `requirepass ${CANARY}`,
  `requirepass "${LONG_CANARY}"`,
  `masterauth ${CANARY}`,
  `tls-key-file-pass ${CANARY}`,
  `tls-client-key-file-pass ${CANARY}`,
  `user alice on >${CANARY} ~* +@all`,
  `user bob on >${CANARY} +@nosuchcategory`,
  `user carol on >${LONG_CANARY} sometimes`,
  `requirepass ${CANARY} extra-word`,
  `requirepass "${CANARY}`,
  `masterauth '${CANARY}'x`,
  `requirepas ${CANARY}`,
  `${CANARY} yes`,
  'protected-mode no',
  'bind 0.0.0.0',
  // A line that is only a pasted secret: with a "." it reads as a module config, without one as an unknown
  // directive, and repeated it would be a duplicate; no message may repeat its first word.
  `Dot.${CANARY}`,
  `Dot.${CANARY} yes`,
  CANARY,
  CANARY,
  `client-output-buffer-limit ${CANARY} 0 0 0`,
  `client-output-buffer-limit ${CANARY} 0 0 0`,
  `port ${CANARY}`,
  '',
].join('\n');
// requirepass is ignored with an aclfile, whose own passwords are checked; a NUL joins a secret line to the next.
const aclConf = [`aclfile users.acl`, `requirepass ${CANARY}`, `masterauth ${CANARY}\0`, 'port 6379', `${CANARY}.x\0`, `${CANARY}`, ''].join('\n');
const usersAcl = [`user default on >${CANARY} ~* +@all`, `user ${CANARY} on >${CANARY} ~* +@all`, ''].join('\n');
const sentinelConf = [`sentinel auth-pass mymaster ${CANARY}`, `sentinel sentinel-pass ${CANARY}`, `sentinel monitor mymaster 127.0.0.1 6379 2`, ''].join('\n');

let dir: string;
let results: ESLint.LintResult[];
let eslint: ESLint;

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'redis-conf-canary-'));
  writeFileSync(join(dir, 'redis.conf'), redisConf);
  writeFileSync(join(dir, 'sentinel.conf'), sentinelConf);
  writeFileSync(join(dir, 'redis-acl.conf'), aclConf);
  writeFileSync(join(dir, 'users.acl'), usersAcl);
  const rules = Object.fromEntries(Object.keys(plugin.rules ?? {}).filter((id) => id.startsWith('conf-')).map((id) => [`redis/${id}`, 'error' as const]));
  eslint = new ESLint({ cwd: dir, overrideConfigFile: true, overrideConfig: [{ files: ['**/*.conf'], plugins: { redis: plugin }, language: 'redis/conf', rules }] as Linter.Config[] });
  results = await eslint.lintFiles(['redis.conf', 'sentinel.conf', 'redis-acl.conf']);
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

async function cliOutput(args: string[]): Promise<{ code: number; out: string }> {
  const cwd = process.cwd();
  let out = '';
  const write = process.stdout.write.bind(process.stdout);
  const writeErr = process.stderr.write.bind(process.stderr);
  process.stdout.write = ((chunk: string) => ((out += chunk), true)) as typeof process.stdout.write;
  process.stderr.write = ((chunk: string) => ((out += chunk), true)) as typeof process.stderr.write;
  try {
    process.chdir(dir);
    const code = await run(args);
    return { code, out };
  } finally {
    process.chdir(cwd);
    process.stdout.write = write;
    process.stderr.write = writeErr;
  }
}

describe('secret canary', () => {
  it('finds problems on the lines that carry the canary (so the search below means something)', () => {
    const of = (name: string) => results.find((r) => r.filePath === join(dir, name))!.messages;
    const lines = of('redis.conf').map((m) => m.line);
    for (const line of [1, 3, 6, 7, 8, 9, 10, 11, 12, 16, 17, 18, 19, 20, 21, 22]) expect(lines).toContain(line);
    expect(of('sentinel.conf').map((m) => m.ruleId)).toContain('redis/conf-no-weak-password');
    const acl = of('redis-acl.conf').map((m) => `${m.line} ${m.ruleId} ${m.messageId}`);
    expect(acl).toContain('1 redis/conf-no-weak-password tooShort');
    expect(acl).toContain('3 redis/conf-valid-directive wrongArity');
    expect(acl).toContain('3 redis/conf-valid-directive nulByte');
    expect(acl).toContain('5 redis/conf-valid-directive moduleConfigArity');
  });

  it('never appears in messages, stylish or ESLint json output', async () => {
    expect(JSON.stringify(results.map((r) => r.messages)).toLowerCase()).not.toContain(CANARY.toLowerCase());
    // ESLint's json formatter copies the whole file into `source`; redis-lint drops it, and so does this check.
    const withoutSource = results.map(({ source: _source, ...rest }) => (void _source, rest)) as ESLint.LintResult[];
    for (const name of ['stylish', 'json']) {
      const output = await (await eslint.loadFormatter(name)).format(withoutSource);
      expect(output.length).toBeGreaterThan(100);
      // Directive names are lower-cased when read, so a leak would show the canary lower-cased.
      expect(output.toLowerCase()).not.toContain(CANARY.toLowerCase());
    }
  });

  it('never appears in redis-lint stylish output', async () => {
    for (const format of ['stylish']) {
      const { code, out } = await cliOutput(['--format', format, 'redis.conf', 'sentinel.conf', 'redis-acl.conf']);
      expect(code, out).toBe(1);
      expect(out).toContain('conf-');
      expect(out.toLowerCase()).not.toContain(CANARY.toLowerCase());
    }
  });

  // redis-lint's own json (without `source`) and SARIF formatters live in src/cli on another branch;
  // these cases run as soon as they are merged.
  const cliFormats = existsSync(join(__dirname, '..', '..', 'src', 'cli', 'format-sarif.ts'));
  for (const format of ['json', 'sarif']) {
    it.runIf(cliFormats)(`never appears in redis-lint ${format} output`, async () => {
      const { out } = await cliOutput(['--format', format, 'redis.conf', 'sentinel.conf', 'redis-acl.conf']);
      expect(out).toContain('conf-');
      expect(out.toLowerCase()).not.toContain(CANARY.toLowerCase());
    });
  }
});
