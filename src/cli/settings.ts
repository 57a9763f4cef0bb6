/** What a run lints with; plain JSON so worker threads (--concurrency) can rebuild the same ESLint options. */
export type Severity = 'off' | 'warn' | 'error';

export type ConfigSource =
  /** The plugin's presets, no config file needed (the default). */
  | { kind: 'builtin' }
  /** An ESLint flat config file given with --config. */
  | { kind: 'file'; path: string }
  /** The project's own eslint.config.* looked up by ESLint (--use-eslint-config). */
  | { kind: 'project' };

export interface LintSettings {
  cwd: string;
  fix: boolean;
  config: ConfigSource;
  /** --rule overrides, keyed by the rule id without the `redis/` prefix. */
  rules: Record<string, Severity>;
  concurrency: 'off' | 'auto' | number;
  /** .conf files named on the command line whose names do not start with redis/valkey/sentinel. */
  extraConfFiles: string[];
  /** Count linted files for the progress line (in-process runs only). */
  progress: boolean;
  /** The version of the ESLint that runs: which options it knows. */
  eslintVersion: string;
  /** What git ignores, computed once per run: flat-config patterns relative to `cwd`, and absolute file paths. */
  ignores: { patterns: string[]; files: string[] };
  /** A directory or glob that matches no file is a usage error (`--no-error-on-unmatched-pattern` turns it off). */
  errorOnUnmatchedPattern: boolean;
}
