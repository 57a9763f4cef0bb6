import { describe, expect, it, beforeAll, afterAll } from 'vitest';
import { cpSync, mkdtempSync, readFileSync, rmSync, readdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { ESLint, Linter } from 'eslint';
import { checkFixSafety } from '../../scripts/lib/fix-safety.mjs';
import { writeCorpus } from '../../scripts/lib/corpus.mjs';

const root = join(__dirname, '..', '..');
// eslint-disable-next-line @typescript-eslint/no-require-imports
const plugin = require(join(root, 'dist', 'src', 'index.js'));
const all: Linter.Config[] = plugin.configs.all;
const parseOnly: Linter.Config[] = all.map((entry) => {
  // eslint-disable-next-line @typescript-eslint/no-unused-vars
  const { rules, ...rest } = entry;
  return rest;
});

const codeFile = /\.(?:[cm]?js|[cm]?ts)$/;
function codeFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true, recursive: true })
    .filter((entry) => entry.isFile() && codeFile.test(entry.name))
    .map((entry) => join(entry.parentPath, entry.name))
    .sort();
}

describe('fix safety over every fixture (redis-lint --fix in a temp copy)', () => {
  let copy: string;
  let before: Map<string, string>;
  let firstPass: ESLint.LintResult[];

  beforeAll(async () => {
    copy = mkdtempSync(join(tmpdir(), 'redis-lint-fixtures-'));
    cpSync(join(root, 'fixtures'), copy, { recursive: true });
    before = new Map(codeFiles(copy).map((file) => [file, readFileSync(file, 'utf8')]));
    const eslint = new ESLint({ cwd: copy, overrideConfigFile: true, overrideConfig: all, fix: true });
    firstPass = await eslint.lintFiles(['.']);
    // Whatever else the presets lint (redis.conf files) is checked too.
    for (const result of firstPass) if (!before.has(result.filePath)) before.set(result.filePath, readFileSync(result.filePath, 'utf8'));
    await ESLint.outputFixes(firstPass);
  });
  afterAll(() => rmSync(copy, { recursive: true, force: true }));

  it('lints every fixture file and fixes some of them', () => {
    expect(firstPass.map((r) => relative(copy, r.filePath)).sort()).toEqual([...before.keys()].map((f) => relative(copy, f)).sort());
    const changed = [...before].filter(([file, text]) => readFileSync(file, 'utf8') !== text).map(([file]) => relative(copy, file));
    // KEYS in the ioredis and node-redis 4 fixtures has a SCAN autofix; without a change this test proves nothing.
    expect(changed).toEqual(expect.arrayContaining([join('ioredis-app', 'sessions.ts'), join('node-redis-4-app', 'cache.js')]));
  });

  it('leaves every fixed file parseable', () => {
    const linter = new Linter({ configType: 'flat', cwd: copy });
    for (const file of before.keys()) {
      const fatal = linter.verify(readFileSync(file, 'utf8'), parseOnly, { filename: file }).filter((m) => m.fatal);
      expect(fatal, relative(copy, file)).toEqual([]);
    }
  });

  it('changes nothing on a second --fix pass', async () => {
    const eslint = new ESLint({ cwd: copy, overrideConfigFile: true, overrideConfig: all, fix: true });
    const secondPass = await eslint.lintFiles(['.']);
    expect(secondPass.filter((r) => r.output !== undefined).map((r) => relative(copy, r.filePath))).toEqual([]);
  });
});

describe('fix safety over the generated corpus of Redis-heavy code', () => {
  let dir: string;
  beforeAll(() => {
    dir = mkdtempSync(join(tmpdir(), 'redis-lint-corpus-'));
  });
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('fixes in every dialect, and every fix parses and is stable', () => {
    const { files } = writeCorpus(dir, 60);
    const linter = new Linter({ configType: 'flat', cwd: dir });
    const fixedPerApp: Record<string, number> = {};
    const problems: string[] = [];
    for (const file of files) {
      const safety = checkFixSafety(linter, all, parseOnly, readFileSync(file, 'utf8'), file);
      if (!safety) continue;
      const app = relative(dir, file).split(/[\\/]/)[0];
      fixedPerApp[app] = (fixedPerApp[app] ?? 0) + 1;
      if (safety.problem) problems.push(`${relative(dir, file)}: ${safety.problem}`);
    }
    expect(problems).toEqual([]);
    // Each app pins a different client major, so each dialect's rewrite is exercised; plain code is never fixed.
    expect(Object.keys(fixedPerApp).sort()).toEqual(['app-ioredis', 'app-redis4', 'app-redis5']);
    for (const count of Object.values(fixedPerApp)) expect(count).toBeGreaterThan(3);
  });
});
