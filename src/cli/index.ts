import { mkdirSync, statSync, writeFileSync } from 'node:fs';
import { dirname, basename, relative, resolve } from 'node:path';
import { CommanderError } from 'commander';
import type { ESLint as ESLintClass, Rule } from 'eslint';
import { version } from '../util/package-info';
import { guardBrokenPipe } from './broken-pipe';
import { EXIT_CLEAN, EXIT_ERROR, EXIT_PROBLEMS, UsageError, oneLine } from './exit-codes';
import { eslintFeatureSince, eslintSupports, flatEslintClass, projectEslint, type EslintModule } from './eslint-api';
import { buildEslintOptions, optionsModuleUrl } from './eslint-options';
import { withoutUnparseableFixes } from './fix-guard';
import { onlyRedisFindings } from './foreign-rules';
import { formatResults, noPaint } from './formats';
import type { Paint } from './format-human';
import { ignoredPaths } from './gitignore';
import { confNamePattern, isGlob, missingPaths, otherConfFilesIn, skippedNote, withoutIgnoreNotices } from './named-files';
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
  /** The `eslint` module to run on; by default the one the project resolves (tests inject other majors). */
  eslint?: EslintModule;
}

function processIo(): CliIo {
  // `redis-lint | head -1`: the reader left, which is no error of ours (exit quietly, as other CLIs do).
  guardBrokenPipe(process.stdout);
  guardBrokenPipe(process.stderr);
  return { stdout: process.stdout, stderr: process.stderr, stdin: process.stdin, cwd: process.cwd(), env: process.env };
}

type Plugin = { rules: Record<string, Rule.RuleModule> };
// eslint-disable-next-line @typescript-eslint/no-require-imports
const loadPlugin = (): Plugin => require('../index');

async function readAll(stream: NodeJS.ReadableStream): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of stream) chunks.push(Buffer.isBuffer(chunk) ? chunk : Buffer.from(String(chunk)));
  return Buffer.concat(chunks).toString('utf8');
}

