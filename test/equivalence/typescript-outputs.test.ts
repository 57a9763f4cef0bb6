import { Linter } from 'eslint';
import * as tsParser from '@typescript-eslint/parser';
import ts from 'typescript';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { expect, it } from 'vitest';
import { fixturesDir } from '../helpers/rule-tester';

const plugin = createRequire(__filename)('../../dist/src/index.js');

const rules: Linter.RulesRecord = {
  'redis/require-ttl': 'error',
  'redis/no-unbounded-collection': 'error',
  'redis/no-non-atomic-expire': 'error',
  'redis/no-unsafe-lock': 'error',
};

/** Applies every autofix, then every first suggestion, one at a time, as a user accepting them all would. */
function acceptEverything(code: string, filename: string, ruleSet: Linter.RulesRecord = rules): string {
  const linter = new Linter({ configType: 'flat' });
  const config: Linter.Config[] = [{ files: ['**/*.ts'], plugins: { redis: plugin }, languageOptions: { parser: tsParser }, rules: ruleSet }];
  let text = linter.verifyAndFix(code, config, { filename }).output;
  for (let round = 0; round < 50; round++) {
    const next = linter.verify(text, config, { filename }).find((m) => m.suggestions?.length);
    if (!next) break;
    const { fix } = next.suggestions![0];
    text = text.slice(0, fix.range[0]) + fix.text + text.slice(fix.range[1]);
  }
  return text;
}

/**
 * Type errors per file of TypeScript texts placed at the given paths (resolving the worktree's
 * node_modules), checked in one program because loading the clients' typings dominates the cost.
 */
function typeErrors(texts: Map<string, string>): Map<string, string[]> {
  const options: ts.CompilerOptions = {
    strict: true, noEmit: true, target: ts.ScriptTarget.ES2022, module: ts.ModuleKind.ESNext,
    moduleResolution: ts.ModuleResolutionKind.Bundler, esModuleInterop: true, skipLibCheck: true, types: ['node'],
  };
  const host = ts.createCompilerHost(options);
  const getSourceFile = host.getSourceFile.bind(host);
  host.getSourceFile = (name, language, ...rest) => {
    const text = texts.get(name);
    return text !== undefined ? ts.createSourceFile(name, text, language) : getSourceFile(name, language, ...rest);
  };
  host.fileExists = ((exists) => (name: string) => texts.has(name) || exists(name))(host.fileExists.bind(host));
  const program = ts.createProgram([...texts.keys()], options, host);
  const errors = new Map<string, string[]>([...texts.keys()].map((name) => [name, []]));
  for (const diagnostic of ts.getPreEmitDiagnostics(program)) {
    const list = errors.get(diagnostic.file?.fileName ?? '') ?? errors.get([...texts.keys()][0])!;
    list.push(ts.flattenDiagnosticMessageText(diagnostic.messageText, '\n'));
  }
  return errors;
}

const snippets: Record<string, [project: string, code: string]> = {
  ioredis: ['ioredis-app', `import Redis from 'ioredis';
const redis = new Redis();
export async function run(id: string, e: string, token: string): Promise<unknown[]> {
  await redis.set(\`session:\${id}\`, e);
  await redis.lpush('events', e);
  const pushed = await redis.rpush('log', e);
  const count = await redis.incr(\`rate:\${id}\`);
  await redis.expire(\`rate:\${id}\`, 60);
  await redis.xadd('stream:audit', '*', 'a', e);
  await redis.set(\`lock:\${id}\`, token, 'NX');
  await redis.del(\`lock:\${id}\`);
  await redis.set(\`cache:\${id}\`, e, 'NX');
  const took = (await redis.setnx(\`lock:job:\${id}\`, token)) ? 1 : 0;
  await redis.set(\`lock:once:\${id}\`, token, 'NX');
  await redis.expire(\`lock:once:\${id}\`, 30);
  return [pushed, count, took];
}
`],
  'node-redis-4': ['node-redis-4-app', `import { createClient } from 'redis';
const client = createClient();
export async function run(id: string, e: string, token: string): Promise<unknown[]> {
  await client.set(\`session:\${id}\`, e);
  await client.lPush('events', e);
  const pushed = await client.rPush('log', e);
  const count = await client.incr(\`rate:\${id}\`);
  await client.expire(\`rate:\${id}\`, 60);
  await client.xAdd('stream:audit', '*', { a: e });
  await client.set(\`lock:\${id}\`, token, { NX: true });
  await client.del(\`lock:\${id}\`);
  await client.set(\`cache:\${id}\`, e, { NX: true });
  const took = (await client.setNX(\`lock:job:\${id}\`, token)) ? 1 : 0;
  await client.set(\`lock:once:\${id}\`, token, { NX: true });
  await client.expire(\`lock:once:\${id}\`, 30);
  return [pushed, count, took];
}
`],
};
snippets['node-redis-5'] = ['node-redis-5-app', snippets['node-redis-4'][1]];
const typingsOf: Record<string, string> = { ioredis: 'ioredis', 'node-redis-4': 'redis4', 'node-redis-5': 'redis5' };

