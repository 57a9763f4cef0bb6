#!/usr/bin/env node
// npm run bench: every figure of docs/performance.md, measured in one run. Prints ratios (this
// machine's speed cancels out of them) and writes .bench/results.json. No test asserts a timing.
//
//   node scripts/bench.mjs [--reps N] [--only overhead,libraries,typed,conf,scale,cli]
import { readFileSync, writeFileSync, mkdirSync, rmSync } from 'node:fs';
import { spawnSync } from 'node:child_process';
import { availableParallelism } from 'node:os';
import { join } from 'node:path';
import { loadPlugin, parseOnly, prepared, lintNodeModules, require, root, sourceFiles, median } from './lib/lint-setup.mjs';
import { writeCorpus } from './lib/corpus.mjs';
import { interleave, ratio, ratioPerRep, fmt } from './lib/timing.mjs';
import { writeConf } from './lib/conf-corpus.mjs';

const args = process.argv.slice(2);
const option = (name, fallback) => {
  const index = args.indexOf(name);
  return index >= 0 ? args[index + 1] : fallback;
};
const reps = Number(option('--reps', '3'));
const only = option('--only', 'overhead,libraries,typed,conf,scale,cli').split(',');

const { Linter, ESLint } = require('eslint');
const js = require('@eslint/js');
const tseslint = require('typescript-eslint');
const plugin = loadPlugin();
const benchDir = join(root, '.bench');
mkdirSync(benchDir, { recursive: true });

const results = {
  date: new Date().toISOString(),
  machine: { nproc: availableParallelism(), node: process.version, eslint: require('eslint/package.json').version, platform: `${process.platform}-${process.arch}` },
  rules: Object.keys(plugin.rules),
};
const log = (...parts) => console.log(...parts);
const section = (title) => log(`\n## ${title}`);
const started = performance.now();
const elapsed = () => `${((performance.now() - started) / 1000).toFixed(0)} s`;

// Library sources carry eslint-disable comments for rules we do not load; reporting those is noise.
const quiet = { linterOptions: { reportUnusedDisableDirectives: 'off', reportUnusedInlineConfigs: 'off' } };
const recommended = [lintNodeModules, quiet, ...plugin.configs.recommended];
const parse = parseOnly(recommended);
const jsRecommended = [lintNodeModules, js.configs.recommended, ...parse];
const readAll = (paths) => paths.map((path) => ({ path, text: readFileSync(path, 'utf8') }));
const lineCount = (files) => files.reduce((n, f) => n + f.text.split('\n').length, 0);

function findingsByRule(messages) {
  const out = {};
  for (const m of messages) if (m.ruleId?.startsWith('redis/')) out[m.ruleId] = (out[m.ruleId] ?? 0) + 1;
  return out;
}

/** Rule overhead on one set of files: ours and @eslint/js's recommended, each over parse-only. */
function overhead(label, files) {
  const linter = new Linter({ configType: 'flat', cwd: root });
  const configs = { parse: prepared(parse), recommended: prepared(recommended), jsRecommended: prepared(jsRecommended) };
  const measured = interleave(linter, configs, files, reps);
  const fatal = measured.parse.messages.filter((m) => m.fatal).length;
  const figures = {
    files: files.length,
    lines: lineCount(files),
    parseErrors: fatal,
    parseCpuMs: measured.parse.best,
    redisRecommendedRatio: ratio(measured, 'recommended', 'parse'),
    jsRecommendedRatio: ratio(measured, 'jsRecommended', 'parse'),
    perRep: ratioPerRep(measured, 'recommended', 'parse'),
    findings: findingsByRule(measured.recommended.messages),
    findingSamples: measured.recommended.messages.filter((m) => m.ruleId?.startsWith('redis/')).slice(0, 20)
      .map((m) => `${m.path.replace(`${root}/`, '')}:${m.line}:${m.column} ${m.ruleId}`),
  };
  log(`${label}: ${figures.files} files, ${figures.lines} lines, ${fatal} parse errors, parse-only ${fmt(figures.parseCpuMs / 1000, 1)} s CPU`);
  log(`  redis recommended / parse-only: ${fmt(figures.redisRecommendedRatio, 3)} (target <= 1.10; whole passes per repetition: ${figures.perRep.map((r) => fmt(r, 3)).join(', ')})`);
  log(`  @eslint/js recommended / parse-only: ${fmt(figures.jsRecommendedRatio, 3)} (reference)`);
  log(`  findings: ${JSON.stringify(figures.findings)}`);
  return figures;
}

const corpusDir = join(benchDir, 'corpus');
const corpusSize = 2000;

if (only.includes('overhead')) {
  section('(a) rule overhead, generated corpus');
  const { files } = writeCorpus(corpusDir, corpusSize);
  results.corpus = overhead('generated corpus', readAll(files));
  log(`  [${elapsed()}]`);
}

