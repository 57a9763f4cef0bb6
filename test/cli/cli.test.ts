import { readFileSync, writeFileSync, mkdirSync, symlinkSync } from 'node:fs';
import { join } from 'node:path';
import { scratchProject, runCli, spawnCli, repoRoot } from '../helpers/cli';

describe('redis-lint: exit codes and reports', () => {
  it('groups the human report by file with a summary by rule, exit 1', async () => {
    const dir = scratchProject();
    const { code, stdout } = await runCli(['.'], { cwd: dir });
    expect(code).toBe(1);
    expect(stdout).toContain('sessions.ts\n  7:3    error    KEYS walks the whole keyspace');
    expect(stdout).toMatch(/\n {2}12:38 {2}error {4}FLUSHALL .* {2}redis\/no-flush\n/);
    expect(stdout).toContain('✖ 3 problems (3 errors, 0 warnings) in 1 file\n');
    expect(stdout).toMatch(/\n {2}redis\/no-flush {3}1 error\n {2}redis\/no-keys {4}1 error\n {2}redis\/no-select {2}1 error\n/);
    expect(stdout).toContain('1 problem fixable with --fix');
    // Not a terminal: no ANSI colour codes.
    expect(stdout).not.toContain('\x1b[');
    // The README's first command: the bundled fixtures have problems.
    expect((await runCli(['fixtures/'])).code).toBe(1);
  });

  it('exits 0 with no output on clean code', async () => {
    const dir = scratchProject();
    writeFileSync(join(dir, 'sessions.ts'), "const m = new Map<string, number>();\nexport const k = [...m.keys(), ...Object.keys({})];\n");
    const { code, stdout, stderr } = await runCli(['.'], { cwd: dir });
    expect({ code, stdout, stderr }).toEqual({ code: 0, stdout: '', stderr: '' });
  });

  it('ignores comments meant for the project\'s other ESLint rules (zero-config runs only redis/* rules)', async () => {
    const dir = scratchProject();
    writeFileSync(
      join(dir, 'sessions.ts'),
      "/* eslint-disable no-console */\n// eslint-disable-next-line @typescript-eslint/no-explicit-any\nexport const a: any = 1;\n/* eslint max-len: off */\n",
    );
    expect(await runCli(['.'], { cwd: dir })).toEqual({ code: 0, stdout: '', stderr: '' });
    // A disable comment for one of ours still works.
    writeFileSync(join(dir, 'keys.ts'), "import Redis from 'ioredis';\nconst r = new Redis();\n// eslint-disable-next-line redis/no-keys -- admin script\nexport const all = () => r.keys('*');\n");
    expect(await runCli(['.'], { cwd: dir })).toEqual({ code: 0, stdout: '', stderr: '' });
  });

  it('colours only on a terminal, and NO_COLOR or --no-color turn it off', async () => {
    const cwd = scratchProject();
    expect((await runCli(['.'], { cwd, tty: true })).stdout).toContain('\x1b[31m');
    expect((await runCli(['.'], { cwd, tty: true, env: { NO_COLOR: '1' } })).stdout).not.toContain('\x1b[');
    expect((await runCli(['.', '--no-color'], { cwd, tty: true })).stdout).not.toContain('\x1b[');
    expect((await runCli(['.', '--color'], { cwd })).stdout).toContain('\x1b[31m');
  });

  it('exits 2 with one line for a path that does not exist, an unknown option or an unknown rule', async () => {
    const missing = await runCli(['no/such/dir']);
    expect(missing.code).toBe(2);
    expect(missing.stderr).toBe("redis-lint: No files matching 'no/such/dir' were found.\n");
    const option = await runCli(['--frobnicate']);
    expect(option.code).toBe(2);
    expect(option.stderr.trim().split('\n')).toHaveLength(1);
    const rule = await runCli(['--rule', 'no-such-rule:off', 'fixtures/']);
    expect(rule.code).toBe(2);
    expect(rule.stderr).toMatch(/^redis-lint: unknown rule 'no-such-rule' in --rule \(known: .*no-keys.*\)\n$/);
    const severity = await runCli(['--rule', 'no-keys:loud', 'fixtures/']);
    expect(severity.code).toBe(2);
    expect(severity.stderr).toContain("expected <rule-id>:<off|warn|error>, got 'no-keys:loud'");
    const both = await runCli(['--config', 'x.js', '--use-eslint-config']);
    expect(both).toMatchObject({ code: 2, stderr: 'redis-lint: --config and --use-eslint-config exclude each other\n' });
  });

  it('prints --version and --help with examples, exit 0', async () => {
    const pkg = JSON.parse(readFileSync(join(repoRoot, 'package.json'), 'utf8'));
    expect(await runCli(['--version'])).toMatchObject({ code: 0, stdout: `${pkg.version}\n` });
    const help = await runCli(['--help']);
    expect(help.code).toBe(0);
    expect(help.stdout).toContain('Examples:');
    expect(help.stdout).toContain('--format sarif');
    expect(help.stdout).toContain('Exit codes: 0');
  });

  it('--rule turns a rule off or down to a warning; --max-warnings then decides the exit code', async () => {
    const cwd = scratchProject();
    const off = await runCli(['.', '--rule', 'no-keys:off', '--rule', 'redis/no-select:0', '--rule', 'no-flush:off'], { cwd });
    expect(off).toMatchObject({ code: 0, stdout: '' });
    const warn = ['.', '--rule', 'no-keys:warn', '--rule', 'no-select:warn', '--rule', 'no-flush:warn'];
    expect((await runCli(warn, { cwd })).code).toBe(0);
    expect((await runCli([...warn, '--max-warnings', '3'], { cwd })).code).toBe(0);
    const over = await runCli([...warn, '--max-warnings', '2'], { cwd });
    expect(over.code).toBe(1);
    expect(over.stderr).toBe('redis-lint: 3 warnings exceed --max-warnings 2\n');
    // --quiet hides warnings from the report.
    const quiet = await runCli([...warn.slice(0, 3), '--quiet'], { cwd });
    expect(quiet.code).toBe(1);
    expect(quiet.stdout).toContain('redis/no-select');
    expect(quiet.stdout).not.toContain('redis/no-keys');
  });

  it('writes json to --output-file without the file source, with a one-line reason on stderr', async () => {
    const dir = scratchProject();
    const { code, stdout, stderr } = await runCli(['.', '-f', 'json', '-o', 'reports/out.json'], { cwd: dir });
    expect(code).toBe(1);
    expect(stdout).toBe('');
    expect(stderr).toBe('redis-lint: 3 errors and 0 warnings in 1 file\n');
    const report = JSON.parse(readFileSync(join(dir, 'reports', 'out.json'), 'utf8'));
    expect(report).toHaveLength(1);
    expect(report[0].messages.map((m: { ruleId: string; line: number }) => `${m.ruleId}@${m.line}`)).toEqual(['redis/no-keys@7', 'redis/no-select@10', 'redis/no-flush@12']);
    expect(report[0]).not.toHaveProperty('source');
  });

  it('loads any other ESLint formatter by path', async () => {
    const dir = scratchProject();
    writeFileSync(join(dir, 'count.cjs'), 'module.exports = (results) => `count=${results.reduce((n, r) => n + r.messages.length, 0)}`;\n');
    const { code, stdout } = await runCli(['sessions.ts', '-f', './count.cjs'], { cwd: dir });
    expect(code).toBe(1);
    expect(stdout).toBe('count=3\n');
    const missing = await runCli(['sessions.ts', '-f', 'no-such-formatter'], { cwd: dir });
    expect(missing.code).toBe(2);
    expect(missing.stderr.trim().split('\n')).toHaveLength(1);
  });

  it('--fix writes the SCAN rewrite; a second run finds nothing fixable; --fix-dry-run writes nothing', async () => {
    const dir = scratchProject();
    const before = readFileSync(join(dir, 'sessions.ts'), 'utf8');
    const dry = await runCli(['.', '--fix-dry-run', '-f', 'json'], { cwd: dir });
    expect(readFileSync(join(dir, 'sessions.ts'), 'utf8')).toBe(before);
    const dryOutput = JSON.parse(dry.stdout)[0].output as string;
    expect(dryOutput).toContain('scanStream({ match: `session:${userId}:*`, count: 1000 })');

    const fixed = await runCli(['.', '--fix'], { cwd: dir });
    expect(fixed.code).toBe(1); // SELECT and FLUSHALL have no autofix
    const after = readFileSync(join(dir, 'sessions.ts'), 'utf8');
    expect(after).toBe(dryOutput);
    expect(fixed.stdout).not.toContain('redis/no-keys');
    const again = await runCli(['.', '--fix'], { cwd: dir });
    expect(readFileSync(join(dir, 'sessions.ts'), 'utf8')).toBe(after);
    expect(again.stdout).not.toContain('fixable');
  });

  it('lints standard input under --stdin-filename, and refuses --fix with --stdin', async () => {
    const code = "import Redis from 'ioredis';\nconst r = new Redis();\nexport const all = () => r.keys('*');\n";
    const linted = await runCli(['--stdin', '--stdin-filename', 'fixtures/ioredis-app/piped.ts', '-f', 'json'], { stdin: code });
    expect(linted.code).toBe(1);
    const [result] = JSON.parse(linted.stdout);
    expect(result.messages.map((m: { ruleId: string; line: number; column: number }) => [m.ruleId, m.line, m.column])).toEqual([['redis/no-keys', 3, 26]]);
    const dry = await runCli(['--stdin', '--stdin-filename', 'fixtures/ioredis-app/piped.ts', '--fix-dry-run', '-f', 'json'], { stdin: code });
    expect(JSON.parse(dry.stdout)[0].output).toContain("r.scanStream({ match: '*', count: 1000 })");
    const refused = await runCli(['--stdin', '--fix'], { stdin: code });
    expect(refused.code).toBe(2);
    expect(refused.stderr).toMatch(/^redis-lint: --fix writes files .*--fix-dry-run/);
  });

  it('--print-config prints the rules that apply to a file', async () => {
    const { code, stdout } = await runCli(['--print-config', 'fixtures/ioredis-app/sessions.ts']);
    expect(code).toBe(0);
    const config = JSON.parse(stdout);
    expect(config.rules['redis/no-keys']).toEqual([2]);
    expect(config.languageOptions.parser).toMatch(/^@typescript-eslint\/parser@/);
    const test = JSON.parse((await runCli(['--print-config', 'fixtures/ioredis-app/sessions.test.ts'])).stdout);
    expect(test.rules['redis/no-flush']).toEqual([0]);
  });

  it('skips node_modules and what .gitignore ignores, and accepts globs', async () => {
    const dir = scratchProject();
    mkdirSync(join(dir, 'node_modules', 'dep'), { recursive: true });
    mkdirSync(join(dir, 'build'), { recursive: true });
    const bad = "import Redis from 'ioredis';\nexport const k = () => new Redis().keys('*');\n";
    writeFileSync(join(dir, 'node_modules', 'dep', 'index.js'), bad);
    writeFileSync(join(dir, 'build', 'out.js'), bad);
    writeFileSync(join(dir, 'generated.js'), bad);
    writeFileSync(join(dir, '.gitignore'), '# build output\nbuild/\n/generated.js\n');
    const json = async (args: string[]) => JSON.parse((await runCli([...args, '-f', 'json'], { cwd: dir })).stdout).map((r: { filePath: string }) => r.filePath.slice(dir.length + 1)).sort();
    expect(await json(['.'])).toEqual(['sessions.ts']);
    expect(await json(['*.ts'])).toEqual(['sessions.ts']);
  });

  it('runs on worker threads with --concurrency and finds the same problems', async () => {
    const serial = JSON.parse((await runCli(['fixtures/', '-f', 'json'])).stdout);
    const threaded = await runCli(['fixtures/', '-f', 'json', '--concurrency', '2']);
    expect(threaded.code).toBe(1);
    const summary = (results: { filePath: string; messages: { ruleId: string; line: number }[] }[]) =>
      results.map((r) => [r.filePath, r.messages.map((m) => `${m.ruleId}@${m.line}`)]);
    expect(summary(JSON.parse(threaded.stdout))).toEqual(summary(serial));
    expect((await runCli(['fixtures/', '--concurrency', 'lots'])).code).toBe(2);
  });
});

