import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname, basename, relative, resolve } from 'node:path';
import { CommanderError } from 'commander';
import type { ESLint as ESLintClass, Rule } from 'eslint';
import { version } from '../util/package-info';
import { EXIT_CLEAN, EXIT_ERROR, EXIT_PROBLEMS, UsageError, oneLine } from './exit-codes';
import { buildEslintOptions, optionsModuleUrl } from './eslint-options';
import { withoutUnparseableFixes } from './fix-guard';
import { onlyRedisFindings } from './foreign-rules';
import { formatResults, noPaint } from './formats';
import type { Paint } from './format-human';
import { buildProgram, parseRuleSpec, type CliOptions } from './program';
import { startProgress } from './progress';
import type { LintSettings, Severity } from './settings';

export { EXIT_CLEAN, EXIT_ERROR, EXIT_PROBLEMS } from './exit-codes';

/** Where the CLI reads and writes; tests pass their own. */
export interface CliIo {
  stdout: NodeJS.WritableStream & { isTTY?: boolean };
  stderr: NodeJS.WritableStream & { isTTY?: boolean };
  stdin: NodeJS.ReadableStream;
  cwd: string;
  env: NodeJS.ProcessEnv;
}

const processIo = (): CliIo => ({ stdout: process.stdout, stderr: process.stderr, stdin: process.stdin, cwd: process.cwd(), env: process.env });

const confNamePattern = /^(redis|valkey|sentinel).*\.conf$/;

type Plugin = { rules: Record<string, Rule.RuleModule> };
// eslint-disable-next-line @typescript-eslint/no-require-imports
const loadPlugin = (): Plugin => require('../index');

async function readAll(stream: NodeJS.ReadableStream): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of stream) chunks.push(Buffer.isBuffer(chunk) ? chunk : Buffer.from(String(chunk)));
  return Buffer.concat(chunks).toString('utf8');
}

async function paintFor(options: CliOptions, io: CliIo): Promise<Paint> {
  // A report in a file or a pipe stays plain; NO_COLOR (no-color.org) and --no-color win over a terminal.
  const wanted = options.outputFile === undefined && (options.color === true || (io.stdout.isTTY === true && io.env.NO_COLOR === undefined && options.color !== false));
  if (!wanted || (options.color !== true && 'NO_COLOR' in io.env)) return noPaint;
  const { Chalk } = await import('chalk');
  const chalk = new Chalk({ level: 1 });
  return { red: chalk.red, yellow: chalk.yellow, dim: chalk.dim, underline: chalk.underline, bold: chalk.bold };
}

function ruleSeverities(specs: string[], plugin: Plugin): Record<string, Severity> {
  const out: Record<string, Severity> = {};
  for (const spec of specs) {
    const [id, severity] = parseRuleSpec(spec);
    if (!(id in plugin.rules)) throw new UsageError(`unknown rule '${id}' in --rule (known: ${Object.keys(plugin.rules).join(', ')})`);
    out[id] = severity;
  }
  return out;
}

