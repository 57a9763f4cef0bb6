import { ESLintUtils } from '@typescript-eslint/utils';
import { version } from './package-info';

/** Metadata every rule of the plugin carries; the README table, the presets and SARIF are built from it. */
export interface RedisRuleDocs {
  /** Imperative fragment: "Disallow ...", "Require ...". */
  description: string;
  /** Severity in the `recommended` presets, or false when the rule is only in `all`. */
  recommended: 'error' | 'warn' | false;
  /** True when the rule only works with type information (`recommended-type-checked`). */
  requiresTypeChecking?: boolean;
}

export const docsUrl = (id: string): string =>
  `https://github.com/eslint-plugin-redis/eslint-plugin-redis/blob/v${version}/docs/rules/${id}.md`;

/** The factory for TS/JS rules: the rule name becomes its docs URL, as in typescript-eslint. */
export const createRule = ESLintUtils.RuleCreator<RedisRuleDocs>(docsUrl);

/**
 * The loose shape shared by TS/JS rules and redis.conf rules (which run on another language and so
 * cannot use the TSESTree-typed factory). The registry, the presets and the docs generator read only this.
 */
export interface RedisRuleModule {
  meta: {
    type: 'problem' | 'suggestion' | 'layout';
    docs?: RedisRuleDocs & { url?: string };
    fixable?: 'code' | 'whitespace';
    hasSuggestions?: boolean;
    messages: Record<string, string>;
    schema: unknown;
    defaultOptions?: unknown[];
    language?: string;
  };
  defaultOptions?: unknown;
  // The rule context differs by language (ESTree vs redis.conf); each rule types its own.
  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  create: (context: any) => any;
}
