import { isAbsolute, resolve } from 'node:path';
import type { ESLint, Rule } from 'eslint';
import { formatHuman, noPaint, type Paint } from './format-human';
import { formatSarif } from './format-sarif';

export interface FormatContext {
  eslint: ESLint;
  cwd: string;
  paint: Paint;
  version: string;
  /** Metadata of the plugin's rules, prefixed `redis/`. */
  pluginRulesMeta: Record<string, Rule.RuleMetaData>;
}

/**
 * `source` is the whole file text: for a redis.conf that includes `requirepass` and ACL passwords,
 * which must never leave the machine in a report, so the JSON report omits it (tools have the file).
 */
const withoutSource = (results: ESLint.LintResult[]) => results.map(({ source: _source, ...rest }) => (void _source, rest));

export async function formatResults(format: string, results: ESLint.LintResult[], context: FormatContext): Promise<string> {
  switch (format) {
    case 'stylish':
      return formatHuman(results, context.cwd, context.paint);
    case 'json':
      return `${JSON.stringify(withoutSource(results))}\n`;
    case 'sarif': {
      const rulesMeta = { ...context.pluginRulesMeta, ...context.eslint.getRulesMetaForResults(results) };
      return formatSarif(results, {
        cwd: context.cwd,
        toolVersion: context.version,
        informationUri: 'https://github.com/eslint-plugin-redis/eslint-plugin-redis',
        rulesMeta,
      });
    }
    default: {
      // Any other ESLint formatter by name (`compact` from a package, `unix`) or path (`./my-formatter.js`).
      const target = format.startsWith('.') || isAbsolute(format) ? resolve(context.cwd, format) : format;
      const formatter = await context.eslint.loadFormatter(target);
      const text = await formatter.format(withoutSource(results) as ESLint.LintResult[]);
      return text && !text.endsWith('\n') ? `${text}\n` : text;
    }
  }
}

export { noPaint };
