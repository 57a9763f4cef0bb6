import { spawnSync } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { scratchProject, hasConfLanguage, repoRoot } from '../helpers/cli';

/** Runs the CLI in a fresh process and lists which heavy modules it loaded. */
function loadedModules(cwd: string, args: string[]): { code: number; typescript: boolean; tsParser: boolean } {
  const script = `
    const { run } = require(${JSON.stringify(join(repoRoot, 'dist', 'src', 'cli', 'index.js'))});
    const { PassThrough } = require('node:stream');
    const sink = new PassThrough(); sink.resume();
    run(process.argv.slice(1), { stdout: sink, stderr: process.stderr, stdin: process.stdin, cwd: process.cwd(), env: {} }).then((code) => {
      const loaded = Object.keys(require.cache);
      process.stdout.write(JSON.stringify({
        code,
        typescript: loaded.some((f) => /[\\\\/]node_modules[\\\\/]typescript[\\\\/]lib[\\\\/]typescript\\.js$/.test(f)),
        tsParser: loaded.some((f) => /[\\\\/]@typescript-eslint[\\\\/]parser[\\\\/]dist[\\\\/]/.test(f)),
      }));
    });`;
  const result = spawnSync(process.execPath, ['-e', script, ...args], { cwd, encoding: 'utf8' });
  expect(result.stderr).toBe('');
  return JSON.parse(result.stdout);
}

describe('redis-lint loads the TypeScript compiler only for TypeScript files', () => {
  it('does not load it for a JavaScript file', () => {
    const dir = scratchProject('node-redis-4-app', { 'cache.js': "const { createClient } = require('redis');\nconst client = createClient();\nmodule.exports = () => client.KEYS('product:*');\n" });
    expect(loadedModules(dir, ['cache.js'])).toEqual({ code: 1, typescript: false, tsParser: false });
  });

  it('loads it for a TypeScript file (so the check above can fail)', () => {
    const dir = scratchProject();
    expect(loadedModules(dir, ['sessions.ts'])).toEqual({ code: 1, typescript: true, tsParser: true });
  });

  it.skipIf(!hasConfLanguage)('does not load it for a single redis.conf', () => {
    const dir = scratchProject();
    writeFileSync(join(dir, 'redis.conf'), 'bind 127.0.0.1 -::1\nrequirepass "correct-horse-battery-staple-2024"\nmaxmemory 100mb\nmaxmemory-policy allkeys-lru\n');
    const loaded = loadedModules(dir, ['redis.conf']);
    expect(loaded).toMatchObject({ typescript: false, tsParser: false });
    expect([0, 1]).toContain(loaded.code);
  });
});
