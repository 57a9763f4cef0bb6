import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { ESLint } from 'eslint';
import { buildEslintOptions } from '../../dist/src/cli/eslint-options.js';
import { eslintFeatureSince, versionAtLeast } from '../../dist/src/cli/eslint-api.js';
import { eslintMajors, gitInit, hasConfLanguage, runCli, scratchProject } from '../helpers/cli';

/* redis-lint runs on whatever ESLint the project resolves within the peer range (^8.57 || ^9.15 || ^10):
   the same findings and exit codes under each major (devDependency aliases eslint-v8 = 8.57, eslint-v9 = 9.39),
   and only the constructor options and config keys that ESLint version knows. */

type Result = { filePath: string; messages: { ruleId: string | null; line: number }[] };
const findings = (stdout: string) =>
  (JSON.parse(stdout) as Result[]).map((r) => [r.filePath.replace(/^.*[\\/]/, ''), r.messages.map((m) => `${m.ruleId}@${m.line}`)]);

const CLEAN = "const m = new Map<string, number>();\nexport const k = [...m.keys(), ...Object.keys({})];\n";
const SESSIONS = [['sessions.ts', ['redis/no-keys@7', 'redis/no-select@10', 'redis/no-flush@12']]];

describe.each(Object.entries(eslintMajors))('redis-lint under ESLint %s', { timeout: 120_000 }, (major, eslint) => {
  it('finds the same problems, exit 1; exit 0 on clean code; exit 2 for a path that does not exist', async () => {
    const dir = scratchProject();
    const found = await runCli(['.', '-f', 'json'], { cwd: dir, eslint });
    expect(found.code).toBe(1);
    expect(findings(found.stdout)).toEqual(SESSIONS);
    const human = await runCli(['sessions.ts'], { cwd: dir, eslint });
    expect(human.code).toBe(1);
    expect(human.stdout).toContain('✖ 3 problems (3 errors, 0 warnings) in 1 file\n');
    expect(human.stderr).toBe('');

    writeFileSync(join(dir, 'sessions.ts'), CLEAN);
    expect(await runCli(['.'], { cwd: dir, eslint })).toEqual({ code: 0, stdout: '', stderr: '' });
    expect(await runCli(['no/such/dir'], { cwd: dir, eslint })).toMatchObject({ code: 2, stderr: "redis-lint: No files matching 'no/such/dir' were found.\n" });
  });

  it('--fix writes the SCAN rewrite and --rule still applies', async () => {
    const dir = scratchProject();
    const fixed = await runCli(['.', '--fix', '-f', 'json'], { cwd: dir, eslint });
    expect(findings(fixed.stdout)).toEqual([['sessions.ts', ['redis/no-select@10', 'redis/no-flush@12']]]);
    const off = await runCli(['.', '--rule', 'no-select:off', '--rule', 'no-flush:warn', '--max-warnings', '0'], { cwd: dir, eslint });
    expect(off.code).toBe(1);
    expect(off.stderr).toBe('redis-lint: 1 warning exceed --max-warnings 0\n');
  });

  it('skips what git ignores and named files it will not lint, silently for README.md', async () => {
    // Ignored directories go to ESLint as literal globs (minimatch 3 under ESLint 8 and 9, 11 under 10), files as a matcher.
    const dir = scratchProject('ioredis-app', { 'sessions.ts': CLEAN, '.gitignore': 'build/\n*.gen.ts\n\\[out\\]/\n\\!tmp/\n', 'README.md': '# app\n' });
    const bad = "import Redis from 'ioredis';\nexport const k = (r: Redis) => r.keys('*');\n";
    for (const sub of ['build', '[out]', '!tmp', 'o']) mkdirSync(join(dir, sub));
    for (const file of ['build/out.ts', 'types.gen.ts', '[out]/a.ts', '!tmp/a.ts']) writeFileSync(join(dir, file), bad);
    writeFileSync(join(dir, 'o', 'a.ts'), CLEAN);
    gitInit(dir);
    expect(await runCli(['.'], { cwd: dir, eslint })).toEqual({ code: 0, stdout: '', stderr: '' });
    expect(await runCli(['README.md', 'package.json', 'sessions.ts', '--max-warnings', '0'], { cwd: dir, eslint })).toEqual({ code: 0, stdout: '', stderr: '' });
    const ignored = await runCli(['types.gen.ts', '--max-warnings', '0'], { cwd: dir, eslint });
    expect(ignored).toMatchObject({ code: 0, stdout: '' });
    expect(ignored.stderr).toMatch(/^redis-lint: skipped types\.gen\.ts: it is ignored/);
  });

  it(major === '8' ? '--concurrency: one line on stderr, then the same findings on one thread' : '--concurrency runs on worker threads', async () => {
    const dir = scratchProject();
    const threaded = await runCli(['.', '-f', 'json', '--concurrency', '2'], { cwd: dir, eslint });
    expect(threaded.code).toBe(1);
    expect(findings(threaded.stdout)).toEqual(SESSIONS);
    const lines = threaded.stderr.trim().split('\n');
    if (major === '8') expect(lines[0]).toBe(`redis-lint: --concurrency needs ESLint ${eslintFeatureSince.concurrency} or later (this is ESLint 8.57.1); linting on one thread`);
    else expect(lines).not.toContainEqual(expect.stringContaining('--concurrency'));
  });

  it.skipIf(!hasConfLanguage)(
    major === '8' ? 'refuses a named redis.conf in one line (ESLint 8 has no languages); a walk lints the code only' : 'lints redis.conf, named or found',
    async () => {
      const dir = scratchProject('ioredis-app', { 'sessions.ts': CLEAN, 'redis.conf': 'bind 0.0.0.0\n' });
      const named = await runCli(['redis.conf', '-f', 'json'], { cwd: dir, eslint });
      const walked = await runCli(['.', '-f', 'json'], { cwd: dir, eslint });
      if (major === '8') {
        expect(named).toEqual({ code: 2, stdout: '', stderr: 'redis-lint: redis.conf: linting redis.conf needs ESLint 9.15 or later (the redis/conf language); this is ESLint 8.57.1\n' });
        expect(walked).toMatchObject({ code: 0, stderr: '' });
        expect(findings(walked.stdout)).toEqual([['sessions.ts', []]]);
      } else {
        expect(named.code).toBe(1);
        expect(findings(named.stdout)[0][1]).toContain('redis/conf-no-public-bind@1');
        expect(findings(walked.stdout).map(([file]) => file)).toEqual(['redis.conf', 'sessions.ts']);
      }
    },
  );

  it('--print-config and --stdin work', async () => {
    const dir = scratchProject();
    const config = await runCli(['--print-config', 'sessions.ts'], { cwd: dir, eslint, stderrTty: true });
    expect(config.code).toBe(0);
    expect(JSON.parse(config.stdout).rules['redis/no-keys']).toEqual([2]);
    const piped = await runCli(['--stdin', '--stdin-filename', 'piped.ts', '-f', 'json'], { cwd: dir, eslint, stdin: "import Redis from 'ioredis';\nexport const k = (r: Redis) => r.keys('*');\n" });
    expect(piped.code).toBe(1);
    expect(findings(piped.stdout)).toEqual([['piped.ts', ['redis/no-keys@2']]]);
  });
});

