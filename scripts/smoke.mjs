#!/usr/bin/env node
// npm run smoke: lint every .js/.mjs/.cjs/.ts file under node_modules with the `all` config and prove
// that no rule ever throws (a linter that crashes on one file gets switched off in CI). Parse errors
// are third-party syntax our parsers do not accept; they are counted, not failures. Every file a rule
// fixes is checked for fix safety (still parses, second --fix changes nothing), on node_modules and on
// the generated corpus of Redis-heavy application code.
//
//   node scripts/smoke.mjs            every file under node_modules (a few minutes)
//   node scripts/smoke.mjs --subset   the Redis libraries plus a fixed 1-in-12 sample (CI)
// Exit 1 when a rule threw or a fix was unsafe.
import { readFileSync, writeFileSync, mkdirSync } from 'node:fs';
import { createHash } from 'node:crypto';
import { join, relative, extname } from 'node:path';
import { loadPlugin, parseOnly, prepared, lintNodeModules, require, root, sourceFiles } from './lib/lint-setup.mjs';
import { checkFixSafety } from './lib/fix-safety.mjs';
import { writeCorpus } from './lib/corpus.mjs';

const subset = process.argv.includes('--subset');
const { Linter } = require('eslint');
const plugin = loadPlugin();
// Third-party files carry eslint-disable comments for rules we do not load; those reports (and their
// fixes, which delete the comments) are not ours.
const quiet = { linterOptions: { reportUnusedDisableDirectives: 'off', reportUnusedInlineConfigs: 'off' } };
const allConfig = [lintNodeModules, quiet, ...plugin.configs.all];
// espree reads .js as an ES module; CommonJS files with a top-level `return` or legacy octal need
// `commonjs` (script + global return) to parse at all.
const commonJsConfig = [...allConfig, { files: ['**/*.js'], languageOptions: { sourceType: 'commonjs' } }];
const config = prepared(allConfig);
const parseConfig = prepared(parseOnly(allConfig));
const asCommonJs = prepared(commonJsConfig);
const parseAsCommonJs = prepared(parseOnly(commonJsConfig));
const linter = new Linter({ configType: 'flat', cwd: root });

/** The packages whose code talks to Redis: linted in full even in the subset. */
const redisPackages = /node_modules\/(?:ioredis\d*|iovalkey|redis\d*|@redis\/[^/]+|bullmq|connect-redis|rate-limiter-flexible)\//;
const sampled = (path) => createHash('sha1').update(relative(root, path)).digest()[0] % 12 === 0;

const started = performance.now();
let files = sourceFiles(join(root, 'node_modules'), { skip: (path) => path.endsWith('/.cache') || path.endsWith('/.bin') });
const total = files.length;
if (subset) files = files.filter((path) => redisPackages.test(path) || sampled(path));
const corpusDir = join(root, '.bench', 'smoke-corpus');
const corpus = writeCorpus(corpusDir, 400).files;

const counts = { files: 0, linted: 0, parseErrors: 0, parsedAsCommonJs: 0, ruleExceptions: 0, crashes: 0, fixedFiles: 0, unsafeFixes: 0, lines: 0 };
const parseErrorsByExt = {};
const parseErrorFiles = [];
const findings = {};
const findingSites = [];
const failures = [];

