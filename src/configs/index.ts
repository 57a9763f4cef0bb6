import type { RedisRuleModule } from '../util/create-rule';

export const codeFiles = ['**/*.js', '**/*.mjs', '**/*.cjs', '**/*.jsx', '**/*.ts', '**/*.mts', '**/*.cts', '**/*.tsx'];
export const typeScriptFiles = ['**/*.ts', '**/*.mts', '**/*.cts', '**/*.tsx'];
export const confFiles = ['**/redis*.conf', '**/valkey*.conf', '**/sentinel*.conf'];
/**
 * Test code may flush its own throwaway database and build a client per test: neither costs anything
 * in production, and both are how test suites isolate their cases.
 */
export const testOnlyAllowed = ['redis/no-flush', 'redis/no-client-per-call'];
export const testFiles = ['**/*.test.*', '**/*.spec.*', '**/__tests__/**', '**/test/**', '**/tests/**'];

type Severity = 'error' | 'warn' | 'off';
type RuleMap = Record<string, Severity>;

const isConfRule = (id: string) => id.startsWith('conf-');

function ruleMap(rules: Record<string, RedisRuleModule>, pick: (id: string, rule: RedisRuleModule) => Severity | false): RuleMap {
  const out: RuleMap = {};
  for (const [id, rule] of Object.entries(rules)) {
    const severity = pick(id, rule);
    if (severity) out[`redis/${id}`] = severity;
  }
  return out;
}

// eslint-disable-next-line @typescript-eslint/no-explicit-any
export function buildConfigs(plugin: any, rules: Record<string, RedisRuleModule>, tsParser: any) {
  const recommendedCode = ruleMap(rules, (id, r) => !isConfRule(id) && !r.meta.docs?.requiresTypeChecking && (r.meta.docs?.recommended || false));
  const typeChecked = ruleMap(rules, (id, r) => !isConfRule(id) && (r.meta.docs?.recommended || false));
  const allCode = ruleMap(rules, (id) => !isConfRule(id) && 'error');
  const recommendedConf = ruleMap(rules, (id, r) => isConfRule(id) && (r.meta.docs?.recommended || false));
  const allConf = ruleMap(rules, (id) => isConfRule(id) && 'error');
  const hasConf = Object.keys(plugin.languages ?? {}).includes('conf');

  const codeEntries = (name: string, ruleSet: RuleMap) => [
    { name: `redis/${name}/typescript-parser`, files: typeScriptFiles, languageOptions: { parser: tsParser } },
    { name: `redis/${name}/code`, files: codeFiles, plugins: { redis: plugin }, rules: ruleSet },
    {
      name: `redis/${name}/tests`,
      files: testFiles,
      rules: Object.fromEntries(Object.keys(ruleSet).filter((id) => testOnlyAllowed.includes(id)).map((id) => [id, 'off' as const])),
    },
  ];
  const confEntry = (name: string, ruleSet: RuleMap) =>
    hasConf ? [{ name: `redis/${name}/conf`, files: confFiles, plugins: { redis: plugin }, language: 'redis/conf', rules: ruleSet }] : [];

  return {
    recommended: [...codeEntries('recommended', recommendedCode), ...confEntry('recommended', recommendedConf)],
    'recommended-type-checked': [...codeEntries('recommended-type-checked', typeChecked), ...confEntry('recommended-type-checked', recommendedConf)],
    all: [...codeEntries('all', allCode), ...confEntry('all', allConf)],
    'conf-recommended': confEntry('conf-recommended', recommendedConf),
    'legacy-recommended': {
      plugins: ['redis'],
      rules: recommendedCode,
      overrides: [
        { files: ['*.ts', '*.mts', '*.cts', '*.tsx'], parser: '@typescript-eslint/parser' },
        { files: ['*.test.*', '*.spec.*', '**/__tests__/**', '**/test/**', '**/tests/**'], rules: Object.fromEntries(testOnlyAllowed.map((id) => [id, 'off'])) },
      ],
    },
  };
}