describe('the options redis-lint passes to ESLint', () => {
  const settings = (eslintVersion: string, concurrency: 'off' | number = 4) => ({
    cwd: '/p',
    fix: false,
    config: { kind: 'builtin' as const },
    rules: {},
    concurrency,
    extraConfFiles: [],
    progress: false,
    eslintVersion,
    ignores: { patterns: [], files: [] },
    errorOnUnmatchedPattern: true,
  });
  const linterOptions = (options: ESLint.Options) =>
    (options.overrideConfig as { name?: string; linterOptions?: object }[]).find((entry) => entry.name === 'redis-lint/linter-options')?.linterOptions;
  const languages = (options: ESLint.Options) => (options.overrideConfig as { language?: string }[]).filter((entry) => entry.language !== undefined).length;

  it.each([
    ['8.57.1', false, false, false],
    ['9.15.0', false, false, true],
    ['9.18.2', false, false, true],
    ['9.19.0', false, true, true],
    ['9.33.0', false, true, true],
    ['9.34.0', true, true, true],
    ['10.0.0', true, true, true],
  ])('ESLint %s: concurrency %s, reportUnusedInlineConfigs %s, redis/conf language %s', (version, concurrency, inlineConfigs, conf) => {
    const options = buildEslintOptions(settings(version));
    expect('concurrency' in options).toBe(concurrency);
    expect(linterOptions(options)).toEqual(inlineConfigs ? { reportUnusedDisableDirectives: 'off', reportUnusedInlineConfigs: 'off' } : { reportUnusedDisableDirectives: 'off' });
    expect(languages(options) > 0).toBe(conf && hasConfLanguage);
  });

  it('passes no concurrency for a serial run', () => {
    expect('concurrency' in buildEslintOptions(settings('10.0.0', 'off'))).toBe(false);
  });

  it('compares versions as numbers', () => {
    expect(versionAtLeast('9.100.0', '9.34.0')).toBe(true);
    expect(versionAtLeast('9.4.0', '9.34.0')).toBe(false);
    expect(versionAtLeast('10.0.0-rc.0', '9.34.0')).toBe(true);
    expect(versionAtLeast('8.57.0', '8.57.0')).toBe(true);
  });

  it('refuses an ESLint older than the peer range in one line', async () => {
    const old = { ESLint: Object.assign(function ESLint() {}, { version: '8.56.0' }) };
    const { run } = await import('../../dist/src/cli/index.js');
    const { PassThrough, Readable } = await import('node:stream');
    const err = new PassThrough();
    let text = '';
    err.on('data', (c) => (text += c));
    const sink = new PassThrough();
    sink.resume();
    const code = await run(['.'], { stdout: sink, stderr: err, stdin: Readable.from(['']), cwd: scratchProject(), env: {}, eslint: old as never });
    expect(code).toBe(2);
    expect(text).toBe('redis-lint: ESLint 8.56.0 is too old: redis-lint needs ESLint 8.57.0 or later\n');
  });
});