const libraryDirs = ['bullmq/dist', 'ioredis/built', '@redis/client/dist', 'connect-redis/dist', 'rate-limiter-flexible/lib'];
if (only.includes('libraries')) {
  section('(a) rule overhead, published library sources');
  // The code that runs, not its declarations: two .d.ts files (ioredis's RedisCommander.d.ts, @redis/client's
  // commands/index.d.ts) take half the parse time of the set and vary by ±300 ms between runs, more than
  // the whole rule overhead being measured. The smoke run lints them for crashes.
  const files = libraryDirs.flatMap((dir) => sourceFiles(join(root, 'node_modules', dir), { skip: (path) => path.endsWith('.d.ts') }));
  results.libraries = overhead(libraryDirs.join(', '), readAll(files));
  log(`  [${elapsed()}]`);
}

if (only.includes('typed')) {
  section('(b) type-aware: with projectService');
  // The .ts files of the corpus, in a folder with its own tsconfig so the project service finds it.
  const typedDir = join(benchDir, 'typed');
  const { files: all } = writeCorpus(typedDir, 400);
  writeFileSync(join(typedDir, 'tsconfig.json'), JSON.stringify({
    compilerOptions: { target: 'es2022', module: 'nodenext', moduleResolution: 'nodenext', strict: true, skipLibCheck: true, types: ['node'], noEmit: true },
    include: ['**/*.ts'],
  }));
  const files = readAll(all.filter((f) => f.endsWith('.ts')));
  const typed = (entries) => [
    // Only the code entries: the redis.conf entry has its own language.
    ...entries.filter((entry) => !entry.language),
    { files: ['**/*.ts'], languageOptions: { parser: tseslint.parser, parserOptions: { projectService: true, tsconfigRootDir: typedDir } } },
  ];
  const tsOnly = typed(tseslint.configs.recommendedTypeChecked);
  const withRedis = typed([...tseslint.configs.recommendedTypeChecked, ...plugin.configs['recommended-type-checked']]);
  const redisOnly = typed(plugin.configs['recommended-type-checked']);
  const linter = new Linter({ configType: 'flat', cwd: root });
  // Warm-up: the project service builds the program and the checker caches types on first use.
  const warm = prepared(withRedis);
  for (const { path, text } of files) linter.verify(text, warm, { filename: path });
  const measured = interleave(linter, { tsOnly: prepared(tsOnly), withRedis: prepared(withRedis), redisOnly: prepared(redisOnly) }, files, reps);
  results.typed = {
    files: files.length,
    lines: lineCount(files),
    withRedisOverTsOnly: ratio(measured, 'withRedis', 'tsOnly'),
    redisOnlyOverTsOnly: ratio(measured, 'redisOnly', 'tsOnly'),
    findings: findingsByRule(measured.withRedis.messages.filter((m) => m.ruleId?.startsWith('redis/'))),
    fatal: measured.withRedis.messages.filter((m) => m.fatal).length,
  };
  log(`${files.length} .ts files, ${results.typed.lines} lines, ${results.typed.fatal} fatal`);
  log(`  typescript-eslint recommended-type-checked + redis recommended-type-checked / typescript-eslint alone: ${fmt(results.typed.withRedisOverTsOnly, 3)}`);
  log(`  redis recommended-type-checked alone / typescript-eslint alone: ${fmt(results.typed.redisOnlyOverTsOnly, 3)}`);
  log(`  [${elapsed()}]`);
}

if (only.includes('conf')) {
  section('(c) redis.conf');
  if (!plugin.languages?.conf) {
    log('skipped: no redis/conf language');
    results.conf = 'skipped: no redis/conf language';
  } else {
    const path = join(benchDir, 'conf', 'redis.conf');
    const { directives, lines } = writeConf(path, 100_000);
    const text = readFileSync(path, 'utf8');
    const confConfig = plugin.configs['conf-recommended'].length ? plugin.configs['conf-recommended'] : plugin.configs.recommended;
    const linter = new Linter({ configType: 'flat', cwd: root });
    const lintTimes = [];
    const splitTimes = [];
    let messages = [];
    let words = 0;
    for (let rep = 0; rep < reps; rep++) {
      let t0 = performance.now();
      messages = linter.verify(text, confConfig, { filename: path });
      lintTimes.push(performance.now() - t0);
      t0 = performance.now();
      // The floor: read the file and split it into lines and words, as redis-server's loader does first.
      words = 0;
      for (const line of readFileSync(path, 'utf8').split('\n')) words += line.trim().split(/\s+/).length;
      splitTimes.push(performance.now() - t0);
    }
    const fatal = messages.filter((m) => m.fatal).length;
    results.conf = {
      lines, directives, words, fatal, findings: findingsByRule(messages),
      lintMs: median(lintTimes), splitMs: median(splitTimes),
      directivesPerSecond: directives / (median(lintTimes) / 1000),
      ratioToSplit: median(lintTimes) / median(splitTimes),
    };
    log(`${lines} lines, ${directives} directives, ${fatal} fatal; lint ${fmt(results.conf.lintMs, 0)} ms, read+split ${fmt(results.conf.splitMs, 1)} ms`);
    log(`  ${fmt(results.conf.directivesPerSecond, 0)} directives/s; lint / read+split: ${fmt(results.conf.ratioToSplit, 1)}`);
  }
  log(`  [${elapsed()}]`);
}

