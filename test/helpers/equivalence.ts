import { Linter } from 'eslint';
import * as tsParser from '@typescript-eslint/parser';
import { createRequire } from 'node:module';
import { join } from 'node:path';
const localRequire = createRequire(__filename);
// The built plugin, as users load it (`npm test` builds first).
const plugin = localRequire('../../dist/src/index.js');

/** The client packages installed side by side (npm aliases), one per major the fixes support. */
export type Flavor = 'ioredis' | 'ioredis5' | 'redis4' | 'redis5';
export const ioredisFlavors: Flavor[] = ['ioredis', 'ioredis5'];
export const nodeRedisFlavors: Flavor[] = ['redis4', 'redis5'];

/** A filename inside the fixture project whose package.json pins this flavor's major. */
export function filenameFor(flavor: Flavor): string {
  const project = flavor.startsWith('ioredis') ? 'ioredis-app' : flavor === 'redis4' ? 'node-redis-4-app' : 'node-redis-5-app';
  return join(__dirname, '..', '..', 'fixtures', project, 'snippet.js');
}

export interface FixResult {
  output: string;
  /** Messages left after fixing (problems without an autofix). */
  remaining: Linter.LintMessage[];
  /** True when a second --fix pass changes nothing. */
  stable: boolean;
}

/** Runs our rules with --fix semantics on a snippet, as ESLint would on a file of that flavor's project. */
export function fixCode(code: string, flavor: Flavor, rules: Linter.RulesRecord, settings: Record<string, unknown> = {}): FixResult {
  const linter = new Linter({ configType: 'flat' });
  const config: Linter.Config[] = [
    {
      files: ['**/*.js', '**/*.ts'],
      plugins: { redis: plugin },
      languageOptions: { parser: tsParser, ecmaVersion: 'latest', sourceType: 'commonjs' },
      settings,
      rules,
    },
  ];
  const filename = filenameFor(flavor);
  const first = linter.verifyAndFix(code, config, { filename });
  const fatal = first.messages.filter((m) => m.fatal);
  if (fatal.length > 0) throw new Error(`fixed code does not parse: ${fatal[0].message}\n${first.output}`);
  const second = linter.verifyAndFix(first.output, config, { filename });
  return { output: first.output, remaining: first.messages, stable: second.output === first.output };
}

/** Loads a client package of the given flavor. */
export function clientModule(flavor: Flavor): unknown {
  return localRequire(flavor);
}

/** Connects a client of the given flavor to a unix socket; node-redis clients are connected. */
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export async function connect(flavor: Flavor, socket: string): Promise<any> {
  if (flavor.startsWith('ioredis')) {
    // eslint-disable-next-line @typescript-eslint/no-explicit-any
    const Redis = (clientModule(flavor) as any).default ?? clientModule(flavor);
    const client = new Redis({ path: socket, lazyConnect: true, maxRetriesPerRequest: 1 });
    await client.connect();
    return client;
  }
  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  const { createClient } = clientModule(flavor) as any;
  const client = createClient({ socket: { path: socket } });
  await client.connect();
  return client;
}

// eslint-disable-next-line @typescript-eslint/no-explicit-any
export async function disconnect(client: any): Promise<void> {
  if (typeof client.quit === 'function') await client.quit();
  else await client.close();
}

/**
 * Evaluates a CommonJS snippet whose `require('ioredis')` / `require('redis')` resolve to the given
 * flavor's package, and returns its `module.exports`. Snippets export the functions a test calls.
 */
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export function loadSnippet(code: string, flavor: Flavor, globals: Record<string, unknown> = {}): any {
  const module = { exports: {} as unknown };
  const snippetRequire = (name: string) => {
    if (name === 'ioredis' || name === 'iovalkey') return clientModule(flavor.startsWith('ioredis') ? flavor : 'ioredis');
    if (name === 'redis' || name === '@redis/client') return clientModule(flavor.startsWith('redis') ? flavor : 'redis5');
    return localRequire(name);
  };
  const names = Object.keys(globals);
  new Function('module', 'exports', 'require', ...names, code)(module, module.exports, snippetRequire, ...names.map((n) => globals[n]));
  return module.exports;
}

/** Every key with its type, value and whether it has a TTL: the keyspace to compare before and after a fix. */
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export async function keyspace(flavor: Flavor, client: any): Promise<Record<string, unknown>> {
  const send = (args: string[]) =>
    flavor.startsWith('ioredis') ? client.call(...args) : client.sendCommand(args);
  const out: Record<string, unknown> = {};
  const keys = ((await send(['KEYS', '*'])) as string[]).sort();
  for (const key of keys) {
    const type = (await send(['TYPE', key])) as string;
    const ttl = Number(await send(['TTL', key]));
    let value: unknown;
    if (type === 'string') value = await send(['GET', key]);
    else if (type === 'list') value = await send(['LRANGE', key, '0', '-1']);
    else if (type === 'set') value = ((await send(['SMEMBERS', key])) as string[]).sort();
    else if (type === 'zset') value = await send(['ZRANGE', key, '0', '-1', 'WITHSCORES']);
    else if (type === 'hash') value = await send(['HGETALL', key]);
    else if (type === 'stream') value = await send(['XLEN', key]);
    out[key] = { type, value, ttl: ttl === -1 ? 'none' : ttl > 0 ? 'set' : ttl };
  }
  return out;
}
