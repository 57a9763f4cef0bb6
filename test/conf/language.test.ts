import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ESLint, Linter } from 'eslint';
import { ESLint as ESLint9 } from 'eslint-v9';
import { redisPlugin as plugin } from '../helpers/conf-rule-tester';
import { effectiveConfigOf } from '../../src/conf/effective-config';
import { parseConf } from '../../src/conf/parse';
import { tables } from '../../src/conf/directives/index';

const allConfRules = Object.fromEntries(Object.keys(plugin.rules ?? {}).filter((id) => id.startsWith('conf-')).map((id) => [`redis/${id}`, 'error' as const]));
const flatConfig = (languageOptions: Record<string, unknown> = {}) => [
  { files: ['**/*.conf'], plugins: { redis: plugin }, language: 'redis/conf', languageOptions, rules: allConfRules },
];

let dir: string;
beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'redis-conf-lang-'));
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

function lint(text: string, name = 'redis.conf', languageOptions: Record<string, unknown> = { redisVersion: '7.0' }) {
  const file = join(dir, name);
  writeFileSync(file, text);
  return new Linter({ cwd: dir }).verify(text, flatConfig(languageOptions) as Linter.Config[], { filename: file });
}
const ids = (messages: Linter.LintMessage[]) => messages.map((m) => `${m.line}:${m.column} ${m.ruleId ?? 'fatal'}`);

describe('flat config with language: redis/conf through the Node API', () => {
  const text = 'bind 0.0.0.0\nappendonly maybe\n';
  for (const [name, Engine] of [
    ['eslint 10', ESLint],
    ['eslint 9', ESLint9],
  ] as const) {
    it(`works with ${name}`, async () => {
      const file = join(dir, `redis-${name.replace(' ', '')}.conf`);
      writeFileSync(file, text);
      const eslint = new (Engine as typeof ESLint)({ cwd: dir, overrideConfigFile: true, overrideConfig: flatConfig({ redisVersion: '7.0' }) as Linter.Config[] });
      const [result] = await eslint.lintFiles([file]);
      const found = result.messages.map((m) => `${m.line}:${m.column} ${m.ruleId}`);
      expect(found).toContain('1:6 redis/conf-no-public-bind');
      expect(found).toContain('2:12 redis/conf-valid-directive');
    });
  }

  it('is wired into the presets for redis*.conf, valkey*.conf and sentinel*.conf', async () => {
    const file = join(dir, 'valkey-prod.conf');
    writeFileSync(file, 'appendonly maybe\n');
    const eslint = new ESLint({ cwd: dir, overrideConfigFile: true, overrideConfig: plugin.configs?.['conf-recommended'] as Linter.Config[] });
    const [result] = await eslint.lintFiles([file]);
    expect(result.messages.map((m) => m.ruleId)).toContain('redis/conf-valid-directive');
  });

  it('rejects unknown language options with a clear message', () => {
    expect(() => lint('port 6379\n', 'redis.conf', { redisVersion: '5.0' })).toThrow(/redisVersion "5.0" is not one of/);
    expect(() => lint('port 6379\n', 'redis.conf', { version: '7.0' })).toThrow(/unknown language option "version"/);
  });
});

describe('eslint-disable comments', () => {
  it('honours disable-next-line, disable/enable blocks and inline config', () => {
    const text = [
      '# eslint-disable-next-line redis/conf-valid-directive -- kept for the old server',
      'bogus-one yes',
      '# eslint-disable redis/conf-valid-directive',
      'bogus-two yes',
      '# eslint-enable redis/conf-valid-directive',
      'bogus-three yes',
      '',
    ].join('\n');
    const found = ids(lint(text)).filter((m) => m.endsWith('conf-valid-directive'));
    expect(found).toEqual(['6:1 redis/conf-valid-directive']);
    const off = ids(lint('# eslint redis/conf-valid-directive: off\nbogus yes\n')).filter((m) => m.endsWith('conf-valid-directive'));
    expect(off).toEqual([]);
  });
});

describe('file kinds and versions', () => {
  it('reads sentinel*.conf as a Sentinel config', () => {
    const text = 'sentinel monitor mymaster 127.0.0.1 6379 2\n';
    expect(ids(lint(text, 'sentinel.conf')).filter((m) => m.includes('valid-directive'))).toEqual([]);
    expect(ids(lint(text, 'redis.conf')).filter((m) => m.includes('valid-directive'))).toEqual(['1:1 redis/conf-valid-directive']);
    expect(ids(lint(text, 'redis.conf', { sentinel: true })).filter((m) => m.includes('valid-directive'))).toEqual([]);
  });

  it('selects the directive table by redisVersion (default: the newest Redis)', () => {
    const text = 'set-max-listpack-entries 128\n';
    const valid = (options: Record<string, unknown>) => ids(lint(text, 'redis.conf', options)).filter((m) => m.includes('valid-directive'));
    expect(valid({ redisVersion: '7.0' })).toHaveLength(1);
    expect(valid({ redisVersion: '7.2' })).toEqual([]);
    expect(valid({ redisVersion: '7.4.1' })).toEqual([]);
    expect(valid({})).toEqual([]);
    expect(valid({ redisVersion: 'valkey-8' })).toEqual([]);
    const cpulist = (name: string, redisVersion: string) => ids(lint(`${name} 0-3\n`, 'redis.conf', { redisVersion })).filter((m) => m.includes('valid-directive'));
    expect(cpulist('server_cpulist', '7.0')).toEqual([]);
    expect(cpulist('server-cpulist', '7.0')).toHaveLength(1);
    expect(cpulist('server-cpulist', '7.4')).toEqual([]);
    expect(cpulist('server_cpulist', '7.4')).toEqual([]);
    expect(ids(lint('hash-max-ziplist-entries 128\nlua-time-limit 5000\n', 'redis.conf', { redisVersion: '6.2' })).filter((m) => m.includes('valid-directive'))).toEqual([]);
  });
});