describe('redis-lint: bad input never crashes', () => {
  it('reports a binary file as a parse error (exit 1, one line per file), not a crash', async () => {
    const dir = scratchProject();
    writeFileSync(join(dir, 'blob.js'), Buffer.from([0x00, 0xff, 0xfe, 0x01, 0x7f, 0x80, 0x00, 0x0a, 0x1b]));
    const { code, stdout, stderr } = await runCli(['blob.js'], { cwd: dir });
    expect(code).toBe(1);
    expect(stderr).toBe('');
    expect(stdout).toMatch(/blob\.js\n {2}1:\d+ +error {4}Parsing error: .* {2}parse error\n/);
    expect(stdout).toContain('\\x00');
    expect(stdout).not.toMatch(/[\u0000\u001b]/);
  });

  it('lints a 10 MB line', async () => {
    const dir = scratchProject();
    writeFileSync(join(dir, 'big.js'), `export const s = "${'x'.repeat(10 * 1024 * 1024)}";\n`);
    const { code, stderr } = await runCli(['big.js'], { cwd: dir });
    expect({ code, stderr }).toEqual({ code: 0, stderr: '' });
  });

  it('exits 2 naming an unreadable path (a dangling symlink), not a stack trace', async () => {
    const dir = scratchProject();
    symlinkSync(join(dir, 'gone.js'), join(dir, 'dangling.js'));
    const { code, stderr } = await runCli(['dangling.js'], { cwd: dir });
    expect(code).toBe(2);
    expect(stderr.trim().split('\n')).toHaveLength(1);
    expect(stderr).toMatch(/^redis-lint: /);
    expect(stderr).not.toMatch(/\n\s+at /);
  });

  it('prints a stack trace only with --debug', async () => {
    const dir = scratchProject();
    writeFileSync(join(dir, 'throws.cjs'), "throw new Error('formatter exploded');\n");
    const plain = await runCli(['sessions.ts', '-f', './throws.cjs'], { cwd: dir });
    expect(plain.code).toBe(2);
    expect(plain.stderr).not.toMatch(/\n\s+at /);
    const debug = await runCli(['sessions.ts', '-f', './throws.cjs', '--debug'], { cwd: dir });
    expect(debug.code).toBe(2);
    expect(debug.stderr).toMatch(/\n\s+at /);
  });

  it('the executable exits with the same codes as a separate process', () => {
    expect(spawnCli(['fixtures/']).code).toBe(1);
    expect(spawnCli(['.', '--rule', 'no-keys:off', '--rule', 'no-select:off', '--rule', 'no-flush:off'], { cwd: scratchProject() }).code).toBe(0);
    const missing = spawnCli(['missing-dir']);
    expect(missing.code).toBe(2);
    expect(missing.stderr).toBe("redis-lint: No files matching 'missing-dir' were found.\n");
  });
});

