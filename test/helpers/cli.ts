import { PassThrough, Readable } from 'node:stream';
import { spawnSync } from 'node:child_process';
import { cpSync, mkdtempSync } from 'node:fs';
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

/** A throwaway copy of a fixture project (its package.json pins the client major, so fixes are dialect-exact). */
export function copyFixture(name: string): string {
  const dir = mkdtempSync(join(tmpdir(), 'redis-lint-cli-'));
  cpSync(join(repoRoot, 'fixtures', name), dir, { recursive: true });
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
