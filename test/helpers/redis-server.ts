import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync, existsSync } from 'node:fs';
import { createConnection } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, it } from 'vitest';

/** Set by .ci/run: tests that need a real redis-server fail instead of skipping when it is missing. */
export const redisRequired = process.env.REDIS_LINT_REQUIRE_REDIS === '1';

export function redisServerPath(): string | undefined {
  const found = spawnSync('sh', ['-c', 'command -v redis-server'], { encoding: 'utf8' });
  const path = found.stdout.trim();
  return found.status === 0 && path ? path : undefined;
}

export interface RunningRedis {
  /** Unix socket path: ioredis `{ path }`, node-redis `{ socket: { path } }`. */
  socket: string;
  dir: string;
  stop(): Promise<void>;
}

function ping(socket: string): Promise<boolean> {
  return new Promise((resolve) => {
    const connection = createConnection(socket);
    connection.once('error', () => resolve(false));
    connection.once('connect', () => connection.write('PING\r\n'));
    connection.once('data', (data) => {
      connection.destroy();
      resolve(data.toString().startsWith('+PONG'));
    });
  });
}

/** Starts a private redis-server on a unix socket in a temp dir, with persistence off. */
export async function startRedis(extraArgs: string[] = []): Promise<RunningRedis> {
  const binary = redisServerPath();
  if (!binary) throw new Error('redis-server is not installed (apt-get install -y redis-server)');
  const dir = mkdtempSync(join(tmpdir(), 'redis-lint-'));
  const socket = join(dir, 'redis.sock');
  const child: ChildProcess = spawn(
    binary,
    ['--port', '0', '--unixsocket', socket, '--unixsocketperm', '700', '--save', '', '--appendonly', 'no', '--dir', dir, ...extraArgs],
    { stdio: ['ignore', 'ignore', 'pipe'] },
  );
  let exited = false;
  child.once('exit', () => {
    exited = true;
  });
  const deadline = Date.now() + 10_000;
  while (!(existsSync(socket) && (await ping(socket)))) {
    if (exited) throw new Error('redis-server exited before accepting connections');
    if (Date.now() > deadline) {
      child.kill('SIGKILL');
      throw new Error('redis-server did not accept connections within 10 s');
    }
    await new Promise((r) => setTimeout(r, 25));
  }
  return {
    socket,
    dir,
    async stop() {
      if (!exited) {
        const done = new Promise((r) => child.once('exit', r));
        child.kill('SIGTERM');
        await Promise.race([done, new Promise((r) => setTimeout(r, 5_000))]);
        if (!exited) child.kill('SIGKILL');
      }
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

/**
 * A describe block for tests that need a real redis-server: skipped with a clear message when it is
 * missing locally, a failure when REDIS_LINT_REQUIRE_REDIS=1 (as in CI).
 */
export function describeWithRedis(name: string, body: () => void): void {
  if (redisServerPath()) {
    describe(name, body);
    return;
  }
  if (redisRequired) {
    describe(name, () => {
      it('needs redis-server', () => {
        throw new Error('REDIS_LINT_REQUIRE_REDIS=1 but redis-server is not installed: apt-get install -y redis-server');
      });
    });
    return;
  }
  console.warn(`skip: no redis-server on PATH, so "${name}" does not run (install redis-server to run it)`);
  describe.skip(`${name} (skip: no redis-server)`, body);
}
