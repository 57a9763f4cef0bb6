import { readFileSync, symlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { scratchProject, hasConfLanguage, plugin, runCli } from '../helpers/cli';

/* redis.conf through the CLI: what an operator may point it at. A file that cannot be read exits 2;
   anything readable, however odd, is linted and reported (exit 0 or 1), never a crash. */
const describeConf = hasConfLanguage ? describe : describe.skip;
const secret = 'Zq8-hunter2-secret-value';

const messagesOf = (stdout: string) =>
  (JSON.parse(stdout) as { messages: { ruleId: string | null; line: number; message: string; fatal?: boolean }[] }[]).flatMap((r) => r.messages);

describeConf('redis-lint on bad redis.conf input', { timeout: 120_000 }, () => {
  it('lints a binary file named redis.conf: reports, no crash, no raw control bytes on the terminal', async () => {
    const dir = scratchProject();
    const bytes = Buffer.alloc(4096);
    for (let i = 0; i < bytes.length; i++) bytes[i] = (i * 151 + 7) % 256;
    writeFileSync(join(dir, 'redis.conf'), bytes);
    const json = await runCli(['redis.conf', '-f', 'json'], { cwd: dir });
    expect(json.code).toBe(1);
    expect(json.stderr).toMatch(/^redis-lint: \d+ errors? and \d+ warnings? in 1 file\n$/);
    expect(messagesOf(json.stdout).length).toBeGreaterThan(0);
    const human = await runCli(['redis.conf'], { cwd: dir });
    expect(human.code).toBe(1);
    expect(human.stdout).not.toMatch(/[\u0000-\u0008\u000b-\u001f\u007f]/);
  });

  it('lints a 10 MB line without echoing the secret on it', async () => {
    const dir = scratchProject();
    const long = `${secret}${'x'.repeat(10 * 1024 * 1024)}`;
    writeFileSync(join(dir, 'redis.conf'), `bind 0.0.0.0\nrequirepass "${long}"\n`);
    for (const format of ['json', 'sarif', 'stylish']) {
      const { code, stdout, stderr } = await runCli(['redis.conf', '-f', format], { cwd: dir });
      expect(code).toBe(1);
      expect(stderr.includes(secret) || stdout.includes(secret)).toBe(false);
      expect(stdout).not.toContain('xxxxxxxxxxxxxxxx');
    }
  });

  it('lints a file of 100,000 directives', async () => {
    const dir = scratchProject();
    writeFileSync(join(dir, 'redis.conf'), 'maxmemory 100mb\n'.repeat(100_000));
    const { code, stdout } = await runCli(['redis.conf', '-f', 'json'], { cwd: dir });
    expect(code).toBe(1);
    const messages = messagesOf(stdout);
    expect(messages.filter((m) => m.fatal)).toEqual([]);
    expect(messages.length).toBeGreaterThan(0);
  });

  it('reports an include loop instead of following it forever', async () => {
    const dir = scratchProject();
    writeFileSync(join(dir, 'redis.conf'), `include ${join(dir, 'redis-extra.conf')}\nbind 127.0.0.1\n`);
    writeFileSync(join(dir, 'redis-extra.conf'), `include ${join(dir, 'redis.conf')}\n`);
    const { code, stdout } = await runCli(['redis.conf', '-f', 'json'], { cwd: dir });
    expect(code).toBe(1);
    expect(messagesOf(stdout).some((m) => m.ruleId === 'redis/conf-valid-directive' && m.line === 1)).toBe(true);
  });

  it('exits 2 for a redis.conf that cannot be read', async () => {
    const dir = scratchProject();
    symlinkSync(join(dir, 'missing.conf'), join(dir, 'redis.conf'));
    const { code, stderr } = await runCli(['.'], { cwd: dir });
    expect(code).toBe(2);
    expect(stderr).toMatch(/^redis-lint: cannot read .*redis\.conf: ENOENT\n$/);
  });

  it('never prints a password in any format', async () => {
    const dir = scratchProject();
    writeFileSync(join(dir, 'redis.conf'), `bind 0.0.0.0\nrequirepass "${secret}"\nmasterauth ${secret}\nuser default on >${secret} ~* +@all\n`);
    for (const format of ['json', 'sarif', 'stylish']) {
      const { stdout, stderr } = await runCli(['redis.conf', '-f', format], { cwd: dir });
      expect(stdout + stderr, format).not.toContain(secret);
    }
  });

  it('reads any .conf named on the command line as a redis.conf', async () => {
    const dir = scratchProject();
    writeFileSync(join(dir, '6379.conf'), 'bind 0.0.0.0\n');
    const { code, stdout } = await runCli(['6379.conf', '-f', 'json'], { cwd: dir });
    expect(code).toBe(1);
    expect(messagesOf(stdout).some((m) => m.ruleId === 'redis/conf-no-public-bind')).toBe(true);
    // From another directory, by absolute path: how an operator audits /etc/redis/6379.conf.
    const elsewhere = await runCli([join(dir, '6379.conf'), '-f', 'json'], { cwd: scratchProject('ioredis-app', {}) });
    expect(elsewhere.code).toBe(1);
    expect(messagesOf(elsewhere.stdout).some((m) => m.ruleId === 'redis/conf-no-public-bind')).toBe(true);
    // Found by a directory walk it is not a redis.conf (nginx, supervisor... use .conf too).
    const walked = await runCli(['.', '-f', 'json'], { cwd: dir });
    expect(walked.stdout).not.toContain('6379.conf');
  });

  it.skipIf(!('conf-no-debug-command' in plugin.rules))('--fix rewrites a redis.conf that still parses, and a second pass changes nothing', async () => {
    const dir = scratchProject();
    writeFileSync(join(dir, 'redis.conf'), 'bind 127.0.0.1 -::1\nenable-debug-command yes\n');
    await runCli(['redis.conf', '--fix'], { cwd: dir });
    const fixed = readFileSync(join(dir, 'redis.conf'), 'utf8');
    expect(fixed).toBe('bind 127.0.0.1 -::1\nenable-debug-command no\n');
    await runCli(['redis.conf', '--fix'], { cwd: dir });
    expect(readFileSync(join(dir, 'redis.conf'), 'utf8')).toBe(fixed);
    const relinted = messagesOf((await runCli(['redis.conf', '-f', 'json'], { cwd: dir })).stdout);
    expect(relinted.filter((m) => m.fatal || m.ruleId === 'redis/conf-valid-directive')).toEqual([]);
  });
});