it('every fix and suggestion leaves TypeScript that type-checks (ioredis, node-redis 4, node-redis 5)', () => {
  const texts = new Map<string, string>();
  const fixedTexts: string[] = [];
  for (const [name, [project, code]] of Object.entries(snippets)) {
    const original = join(fixturesDir, project, `__typecheck_${name}__.ts`);
    const fixed = acceptEverything(code, original);
    expect(fixed.match(/\.multi\(\)/g)?.length).toBeGreaterThanOrEqual(3);
    expect(fixed).toMatch(/MAXLEN/);
    expect(fixed).toMatch(/\.eval\(/);
    // The SETNX lease, the folded EXPIRE and the cache NX's TTL were all applied.
    expect(fixed).not.toMatch(/setnx|setNX|expire\(`lock:once/);
    expect(fixed).toMatch(/cache:\$\{id\}`, e, ('EX', 3600, 'NX'|\{ NX: true, (EX: 3600|expiration: \{ type: 'EX', value: 3600 \}) \})/);
    // Type-check against the client major the fixture project pins (npm aliases redis4, redis5).
    const typed = (text: string) => text.replace("from 'redis'", `from '${typingsOf[name]}'`);
    texts.set(original, typed(code));
    texts.set(join(fixturesDir, project, `__typecheck_${name}_fixed__.ts`), typed(fixed));
    fixedTexts.push(fixed);
  }
  expect(fixedTexts).toHaveLength(3);
  const errors = typeErrors(texts);
  expect(Object.fromEntries(errors)).toEqual(Object.fromEntries([...texts.keys()].map((name) => [name, []])));
});

/**
 * prefer-pipeline and no-client-per-call in TypeScript: an evolving `const results = []` (where a
 * `(typeof results)[number]` cast would not compile) and a body that uses a reply as a string (where a
 * two-pass rewrite's replies are unknown) are left as they are; a typed array, two loops in one
 * function and a per-call client are rewritten, over several --fix passes.
 */
const roundTripSnippets: Record<string, [project: string, code: string]> = {
  ioredis: ['ioredis-app', `import Redis from 'ioredis';
const redis = new Redis();
export async function read(keys: string[]) {
  const results = [];
  for (const key of keys) results.push(await redis.get(key));
  return results;
}
export async function typed(keys: string[]): Promise<(string | null)[]> {
  const results: (string | null)[] = [];
  for (const key of keys) results.push(await redis.get(key));
  return results;
}
export async function profiles(ids: string[]) {
  const out: Record<string, string> = {};
  for (const id of ids) {
    const raw = await redis.get(\`k:\${id}\`);
    out[id] = raw ? raw.toUpperCase() : '';
  }
  return out;
}
export async function purge(keys: string[], ttls: number[]) {
  for (const k of keys) await redis.del(k);
  for (const k of keys) ttls.push(await redis.ttl(k));
}
export async function handler(id: string) {
  const perCall = new Redis();
  const v = await perCall.get(id);
  await perCall.quit();
  return v;
}
`],
  'node-redis-4': ['node-redis-4-app', `import { createClient } from 'redis';
const client = createClient();
export async function read(keys: string[]) {
  const results = [];
  for (const key of keys) results.push(await client.get(key));
  return results;
}
export async function typed(keys: string[]): Promise<(string | null)[]> {
  const results: (string | null)[] = [];
  for (const key of keys) results.push(await client.get(key));
  return results;
}
export async function profiles(ids: string[]) {
  const out: Record<string, string> = {};
  for (const id of ids) {
    const raw = await client.get(\`k:\${id}\`);
    out[id] = raw ? raw.toUpperCase() : '';
  }
  return out;
}
export async function purge(keys: string[], ttls: number[]) {
  for (const k of keys) await client.del(k);
  for (const k of keys) ttls.push(await client.ttl(k));
}
export async function handler(id: string) {
  const perCall = createClient();
  await perCall.connect();
  const v = await perCall.get(id);
  await perCall.quit();
  return v;
}
`],
};
roundTripSnippets['node-redis-5'] = ['node-redis-5-app', roundTripSnippets['node-redis-4'][1]];

it('prefer-pipeline and no-client-per-call leave TypeScript that type-checks, or no fix (ioredis, node-redis 4, node-redis 5)', () => {
  const texts = new Map<string, string>();
  for (const [name, [project, code]] of Object.entries(roundTripSnippets)) {
    const original = join(fixturesDir, project, `__typecheck_rt_${name}__.ts`);
    const fixed = acceptEverything(code, original, { 'redis/prefer-pipeline': 'error', 'redis/no-client-per-call': 'error' });
    const io = name === 'ioredis';
    // typed() and both loops of purge() are pipelined; read() and profiles() are not touched.
    expect(fixed.match(io ? /\.pipeline\(\)/g : /\.multi\(\)/g)?.length).toBe(3);
    expect(fixed).toContain(`for (const key of keys) results.push(await ${io ? 'redis' : 'client'}.get(key));`);
    expect(fixed).toContain('const raw = await ');
    expect(fixed).toMatch(/^const perCall = /m);
    const typed = (text: string) => text.replace("from 'redis'", `from '${typingsOf[name]}'`);
    texts.set(original, typed(code));
    texts.set(join(fixturesDir, project, `__typecheck_rt_${name}_fixed__.ts`), typed(fixed));
  }
  const errors = typeErrors(texts);
  expect(Object.fromEntries(errors)).toEqual(Object.fromEntries([...texts.keys()].map((name) => [name, []])));
});
