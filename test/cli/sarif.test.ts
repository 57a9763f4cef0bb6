import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { SESSIONS_TS, scratchProject, plugin, runCli } from '../helpers/cli';

/* A SARIF 2.1.0 structure check covering what the spec requires and what GitHub code scanning reads:
   version, one run with tool.driver.name, rules with unique ids, results pointing at existing rules by
   id and index, levels from the spec's enum, relative artifact URIs under a declared uriBaseId, and
   1-based regions. */
// eslint-disable-next-line @typescript-eslint/no-explicit-any
function sarifProblems(log: any): string[] {
  const problems: string[] = [];
  const check = (ok: unknown, what: string) => {
    if (!ok) problems.push(what);
  };
  check(log.version === '2.1.0', 'version is 2.1.0');
  check(typeof log.$schema === 'string' && log.$schema.includes('sarif-2.1.0'), '$schema names SARIF 2.1.0');
  check(Array.isArray(log.runs) && log.runs.length === 1, 'exactly one run');
  const run = log.runs?.[0] ?? {};
  const driver = run.tool?.driver ?? {};
  check(driver.name === 'redis-lint', 'tool.driver.name is redis-lint');
  check(typeof driver.version === 'string' && /^\d+\.\d+\.\d+/.test(driver.version), 'driver.version');
  check(/^https:\/\//.test(driver.informationUri ?? ''), 'driver.informationUri');
  const rules = Array.isArray(driver.rules) ? driver.rules : [];
  check(new Set(rules.map((r: { id: string }) => r.id)).size === rules.length, 'rule ids are unique');
  for (const rule of rules) {
    check(typeof rule.id === 'string' && rule.id.length > 0, `rule id ${rule.id}`);
    check(typeof rule.shortDescription?.text === 'string' && rule.shortDescription.text.length > 0, `${rule.id} shortDescription.text`);
    if (rule.helpUri !== undefined) check(/^https:\/\//.test(rule.helpUri), `${rule.id} helpUri is absolute`);
    check(['none', 'note', 'warning', 'error'].includes(rule.defaultConfiguration?.level), `${rule.id} defaultConfiguration.level`);
  }
  const bases = run.originalUriBaseIds ?? {};
  for (const [name, base] of Object.entries(bases) as [string, { uri: string }][]) {
    check(/^file:\/\/.*\/$/.test(base.uri), `${name} is an absolute file: URI ending in /`);
  }
  check(Array.isArray(run.results), 'results is an array');
  for (const result of run.results ?? []) {
    const at = `${result.ruleId}@${JSON.stringify(result.locations?.[0]?.physicalLocation?.region)}`;
    check(rules[result.ruleIndex]?.id === result.ruleId, `${at}: ruleIndex points at ruleId`);
    check(['none', 'note', 'warning', 'error'].includes(result.level), `${at}: level`);
    check(typeof result.message?.text === 'string' && result.message.text.length > 0, `${at}: message.text`);
    check(Array.isArray(result.locations) && result.locations.length >= 1 && result.locations.length <= 10, `${at}: 1-10 locations`);
    const physical = result.locations?.[0]?.physicalLocation ?? {};
    const uri: string = physical.artifactLocation?.uri ?? '';
    check(uri.length > 0 && !uri.startsWith('/') && !uri.includes(':') && !uri.includes('\\'), `${at}: relative URI ${uri}`);
    check(physical.artifactLocation?.uriBaseId in bases, `${at}: uriBaseId is declared`);
    const region = physical.region ?? {};
    check(Number.isInteger(region.startLine) && region.startLine >= 1, `${at}: startLine`);
    check(Number.isInteger(region.startColumn) && region.startColumn >= 1, `${at}: startColumn`);
    if (region.endLine !== undefined) check(region.endLine >= region.startLine, `${at}: endLine`);
    if (region.endColumn !== undefined && (region.endLine ?? region.startLine) === region.startLine) check(region.endColumn >= region.startColumn, `${at}: endColumn`);
  }
  return problems;
}

describe('--format sarif', () => {
  it('is valid SARIF 2.1.0 with every rule, its description and docs URL, and repository-relative locations', async () => {
    const dir = scratchProject('ioredis-app', {});
    mkdirSync(join(dir, '.git'));
    mkdirSync(join(dir, 'src', 'app'), { recursive: true });
    writeFileSync(join(dir, 'src', 'app', 'sessions.ts'), SESSIONS_TS);
    const { code, stdout } = await runCli(['.', '--format', 'sarif'], { cwd: join(dir, 'src') });
    expect(code).toBe(1);
    const log = JSON.parse(stdout);
    expect(sarifProblems(log)).toEqual([]);
    const { rules } = log.runs[0].tool.driver;
    for (const [id, rule] of Object.entries(plugin.rules)) {
      const entry = rules.find((r: { id: string }) => r.id === `redis/${id}`);
      expect(entry, id).toBeDefined();
      expect(entry.shortDescription.text).toBe(rule.meta.docs?.description);
      expect(entry.helpUri).toBe(rule.meta.docs?.url);
    }
    const results = log.runs[0].results.map((r: { ruleId: string; locations: { physicalLocation: { artifactLocation: { uri: string }; region: { startLine: number; startColumn: number } } }[] }) => {
      const { artifactLocation, region } = r.locations[0].physicalLocation;
      return `${artifactLocation.uri}:${region.startLine}:${region.startColumn} ${r.ruleId}`;
    });
    expect(results).toEqual([
      // Relative to the repository root (the directory holding .git), not to where redis-lint ran.
      'src/app/sessions.ts:7:3 redis/no-keys',
      'src/app/sessions.ts:10:43 redis/no-select',
      'src/app/sessions.ts:12:38 redis/no-flush',
    ]);
    expect(log.runs[0].originalUriBaseIds['%SRCROOT%'].uri).toBe(pathToFileURL(`${dir}/`).href);
  });

  it('reports parse errors under their own rule and stays valid with no findings', async () => {
    const dir = scratchProject();
    writeFileSync(join(dir, 'broken.js'), 'const = ;\n');
    const broken = JSON.parse((await runCli(['broken.js', '-f', 'sarif'], { cwd: dir })).stdout);
    expect(sarifProblems(broken)).toEqual([]);
    expect(broken.runs[0].results.map((r: { ruleId: string; level: string }) => [r.ruleId, r.level])).toEqual([['parse-error', 'error']]);

    const clean = await runCli(['sessions.ts', '-f', 'sarif', '--rule', 'no-keys:off', '--rule', 'no-select:off', '--rule', 'no-flush:off'], { cwd: dir });
    expect(clean.code).toBe(0);
    const log = JSON.parse(clean.stdout);
    expect(sarifProblems(log)).toEqual([]);
    expect(log.runs[0].results).toEqual([]);
  });

  it('catches a broken log (the check can fail)', () => {
    expect(sarifProblems({ version: '2.0.0', runs: [{ tool: { driver: { name: 'x' } }, results: [{ ruleId: 'a', ruleIndex: 3, level: 'fatal', locations: [] }] }] })).toEqual(
      expect.arrayContaining(['version is 2.1.0', 'tool.driver.name is redis-lint', 'a@undefined: ruleIndex points at ruleId', 'a@undefined: level']),
    );
  });
});
