import { expect, it } from 'vitest';
/**
 * conf-valid-directive against the real redis-server 7.0: for each generated config the rule must
 * report a problem exactly when redis-server refuses to start with it.
 */
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createConnection } from 'node:net';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { Linter } from 'eslint';
import { redisPlugin as plugin } from '../helpers/conf-rule-tester';
import { describeWithRedis, redisServerPath } from '../helpers/redis-server';
import { buildCases, type ConfCase } from './helpers/conf-cases';

const STOCK = '/etc/redis/redis.conf';
// Used when the Debian package's file is missing (it ships with redis-server, so CI has it).
const FALLBACK_STOCK = 'bind 127.0.0.1 -::1\nprotected-mode yes\ntimeout 0\ntcp-keepalive 300\nloglevel notice\ndatabases 16\nsave 3600 1 300 100 60 10000\nappendonly no\nappendfsync everysec\nhz 10\n';

/** Writes the config and its extra files into dir; returns the config's path. */
function writeCase(testCase: ConfCase, dir: string): string {
  const fill = (text: string) => text.replaceAll('@DIR@', dir);
  const file = join(dir, 'redis.conf');
  writeFileSync(file, fill(testCase.text));
  for (const [name, content] of Object.entries(testCase.files ?? {})) {
    mkdirSync(dirname(join(dir, name)), { recursive: true });
    writeFileSync(join(dir, name), fill(content));
  }
  return file;
}

function pong(socket: string): Promise<boolean> {
  return new Promise((resolve) => {
    const connection = createConnection(socket);
    const done = (ok: boolean) => {
      connection.destroy();
      resolve(ok);
    };
    connection.setTimeout(1000, () => done(false));
    connection.once('error', () => done(false));
    connection.once('connect', () => connection.write('PING\r\n'));
    connection.once('data', (data) => done(data.toString().startsWith('+PONG') || data.toString().startsWith('-NOAUTH')));
  });
}

/** Starts redis-server on the config; true when it answers PING, false when it exits first. */
async function serverStarts(binary: string, testCase: ConfCase): Promise<{ started: boolean; stderr: string }> {
  const dir = mkdtempSync(join(tmpdir(), 'redis-conf-diff-'));
  try {
    const file = join(dir, 'redis.conf');
    writeCase(testCase, dir);
    const socket = join(dir, 's.sock');
    // Command-line options come after the file: they only move the server to a private socket and dir.
    const child = spawn(binary, [file, '--port', '0', '--unixsocket', socket, '--dir', dir, '--daemonize', 'no', '--logfile', '', '--pidfile', join(dir, 'pid'), '--supervised', 'no'], {
      cwd: dir,
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let stderr = '';
    child.stdout.on('data', (d) => (stderr += d));
    child.stderr.on('data', (d) => (stderr += d));
    let exited = false;
    const exit = new Promise<void>((resolve) => child.once('close', () => ((exited = true), resolve())));
    const deadline = Date.now() + 10_000;
    let started = false;
    while (!exited && Date.now() < deadline) {
      if (existsSync(socket) && (await pong(socket))) {
        started = true;
        break;
      }
      await new Promise((r) => setTimeout(r, 20));
    }
    if (!exited) child.kill('SIGKILL');
    await exit;
    return { started, stderr: stderr.split('\n').filter((l) => l && !l.includes('oO0OoO0OoO0Oo')).slice(-3).join(' | ') };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

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
      const worker = async () => {
        for (let next = queue.shift(); next; next = queue.shift()) {
          const caseDir = join(lintDir, String(next.i));
          mkdirSync(caseDir);
          const problems = lintProblems(next.c, caseDir);
          const { started, stderr } = await serverStarts(binary, next.c);
          if (!started) refused++;
          if (started === problems.length > 0) {
            mismatches.push(`${next.c.name}: redis-server ${started ? 'started' : `refused (${stderr})`}, lint ${problems.length ? problems.join('; ') : 'found nothing'}`);
          }
        }
      };
      await Promise.all([worker(), worker(), worker()]);
      rmSync(lintDir, { recursive: true, force: true });
      console.log(`differential: ${cases.length} configs, redis-server refused ${refused}, started ${cases.length - refused}`);
      expect(mismatches).toEqual([]);
      // Both outcomes are well represented, so agreement is not trivial.
      expect(refused).toBeGreaterThan(100);
      expect(cases.length - refused).toBeGreaterThan(100);
    },
    240_000,
  );
});
