import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

/* The published artifact as a user gets it: `npm pack`, install the tarball and ESLint into a fresh
   project (from the npm cache that `npm ci` filled, so it works offline and in ~20 s), then run both
   `npx redis-lint` and `npx eslint` with an eslint.config.js that uses the plugin. */
const root = join(__dirname, '..', '..');
const npm = (args: string[], cwd: string) => execFileSync('npm', args, { cwd, encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'], env: { ...process.env, npm_config_loglevel: 'error' } });
const eslintVersion = JSON.parse(readFileSync(join(root, 'node_modules', 'eslint', 'package.json'), 'utf8')).version;

describe('the npm package', { timeout: 300_000 }, () => {
  let project: string;
  let files: string[];

  beforeAll(() => {
    const out = mkdtempSync(join(tmpdir(), 'redis-lint-pack-'));
    // dist/ is already built by `npm test`; rebuilding it here would race the other test files reading it.
    const [packed] = JSON.parse(npm(['pack', '--ignore-scripts', '--json', '--pack-destination', out], root));
    files = packed.files.map((f: { path: string }) => f.path);
    project = mkdtempSync(join(tmpdir(), 'redis-lint-user-'));
    writeFileSync(join(project, 'package.json'), JSON.stringify({ name: 'user-app', private: true, type: 'module', dependencies: { ioredis: '^5.0.0' } }));
    writeFileSync(join(project, 'app.ts'), "import Redis from 'ioredis';\nconst redis = new Redis();\nexport const sessions = (id: string) => redis.keys(`session:${id}:*`);\nexport const names = [...new Map().keys()];\n");
    writeFileSync(join(project, 'eslint.config.js'), "import redis from 'eslint-plugin-redis';\n\nexport default [...redis.configs.recommended];\n");
    npm(['install', '--prefer-offline', '--no-audit', '--no-fund', '--ignore-scripts', join(out, packed.filename), `eslint@${eslintVersion}`], project);
  });

  it('ships the build, the executable, the docs and the hooks, and nothing of the sources or tests', () => {
    for (const needed of ['package.json', 'README.md', 'bin/redis-lint.js', 'dist/src/index.js', 'dist/src/index.d.ts', 'dist/src/cli/index.js', 'dist/rules/index.js', '.pre-commit-hooks.yaml']) {
      expect(files).toContain(needed);
    }
    expect(files.filter((f) => f.startsWith('docs/rules/') && f.endsWith('.md')).length).toBeGreaterThan(0);
    expect(files.filter((f) => /^(test|fixtures|scripts|src|rules)\//.test(f) || f.endsWith('.tgz'))).toEqual([]);
  });

  it('npx redis-lint finds KEYS and leaves Map#keys alone, with zero config', () => {
    const run = spawnSync('npx', ['--no-install', 'redis-lint', '.', '--format', 'json'], { cwd: project, encoding: 'utf8' });
    expect(run.status).toBe(1);
    const results = JSON.parse(run.stdout);
    const found = results.flatMap((r: { filePath: string; messages: { ruleId: string; line: number }[] }) => r.messages.map((m) => `${r.filePath.slice(project.length + 1)}:${m.line} ${m.ruleId}`));
    expect(found).toEqual(['app.ts:3 redis/no-keys']);
    const sarif = JSON.parse(spawnSync('npx', ['--no-install', 'redis-lint', '.', '-f', 'sarif'], { cwd: project, encoding: 'utf8' }).stdout);
    expect(sarif.runs[0].tool.driver.name).toBe('redis-lint');
    expect(sarif.runs[0].results[0].locations[0].physicalLocation.artifactLocation.uri).toBe('app.ts');
  });

  it('npx eslint with the plugin in eslint.config.js finds the same problem', () => {
    const run = spawnSync('npx', ['--no-install', 'eslint', '--format', 'json', '.'], { cwd: project, encoding: 'utf8' });
    expect(run.status).toBe(1);
    const results = JSON.parse(run.stdout);
    const found = results.flatMap((r: { filePath: string; messages: { ruleId: string; line: number }[] }) => r.messages.map((m) => `${r.filePath.slice(project.length + 1)}:${m.line} ${m.ruleId}`));
    expect(found).toEqual(['app.ts:3 redis/no-keys']);
    expect(existsSync(join(project, 'node_modules', 'eslint-plugin-redis', 'dist', 'src', 'index.js'))).toBe(true);
  });
});