describe('directive tables', () => {
  // The 188 names of Redis 7.4 (`CONFIG GET *` plus the hidden debug configs), kept in the repository
  // so the check runs anywhere; where the shared copy exists, the two must still agree.
  const listed = readFileSync(join(__dirname, 'data', 'redis-7.4-directives.txt'), 'utf8').split('\n').filter(Boolean);
  const shared = join(__dirname, '..', '..', '..', 'shared', 'data', 'redis-7.4-directives.txt');

  it('the 7.4 table has exactly the directive names of Redis 7.4', () => {
    expect(listed).toHaveLength(188);
    expect(Object.keys(tables['7.4'].directives).sort()).toEqual([...listed].sort());
  });

  it.runIf(existsSync(shared))('the repository copy of the 7.4 names matches the shared data', () => {
    expect(listed).toEqual(readFileSync(shared, 'utf8').split('\n').filter(Boolean));
  });

  // One line per release difference: conf-valid-directive must report it exactly where that server refuses it.
  const versions = ['6.2', '7.0', '7.2', '7.4', '8', 'valkey-7.2', 'valkey-8'] as const;
  const accepted: Record<string, (typeof versions)[number][]> = {
    // Redis 7.0: DEBUG, MODULE and protected configs behind their own switches.
    'enable-debug-command no': ['7.0', '7.2', '7.4', '8', 'valkey-7.2', 'valkey-8'],
    // Redis 7.2: small sets as listpacks (Valkey forked from 7.2.4).
    'set-max-listpack-entries 128': ['7.2', '7.4', '8', 'valkey-7.2', 'valkey-8'],
    // Redis 7.4 and Valkey 8.0, not Valkey 7.2.
    'hide-user-data-from-log yes': ['7.4', '8', 'valkey-8'],
    // Redis 8 only: command lookahead of the pipeline reader.
    'lookahead 16': ['8'],
    // Valkey 8 only.
    'extended-redis-compatibility no': ['valkey-8'],
    // Redis 6.2's name, an alias from 7.0 on.
    'list-max-ziplist-size -2': ['6.2', '7.0', '7.2', '7.4', '8', 'valkey-7.2', 'valkey-8'],
  };
  for (const [line, where] of Object.entries(accepted)) {
    it(`"${line}" is accepted by ${where.join(', ')} only`, () => {
      const refusedBy = versions.filter((redisVersion) => lint(`${line}\n`, 'redis.conf', { redisVersion }).some((m) => m.ruleId === 'redis/conf-valid-directive'));
      expect(refusedBy).toEqual(versions.filter((v) => !where.includes(v)));
    });
  }
});

describe("Debian's stock redis.conf", () => {
  const stock = '/etc/redis/redis.conf';
  it.runIf(existsSync(stock))('has no conf-valid-directive finding with redisVersion 7.0', () => {
    const messages = lint(readFileSync(stock, 'utf8'), 'redis-stock.conf');
    expect(messages.filter((m) => m.ruleId === 'redis/conf-valid-directive' || m.fatal)).toEqual([]);
  });
});