async function paintFor(options: CliOptions, io: CliIo): Promise<Paint> {
  // A report in a file or a pipe stays plain; NO_COLOR (no-color.org: set and not empty) and --no-color
  // win over a terminal, --color over everything.
  const noColorEnv = io.env.NO_COLOR !== undefined && io.env.NO_COLOR !== '';
  const wanted = options.outputFile === undefined && (options.color === true || (options.color !== false && io.stdout.isTTY === true && !noColorEnv));
  if (!wanted) return noPaint;
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

const globBase = (p: string) => (isGlob(p) ? p.slice(0, p.search(/[*?[{]/)) || '.' : p);

/**
 * ESLint ignores every file outside its working directory, so `redis-lint /etc/redis/redis.conf` run from
 * a home directory would lint nothing: the run is rooted at the deepest directory holding the current
 * one and every path named.
 */
export function lintRoot(cwd: string, paths: string[]): string {
  let root = resolve(cwd);
  for (const p of paths) {
    const target = resolve(cwd, globBase(p));
    while (relative(root, target).startsWith('..')) root = dirname(root);
  }
  return root;
}

/**
 * A .conf file named on the command line (or as --stdin-filename), or a glob of them ('/etc/redis/*.conf'),
 * is a redis.conf whatever it is called; found by a directory walk it is not (nginx and supervisor use .conf).
 */
const isNamedConf = (p: string) => p.endsWith('.conf') && !confNamePattern.test(basename(p));

/** The paths a run reads: named ones, the --stdin-filename, the --print-config file. */
const namedPaths = (options: CliOptions, paths: string[]) =>
  [...paths, ...(options.stdin && options.stdinFilename ? [options.stdinFilename] : []), ...(options.printConfig !== undefined ? [options.printConfig] : [])];

function settingsFor(options: CliOptions, paths: string[], io: CliIo, plugin: Plugin, eslintVersion: string, lintsCwd: boolean): LintSettings {
  if (options.config && options.useEslintConfig) throw new UsageError('--config and --use-eslint-config exclude each other');
  const named = namedPaths(options, paths);
  const root = lintRoot(io.cwd, named);
  const extraConfFiles = named.filter(isNamedConf).map((p) => relative(root, resolve(io.cwd, p)).split('\\').join('/'));
  const builtin = !options.config && !options.useEslintConfig;
  let concurrency = options.concurrency;
  if (concurrency !== 'off' && !eslintSupports(eslintVersion, 'concurrency')) {
    // Same findings on one thread, only slower: a CI line with --concurrency keeps working on an older ESLint.
    io.stderr.write(`redis-lint: --concurrency needs ESLint ${eslintFeatureSince.concurrency} or later (this is ESLint ${eslintVersion}); linting on one thread\n`);
    concurrency = 'off';
  }
  const targets = (options.stdin || options.printConfig !== undefined ? named : paths.length > 0 ? paths : lintsCwd ? ['.'] : []).map((p) => resolve(io.cwd, globBase(p)));
  return {
    cwd: root,
    fix: options.fix === true || options.fixDryRun === true,
    config: options.config ? { kind: 'file', path: resolve(io.cwd, options.config) } : options.useEslintConfig ? { kind: 'project' } : { kind: 'builtin' },
    rules: ruleSeverities(options.rule, plugin),
    concurrency,
    extraConfFiles,
    progress: concurrency === 'off' && io.stderr.isTTY === true && !options.stdin && options.printConfig === undefined,
    eslintVersion,
    ignores: builtin && targets.length > 0 ? ignoredPaths(root, targets) : { patterns: [], files: [] },
    errorOnUnmatchedPattern: options.errorOnUnmatchedPattern !== false,
  };
}

function createEslint(ESLint: typeof ESLintClass, settings: LintSettings): Promise<ESLintClass> | ESLintClass {
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

const isDirectory = (path: string) => {
  try {
    return statSync(path).isDirectory();
  } catch {
    return false;
  }
};

/**
 * For a directory with nothing to lint ESLint says "All files matched by 'docs' are ignored." even when
 * nothing there was ignored, only not code: say what is there to lint, and for 6379.conf how to lint it.
 */
function explainUnmatched(error: unknown, cwd: string): never {
  const pattern = (error as { messageData?: { pattern?: unknown } } | undefined)?.messageData?.pattern;
  if (typeof pattern === 'string' && !isGlob(pattern) && isDirectory(resolve(cwd, pattern))) {
    const others = otherConfFilesIn(resolve(cwd, pattern));
    const what = `${pattern} holds no JavaScript, TypeScript or redis*.conf file to lint`;
    if (others.length === 0) throw new UsageError(`${what} (or only ignored ones)`);
    const dir = relative(cwd, resolve(cwd, pattern)) || '.';
    throw new UsageError(`${what}; a .conf file with another name (${others.slice(0, 2).join(', ')}) is read as a redis.conf when named: redis-lint ${dir}/*.conf`);
  }
  throw error;
}

/** Writes the report, or fixes, naming the file and the reason when that fails (not "cannot read"). */
function writeOrExplain(what: string, write: () => void) {
  try {
    write();
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    throw new UsageError(`cannot write ${what}: ${code ?? oneLine(error)}`);
  }
}

async function lint(options: CliOptions, paths: string[], io: CliIo): Promise<number> {
  const plugin = loadPlugin();
  if (options.stdin && options.fix) throw new UsageError('--fix writes files and cannot write standard input back; use --fix-dry-run --format json');
  if (options.stdin && paths.length > 0) throw new UsageError('--stdin lints standard input; do not pass paths with it');
  if (options.fix && options.fixDryRun) throw new UsageError('--fix and --fix-dry-run exclude each other');
  const ESLint = await flatEslintClass(io.eslint ?? projectEslint());
  const eslintVersion = ESLint.version;

  // A path that names nothing is a typo (`redis-lint srcc`), unless the list came from a tool that may
  // name deleted files (`git diff --name-only | xargs redis-lint --no-error-on-unmatched-pattern`).
  const missing = missingPaths(io.cwd, paths);
  if (missing.length > 0 && options.errorOnUnmatchedPattern !== false) throw new UsageError(`No files matching '${missing[0]}' were found.`);
  const existing = paths.filter((p) => !missing.includes(p));
  const nothingLeft = paths.length > 0 && existing.length === 0;

  if (!eslintSupports(eslintVersion, 'languages')) {
    const conf = namedPaths(options, existing).find((p) => isNamedConf(p) || confNamePattern.test(basename(p)));
    if (conf) throw new UsageError(`${conf}: linting redis.conf needs ESLint 9.15 or later (the redis/conf language); this is ESLint ${eslintVersion}`);
  }

  const settings = settingsFor(options, existing, io, plugin, eslintVersion, !nothingLeft);
  if (nothingLeft) return EXIT_CLEAN;
  const eslint = await createEslint(ESLint, settings);

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
      results = await eslint.lintFiles((existing.length > 0 ? existing : ['.']).map((p) => (settings.cwd === io.cwd ? p : resolve(io.cwd, p)))).catch((error) => explainUnmatched(error, io.cwd));
    }
  } finally {
    progress?.stop();
  }

  const named = withoutIgnoreNotices(results, settings.extraConfFiles.map((f) => resolve(settings.cwd, f)));
  results = named.results;
  const note = skippedNote(io.cwd, named.ignored);
  if (note) io.stderr.write(`redis-lint: ${note}\n`);
  if (settings.config.kind === 'builtin') results = onlyRedisFindings(results);
  const guarded = withoutUnparseableFixes(results);
  results = guarded.results;
  for (const file of guarded.skipped) io.stderr.write(`redis-lint: not writing fixes to ${relative(io.cwd, file)}: the fixed text no longer parses\n`);
  if (options.fix) {
    const fixed = results;
    await ESLint.outputFixes(fixed).catch((error: NodeJS.ErrnoException) => {
      throw new UsageError(`cannot write fixes${error.path ? ` to ${relative(io.cwd, error.path) || error.path}` : ''}: ${error.code ?? oneLine(error)}`);
    });
  }

  const warnings = results.reduce((n, r) => n + r.warningCount, 0);
  const errors = results.reduce((n, r) => n + r.errorCount, 0);
  const reported = options.quiet ? ESLint.getErrorResults(results) : results;
  const output = await formatResults(options.format, reported, {
    eslint,
    cwd: io.cwd,
    paint: await paintFor(options, io),
    version,
    pluginRulesMeta: pluginRulesMeta(plugin),
  });
  if (options.outputFile !== undefined) {
    const target = resolve(io.cwd, options.outputFile);
    writeOrExplain(`the report to ${options.outputFile}`, () => {
      mkdirSync(dirname(target), { recursive: true });
      writeFileSync(target, output);
    });
  } else if (output) {
    io.stdout.write(output);
  }

  // The stylish report on stdout ends with its own summary line; anywhere else the reason goes to stderr.
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
