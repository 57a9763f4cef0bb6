import { describe, expect, it } from 'vitest';
import { join } from 'node:path';
import { probe } from '../helpers/model-probe';
import { files, fixturesDir } from '../helpers/rule-tester';

const commands = (code: string, filename = files.ioredis, settings?: Record<string, unknown>) =>
  probe(code, filename, { settings }).calls.map((c) => `${c.command}:${c.library ?? '?'}@${c.major ?? '?'}`);

describe('clients: which expressions are Redis clients', () => {
  it('finds ioredis clients built every way, with the major from the nearest package.json', () => {
    expect(commands("import Redis from 'ioredis';\nnew Redis().get('a');")).toEqual(['GET:ioredis@5']);
    expect(commands("import IORedis from 'ioredis';\nconst r = new IORedis(6379);\nr.get('a');")).toEqual(['GET:ioredis@5']);
    expect(commands("import { Redis } from 'ioredis';\nconst r = new Redis();\nr.get('a');")).toEqual(['GET:ioredis@5']);
    expect(commands("import * as IORedis from 'ioredis';\nconst r = new IORedis.default();\nr.get('a');")).toEqual(['GET:ioredis@5']);
    expect(commands("const Redis = require('ioredis');\nconst r = new Redis.Cluster([]);\nr.get('a');")).toEqual(['GET:ioredis@5']);
    expect(commands("import Redis from 'ioredis';\nconst r = new Redis.Cluster([]);\nr.get('a');")).toEqual(['GET:ioredis@5']);
    expect(commands("const { Redis } = require('ioredis');\nconst r = new Redis();\nr.get('a');")).toEqual(['GET:ioredis@5']);
    expect(commands("const Redis = require('ioredis').default;\nconst r = new Redis();\nr.get('a');")).toEqual(['GET:ioredis@5']);
  });

  it('finds iovalkey clients', () => {
    expect(commands("import Valkey from 'iovalkey';\nconst v = new Valkey();\nv.get('a');")).toEqual(['GET:iovalkey@0']);
  });

  it('finds node-redis clients of each major', () => {
    const code = "import { createClient } from 'redis';\nconst c = createClient();\nc.get('a');";
    expect(commands(code, files.nodeRedis4)).toEqual(['GET:node-redis@4']);
    expect(commands(code, files.nodeRedis5)).toEqual(['GET:node-redis@5']);
    // Outside a fixture project the installed redis (6) answers.
    expect(commands(code, join(fixturesDir, '..', 'src', 'x.ts'))).toEqual(['GET:node-redis@6']);
    expect(commands("import { createClient } from '@redis/client';\nconst c = await createClient().connect();\nc.get('a');", files.nodeRedis5)).toEqual(['GET:node-redis@6']);
    expect(commands("import { createCluster } from 'redis';\nconst c = createCluster({ rootNodes: [] });\nc.get('a');", files.nodeRedis4)).toEqual(['GET:node-redis@4']);
    expect(commands("import * as redis from 'redis';\nconst c = redis.createClient();\nc.get('a');", files.nodeRedis4)).toEqual(['GET:node-redis@4']);
    expect(commands("const redis = require('redis');\nconst c = redis.createClient();\nc.get('a', () => {});", files.ioredisJs, { redis: { versions: { redis: 3 } } })).toEqual(['GET:node-redis@3']);
  });

  it('follows duplicate(), connect(), assignments, class fields, injected parameters and annotations', () => {
    expect(commands("import Redis from 'ioredis';\nconst a = new Redis();\nconst sub = a.duplicate();\nsub.get('x');")).toEqual(['GET:ioredis@5']);
    expect(commands("import Redis from 'ioredis';\nlet r;\nr = new Redis();\nr.get('x');")).toEqual(['GET:ioredis@5']);
    expect(commands("import Redis from 'ioredis';\nclass S { private redis = new Redis(); get() { return this.redis.get('x'); } }")).toEqual(['GET:ioredis@5']);
    expect(commands("import Redis from 'ioredis';\nclass S { constructor(private readonly redis: Redis) {} get() { return this.redis.get('x'); } }")).toEqual(['GET:ioredis@5']);
    expect(commands("import type { RedisClientType } from 'redis';\nexport function f(client: RedisClientType) { return client.get('x'); }", files.nodeRedis4)).toEqual(['GET:node-redis@4']);
    expect(commands("import { createClient } from 'redis';\nlet c: ReturnType<typeof createClient>;\nc.get('x');", files.nodeRedis4)).toEqual(['GET:node-redis@4']);
    expect(commands("import Redis from 'ioredis';\nclass S { redis!: Redis | null; get() { return this.redis!.get('x'); } }")).toEqual(['GET:ioredis@5']);
  });

  it("follows listener chains: node-redis's documented `createClient().on('error', ...).connect()`", () => {
    expect(commands("import { createClient } from 'redis';\nconst c = await createClient().on('error', console.error).connect();\nc.get('a');", files.nodeRedis5)).toEqual(['GET:node-redis@5']);
    expect(commands("import { createClient } from 'redis';\nconst c = createClient().once('ready', f).on('error', f);\nc.get('a');", files.nodeRedis4)).toEqual(['GET:node-redis@4']);
    expect(commands("import Redis from 'ioredis';\nconst r = new Redis().on('error', f);\nr.get('a');")).toEqual(['GET:ioredis@5']);
    // An emitter that is not a client stays one: `emitter.on(...)` returns the emitter.
    expect(commands("import Redis from 'ioredis';\nconst e = new EventEmitter().on('x', f);\ne.get('a');")).toEqual([]);
  });

  it("follows the file's own getter functions: a declared return type, or a returned client", () => {
    const singleton = "import Redis from 'ioredis';\nlet client: Redis | undefined;\nfunction getRedis(): Redis {\n  if (!client) client = new Redis();\n  return client;\n}\n";
    expect(commands(`${singleton}getRedis().get('a');\nconst r = getRedis();\nr.get('b');`)).toEqual(['GET:ioredis@5', 'GET:ioredis@5']);
    expect(commands("import Redis from 'ioredis';\nlet c;\nexport function redis() {\n  if (!c) c = new Redis();\n  return c;\n}\nredis().get('a');", files.ioredisJs)).toEqual(['GET:ioredis@5']);
    expect(commands("import { createClient } from 'redis';\nconst make = () => createClient();\nmake().get('a');", files.nodeRedis4)).toEqual(['GET:node-redis@4']);
    expect(commands("import type { RedisClientType } from 'redis';\nasync function client(): Promise<RedisClientType> { return x; }\n(await client()).get('a');", files.nodeRedis4)).toEqual(['GET:node-redis@4']);
    // Functions that hand out something else, or that are reassigned, say nothing.
    expect(commands("import Redis from 'ioredis';\nfunction getCache(): Map<string, string> { return new Map(); }\ngetCache().get('a');")).toEqual([]);
    expect(commands("import Redis from 'ioredis';\nlet getRedis = () => new Redis();\ngetRedis = () => new Map();\ngetRedis().get('a');")).toEqual([]);
    expect(commands("import Redis from 'ioredis';\nfunction f() { return g(); }\nfunction g() { return f(); }\nf().get('a');")).toEqual([]);
  });

  it('trusts receivers named in settings.redis.clientNames, with an unknown library', () => {
    expect(commands('export const f = (cache) => cache.get("x");', files.ioredisJs, { redis: { clientNames: ['cache'] } })).toEqual(['GET:?@?']);
    expect(commands('export const f = (app) => app.store.get("x");', files.ioredisJs, { redis: { clientNames: ['store'] } })).toEqual(['GET:?@?']);
  });

  it('never takes look-alikes for clients', () => {
    const lookAlikes = [
      'const redis = new Map(); redis.get("a"); redis.set("a", 1); redis.keys();',
      'Object.keys({}); new Set().keys(); [].keys();',
      "import knex from 'knex'; knex.select('a'); knex('t').del();",
      "import Redis from 'ioredis'; const cache = new Map(); cache.set('a', 1); cache.get('a');",
      "import Redis from 'ioredis'; function f(redis) { return redis.get('a'); }",
      'localStorage.setItem("a", "b"); sessionStorage.getItem("a");',
      "import { createClient } from 'some-other-db'; const c = createClient(); c.get('a');",
    ];
    for (const code of lookAlikes) expect(commands(code)).toEqual([]);
  });
});