describe('redis-lint inside the project\'s own ESLint setup', () => {
  const projectConfig = (rule: string) =>
    `const redis = require(${JSON.stringify(join(repoRoot, 'dist', 'src', 'index.js'))});\n` +
    `module.exports = [{ files: ['**/*.ts'], languageOptions: { parser: redis.configs.recommended[0].languageOptions.parser }, plugins: { redis }, rules: { 'redis/${rule}': 'error' } }];\n`;

  it('--use-eslint-config uses eslint.config.* instead of the presets, plus --rule', async () => {
    const dir = scratchProject();
    writeFileSync(join(dir, 'eslint.config.cjs'), projectConfig('no-select'));
    const rules = async (args: string[]) => JSON.parse((await runCli([...args, '-f', 'json'], { cwd: dir })).stdout)[0].messages.map((m: { ruleId: string }) => m.ruleId);
    expect(await rules(['--use-eslint-config', 'sessions.ts'])).toEqual(['redis/no-select']);
    expect(await rules(['--use-eslint-config', '--rule', 'no-flush:error', 'sessions.ts'])).toEqual(['redis/no-select', 'redis/no-flush']);
    // Without the flag the project's file is not read: the presets apply.
    expect(await rules(['sessions.ts'])).toEqual(['redis/no-keys', 'redis/no-select', 'redis/no-flush']);
  });

  it('--config <file> uses that file', async () => {
    const dir = scratchProject();
    writeFileSync(join(dir, 'only-keys.config.cjs'), projectConfig('no-keys'));
    const { code, stdout } = await runCli(['--config', 'only-keys.config.cjs', 'sessions.ts', '-f', 'json'], { cwd: dir });
    expect(code).toBe(1);
    expect(JSON.parse(stdout)[0].messages.map((m: { ruleId: string }) => m.ruleId)).toEqual(['redis/no-keys']);
    const missing = await runCli(['--config', 'nope.config.cjs', 'sessions.ts'], { cwd: dir });
    expect(missing.code).toBe(2);
    expect(missing.stderr.trim().split('\n')).toHaveLength(1);
  });
});