if (only.includes('scale')) {
  section('(d) scale: 1x, 2x, 4x corpus through the ESLint API; concurrency on the 4x corpus');
  const dirs = { 1: corpusDir, 2: join(benchDir, 'corpus-2x'), 4: join(benchDir, 'corpus-4x') };
  // A config file, not config objects: with concurrency the worker threads load it themselves.
  const configFile = join(benchDir, 'eslint.config.cjs');
  writeFileSync(configFile, `module.exports = require(${JSON.stringify(join(root, 'dist/src/index.js'))}).configs.recommended;\n`);
  const lintAll = async (dir, concurrency) => {
    const eslint = new ESLint({ cwd: dir, overrideConfigFile: configFile, concurrency, cache: false });
    const t0 = performance.now();
    const lintResults = await eslint.lintFiles(['.']);
    return { ms: performance.now() - t0, files: lintResults.length };
  };
  results.scale = {};
  for (const factor of [1, 2, 4]) {
    const { files, lineCount: lines } = writeCorpus(dirs[factor], corpusSize * factor);
    const { ms, files: linted } = await lintAll(dirs[factor], 'off');
    results.scale[`${factor}x`] = { files: files.length, lines, linted, ms };
  }
  const base = results.scale['1x'].ms;
  for (const factor of [1, 2, 4]) {
    const row = results.scale[`${factor}x`];
    row.ratioTo1x = row.ms / base;
    row.perFactor = row.ratioTo1x / factor;
    log(`  ${factor}x: ${row.linted} files, ${row.lines} lines, ${fmt(row.ms / 1000, 1)} s; ${fmt(row.ratioTo1x, 2)}x the 1x time (${fmt(row.perFactor, 2)} per unit of corpus; 1.00 = linear)`);
  }
  const auto = await lintAll(dirs[4], 'auto');
  results.scale.concurrency = { offMs: results.scale['4x'].ms, autoMs: auto.ms, autoOverOff: auto.ms / results.scale['4x'].ms };
  log(`  4x with concurrency 'auto': ${fmt(auto.ms / 1000, 1)} s; auto / off = ${fmt(results.scale.concurrency.autoOverOff, 2)}`);
  log(`  [${elapsed()}]`);
}

if (only.includes('cli')) {
  section('(e) CLI start-up');
  const conf = join(benchDir, 'cli', 'redis.conf');
  mkdirSync(join(benchDir, 'cli'), { recursive: true });
  writeFileSync(conf, 'bind 127.0.0.1 -::1\nprotected-mode yes\nport 6379\nmaxmemory 2gb\nmaxmemory-policy allkeys-lru\n');
  const run = (argv) => {
    const t0 = performance.now();
    const child = spawnSync(process.execPath, argv, { cwd: join(benchDir, 'cli'), encoding: 'utf8' });
    return { ms: performance.now() - t0, status: child.status };
  };
  const cliTimes = [];
  const importTimes = [];
  let status;
  for (let rep = 0; rep < Math.max(5, reps); rep++) {
    const cli = run([join(root, 'bin', 'redis-lint.js'), 'redis.conf']);
    status = cli.status;
    cliTimes.push(cli.ms);
    importTimes.push(run(['-e', "import('eslint')"]).ms);
  }
  results.cli = { cliMs: median(cliTimes), importEslintMs: median(importTimes), ratio: median(cliTimes) / median(importTimes), exitCode: status };
  log(`  redis-lint redis.conf: ${fmt(results.cli.cliMs, 0)} ms (exit ${status}); node -e "import('eslint')": ${fmt(results.cli.importEslintMs, 0)} ms; ratio ${fmt(results.cli.ratio, 2)}`);
}

results.totalSeconds = (performance.now() - started) / 1000;
writeFileSync(join(benchDir, 'results.json'), JSON.stringify(results, null, 2));
log(`\nmachine: ${results.machine.nproc} cores, node ${results.machine.node}, eslint ${results.machine.eslint}; ${results.date}; total ${fmt(results.totalSeconds, 0)} s`);
log('written: .bench/results.json');
rmSync(join(benchDir, 'cli'), { recursive: true, force: true });
