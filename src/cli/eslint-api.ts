import type { ESLint } from 'eslint';
import { UsageError } from './exit-codes';

/** What `require('eslint')` gives, from ESLint 8.57 (where flat config is still behind `loadESLint`) to 10. */
export interface EslintModule {
  ESLint: typeof ESLint;
  loadESLint?: (options: { useFlatConfig?: boolean }) => Promise<typeof ESLint>;
}

/**
 * The first ESLint release that knows each option or config key redis-lint may pass. ESLint rejects
 * what it does not know ("Invalid Options: Unknown options: concurrency"), and redis-lint runs under
 * whatever ESLint the project resolves within the peer range (^8.57 || ^9.15 || ^10).
 */
export const eslintFeatureSince = {
  /** `concurrency` and `ESLint.fromOptionsModule` (multithreaded linting). */
  concurrency: '9.34.0',
  /** `linterOptions.reportUnusedInlineConfigs`. */
  reportUnusedInlineConfigs: '9.19.0',
  /** Config `language` keys, which the redis/conf language needs. */
  languages: '9.7.0',
} as const;

export type EslintFeature = keyof typeof eslintFeatureSince;

/** The oldest ESLint the package supports (the peer range's floor). */
export const oldestSupportedEslint = '8.57.0';

const parts = (version: string) => version.split(/[.+-]/).slice(0, 3).map((n) => Number.parseInt(n, 10) || 0);

/** `a >= b` for release versions (`9.39.0`, `10.0.0-rc.1` counts as 10.0.0). */
export function versionAtLeast(a: string, b: string): boolean {
  const [x, y] = [parts(a), parts(b)];
  for (let i = 0; i < 3; i++) if (x[i] !== y[i]) return x[i] > y[i];
  return true;
}

export const eslintSupports = (version: string, feature: EslintFeature): boolean => versionAtLeast(version, eslintFeatureSince[feature]);

/** The flat-config ESLint class of the resolved ESLint: `FlatESLint` on 8.57, `ESLint` on 9 and 10. */
export async function flatEslintClass(mod: EslintModule): Promise<typeof ESLint> {
  const version = mod.ESLint?.version;
  if (typeof version !== 'string') throw new UsageError(`the eslint package found has no ESLint class; redis-lint needs ESLint ${oldestSupportedEslint} or later`);
  if (!versionAtLeast(version, oldestSupportedEslint) || typeof mod.loadESLint !== 'function') {
    throw new UsageError(`ESLint ${version} is too old: redis-lint needs ESLint ${oldestSupportedEslint} or later`);
  }
  return mod.loadESLint({ useFlatConfig: true });
}

/** The ESLint the project resolves (a peer dependency, so the project's own version). */
export function projectEslint(): EslintModule {
  try {
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    return require('eslint');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'MODULE_NOT_FOUND') throw error;
    throw new UsageError('redis-lint runs on ESLint, which is not installed: npm install --save-dev eslint');
  }
}
