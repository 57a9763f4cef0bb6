import { Command, CommanderError } from 'commander';
import { ESLint } from 'eslint';
import { version } from '../util/package-info';

/** Exit codes: 0 clean, 1 problems found, 2 usage error, unreadable input or crash. */
export const EXIT_CLEAN = 0;
export const EXIT_PROBLEMS = 1;
export const EXIT_ERROR = 2;

interface Options {
  fix?: boolean;
  format: string;
}

export async function run(argv: string[]): Promise<number> {
  const program = new Command('redis-lint')
    .description('Find Redis anti-patterns in JavaScript/TypeScript code and redis.conf files')
    .version(version)
    .argument('[paths...]', 'files, directories or globs to lint', ['.'])
    .option('--fix', 'apply the fixes that keep the program\'s results the same')
    .option('-f, --format <name>', 'output format: stylish, json, or any ESLint formatter', 'stylish')
    .exitOverride()
    .configureOutput({ writeErr: (text) => process.stderr.write(text) });

  try {
    program.parse(argv, { from: 'user' });
  } catch (error) {
    if (error instanceof CommanderError) {
      return error.exitCode === 0 ? EXIT_CLEAN : EXIT_ERROR;
    }
    throw error;
  }
  const options = program.opts<Options>();
  const paths = program.args.length > 0 ? program.args : ['.'];

  try {
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    const plugin = require('../index');
    const eslint = new ESLint({
      overrideConfigFile: true,
      overrideConfig: [{ ignores: ['**/node_modules/**', '**/dist/**'] }, ...plugin.configs.recommended],
      fix: options.fix === true,
      errorOnUnmatchedPattern: true,
    });
    const results = await eslint.lintFiles(paths);
    if (options.fix) await ESLint.outputFixes(results);
    const formatter = await eslint.loadFormatter(options.format);
    const output = await formatter.format(results);
    if (output) process.stdout.write(output.endsWith('\n') ? output : `${output}\n`);
    const errors = results.reduce((n, r) => n + r.errorCount + r.warningCount, 0);
    const fatal = results.some((r) => r.messages.some((m) => m.fatal));
    if (fatal) return EXIT_ERROR;
    return errors > 0 ? EXIT_PROBLEMS : EXIT_CLEAN;
  } catch (error) {
    process.stderr.write(`redis-lint: ${(error as Error).message.split('\n')[0]}\n`);
    return EXIT_ERROR;
  }
}