describe('bad input never crashes', () => {
  it('reads a binary file as lines of words', () => {
    const bytes = Buffer.alloc(64 * 1024);
    for (let i = 0; i < bytes.length; i++) bytes[i] = (i * 2654435761) % 256;
    const messages = lint(bytes.toString('latin1'));
    expect(messages.some((m) => m.fatal)).toBe(false);
    expect(messages.some((m) => m.ruleId === 'redis/conf-valid-directive')).toBe(true);
  });

  it('reads a 10 MB line', () => {
    const started = Date.now();
    const messages = lint(`dbfilename ${'a'.repeat(10 * 1024 * 1024)}\n`);
    expect(messages.some((m) => m.fatal)).toBe(false);
    expect(Date.now() - started).toBeLessThan(20_000);
  });

  it('reads 100,000 directives', () => {
    const lines = Array.from({ length: 100_000 }, (_, i) => (i % 2 ? `timeout ${i}` : `# comment ${i}`));
    const started = Date.now();
    const messages = lint(`${lines.join('\n')}\n`);
    expect(messages.some((m) => m.fatal)).toBe(false);
    expect(messages.filter((m) => m.ruleId === 'redis/conf-no-duplicate-directive')).toHaveLength(49_999);
    expect(Date.now() - started).toBeLessThan(30_000);
  });

  // 100,000 save lines took 39 s while each line copied every point before it; this checks the
  // accumulation itself (`save ""` clears, later lines append in order); the bench times it.
  it('accumulates 100,000 save lines in order, with save "" clearing what came before', () => {
    const lines = Array.from({ length: 100_000 }, (_, i) => (i === 50_000 ? 'save ""' : `save ${i + 1} ${i % 7}`));
    const config = effectiveConfigOf(parseConf(`${lines.join('\n')}\n`), '', { redisVersion: '7.0' });
    const points = config.savePoints();
    expect(points).toHaveLength(49_999);
    expect(points[0]).toEqual({ seconds: '50002', changes: String(50_001 % 7) });
    expect(points.at(-1)).toEqual({ seconds: '100000', changes: String(99_999 % 7) });
    expect(config.savePoints()).toBe(points);
    expect(effectiveConfigOf(parseConf('save 900 1\nsave ""\n'), '', {}).savePoints()).toEqual([]);
    expect(effectiveConfigOf(parseConf('port 6379\n'), '', { redisVersion: '7.0' }).savePoints()).toEqual([
      { seconds: '3600', changes: '1' },
      { seconds: '300', changes: '100' },
      { seconds: '60', changes: '10000' },
    ]);
  });

  it('reports an include loop once per include line and stops', () => {
    writeFileSync(join(dir, 'loop-a.conf'), `include ${join(dir, 'loop-b.conf')}\n`);
    writeFileSync(join(dir, 'loop-b.conf'), `include ${join(dir, 'loop-a.conf')}\n`);
    const messages = lint(`include ${join(dir, 'loop-a.conf')}\n`, 'redis-loop.conf');
    expect(messages.filter((m) => m.ruleId === 'redis/conf-valid-directive').map((m) => m.messageId)).toEqual(['includeCycle']);
  });

  it('reports a file that includes itself', () => {
    const messages = lint(`include ${join(dir, 'redis-self.conf')}\n`, 'redis-self.conf');
    expect(messages.filter((m) => m.ruleId === 'redis/conf-valid-directive').map((m) => m.messageId)).toEqual(['includeCycle']);
  });

  // redis-server opens a relative include from its working directory (or an earlier `dir`); the linter looks
  // next to the including file and says so, so a reader is not sent to the wrong directory.
  it('reports a missing include clearly, saying where a relative path was looked for', () => {
    writeFileSync(join(dir, 'extra-present.conf'), 'maxmemory 1gb\n');
    const text = `include extra-present.conf\ninclude extra-missing.conf\ninclude ${join(dir, 'absent.conf')}\ninclude ${join(dir, 'none-*.conf')}\n`;
    const found = lint(text, 'redis-relative.conf').filter((m) => m.ruleId === 'redis/conf-valid-directive');
    expect(found.map((m) => [m.line, m.messageId, m.message])).toEqual([
      [
        2,
        'missingInclude',
        'redis-server refuses to start: included file "extra-missing.conf" does not exist next to the file that includes it (redis-server itself opens a relative include from its working directory, or from the "dir" of an earlier line) ("can\'t open config file").',
      ],
      [3, 'missingInclude', `redis-server refuses to start: included file "${join(dir, 'absent.conf')}" does not exist ("can't open config file").`],
    ]);
  });

  // A path through a regular file fails to open for everyone (ENOTDIR), root included, who can read a chmod 000 file.
  it('reports an unreadable include', () => {
    writeFileSync(join(dir, 'a-plain-file.conf'), 'maxmemory 1gb\n');
    const messages = lint(`include ${join(dir, 'a-plain-file.conf', 'x.conf')}\n`, 'redis-unreadable.conf');
    expect(messages.filter((m) => m.ruleId === 'redis/conf-valid-directive').map((m) => m.messageId)).toEqual(['unreadableInclude']);
  });

  // fopen(3) opens a directory and fgets reads nothing from it, so redis-server 7.0 starts.
  it('reads an included directory as an empty file, as redis-server does', () => {
    mkdirSync(join(dir, 'a-directory.conf'), { recursive: true });
    const messages = lint(`include ${join(dir, 'a-directory.conf')}\n`, 'redis-include-dir.conf');
    expect(messages.filter((m) => m.ruleId === 'redis/conf-valid-directive')).toEqual([]);
  });

  it('gives a fatal error only when the file itself cannot be read', async () => {
    const eslint = new ESLint({ cwd: dir, overrideConfigFile: true, overrideConfig: flatConfig() as Linter.Config[] });
    await expect(eslint.lintFiles([join(dir, 'missing-redis.conf')])).rejects.toThrow(/No files matching/);
  });
});
