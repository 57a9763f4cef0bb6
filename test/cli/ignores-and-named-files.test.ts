import { spawn, spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { binPath, gitInit, hasConfLanguage, runCli, scratchProject, spawnCli } from '../helpers/cli';

const BAD = "import Redis from 'ioredis';\nexport const k = (r: Redis) => r.keys('*');\n";
const CLEAN = 'export const a = 1;\n';

/** The files a run linted, relative to `dir`. */
async function linted(dir: string, args: string[], cwd = dir): Promise<string[]> {
  const { stdout } = await runCli([...args, '-f', 'json'], { cwd });
  return (JSON.parse(stdout) as { filePath: string }[]).map((r) => r.filePath.slice(dir.length + 1).split('\\').join('/')).sort();
}

/** A project with ignored code at three levels: the root's .gitignore, a nested one, and .git/info/exclude. */
function layeredProject(): string {
  const dir = scratchProject('ioredis-app', { 'app.ts': BAD, '.gitignore': 'build/\n*.gen.ts\n' });
  mkdirSync(join(dir, 'build'));
  mkdirSync(join(dir, 'pkg', 'lib', 'build'), { recursive: true });
  mkdirSync(join(dir, 'pkg', 'out'), { recursive: true });
  writeFileSync(join(dir, 'build', 'out.ts'), BAD);
  writeFileSync(join(dir, 'types.gen.ts'), BAD);
  writeFileSync(join(dir, 'pkg', '.gitignore'), 'out/\n/local.ts\n');
  writeFileSync(join(dir, 'pkg', 'index.ts'), BAD);
  writeFileSync(join(dir, 'pkg', 'local.ts'), BAD);
  writeFileSync(join(dir, 'pkg', 'out', 'bundle.js'), BAD);
  writeFileSync(join(dir, 'pkg', 'lib', 'build', 'x.ts'), BAD);
  writeFileSync(join(dir, 'pkg', 'lib', 'util.ts'), BAD);
  return dir;
}

describe('what redis-lint skips: what git ignores', { timeout: 120_000 }, () => {
  it('in a git work tree: nested .gitignore files, the parents\' from a subdirectory, .git/info/exclude', async () => {
    const dir = gitInit(layeredProject(), { commit: false });
    writeFileSync(join(dir, '.git', 'info', 'exclude'), 'scratch.ts\n');
    writeFileSync(join(dir, 'scratch.ts'), BAD);
    expect(await linted(dir, ['.'])).toEqual(['app.ts', 'pkg/index.ts', 'pkg/lib/util.ts']);
    // From a subdirectory the root's `build/` and `*.gen.ts` still apply, and pkg's own file.
    writeFileSync(join(dir, 'pkg', 'lib', 'schema.gen.ts'), BAD);
    expect(await linted(dir, ['.'], join(dir, 'pkg'))).toEqual(['pkg/index.ts', 'pkg/lib/util.ts']);
    expect(await linted(dir, ['lib'], join(dir, 'pkg'))).toEqual(['pkg/lib/util.ts']);
  });

  it('a tracked file is linted even where a pattern matches it, as git has it', async () => {
    const dir = scratchProject('ioredis-app', { 'app.ts': CLEAN });
    mkdirSync(join(dir, 'build'));
    writeFileSync(join(dir, 'build', 'kept.ts'), BAD);
    gitInit(dir);
    writeFileSync(join(dir, '.gitignore'), 'build/\n');
    writeFileSync(join(dir, 'build', 'new.ts'), BAD);
    expect(await linted(dir, ['.'])).toEqual(['app.ts', 'build/kept.ts']);
  });

  it('keeps the project\'s .gitignore when a path outside the project is named too', async () => {
    const dir = gitInit(layeredProject());
    const elsewhere = mkdtempSync(join(tmpdir(), 'redis-lint-elsewhere-'));
    writeFileSync(join(elsewhere, 'tool.ts'), BAD);
    const { stdout } = await runCli(['.', join(elsewhere, 'tool.ts'), '-f', 'json'], { cwd: dir });
    const files = (JSON.parse(stdout) as { filePath: string }[]).map((r) => r.filePath).sort();
    expect(files).toEqual([join(dir, 'app.ts'), join(dir, 'pkg', 'index.ts'), join(dir, 'pkg', 'lib', 'util.ts'), join(elsewhere, 'tool.ts')].sort());
  });

  it('run from inside a directory git ignores (a vendored package), it lints what it was pointed at', async () => {
    const dir = scratchProject('ioredis-app', { 'app.ts': CLEAN, '.gitignore': 'vendor/\ndist/\n' });
    mkdirSync(join(dir, 'vendor', 'lib', 'dist'), { recursive: true });
    writeFileSync(join(dir, 'vendor', 'lib', 'index.ts'), BAD);
    writeFileSync(join(dir, 'vendor', 'lib', 'dist', 'index.js'), BAD);
    writeFileSync(join(dir, 'vendor', 'lib', '.gitignore'), 'generated.ts\n');
    writeFileSync(join(dir, 'vendor', 'lib', 'generated.ts'), BAD);
    gitInit(dir);
    const lib = join(dir, 'vendor', 'lib');
    expect(await linted(dir, ['.'], lib)).toEqual(['vendor/lib/dist/index.js', 'vendor/lib/index.ts']);
    expect(await linted(dir, ['dist'], lib)).toEqual(['vendor/lib/dist/index.js']);
    // From the project, the ignored directory named explicitly is ESLint's "nothing to lint" (exit 2).
    expect(await runCli(['vendor/lib'], { cwd: dir })).toMatchObject({ code: 2, stderr: 'redis-lint: vendor/lib holds no JavaScript, TypeScript or redis*.conf file to lint (or only ignored ones)\n' });
  });

  it('paths with glob characters in their names are ignored literally', async () => {
    const dir = scratchProject('ioredis-app', { 'app.ts': CLEAN, '.gitignore': '\\[id\\].ts\n(x)+.ts\n' });
    for (const name of ['[id].ts', '(x)+.ts']) writeFileSync(join(dir, name), BAD);
    // What the names would match as globs: i.ts for [id].ts, xx.ts for (x)+.ts.
    for (const name of ['i.ts', 'xx.ts']) writeFileSync(join(dir, name), CLEAN);
    gitInit(dir, { commit: false });
    expect(await linted(dir, ['.'])).toEqual(['app.ts', 'i.ts', 'xx.ts']);
  });

  it('without git (not installed, or not a work tree): the .gitignore files read by hand, nested and parents\'', () => {
    const dir = gitInit(layeredProject(), { commit: false });
    const noGit = mkdtempSync(join(tmpdir(), 'redis-lint-no-git-'));
    const files = (cwd: string) => {
      const { stdout, stderr } = spawnCli(['.', '-f', 'json'], { cwd, env: { PATH: noGit } });
      expect(stderr).toMatch(/^redis-lint: \d+ errors and 0 warnings in \d files\n$/);
      return (JSON.parse(stdout) as { filePath: string }[]).map((r) => r.filePath.slice(dir.length + 1)).sort();
    };
    expect(files(dir)).toEqual(['app.ts', 'pkg/index.ts', 'pkg/lib/util.ts']);
    expect(files(join(dir, 'pkg'))).toEqual(['pkg/index.ts', 'pkg/lib/util.ts']);
    rmSync(join(dir, '.git'), { recursive: true });
    expect(files(dir)).toEqual(['app.ts', 'pkg/index.ts', 'pkg/lib/util.ts']);
  });
});

describe('files the CLI chooses not to lint', { timeout: 120_000 }, () => {
  it('an ignored file named explicitly is skipped with one line on stderr, not a warning, exit 0', async () => {
    const dir = gitInit(layeredProject());
    const one = await runCli(['build/out.ts', '--max-warnings', '0'], { cwd: dir });
    expect(one).toEqual({ code: 0, stdout: '', stderr: "redis-lint: skipped build/out.ts: it is ignored (.gitignore, node_modules or the config's ignores)\n" });
    const many = await runCli(['build/out.ts', 'types.gen.ts', 'pkg/local.ts', 'pkg/out/bundle.js', 'app.ts', '-f', 'json'], { cwd: dir });
    expect(many.code).toBe(1);
    expect(many.stderr.split('\n')[0]).toBe(
      "redis-lint: skipped 4 ignored files (.gitignore, node_modules or the config's ignores): build/out.ts, types.gen.ts, pkg/local.ts and 1 more",
    );
    expect((JSON.parse(many.stdout) as { filePath: string }[]).map((r) => r.filePath)).toEqual([join(dir, 'app.ts')]);
  });

  it('named files of other kinds (README.md, package.json) pass without a word', async () => {
    const dir = scratchProject('ioredis-app', { 'app.ts': CLEAN, 'README.md': '# app\n' });
    expect(await runCli(['README.md', 'package.json', 'app.ts', '--max-warnings', '0'], { cwd: dir })).toEqual({ code: 0, stdout: '', stderr: '' });
    expect(await runCli(['README.md'], { cwd: dir })).toEqual({ code: 0, stdout: '', stderr: '' });
  });

  it('a path that does not exist is exit 2, unless --no-error-on-unmatched-pattern', async () => {
    const dir = scratchProject('ioredis-app', { 'app.ts': BAD });
    expect(await runCli(['app.ts', 'gone.js'], { cwd: dir })).toMatchObject({ code: 2, stdout: '', stderr: "redis-lint: No files matching 'gone.js' were found.\n" });
    const skipped = await runCli(['app.ts', 'gone.js', '--no-error-on-unmatched-pattern', '-f', 'json'], { cwd: dir });
    expect(skipped.code).toBe(1);
    expect(JSON.parse(skipped.stdout)).toHaveLength(1);
    // Only deleted files named: nothing to lint, and the current directory is not linted instead.
    expect(await runCli(['gone.js', '--no-error-on-unmatched-pattern'], { cwd: dir })).toEqual({ code: 0, stdout: '', stderr: '' });
    expect(await runCli(['src/**/*.ts', '--no-error-on-unmatched-pattern'], { cwd: dir })).toEqual({ code: 0, stdout: '', stderr: '' });
    expect((await runCli(['src/**/*.ts'], { cwd: dir })).code).toBe(2);
  });

  it('the staged-files recipe of docs/cli.md works with deleted, vendored and non-code files staged', () => {
    const dir = scratchProject('ioredis-app', { 'app.ts': CLEAN, 'gone.js': CLEAN, 'README.md': '# app\n' });
    gitInit(dir);
    const shell = (script: string) => spawnSync('bash', ['-c', script], { cwd: dir, encoding: 'utf8', env: { ...process.env, NO_COLOR: '1' } });
    const recipe = `git diff --name-only --cached | xargs -r ${JSON.stringify(process.execPath)} ${JSON.stringify(binPath)} --no-error-on-unmatched-pattern`;
    mkdirSync(join(dir, 'node_modules', 'dep'), { recursive: true });
    writeFileSync(join(dir, 'node_modules', 'dep', 'index.js'), BAD);
    writeFileSync(join(dir, 'README.md'), '# app, now documented\n');
    shell('git rm -q gone.js && git add README.md package.json && git add -f node_modules/dep/index.js');
    const clean = shell(recipe);
    expect({ status: clean.status, stdout: clean.stdout, stderr: clean.stderr }).toEqual({
      status: 0,
      stdout: '',
      stderr: "redis-lint: skipped node_modules/dep/index.js: it is ignored (.gitignore, node_modules or the config's ignores)\n",
    });
    writeFileSync(join(dir, 'app.ts'), BAD);
    shell('git add app.ts');
    const found = shell(recipe);
    // xargs turns the command's exit 1 into its own 123: still a failure that stops the commit.
    expect(found.status).toBe(123);
    expect(found.stdout).toContain('redis/no-keys');
    // Nothing staged: xargs -r runs nothing (a bare redis-lint would lint the whole directory).
    shell('git -c user.email=ci@example.invalid -c user.name=ci commit -qm staged');
    expect(shell(recipe)).toMatchObject({ status: 0, stdout: '' });
  });

  it.skipIf(!hasConfLanguage)('a directory named explicitly that holds only 6379.conf: a clear reason, and the glob that lints it', async () => {
    const dir = scratchProject('ioredis-app', {});
    mkdirSync(join(dir, 'etc-redis'));
    writeFileSync(join(dir, 'etc-redis', '6379.conf'), 'bind 0.0.0.0\n');
    const refused = await runCli(['etc-redis/'], { cwd: dir });
    expect(refused).toEqual({
      code: 2,
      stdout: '',
      stderr:
        'redis-lint: etc-redis/ holds no JavaScript, TypeScript or redis*.conf file to lint; a .conf file with another name (6379.conf) is read as a redis.conf when named: redis-lint etc-redis/*.conf\n',
    });
    // The quoted glob (and the shell's expansion of it) reads each .conf as a redis.conf.
    expect(await linted(dir, ['etc-redis/*.conf'])).toEqual(['etc-redis/6379.conf']);
    expect(await linted(dir, ['etc-redis/6379.conf'])).toEqual(['etc-redis/6379.conf']);
  });
});

describe('smaller CLI behaviours', { timeout: 120_000 }, () => {
  it.skipIf(!hasConfLanguage)('--stdin-filename deploy/6379.conf lints standard input as a redis.conf', async () => {
    const dir = scratchProject('ioredis-app', {});
    const { code, stdout } = await runCli(['--stdin', '--stdin-filename', 'deploy/6379.conf', '-f', 'json'], { cwd: dir, stdin: 'bind 0.0.0.0\n' });
    expect(code).toBe(1);
    const [result] = JSON.parse(stdout) as { filePath: string; messages: { ruleId: string; line: number }[] }[];
    expect(result.filePath).toBe(join(dir, 'deploy', '6379.conf'));
    expect(result.messages.map((m) => `${m.ruleId}@${m.line}`)).toContain('redis/conf-no-public-bind@1');
  });

  it('an empty NO_COLOR does not turn colour off (no-color.org: set and not empty)', async () => {
    const cwd = scratchProject();
    expect((await runCli(['.'], { cwd, tty: true, env: { NO_COLOR: '' } })).stdout).toContain('\x1b[31m');
    expect((await runCli(['.'], { cwd, tty: true, env: { NO_COLOR: '0' } })).stdout).not.toContain('\x1b[');
    expect((await runCli(['.', '--color'], { cwd, env: { NO_COLOR: '1' } })).stdout).toContain('\x1b[31m');
  });

  it('-o onto a directory names a write error, not a read error', async () => {
    const cwd = scratchProject();
    mkdirSync(join(cwd, 'reports'));
    expect(await runCli(['.', '-o', 'reports'], { cwd })).toEqual({ code: 2, stdout: '', stderr: 'redis-lint: cannot write the report to reports: EISDIR\n' });
    writeFileSync(join(cwd, 'afile'), '');
    expect(await runCli(['.', '-o', 'afile/out.txt'], { cwd })).toMatchObject({ code: 2, stderr: expect.stringMatching(/^redis-lint: cannot write the report to afile\/out\.txt: E[A-Z]+\n$/) });
  });

  it('--print-config on a terminal does not show the progress line\'s internal rule', async () => {
    const { code, stdout } = await runCli(['--print-config', 'fixtures/ioredis-app/sessions.ts'], { stderrTty: true });
    expect(code).toBe(0);
    const config = JSON.parse(stdout) as { plugins: string[]; rules: Record<string, unknown> };
    expect(Object.keys(config.rules).filter((id) => !id.startsWith('redis/'))).toEqual([]);
    expect(config.plugins.filter((p) => p.startsWith('redis-lint'))).toEqual([]);
  });

  it('the default report on stdout carries the exit-1 reason; other formats and -o put it on stderr', async () => {
    const cwd = scratchProject();
    const stylish = await runCli(['.'], { cwd });
    expect(stylish.code).toBe(1);
    expect(stylish.stderr).toBe('');
    expect(stylish.stdout).toMatch(/\n✖ 3 problems \(3 errors, 0 warnings\) in 1 file\n/);
    expect((await runCli(['.', '-o', 'report.txt'], { cwd })).stderr).toBe('redis-lint: 3 errors and 0 warnings in 1 file\n');
  });

  it('`redis-lint | head -1` exits quietly with the run\'s code, no EPIPE stack trace', async () => {
    const lines = Array.from({ length: 3000 }, (_, i) => `export const k${i} = () => r.keys('p${i}:*');`);
    const cwd = scratchProject('ioredis-app', { 'many.ts': `import Redis from 'ioredis';\nconst r = new Redis();\n${lines.join('\n')}\n` });
    const child = spawn(process.execPath, [binPath, 'many.ts'], { cwd, env: { ...process.env, NO_COLOR: '1' } });
    let stderr = '';
    child.stderr.on('data', (c) => (stderr += c));
    // Read the first chunk, then leave as `head -1` does: every later write of the report gets EPIPE.
    await new Promise<void>((resolve) => child.stdout.once('data', () => resolve()));
    child.stdout.destroy();
    const code = await new Promise<number | null>((resolve) => child.on('close', resolve));
    expect(stderr).toBe('');
    expect(code).toBe(1);
  });
});