describe('calls: every written form of a command', () => {
  it('normalises casings, call(), sendCommand(), chains, batches and Lua', () => {
    const code = [
      "import Redis from 'ioredis';",
      'const redis = new Redis();',
      "redis.setex('a', 10, 'v');",
      "redis.SET('b', 'v');",
      "redis.getBuffer('c');",
      "redis.call('hset', 'h', 'f', 'v');",
      "redis.pipeline().incr('n').expire('n', 60).exec();",
      'const m = redis.multi();',
      "m.lpush('l', 'x');",
      "redis.multi([['sadd', 's', 'm'], ['keys', '*']]).exec();",
      "redis.eval(\"redis.call('DEL', KEYS[1]) return redis.pcall('flushdb')\", 1, 'k');",
    ].join('\n');
    const calls = probe(code, files.ioredis).calls.map((c) => [c.command, c.via, c.batch ?? '-', c.key ?? '-', c.line].join(' '));
    expect(calls).toEqual([
      "SETEX method - 'a' 3",
      "SET method - 'b' 4",
      "GET method - 'c' 5",
      "HSET call - 'h' 6",
      "INCR method pipeline 'n' 7",
      "EXPIRE method pipeline 'n' 7",
      "LPUSH method multi 'l' 9",
      "SADD batch-array multi 's' 10",
      'KEYS batch-array multi - 10',
      'EVAL method - - 11',
      'DEL lua - - 11',
      'FLUSHDB lua - - 11',
    ]);
  });

  it('reads node-redis camelCase methods and sendCommand arrays', () => {
    const code = [
      "import { createClient } from 'redis';",
      'const c = createClient();',
      "c.sAdd('s', 'm');",
      "c.hGetAll('h');",
      "c.setEx('k', 10, 'v');",
      "c.sendCommand(['ZADD', 'z', '1', 'm']);",
      "c.multi().lPush('l', 'x').exec();",
      "c.scriptLoad(\"return redis.call('KEYS', '*')\");",
    ].join('\n');
    expect(probe(code, files.nodeRedis4).calls.map((c) => `${c.command}/${c.via}/${c.batch ?? '-'}`)).toEqual([
      'SADD/method/-', 'HGETALL/method/-', 'SETEX/method/-', 'ZADD/sendCommand/-', 'LPUSH/method/multi', 'KEYS/lua/-',
    ]);
  });

  it('knows loops, functions and awaits', () => {
    const code = [
      "import Redis from 'ioredis';",
      'const redis = new Redis();',
      'async function f(ids) {',
      '  for (const id of await redis.smembers("ids")) {',
      '    await redis.get(id);',
      '  }',
      '}',
    ].join('\n');
    const linterCalls = probe(code, files.ioredisJs).calls;
    expect(linterCalls.map((c) => c.command)).toEqual(['SMEMBERS', 'GET']);
  });
});

describe('type information', () => {
  it('finds a client imported from another module of the project through the type checker', () => {
    const project = join(fixturesDir, 'typed-project');
    const file = join(project, 'src', 'usage.ts');
    const code = "import { redis } from './client';\nexport const all = () => redis.keys('*');\n";
    const untyped = probe(code, file);
    expect(untyped.calls).toEqual([]);
    const typed = probe(code, file, { parserOptions: { project: './tsconfig.json', tsconfigRootDir: project } });
    expect(typed.calls.map((c) => `${c.command}:${c.library}:${c.kind}`)).toEqual(['KEYS:ioredis:client']);
  });
});
