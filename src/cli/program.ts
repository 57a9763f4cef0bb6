import { Command, InvalidArgumentError, Option } from 'commander';
import type { Severity } from './settings';

export interface CliOptions {
  fix?: boolean;
  fixDryRun?: boolean;
  format: string;
  outputFile?: string;
  maxWarnings?: number;
  quiet?: boolean;
  rule: string[];
  config?: string;
  useEslintConfig?: boolean;
  concurrency: 'off' | 'auto' | number;
  stdin?: boolean;
  stdinFilename?: string;
  printConfig?: string;
  errorOnUnmatchedPattern?: boolean;
  color?: boolean;
  debug?: boolean;
}

const examples = `
Examples:
  redis-lint                                   lint code and redis*.conf under the current directory
  redis-lint src/ deploy/redis.conf            lint some paths (files, directories or globs)
  redis-lint /etc/redis/redis.conf             audit a server's config by hand
  redis-lint --fix                             rewrite what can be rewritten safely (KEYS -> SCAN, ...)
  redis-lint --format sarif -o redis.sarif     SARIF 2.1.0 for GitHub code scanning
  redis-lint --rule no-select:off --rule conf-require-maxmemory:warn
  redis-lint --use-eslint-config               run inside the project's eslint.config.js
  cat app.ts | redis-lint --stdin --stdin-filename app.ts
  git diff --name-only --cached | xargs redis-lint --no-error-on-unmatched-pattern

Exit codes: 0 no problems, 1 problems (or more warnings than --max-warnings), 2 usage error, unreadable input or crash.
Docs: https://github.com/eslint-plugin-redis/eslint-plugin-redis/blob/main/docs/cli.md`;

const severities: Record<string, Severity> = { off: 'off', '0': 'off', warn: 'warn', '1': 'warn', error: 'error', '2': 'error' };

/** `no-keys:warn` or `redis/no-keys:2` → [`no-keys`, `warn`]. */
export function parseRuleSpec(spec: string): [string, Severity] {
  const match = /^(?:redis\/)?([a-z0-9-]+):(\w+)$/.exec(spec.trim());
  const severity = match ? severities[match[2].toLowerCase()] : undefined;
  if (!match || !severity) throw new InvalidArgumentError(`expected <rule-id>:<off|warn|error>, got '${spec}'`);
  return [match[1], severity];
}

function parseConcurrency(value: string): 'off' | 'auto' | number {
  if (value === 'off' || value === 'auto') return value;
  const n = Number(value);
  if (!Number.isInteger(n) || n < 1) throw new InvalidArgumentError(`expected a positive integer, 'auto' or 'off', got '${value}'`);
  return n;
}

function parseMaxWarnings(value: string): number {
  const n = Number(value);
  if (!Number.isInteger(n) || n < -1) throw new InvalidArgumentError(`expected a whole number of warnings, got '${value}'`);
  return n;
}

export function buildProgram(version: string): Command {
  return new Command('redis-lint')
    .description('Find Redis anti-patterns in JavaScript/TypeScript code (ioredis, iovalkey, node-redis) and in redis.conf files.')
    .version(version, '-v, --version')
    .argument('[paths...]', 'files, directories or globs to lint (default: .)')
    .option('--fix', 'apply the fixes that keep the program\'s results the same, and write them')
    .option('--fix-dry-run', 'compute the fixes without writing them (see them with --format json)')
    .option('-f, --format <name>', 'stylish, json, sarif, or any ESLint formatter name or path', 'stylish')
    .option('-o, --output-file <path>', 'write the report to a file instead of stdout')
    .option('--max-warnings <n>', 'exit 1 when there are more warnings than this', parseMaxWarnings)
    .option('--quiet', 'report errors only')
    .option('--rule <id:severity>', 'set a rule\'s severity, e.g. no-select:off (repeatable)', (value: string, all: string[]) => [...all, value], [] as string[])
    .option('-c, --config <file>', 'use this ESLint flat config file instead of the built-in presets')
    .option('--use-eslint-config', 'use the project\'s own eslint.config.* instead of the built-in presets')
    .addOption(new Option('--concurrency <n|auto|off>', 'lint on worker threads (ESLint\'s multithreaded linting)').argParser(parseConcurrency).default('off'))
    .option('--stdin', 'lint code read from standard input')
    .option('--stdin-filename <path>', 'the file name to treat standard input as (picks the language and rules)')
    .option('--print-config <file>', 'print the configuration used for a file and exit')
    .option('--no-error-on-unmatched-pattern', 'skip paths that do not exist and globs or directories with nothing to lint, instead of exit 2')
    .option('--color', 'colour the output even when it is not a terminal')
    .option('--no-color', 'never colour the output (NO_COLOR=1 works too)')
    .option('--debug', 'print stack traces for crashes')
    .addHelpText('after', examples)
    .showSuggestionAfterError(true)
    .exitOverride();
}
