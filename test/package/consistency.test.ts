import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { plugin, repoRoot } from '../helpers/cli';
// @ts-expect-error: a plain ES module script without type declarations
import { rulesTable, START, END } from '../../scripts/rules-table.mjs';
import { docsUrl } from '../../dist/src/util/create-rule.js';

/* Every rule carries the same set of things: a docs page with the shared sections, a test, a README
   row, a docs URL and a description; the presets are exactly what the metadata says. */
const rules = Object.entries(plugin.rules);
const sections = ['## What it finds', '## Why it hurts in production', '## Examples', '## Options', '## When not to use it'];
const kind = (id: string) => (id.startsWith('conf-') ? 'conf' : 'ts');

describe.each(rules)('rule %s', (id, rule) => {
  it('has a description and the docs URL of its page', () => {
    expect(rule.meta.docs?.description).toMatch(/^[A-Z][a-z]+ \S/);
    expect(rule.meta.docs?.description).not.toMatch(/\.$/);
    expect(rule.meta.docs?.url).toBe(docsUrl(id));
    expect(['problem', 'suggestion', 'layout']).toContain(rule.meta.type);
    expect([undefined, 'error', 'warn', false]).toContain(rule.meta.docs?.recommended);
  });

  it('lives in rules/<language>/ and has a test file there too', () => {
    expect(existsSync(join(repoRoot, 'rules', kind(id), `${id}.ts`))).toBe(true);
    expect(existsSync(join(repoRoot, 'test', 'rules', kind(id), `${id}.test.ts`))).toBe(true);
  });

  it('has a docs page with the shared sections and ❌/✅ examples', () => {
    const page = join(repoRoot, 'docs', 'rules', `${id}.md`);
    expect(existsSync(page)).toBe(true);
    const text = readFileSync(page, 'utf8');
    expect(text.startsWith(`# redis/${id}\n`)).toBe(true);
    let at = -1;
    for (const section of sections) {
      const found = text.indexOf(`\n${section}\n`);
      expect(found, section).toBeGreaterThan(at);
      at = found;
    }
    expect(text).toContain('❌');
    expect(text).toContain('✅');
  });

  it('claims type information exactly when its code asks for it', () => {
    const source = readFileSync(join(repoRoot, 'rules', kind(id), `${id}.ts`), 'utf8');
    const strictTypes = /getParserServices\(\s*context\s*\)/.test(source);
    expect(Boolean(rule.meta.docs?.requiresTypeChecking)).toBe(strictTypes);
  });
});

describe('the README rules table', () => {
  it('is what `npm run docs` generates from the rule metadata', () => {
    const readme = readFileSync(join(repoRoot, 'README.md'), 'utf8');
    const start = readme.indexOf(START);
    const end = readme.indexOf(END);
    expect(start, 'README.md has the rules-table markers').toBeGreaterThan(0);
    expect(readme.slice(start + START.length, end).trim(), 'README.md rules table is stale: run `npm run docs`').toBe(rulesTable(plugin.rules).trim());
    for (const [id] of rules) expect(readme).toContain(`| [\`${id}\`](docs/rules/${id}.md) |`);
  });
});

describe('the presets match the rule metadata', () => {
  type Entry = { files?: string[]; rules?: Record<string, string>; language?: string };
  const configs = plugin.configs as Record<string, Entry[] | { rules: Record<string, string> }>;
  const rulesOf = (name: string, pick: (entry: Entry) => boolean) =>
    Object.assign({}, ...(configs[name] as Entry[]).filter(pick).map((e) => e.rules ?? {})) as Record<string, string>;
  const isCode = (e: Entry) => e.language === undefined && !(e.files ?? []).some((f) => f.includes('test'));
  const isConf = (e: Entry) => e.language === 'redis/conf';
  const expected = (pick: (id: string, docs: NonNullable<(typeof rules)[number][1]['meta']['docs']>) => unknown, severity?: string) =>
    Object.fromEntries(rules.filter(([id, r]) => r.meta.docs && pick(id, r.meta.docs)).map(([id, r]) => [`redis/${id}`, severity ?? (r.meta.docs?.recommended as string)]));
  const code = (id: string) => !id.startsWith('conf-');

  it('recommended: recommended code rules that need no types, at their severity', () => {
    expect(rulesOf('recommended', isCode)).toEqual(expected((id, d) => code(id) && d.recommended && !d.requiresTypeChecking));
  });
  it('recommended-type-checked: every recommended code rule', () => {
    expect(rulesOf('recommended-type-checked', isCode)).toEqual(expected((id, d) => code(id) && d.recommended));
  });
  it('all: every code rule as an error, every conf rule in its conf entry', () => {
    expect(rulesOf('all', isCode)).toEqual(expected((id) => code(id), 'error'));
    if ('conf' in plugin.languages) expect(rulesOf('all', isConf)).toEqual(expected((id) => !code(id), 'error'));
  });
  it('conf-recommended and the conf entry of recommended: recommended conf rules', () => {
    const want = expected((id, d) => !code(id) && d.recommended);
    if ('conf' in plugin.languages) {
      expect(rulesOf('conf-recommended', isConf)).toEqual(want);
      expect(rulesOf('recommended', isConf)).toEqual(want);
    } else {
      expect(configs['conf-recommended']).toEqual([]);
    }
  });
  it('legacy-recommended: the same rules as recommended', () => {
    expect((configs['legacy-recommended'] as { rules: Record<string, string> }).rules).toEqual(rulesOf('recommended', isCode));
  });
});
