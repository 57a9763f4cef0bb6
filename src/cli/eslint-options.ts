import { pathToFileURL } from 'node:url';
import type { ESLint, Linter } from 'eslint';
import { codeFiles, confFiles } from '../configs/index';
import { eslintSupports } from './eslint-api';
import { progressPlugin } from './progress';
import type { LintSettings, Severity } from './settings';

// eslint-disable-next-line @typescript-eslint/no-require-imports
const loadPlugin = () => require('../index') as { rules: Record<string, unknown>; configs: Record<string, Linter.Config[]>; languages: Record<string, unknown> };

const isConfRule = (id: string) => id.startsWith('conf-');

/** The conf entry of the presets, re-aimed at .conf files the user named whatever they are called. */
function extraConfEntries(configs: Linter.Config[], files: string[]): Linter.Config[] {
  if (files.length === 0) return [];
  const conf = configs.find((entry) => entry.language === 'redis/conf');
  return conf ? [{ ...conf, name: 'redis-lint/named-conf-files', files }] : [];
}

/**
 * The files git ignores as one matcher: ESLint's config arrays take a function among `ignores` (it gets
 * the absolute path), which costs one set lookup per file instead of one glob match per ignored file.
 */
function ignoredFileMatcher(files: string[]): string[] {
  if (files.length === 0) return [];
  const ignored = new Set(files);
  const matcher = (filePath: string) => ignored.has(filePath);
  // Typed as string patterns only, though ESLint 8.57, 9 and 10 all accept matchers (test/cli/eslint-versions.test.ts).
  return [matcher as unknown as string];
}

/** --rule overrides, each scoped to the files of its language so a conf rule never runs on JavaScript. */
function ruleOverrides(rules: Record<string, Severity>, extraConfFiles: string[]): Linter.Config[] {
  const code: Linter.RulesRecord = {};
  const conf: Linter.RulesRecord = {};
  for (const [id, severity] of Object.entries(rules)) (isConfRule(id) ? conf : code)[`redis/${id}`] = severity;
  const out: Linter.Config[] = [];
  if (Object.keys(code).length > 0) out.push({ name: 'redis-lint/--rule (code)', files: codeFiles, rules: code });
  if (Object.keys(conf).length > 0) out.push({ name: 'redis-lint/--rule (conf)', files: [...confFiles, ...extraConfFiles], rules: conf });
  return out;
}

/**
 * ESLint's constructor options for a run; also the default export of the --concurrency options module.
 * Only what the resolved ESLint knows is passed (`settings.eslintVersion`): it rejects the rest.
 */
export function buildEslintOptions(settings: LintSettings): ESLint.Options {
  const plugin = loadPlugin();
  const version = settings.eslintVersion;
  const overrides: Linter.Config[] = [];
  if (settings.config.kind === 'builtin') {
    // ESLint 8 has no `language` key: its runs lint code only (the CLI refuses named redis.conf files there).
    const presets = eslintSupports(version, 'languages') ? plugin.configs.recommended : plugin.configs.recommended.filter((entry) => entry.language === undefined);
    // Comments for the project's other linters are not ours to judge: only redis/* rules run here.
    const linterOptions: Linter.LinterOptions = { reportUnusedDisableDirectives: 'off' };
    if (eslintSupports(version, 'reportUnusedInlineConfigs')) Object.assign(linterOptions, { reportUnusedInlineConfigs: 'off' });
    overrides.push(
      { name: 'redis-lint/ignores', ignores: ['**/node_modules/', ...settings.ignores.patterns, ...ignoredFileMatcher(settings.ignores.files)] },
      { name: 'redis-lint/linter-options', linterOptions },
      ...presets,
      ...extraConfEntries(presets, settings.extraConfFiles),
    );
  }
  overrides.push(...ruleOverrides(settings.rules, settings.extraConfFiles));
  if (settings.progress) {
    overrides.push({ name: 'redis-lint/progress', plugins: { 'redis-lint': progressPlugin }, rules: { 'redis-lint/tick': 'error' } });
  }
  const options: ESLint.Options = {
    cwd: settings.cwd,
    fix: settings.fix,
    overrideConfigFile: settings.config.kind === 'builtin' ? true : settings.config.kind === 'file' ? settings.config.path : undefined,
    overrideConfig: overrides,
    errorOnUnmatchedPattern: settings.errorOnUnmatchedPattern,
  };
  if (settings.concurrency !== 'off' && eslintSupports(version, 'concurrency')) options.concurrency = settings.concurrency;
  return options;
}

/**
 * A data: URL module that rebuilds the options inside each worker thread: plugin objects cannot be
 * cloned across threads, so ESLint's `concurrency` needs options that a module constructs.
 */
export function optionsModuleUrl(settings: LintSettings): URL {
  const self = pathToFileURL(__filename).href;
  const source =
    `import options from ${JSON.stringify(self)};\n` +
    `export default options.buildEslintOptions(${JSON.stringify({ ...settings, progress: false })});\n`;
  return new URL(`data:text/javascript;base64,${Buffer.from(source).toString('base64')}`);
}
