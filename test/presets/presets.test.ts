import { spawnSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { hasConfLanguage, plugin, repoRoot } from '../helpers/cli';

/* Each preset under the ESLint it targets, on the fixtures: flat configs on ESLint 10, 9 and 9.15.0, the legacy
   preset through the top-level .eslintrc.cjs on ESLint 8.57. */

/* eslint-disable @typescript-eslint/no-require-imports -- each ESLint major under its npm alias */
const eslints = {
  'ESLint 10': require('eslint').ESLint,
  'ESLint 9': require('eslint-v9').ESLint,
  // The lowest ESLint 9 the plugin supports (peerDependencies ^9.15): languages, and flat configs carrying them.
  'ESLint 9.15.0': require('eslint-v9-15').ESLint,
} as Record<string, typeof import('eslint').ESLint>;
const { ESLint: LegacyESLint } = require('eslint-v8') as { ESLint: new (options: object) => { lintFiles(p: string[]): Promise<Result[]> } };
/* eslint-enable @typescript-eslint/no-require-imports */

interface Result {
  filePath: string;
  messages: { ruleId: string | null; line: number; fatal?: boolean; message: string }[];
}

const codeFixtures = ['fixtures/ioredis-app/sessions.ts', 'fixtures/node-redis-4-app/cache.js', 'fixtures/node-redis-5-app/report.mjs'];
const tsFixtures = codeFixtures.filter((f) => f.endsWith('.ts'));

/** Findings the fixtures were written to contain; every preset that enables the rule must report them. */
const planted = [
  ['fixtures/ioredis-app/sessions.ts', 7, 'redis/no-keys'],
  ['fixtures/ioredis-app/sessions.ts', 12, 'redis/no-select'],
  ['fixtures/ioredis-app/sessions.ts', 16, 'redis/no-flush'],
  ['fixtures/node-redis-4-app/cache.js', 8, 'redis/no-keys'],
  ['fixtures/node-redis-4-app/cache.js', 15, 'redis/no-keys'],
  ['fixtures/node-redis-5-app/report.mjs', 6, 'redis/no-keys'],
  ['fixtures/node-redis-5-app/report.mjs', 10, 'redis/no-select'],
] as const;

const findings = (results: Result[]) =>
  results.flatMap((r) => r.messages.map((m) => `${r.filePath.slice(repoRoot.length + 1)}:${m.line} ${m.ruleId ?? `FATAL ${m.message}`}`)).sort();

const codeRules = Object.entries(plugin.rules).filter(([id]) => !id.startsWith('conf-'));
const expectedRules = {
  recommended: codeRules.filter(([, r]) => r.meta.docs?.recommended && !r.meta.docs.requiresTypeChecking).map(([id]) => `redis/${id}`),
  'recommended-type-checked': codeRules.filter(([, r]) => r.meta.docs?.recommended).map(([id]) => `redis/${id}`),
  all: codeRules.map(([id]) => `redis/${id}`),
};

function checkFindings(found: string[], enabled: string[], files: readonly string[]) {
  expect(found.filter((f) => f.includes('FATAL'))).toEqual([]);
  // Only rules the preset enables report...
  for (const f of found) expect(enabled).toContain(f.split(' ')[1]);
  // ...and every planted anti-pattern whose rule is enabled is found.
  for (const [file, line, rule] of planted) if (enabled.includes(rule) && files.includes(file)) expect(found).toContain(`${file}:${line} ${rule}`);
}

describe.each(Object.entries(eslints))('flat presets on %s', (_, ESLint) => {
  it.each(['recommended', 'all'] as const)('%s finds the planted anti-patterns in JS and TS', async (name) => {
    const eslint = new ESLint({ cwd: repoRoot, overrideConfigFile: true, overrideConfig: plugin.configs[name] as never });
    checkFindings(findings((await eslint.lintFiles(codeFixtures)) as Result[]), expectedRules[name], codeFixtures);
  });

  it('recommended-type-checked runs with the project service', async () => {
    const eslint = new ESLint({
      cwd: repoRoot,
      overrideConfigFile: true,
      overrideConfig: [
        ...(plugin.configs['recommended-type-checked'] as never[]),
        { files: ['**/*.ts'], languageOptions: { parserOptions: { projectService: { allowDefaultProject: ['fixtures/*/*.ts'] }, tsconfigRootDir: repoRoot } } },
      ] as never,
    });
    checkFindings(findings((await eslint.lintFiles(tsFixtures)) as Result[]), expectedRules['recommended-type-checked'], tsFixtures);
  });

  it('the recommended preset turns no-flush off in test files', async () => {
    const eslint = new ESLint({ cwd: repoRoot, overrideConfigFile: true, overrideConfig: plugin.configs.recommended as never });
    const config = await eslint.calculateConfigForFile(join(repoRoot, 'fixtures/ioredis-app/sessions.test.ts'));
    expect(config.rules['redis/no-flush']).toEqual([0]);
    expect(config.rules['redis/no-keys']).toEqual([2]);
  });

  it.skipIf(!hasConfLanguage)('conf-recommended lints redis.conf with conf rules only', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'redis-lint-preset-'));
    writeFileSync(join(dir, 'redis.conf'), 'bind 0.0.0.0\nprotected-mode no\nmaxmemory-policy noeviction\n');
    writeFileSync(join(dir, 'app.js'), "import Redis from 'ioredis';\nexport const k = () => new Redis().keys('*');\n");
    const eslint = new ESLint({ cwd: dir, overrideConfigFile: true, overrideConfig: plugin.configs['conf-recommended'] as never });
    const results = (await eslint.lintFiles(['redis.conf'])) as Result[];
    const ruleIds = results.flatMap((r) => r.messages.map((m) => m.ruleId ?? `FATAL ${m.message}`));
    expect(ruleIds.length).toBeGreaterThan(0);
    for (const id of ruleIds) expect(id).toMatch(/^redis\/conf-/);
    // The conf preset does not lint code.
    const code = (await eslint.lintFiles(['app.js']).catch(() => [])) as Result[];
    expect(code.flatMap((r) => r.messages.filter((m) => m.ruleId?.startsWith('redis/')))).toEqual([]);
  });
});

describe('legacy-recommended on ESLint 8.57 through .eslintrc.cjs', () => {
  it('finds the same problems as the flat recommended preset on ESLint 10', async () => {
    const legacy = new LegacyESLint({ cwd: repoRoot, useEslintrc: true });
    const legacyFound = findings(await legacy.lintFiles(codeFixtures));
    checkFindings(legacyFound, expectedRules.recommended, codeFixtures);
    const flat = new eslints['ESLint 10']({ cwd: repoRoot, overrideConfigFile: true, overrideConfig: plugin.configs.recommended as never });
    expect(legacyFound).toEqual(findings((await flat.lintFiles(codeFixtures)) as Result[]));
  });

  it('works from the ESLint 8 command line with ESLINT_USE_FLAT_CONFIG=false', () => {
    const bin = join(repoRoot, 'node_modules', 'eslint-v8', 'bin', 'eslint.js');
    const result = spawnSync(process.execPath, [bin, '--format', 'json', ...codeFixtures], {
      cwd: repoRoot,
      encoding: 'utf8',
      env: { ...process.env, ESLINT_USE_FLAT_CONFIG: 'false' },
    });
    expect(result.status).toBe(1);
    checkFindings(findings(JSON.parse(result.stdout)), expectedRules.recommended, codeFixtures);
  });
});
