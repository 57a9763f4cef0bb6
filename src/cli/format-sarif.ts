import { existsSync } from 'node:fs';
import { dirname, isAbsolute, join, relative, sep } from 'node:path';
import { pathToFileURL } from 'node:url';
import type { ESLint, Rule } from 'eslint';

/** The SARIF rule id for a file that could not be parsed (ESLint reports it with no rule). */
export const PARSE_ERROR_RULE = 'parse-error';

/** Code scanning resolves `%SRCROOT%`-relative URIs against the checkout, so results land on the right file. */
export function repositoryRoot(cwd: string): string {
  for (let dir = cwd; ; dir = dirname(dir)) {
    if (existsSync(join(dir, '.git'))) return dir;
    if (dirname(dir) === dir) return cwd;
  }
}

const uriOf = (root: string, filePath: string): string => {
  const rel = isAbsolute(filePath) ? relative(root, filePath) : filePath;
  return rel.split(sep).map(encodeURIComponent).join('/');
};

interface SarifOptions {
  cwd: string;
  toolVersion: string;
  informationUri: string;
  /** Rule id → metadata for every rule that ran or reported; descriptions and docs URLs come from here. */
  rulesMeta: Record<string, Rule.RuleMetaData | undefined>;
}

/** SARIF 2.1.0 as GitHub code scanning accepts it (tool `redis-lint`, rules with help URIs, relative locations). */
export function formatSarif(results: ESLint.LintResult[], options: SarifOptions): string {
  const root = repositoryRoot(options.cwd);
  const ruleIds = new Set(Object.keys(options.rulesMeta));
  for (const result of results) for (const m of result.messages) ruleIds.add(m.ruleId ?? PARSE_ERROR_RULE);
  const ids = [...ruleIds].sort();
  const index = new Map(ids.map((id, i) => [id, i]));

  const rules = ids.map((id) => {
    const meta = options.rulesMeta[id];
    const description = id === PARSE_ERROR_RULE ? 'The file could not be parsed' : (meta?.docs?.description ?? id);
    const rule: Record<string, unknown> = {
      id,
      name: id.replace(/^.*\//, ''),
      shortDescription: { text: description },
      fullDescription: { text: description },
      defaultConfiguration: { level: id === PARSE_ERROR_RULE ? 'error' : 'warning' },
      properties: { tags: [meta?.type ?? 'problem'], precision: 'high' },
    };
    if (meta?.docs?.url) {
      rule.helpUri = meta.docs.url;
      rule.help = { text: `${description}. See ${meta.docs.url}`, markdown: `${description}. [Documentation](${meta.docs.url})` };
    }
    return rule;
  });

  const sarifResults = results.flatMap((result) =>
    result.messages.map((m) => {
      const ruleId = m.ruleId ?? PARSE_ERROR_RULE;
      const region: Record<string, number> = { startLine: Math.max(1, m.line ?? 1), startColumn: Math.max(1, m.column ?? 1) };
      if (m.endLine) region.endLine = m.endLine;
      if (m.endColumn && (m.endLine ?? region.startLine) >= region.startLine) region.endColumn = Math.max(1, m.endColumn);
      if (region.endLine === region.startLine && region.endColumn !== undefined && region.endColumn < region.startColumn) delete region.endColumn;
      return {
        ruleId,
        ruleIndex: index.get(ruleId),
        level: m.severity === 2 ? 'error' : 'warning',
        message: { text: m.message },
        locations: [{ physicalLocation: { artifactLocation: { uri: uriOf(root, result.filePath), uriBaseId: '%SRCROOT%' }, region } }],
      };
    }),
  );

  const log = {
    $schema: 'https://json.schemastore.org/sarif-2.1.0.json',
    version: '2.1.0',
    runs: [
      {
        tool: { driver: { name: 'redis-lint', semanticVersion: options.toolVersion, version: options.toolVersion, informationUri: options.informationUri, rules } },
        originalUriBaseIds: { '%SRCROOT%': { uri: pathToFileURL(root + sep).href } },
        results: sarifResults,
        columnKind: 'utf16CodeUnits',
      },
    ],
  };
  return `${JSON.stringify(log, null, 2)}\n`;
}
