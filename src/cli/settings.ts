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
}
