// The eslint-utils entry point alone: the package root also loads typescript-eslint's wrappers of
// ESLint's classes, about 30 ms of start-up that a redis.conf run never uses.
import { RuleCreator, applyDefault } from '@typescript-eslint/utils/eslint-utils';
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

const ruleCreator = RuleCreator<RedisRuleDocs>(docsUrl);

/**
 * The factory for TS/JS rules: the rule name becomes its docs URL, as in typescript-eslint. The
 * options merged with the defaults are computed once per distinct configuration, not once per
 * file (typescript-eslint's factory structured-clones the defaults for every file it lints); rules
 * only read their options.
 */
export const createRule: typeof ruleCreator = (spec) => {
  const rule = ruleCreator(spec);
  const merged = new Map<string, unknown>();
  return {
    ...rule,
    create(context) {
      const key = JSON.stringify(context.options);
      let options = merged.get(key) as Parameters<typeof spec.create>[1] | undefined;
      if (!options) {
        options = applyDefault((spec.defaultOptions ?? []) as never, context.options as never) as Parameters<typeof spec.create>[1];
        merged.set(key, options);
      }
      return spec.create(context, options);
    },
  };
};

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
