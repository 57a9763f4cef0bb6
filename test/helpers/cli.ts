import { PassThrough, Readable } from 'node:stream';
import { spawnSync } from 'node:child_process';
import { cpSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { run } from '../../dist/src/cli/index.js';

export const repoRoot = join(__dirname, '..', '..');
export const binPath = join(repoRoot, 'bin', 'redis-lint.js');

export interface CliRun {
  code: number;
  stdout: string;
  stderr: string;
}

function capture(tty: boolean) {
  const stream = new PassThrough() as PassThrough & { isTTY?: boolean };
  if (tty) stream.isTTY = true;
  let text = '';
  stream.on('data', (chunk) => (text += chunk.toString()));
  return { stream, text: () => text };
}

/** Runs the built CLI in this process with its own stdout/stderr/stdin, as a user's shell would. */
export async function runCli(
  args: string[],
  { cwd = repoRoot, stdin = '', env = {}, tty = false, stderrTty = false }: { cwd?: string; stdin?: string; env?: NodeJS.ProcessEnv; tty?: boolean; stderrTty?: boolean } = {},
): Promise<CliRun> {
  const out = capture(tty);
  const err = capture(stderrTty);
  const code = await run(args, { stdout: out.stream, stderr: err.stream, stdin: Readable.from([stdin]), cwd, env });
  return { code, stdout: out.text(), stderr: err.text() };
}

/** Runs bin/redis-lint.js as a separate process (exit codes, module loading, process-level behaviour). */
export function spawnCli(args: string[], { cwd = repoRoot, input, env = {} }: { cwd?: string; input?: string; env?: NodeJS.ProcessEnv } = {}): CliRun {
  const result = spawnSync(process.execPath, [binPath, ...args], { cwd, input, encoding: 'utf8', env: { ...process.env, NO_COLOR: '1', ...env }, maxBuffer: 64 * 1024 * 1024 });
  return { code: result.status ?? -1, stdout: result.stdout, stderr: result.stderr };
}

/** The CLI tests' own sample (the fixtures/ files grow with every rule; these stay put). */
export const SESSIONS_TS = `import Redis from 'ioredis';

const redis = new Redis({ host: process.env.REDIS_HOST });

// Finds every session of a user. On a keyspace of 20M keys, KEYS stalls the server for ~0.8 s.
export async function sessionsOf(userId: string): Promise<string[]> {
  return redis.keys(\`session:\${userId}:*\`);
}

export async function useReportingDatabase(): Promise<void> {
  // After a reconnect this connection is back on database 0 and reports land in the wrong keyspace.
  await redis.select(3);
}

export async function resetEverything(): Promise<void> {
  await redis.flushall();
}

// None of these are Redis: Map#keys, Object.keys, a class with its own keys().
const seen = new Map<string, number>();
export const names = [...seen.keys(), ...Object.keys({ a: 1 })];
`;

/**
 * A throwaway project: the package.json of a fixture app (it pins the client major, so fixes are
 * dialect-exact) and `sessions.ts` (KEYS at 7:10, SELECT at 12:9, FLUSHALL at 16:9), or the given files.
 */
export function scratchProject(app = 'ioredis-app', files: Record<string, string> = { 'sessions.ts': SESSIONS_TS }): string {
  const dir = mkdtempSync(join(tmpdir(), 'redis-lint-cli-'));
  cpSync(join(repoRoot, 'fixtures', app, 'package.json'), join(dir, 'package.json'));
  for (const [name, text] of Object.entries(files)) writeFileSync(join(dir, name), text);
  return dir;
}

// eslint-disable-next-line @typescript-eslint/no-require-imports
export const plugin = require('../../dist/src/index.js') as {
  rules: Record<string, { meta: { docs?: { description?: string; url?: string; recommended?: unknown; requiresTypeChecking?: boolean }; fixable?: string; hasSuggestions?: boolean; type: string } }>;
  languages: Record<string, unknown>;
  configs: Record<string, unknown>;
};
/** The redis/conf language arrives from its own branch; conf-file CLI tests run once it is there. */
export const hasConfLanguage = 'conf' in plugin.languages;