const isGlob = (p: string) => /[*?[{]/.test(p);

/**
 * ESLint ignores every file outside its working directory, so `redis-lint /etc/redis/redis.conf` run from
 * a home directory would lint nothing: the run is rooted at the deepest directory holding the current
 * one and every path named.
 */
export function lintRoot(cwd: string, paths: string[]): string {
  let root = resolve(cwd);
  for (const p of paths) {
    const target = resolve(cwd, isGlob(p) ? p.slice(0, p.search(/[*?[{]/)) || '.' : p);
    while (relative(root, target).startsWith('..')) root = dirname(root);
  }
  return root;
}

function settingsFor(options: CliOptions, paths: string[], io: CliIo, plugin: Plugin): LintSettings {
  if (options.config && options.useEslintConfig) throw new UsageError('--config and --use-eslint-config exclude each other');
  const root = lintRoot(io.cwd, paths);
  const extraConfFiles = paths
    .filter((p) => p.endsWith('.conf') && !confNamePattern.test(basename(p)) && !isGlob(p))
    .map((p) => relative(root, resolve(io.cwd, p)).split('\\').join('/'));
  return {
    cwd: root,
    fix: options.fix === true || options.fixDryRun === true,
    config: options.config ? { kind: 'file', path: resolve(io.cwd, options.config) } : options.useEslintConfig ? { kind: 'project' } : { kind: 'builtin' },
    rules: ruleSeverities(options.rule, plugin),
    concurrency: options.concurrency,
    extraConfFiles,
    progress: options.concurrency === 'off' && io.stderr.isTTY === true && !options.stdin,
  };
}

async function createEslint(settings: LintSettings): Promise<ESLintClass> {
  const { ESLint } = await import('eslint');
  return settings.concurrency === 'off' ? new ESLint(buildEslintOptions(settings)) : ESLint.fromOptionsModule(optionsModuleUrl(settings));
}

const pluginRulesMeta = (plugin: Plugin): Record<string, Rule.RuleMetaData> =>
  Object.fromEntries(Object.entries(plugin.rules).map(([id, rule]) => [`redis/${id}`, rule.meta ?? {}]));

function summaryLine(results: ESLintClass.LintResult[]): string {
  const errors = results.reduce((n, r) => n + r.errorCount, 0);
  const warnings = results.reduce((n, r) => n + r.warningCount, 0);
  const files = results.filter((r) => r.errorCount + r.warningCount > 0).length;
  return `${errors} error${errors === 1 ? '' : 's'} and ${warnings} warning${warnings === 1 ? '' : 's'} in ${files} file${files === 1 ? '' : 's'}`;
}

async function lint(options: CliOptions, paths: string[], io: CliIo): Promise<number> {
  const plugin = loadPlugin();
  if (options.stdin && options.fix) throw new UsageError('--fix writes files and cannot write standard input back; use --fix-dry-run --format json');
  if (options.stdin && paths.length > 0) throw new UsageError('--stdin lints standard input; do not pass paths with it');
  if (options.fix && options.fixDryRun) throw new UsageError('--fix and --fix-dry-run exclude each other');
  const settings = settingsFor(options, paths, io, plugin);
  const eslint = await createEslint(settings);

  if (options.printConfig !== undefined) {
    const config = await eslint.calculateConfigForFile(resolve(io.cwd, options.printConfig));
    if (!config) throw new UsageError(`no configuration applies to ${options.printConfig} (it is ignored or matches no rule set)`);
    io.stdout.write(`${JSON.stringify(config, null, 2)}\n`);
    return EXIT_CLEAN;
  }

  let results: ESLintClass.LintResult[];
  const progress = io.stderr.isTTY === true && !options.stdin ? startProgress(io.stderr as NodeJS.WriteStream) : undefined;
  try {
    if (options.stdin) {
      const text = await readAll(io.stdin);
      results = await eslint.lintText(text, { filePath: options.stdinFilename ? resolve(io.cwd, options.stdinFilename) : undefined, warnIgnored: true });
    } else {
      // Paths are named relative to where the user is; ESLint resolves them against the run's root.
      results = await eslint.lintFiles((paths.length > 0 ? paths : ['.']).map((p) => (settings.cwd === io.cwd ? p : resolve(io.cwd, p))));
    }
  } finally {
    progress?.stop();
  }

  if (settings.config.kind === 'builtin') results = onlyRedisFindings(results);
  const guarded = withoutUnparseableFixes(results);
  results = guarded.results;
  for (const file of guarded.skipped) io.stderr.write(`redis-lint: not writing fixes to ${relative(io.cwd, file)}: the fixed text no longer parses\n`);
  if (options.fix) {
    const { ESLint } = await import('eslint');
    await ESLint.outputFixes(results);
  }

  const warnings = results.reduce((n, r) => n + r.warningCount, 0);
  const errors = results.reduce((n, r) => n + r.errorCount, 0);
  const reported = options.quiet ? (await import('eslint')).ESLint.getErrorResults(results) : results;
  const output = await formatResults(options.format, reported, {
    eslint,
    cwd: io.cwd,
    paint: await paintFor(options, io),
    version,
    pluginRulesMeta: pluginRulesMeta(plugin),
  });
  if (options.outputFile !== undefined) {
    const target = resolve(io.cwd, options.outputFile);
    mkdirSync(dirname(target), { recursive: true });
    writeFileSync(target, output);
  } else if (output) {
    io.stdout.write(output);
  }

  if (errors > 0) {
    if (options.format !== 'stylish' || options.outputFile !== undefined) io.stderr.write(`redis-lint: ${summaryLine(results)}\n`);
    return EXIT_PROBLEMS;
  }
  const maxWarnings = options.maxWarnings ?? -1;
  if (maxWarnings >= 0 && warnings > maxWarnings) {
    io.stderr.write(`redis-lint: ${warnings} warning${warnings === 1 ? '' : 's'} exceed --max-warnings ${maxWarnings}\n`);
    return EXIT_PROBLEMS;
  }
  return EXIT_CLEAN;
}

/** Runs the CLI and resolves to its exit code; it never throws and never prints a stack trace unless --debug. */
export async function run(argv: string[], io: CliIo = processIo()): Promise<number> {
  const program = buildProgram(version).configureOutput({
    writeOut: (text) => io.stdout.write(text),
    writeErr: (text) => io.stderr.write(text),
  });
  try {
    program.parse(argv, { from: 'user' });
  } catch (error) {
    if (error instanceof CommanderError) return error.exitCode === 0 ? EXIT_CLEAN : EXIT_ERROR;
    io.stderr.write(`redis-lint: ${oneLine(error)}\n`);
    return EXIT_ERROR;
  }
  const options = program.opts<CliOptions>();
  try {
    return await lint(options, program.args, io);
  } catch (error) {
    io.stderr.write(`redis-lint: ${oneLine(error)}\n`);
    if (options.debug && error instanceof Error && error.stack) io.stderr.write(`${error.stack}\n`);
    return EXIT_ERROR;
  }
}