function lintOne(path, fromNodeModules) {
  counts.files++;
  let text;
  try {
    text = readFileSync(path, 'utf8');
  } catch {
    return;
  }
  counts.lines += text.split('\n').length;
  let lintConfig = config;
  let parseCfg = parseConfig;
  let messages;
  try {
    messages = linter.verify(text, lintConfig, { filename: path });
    if (messages.some((m) => m.fatal) && extname(path) === '.js') {
      const retry = linter.verify(text, asCommonJs, { filename: path });
      if (!retry.some((m) => m.fatal)) {
        counts.parsedAsCommonJs++;
        messages = retry;
        lintConfig = asCommonJs;
        parseCfg = parseAsCommonJs;
      }
    }
  } catch (error) {
    const message = String(error?.message ?? error);
    // ESLint rethrows a rule's exception with "Rule: "<id>"" appended.
    const rule = /Rule: "([^"]+)"/.exec(message)?.[1];
    if (rule) counts.ruleExceptions++;
    else counts.crashes++;
    failures.push({ file: relative(root, path), kind: rule ? `rule exception in ${rule}` : 'crash', message: message.split('\n').slice(0, 3).join(' | ') });
    return;
  }
  if (messages.some((m) => m.fatal)) {
    counts.parseErrors++;
    const fatal = messages.find((m) => m.fatal);
    parseErrorFiles.push(`${relative(root, path)}:${fatal.line}:${fatal.column} ${fatal.message}`);
    parseErrorsByExt[extname(path)] = (parseErrorsByExt[extname(path)] ?? 0) + 1;
    return;
  }
  counts.linted++;
  for (const m of messages) {
    if (!m.ruleId?.startsWith('redis/')) continue;
    findings[m.ruleId] = (findings[m.ruleId] ?? 0) + 1;
    if (fromNodeModules) findingSites.push(`${relative(root, path)}:${m.line}:${m.column} ${m.ruleId}`);
  }
  try {
    const safety = checkFixSafety(linter, lintConfig, parseCfg, text, path, messages);
    if (safety) counts.fixedFiles++;
    if (safety?.problem) {
      counts.unsafeFixes++;
      failures.push({ file: relative(root, path), kind: `unsafe fix (${safety.rules.join(', ')})`, message: safety.problem });
    }
  } catch (error) {
    counts.ruleExceptions++;
    failures.push({ file: relative(root, path), kind: 'exception while fixing', message: String(error?.message ?? error).split('\n')[0] });
  }
}

let last = performance.now();
files.forEach((path, index) => {
  lintOne(path, true);
  if (performance.now() - last > 15_000) {
    last = performance.now();
    console.error(`  ... ${index + 1}/${files.length} files, ${((last - started) / 1000).toFixed(0)} s`);
  }
});
const nodeModulesCounts = { ...counts };
for (const path of corpus) lintOne(path, false);
const corpusCounts = Object.fromEntries(Object.entries(counts).map(([k, v]) => [k, v - nodeModulesCounts[k]]));

const seconds = (performance.now() - started) / 1000;
const report = {
  mode: subset ? 'subset' : 'full',
  date: new Date().toISOString(),
  node: process.version,
  seconds,
  nodeModules: { ...nodeModulesCounts, candidates: total, parseErrorsByExt, parseErrorFiles },
  corpus: corpusCounts,
  findings,
  findingSites,
  failures,
};
mkdirSync(join(root, '.bench'), { recursive: true });
writeFileSync(join(root, '.bench', `smoke-${report.mode}.json`), JSON.stringify(report, null, 2));

const n = nodeModulesCounts;
console.log(`smoke (${report.mode}): ${n.files} of ${total} node_modules files (${n.lines} lines) in ${seconds.toFixed(0)} s`);
console.log(`  linted ${n.linted}, parse errors ${n.parseErrors} ${JSON.stringify(parseErrorsByExt)} (not failures), re-parsed as CommonJS ${n.parsedAsCommonJs}`);
for (const file of parseErrorFiles.slice(0, 10)) console.log(`    parse error: ${file}`);
console.log(`  rule exceptions ${counts.ruleExceptions}, other crashes ${counts.crashes}`);
console.log(`  fixes: ${n.fixedFiles} node_modules files and ${corpusCounts.fixedFiles} of ${corpus.length} corpus files fixed; unsafe fixes ${counts.unsafeFixes}`);
console.log(`  findings per rule: ${JSON.stringify(findings)}`);
const redisSites = findingSites.filter((site) => redisPackages.test(site));
if (redisSites.length) console.log(`  in the Redis libraries:\n    ${redisSites.slice(0, 40).join('\n    ')}`);
for (const failure of failures.slice(0, 20)) console.log(`  FAIL ${failure.file}: ${failure.kind}: ${failure.message}`);
console.log(`  report: .bench/smoke-${report.mode}.json`);
process.exitCode = counts.ruleExceptions + counts.crashes + counts.unsafeFixes > 0 ? 1 : 0;
