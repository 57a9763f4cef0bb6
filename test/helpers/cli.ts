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

/** The ESLint majors the package supports, as npm aliases in devDependencies (`eslint` is the newest). */
export const eslintMajors = { 8: 'eslint-v8', 9: 'eslint-v9', 10: 'eslint' } as const;

/**
 * Runs the built CLI in this process with its own stdout/stderr/stdin, as a user's shell would;
 * `eslint` names the ESLint package the run uses instead of the project's (`eslint-v8`).
 */
export async function runCli(
  args: string[],
  {
    cwd = repoRoot,
    stdin = '',
    env = {},
    tty = false,
    stderrTty = false,
    eslint,
  }: { cwd?: string; stdin?: string; env?: NodeJS.ProcessEnv; tty?: boolean; stderrTty?: boolean; eslint?: string } = {},
): Promise<CliRun> {
  const out = capture(tty);
  const err = capture(stderrTty);
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const eslintModule = eslint === undefined ? undefined : require(eslint);
  const code = await run(args, { stdout: out.stream, stderr: err.stream, stdin: Readable.from([stdin]), cwd, env, eslint: eslintModule });
  return { code, stdout: out.text(), stderr: err.text() };
}

/** A scratch directory made a git work tree, with everything in it committed unless `commit` is false. */
export function gitInit(dir: string, { commit = true }: { commit?: boolean } = {}): string {
  const git = (...args: string[]) => {
    const result = spawnSync('git', ['-c', 'user.email=ci@example.invalid', '-c', 'user.name=ci', ...args], { cwd: dir, encoding: 'utf8' });
    if (result.status !== 0) throw new Error(`git ${args.join(' ')}: ${result.stderr}`);
  };
  git('init', '-q');
  if (commit) {
    git('add', '.');
    git('commit', '-qm', 'scratch', '--allow-empty');
  }
  return dir;
}

/** Runs bin/redis-lint.js as a separate process (exit codes, module loading, process-level behaviour). */
export function spawnCli(args: string[], { cwd = repoRoot, input, env = {} }: { cwd?: string; input?: string; env?: NodeJS.ProcessEnv } = {}): CliRun {
  const result = spawnSync(process.execPath, [binPath, ...args], { cwd, input, encoding: 'utf8', env: { ...process.env, NO_COLOR: '1', ...env }, maxBuffer: 64 * 1024 * 1024 });
  return { code: result.status ?? -1, stdout: result.stdout, stderr: result.stderr };
}

/** The CLI tests' own sample (the fixtures/ files grow with every rule; these stay put). */
export const SESSIONS_TS = `import Redis from 'ioredis';

const redis = new Redis({ host: process.env.REDIS_HOST });

// KEYS walks the whole keyspace in one call: ~0.8 s on 20M keys.
export const sessionsOf = (userId: string): Promise<string[]> =>
  redis.keys(\`session:\${userId}:*\`);

// Back on database 0 after a reconnect.
export const useReportingDatabase = () => redis.select(3);

export const resetEverything = () => redis.flushall();

// Not Redis: Map#keys and Object.keys.
export const names = [...new Map<string, number>().keys(), ...Object.keys({ a: 1 })];
`;

/**
 * A throwaway project: the package.json of a fixture app (it pins the client major, so fixes are
 * dialect-exact) and `sessions.ts` (KEYS at 7:3, SELECT at 10:43, FLUSHALL at 12:38), or the given files.
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
