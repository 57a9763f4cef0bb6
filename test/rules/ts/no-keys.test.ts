import rule from '../../../rules/ts/no-keys';
import { asRule, codeRuleTester, files } from '../../helpers/rule-tester';

const ioredisHeader = "import Redis from 'ioredis';\nconst redis = new Redis();\n";
const nodeRedisHeader = "import { createClient } from 'redis';\nconst client = createClient();\n";

codeRuleTester().run('no-keys', asRule(rule), {
  valid: [
    // Precision traps: nothing here talks to Redis.
    { code: 'const o = { a: 1 }; Object.keys(o);', filename: files.ioredis },
    { code: 'const m = new Map(); for (const k of m.keys()) console.log(k);', filename: files.ioredis },
    { code: 'const s = new Set([1]); s.keys();', filename: files.ioredis },
    { code: '[1, 2].keys();', filename: files.ioredis },
    { code: "import _ from 'lodash'; _.keys({ a: 1 });", filename: files.ioredis },
    { code: "import knex from 'knex'; knex('users').select('id');", filename: files.ioredis },
    { code: 'const redis = new Map(); redis.keys();', filename: files.ioredis },
    { code: 'class Registry { keys() { return []; } } new Registry().keys();', filename: files.ioredis },
    { code: "import Redis from 'ioredis'; const map = new Map(); map.keys();", filename: files.ioredis },
    // A Redis client in the file does not make every .keys() a Redis call.
    { code: `${ioredisHeader}const cache = new Map(); cache.keys();`, filename: files.ioredis },
    // Lua that only reads its key arguments.
    { code: `${ioredisHeader}redis.eval("return redis.call('GET', KEYS[1])", 1, 'k');`, filename: files.ioredis },
    { code: `${ioredisHeader}redis.eval("-- redis.call('KEYS', '*') is too slow\\nreturn redis.call('GET', KEYS[1])", 1, 'k');`, filename: files.ioredis },
    // A long comment, and a `--` inside a Lua string that starts no comment.
    { code: `${ioredisHeader}redis.eval(\`--[[\n  redis.call('KEYS', '*') would block\n]]\nreturn redis.call('GET', KEYS[1])\`, 1, 'k');`, filename: files.ioredis },
    // SCAN is the answer, not a problem.
    { code: `${ioredisHeader}redis.scanStream({ match: 'a:*' });`, filename: files.ioredis },
    // A receiver named redis that is not a client, with no setting vouching for it.
    { code: 'function f(redis) { return redis.keys("*"); }', filename: files.ioredis },
  ],
  invalid: [
    // keysBuffer replies Buffers: a string SCAN and a Set of Buffers would change the reply, so no fix.
    {
      code: `${ioredisHeader}export const all = () => redis.keysBuffer('user:*');`,
      filename: files.ioredis,
      errors: [{ messageId: 'keys', line: 3, column: 26 }],
      output: null,
    },
    // An optional chain returns undefined for a missing client; the rewrite would throw: no fix.
    {
      code: `${ioredisHeader}declare const maybe: Redis | undefined;\nexport const all = () => maybe?.keys('user:*');`,
      filename: files.ioredis,
      errors: [{ messageId: 'keys', line: 4, column: 26 }],
      output: null,
    },
    // @redis/client 1.x is the client inside redis 4: scanIterator yields keys.
    {
      code: "import { createClient } from '@redis/client';\nconst client = createClient();\nexport const all = () => client.keys('user:*');",
      filename: files.nodeRedis4,
      settings: { redis: { versions: { '@redis/client': 1 } } },
      errors: [{ messageId: 'keys', line: 3, column: 26 }],
      output: "import { createClient } from '@redis/client';\nconst client = createClient();\nexport const all = () => (async () => {\n  const keys = new Set<string>();\n  for await (const key of client.scanIterator({ MATCH: 'user:*', COUNT: 1000 })) keys.add(key);\n  return [...keys];\n})();",
    },
    // Clients built straight from require(), and TypeScript's import = require.
    {
      code: "const client = require('redis').createClient();\nclient.keys('a*');",
      filename: files.nodeRedis4,
      errors: [{ messageId: 'keys', line: 2, column: 1 }],
      output: "const client = require('redis').createClient();\n(async () => {\n  const keys = new Set<string>();\n  for await (const key of client.scanIterator({ MATCH: 'a*', COUNT: 1000 })) keys.add(key);\n  return [...keys];\n})();",
    },
    {
      code: "import Redis = require('ioredis');\nconst redis = new Redis();\nredis.keys('a*');",
      filename: files.ioredis,
      errors: [{ messageId: 'keys', line: 3, column: 1 }],
      output: "import Redis = require('ioredis');\nconst redis = new Redis();\nredis.scanStream({ match: 'a*', count: 1000 }).toArray().then((pages) => [...new Set(pages.flat())]);",
    },
    // Lua run through sendCommand, a batch array, and node-redis defineScript.
    {
      code: `${nodeRedisHeader}client.sendCommand(['EVAL', "return redis.call('KEYS', '*')", '0']);`,
      filename: files.nodeRedis5,
      errors: [{ messageId: 'keysInLua', line: 3, column: 37 }],
    },
    {
      code: `${ioredisHeader}redis.multi([['eval', "return redis.call('KEYS', '*')", 0]]).exec();`,
      filename: files.ioredis,
      errors: [{ messageId: 'keysInLua', line: 3, column: 31 }],
    },
    {
      code: "import { createClient, defineScript } from 'redis';\nexport const client = createClient({\n  scripts: { purge: defineScript({ NUMBER_OF_KEYS: 0, SCRIPT: \"return redis.call('KEYS', '*')\", transformArguments: () => [] }) },\n});",
      filename: files.nodeRedis5,
      errors: [{ messageId: 'keysInLua', line: 3, column: 71 }],
    },
    {
      code: `${ioredisHeader}export const all = () => redis.keys('user:*');`,
      filename: files.ioredis,
      errors: [{ messageId: 'keys', line: 3, column: 26, endLine: 3, endColumn: 46 }],
      output: `${ioredisHeader}export const all = () => redis.scanStream({ match: 'user:*', count: 1000 }).toArray().then((pages) => [...new Set(pages.flat())]);`,
    },
    {
      // Upper-case method and a template pattern; `pages` is taken, so the callback parameter is renamed.
      code: `${ioredisHeader}async function f(pages: string) { return await redis.KEYS(\`\${pages}:*\`); }`,
      filename: files.ioredis,
      errors: [{ messageId: 'keys', line: 3, column: 48 }],
      output: `${ioredisHeader}async function f(pages: string) { return await redis.scanStream({ match: \`\${pages}:*\`, count: 1000 }).toArray().then((pages2) => [...new Set(pages2.flat())]); }`,
    },
    {
      code: `${nodeRedisHeader}async function f() {\n  const found = await client.keys('a:*');\n  return found;\n}`,
      filename: files.nodeRedis4,
      errors: [{ messageId: 'keys', line: 4, column: 23 }],
      output: `${nodeRedisHeader}async function f() {\n  const found = await (async () => {\n    const keys = new Set<string>();\n    for await (const key of client.scanIterator({ MATCH: 'a:*', COUNT: 1000 })) keys.add(key);\n    return [...keys];\n  })();\n  return found;\n}`,
    },
    {
      code: `${nodeRedisHeader}async function f() {\n  return client.KEYS('a:*');\n}`,
      filename: files.nodeRedis5Js,
      errors: [{ messageId: 'keys', line: 4, column: 10 }],
      output: `${nodeRedisHeader}async function f() {\n  return (async () => {\n    const keys = new Set();\n    for await (const page of client.scanIterator({ MATCH: 'a:*', COUNT: 1000 })) for (const key of page) keys.add(key);\n    return [...keys];\n  })();\n}`,
    },
    {
      // The pattern reads `key` and `keys`: the rewrite's own locals must not shadow them.
      code: `${nodeRedisHeader}async function f(key: string, keys: string) {\n  return client.keys(key + keys);\n}`,
      filename: files.nodeRedis5,
      errors: [{ messageId: 'keys', line: 4, column: 10 }],
      output: `${nodeRedisHeader}async function f(key: string, keys: string) {\n  return (async () => {\n    const found = new Set<string>();\n    for await (const page of client.scanIterator({ MATCH: key + keys, COUNT: 1000 })) for (const scannedKey of page) found.add(scannedKey);\n    return [...found];\n  })();\n}`,
    },
    {
      // Other written forms: report, but a raw command is not rewritten.
      code: `${ioredisHeader}redis.call('keys', '*');\nredis.call('KEYS', 'a');`,
      filename: files.ioredis,
      errors: [
        { messageId: 'keys', line: 3, column: 1 },
        { messageId: 'keys', line: 4, column: 1 },
      ],
    },
    {
      code: `${nodeRedisHeader}client.sendCommand(['KEYS', '*']);`,
      filename: files.nodeRedis4,
      errors: [{ messageId: 'keys', line: 3, column: 1 }],
    },
    {
      code: `${ioredisHeader}redis.pipeline().keys('*').exec();\nconst p = redis.multi();\np.keys('a*');`,
      filename: files.ioredis,
      errors: [
        { messageId: 'keysInBatch', line: 3, column: 1 },
        { messageId: 'keysInBatch', line: 5, column: 1 },
      ],
    },
    {
      // KEYS inside Lua: reported at the redis.call text, never rewritten.
      code: `${ioredisHeader}const script = "local ks = redis.call('KEYS', ARGV[1]) return #ks";\nredis.eval(script, 0, 'a:*');`,
      filename: files.ioredis,
      errors: [{ messageId: 'keysInLua', line: 3, column: 28, endLine: 3, endColumn: 45 }],
    },
    {
      code: `${ioredisHeader}redis.defineCommand('purge', { numberOfKeys: 0, lua: \`return redis.pcall("keys", ARGV[1])\` });`,
      filename: files.ioredis,
      errors: [{ messageId: 'keysInLua', line: 3, column: 62 }],
    },
    {
      code: `${nodeRedisHeader}client.scriptLoad("return redis.call('keys', '*')");`,
      filename: files.nodeRedis4,
      errors: [{ messageId: 'keysInLua', line: 3, column: 27 }],
    },
    {
      // A cluster's KEYS only reaches one node; there is no single-stream rewrite.
      code: "import { Cluster } from 'ioredis';\nconst cluster = new Cluster([]);\ncluster.keys('*');",
      filename: files.ioredis,
      errors: [{ messageId: 'keys', line: 3, column: 1 }],
    },
    {
      // Clients found through require, class fields, constructor injection and type annotations.
      code: "const Redis = require('ioredis');\nclass Repo {\n  constructor() { this.redis = new Redis(); }\n  all() { return this.redis.keys('*'); }\n}",
      filename: files.ioredisJs,
      errors: [{ messageId: 'keys', line: 4, column: 18 }],
      output: "const Redis = require('ioredis');\nclass Repo {\n  constructor() { this.redis = new Redis(); }\n  all() { return this.redis.scanStream({ match: '*', count: 1000 }).toArray().then((pages) => [...new Set(pages.flat())]); }\n}",
    },
    {
      code: "import type { RedisClientType } from 'redis';\nclass Repo {\n  constructor(private readonly client: RedisClientType) {}\n  all() { return this.client.keys('*'); }\n}",
      filename: files.nodeRedis4,
      errors: [{ messageId: 'keys', line: 4, column: 18 }],
      output: "import type { RedisClientType } from 'redis';\nclass Repo {\n  constructor(private readonly client: RedisClientType) {}\n  all() { return (async () => {\n    const keys = new Set<string>();\n    for await (const key of this.client.scanIterator({ MATCH: '*', COUNT: 1000 })) keys.add(key);\n    return [...keys];\n  })(); }\n}",
    },
    {
      // Unknown library (only the clientNames setting vouches for it): suggestions, no autofix.
      code: 'function f(redis) { return redis.keys("*"); }',
      filename: files.ioredisJs,
      settings: { redis: { clientNames: ['redis'] } },
      errors: [
        {
          messageId: 'keys',
          line: 1,
          column: 28,
          suggestions: [
            { messageId: 'suggestScan', data: { dialect: 'ioredis scanStream' }, output: 'function f(redis) { return redis.scanStream({ match: "*", count: 1000 }).toArray().then((pages) => [...new Set(pages.flat())]); }' },
            { messageId: 'suggestScan', data: { dialect: 'node-redis 4 scanIterator' }, output: 'function f(redis) { return (async () => {\n  const keys = new Set();\n  for await (const key of redis.scanIterator({ MATCH: "*", COUNT: 1000 })) keys.add(key);\n  return [...keys];\n})(); }' },
            { messageId: 'suggestScan', data: { dialect: 'node-redis 5+ scanIterator' }, output: 'function f(redis) { return (async () => {\n  const keys = new Set();\n  for await (const page of redis.scanIterator({ MATCH: "*", COUNT: 1000 })) for (const key of page) keys.add(key);\n  return [...keys];\n})(); }' },
          ],
        },
      ],
    },
    {
      // node-redis 3: callback API, reported without a rewrite.
      code: "const redis = require('redis');\nconst client = redis.createClient();\nclient.keys('*', (err, keys) => {});",
      filename: files.ioredisJs,
      settings: { redis: { versions: { redis: 3 } } },
      errors: [{ messageId: 'keys', line: 3, column: 1 }],
    },
  ],
});
