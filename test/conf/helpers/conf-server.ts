/** Starts the real redis-server on a config file in a private temp dir (unix socket, no TCP). */
import { spawn } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { createConnection } from 'node:net';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { redisServerPath } from '../../helpers/redis-server';

export interface ConfCase {
  name: string;
  text: string;
  /** Extra files written next to the config (relative name -> content); @DIR@ is the case's directory. */
  files?: Record<string, string>;
  /**
   * Set when builds of the same version disagree: the refusal this redis-server build (Debian's) may
   * print, which official builds do not. The linter must stay silent, and this build may refuse only with it.
   */
  buildDifference?: string;
  /** A Sentinel config: written as sentinel.conf and started with --sentinel. */
  sentinel?: boolean;
}

export interface ConfServer {
  started: boolean;
  /** The last lines redis-server printed (why it refused). */
  stderr: string;
  socket: string;
  stop(): Promise<void>;
}

/** Writes the config and its extra files into dir; returns the config's path. */
export function writeCase(testCase: ConfCase, dir: string): string {
  const fill = (text: string) => text.replaceAll('@DIR@', dir);
  const file = join(dir, testCase.sentinel ? 'sentinel.conf' : 'redis.conf');
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
    // A server with a password answers NOAUTH: it started all the same.
    connection.once('data', (data) => done(/^(\+PONG|-NOAUTH)/.test(data.toString())));
  });
}

/** Starts redis-server on the case; `started` is true once it answers PING, false when it exits first. */
export async function startWithConfig(testCase: ConfCase): Promise<ConfServer> {
  const dir = mkdtempSync(join(tmpdir(), 'redis-conf-'));
  const file = writeCase(testCase, dir);
  const socket = join(dir, 's.sock');
  // Command-line options come after the file: they only move the server to a private socket and dir.
  const args = [file, ...(testCase.sentinel ? ['--sentinel'] : []), '--port', '0', '--unixsocket', socket, '--dir', dir, '--daemonize', 'no', '--logfile', '', '--pidfile', join(dir, 'pid'), '--supervised', 'no'];
  const child = spawn(redisServerPath()!, args, { cwd: dir, stdio: ['ignore', 'pipe', 'pipe'] });
  let output = '';
  child.stdout.on('data', (d) => (output += d));
  child.stderr.on('data', (d) => (output += d));
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
  const stop = async () => {
    if (!exited) child.kill('SIGKILL');
    await exit;
    rmSync(dir, { recursive: true, force: true });
  };
  if (!started) await stop();
  return { started, stderr: output.split('\n').filter(Boolean).slice(-3).join(' | '), socket, stop };
}
