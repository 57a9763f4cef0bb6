import rule from '../../../rules/ts/require-ttl';
import { asRule, codeRuleTester, files } from '../../helpers/rule-tester';

const ioredis = "import Redis from 'ioredis';\nconst redis = new Redis();\n";
const nodeRedis = "import { createClient } from 'redis';\nconst client = createClient();\n";

codeRuleTester().run('require-ttl', asRule(rule), {
  valid: [
    // Precision traps: not Redis.
    { filename: files.ioredis, code: 'const map = new Map<string, string>();\ndeclare const id: string;\nmap.set(`session:${id}`, "x");' },
    { filename: files.ioredis, code: 'declare const cache: { set(k: string, v: string, ttl: number): void };\ndeclare const id: string;\ncache.set(`session:${id}`, "x", 60);' },
    { filename: files.ioredis, code: 'declare const id: string;\nlocalStorage.setItem(`session:${id}`, "x");' },
    // A TTL in the command, in every spelling.
    { filename: files.ioredis, code: `${ioredis}declare const id: string;\nredis.set(\`session:\${id}\`, 'u', 'EX', 60);` },
    { filename: files.ioredis, code: `${ioredis}declare const id: string;\nredis.set(\`session:\${id}\`, 'u', 'px', 60000);` },
    { filename: files.ioredis, code: `${ioredis}declare const id: string;\nredis.set(\`session:\${id}\`, 'u', 'KEEPTTL');` },
    { filename: files.ioredis, code: `${ioredis}declare const id: string;\nredis.setex(\`session:\${id}\`, 60, 'u');` },
    { filename: files.ioredis, code: `${ioredis}declare const id: string;\nredis.call('SET', \`token:\${id}\`, 'u', 'EX', '60');` },
    { filename: files.nodeRedis4, code: `${nodeRedis}declare const id: string;\nclient.set(\`session:\${id}\`, 'u', { EX: 60 });` },
    { filename: files.nodeRedis5, code: `${nodeRedis}declare const id: string;\nclient.set(\`session:\${id}\`, 'u', { expiration: { type: 'EX', value: 60 } });` },
    { filename: files.nodeRedis5, code: `${nodeRedis}declare const id: string;\nclient.setEx(\`session:\${id}\`, 60, 'u');` },
    // An EXPIRE of the same key later in the function, pipeline or transaction.
    { filename: files.ioredis, code: `${ioredis}async function f(id: string) {\n  await redis.hset(\`session:\${id}\`, { a: 1 });\n  await redis.expire('session:' + id, 60);\n}` },
    { filename: files.ioredis, code: `${ioredis}declare const id: string;\nredis.multi().set(\`cache:\${id}\`, 'v').expire(\`cache:\${id}\`, 60).exec();` },
    { filename: files.ioredis, code: `${ioredis}declare const id: string;\nconst p = redis.pipeline();\np.set(\`cache:\${id}\`, 'v');\np.pexpire(\`cache:\${id}\`, 60000);\np.exec();` },
    // Options computed at run time: unknown, so silent.
    { filename: files.ioredis, code: `${ioredis}declare const id: string; declare const opts: ['EX', number];\nredis.set(\`session:\${id}\`, 'u', ...opts);` },
    { filename: files.nodeRedis4, code: `${nodeRedis}declare const id: string; declare const opts: { EX: number };\nclient.set(\`session:\${id}\`, 'u', opts);` },
    // Keys that carry no evidence of being temporary.
    { filename: files.ioredis, code: `${ioredis}declare const id: string;\nredis.set(\`user:\${id}\`, 'u');` },
    { filename: files.ioredis, code: `${ioredis}declare const id: string;\nredis.set(\`sessionless:\${id}\`, 'u');` },
    { filename: files.ioredis, code: `${ioredis}declare const key: string;\nredis.set(key, 'u');` },
    // Read-modify-write is not cache-aside: the reply is not tested for a miss.
    { filename: files.ioredis, code: `${ioredis}async function f(id: string) {\n  const v = await redis.get(\`counter:\${id}\`);\n  await redis.set(\`counter:\${id}\`, String(Number(v) + 1));\n}` },
    // "Set a default when absent" is not cache-aside: the reply is never served.
    { filename: files.ioredis, code: `${ioredis}async function init() {\n  const flags = await redis.get('config:flags');\n  if (!flags) await redis.set('config:flags', '{}');\n}` },
    // ignoreKeyPatterns wins; a lock without TTL is no-unsafe-lock's finding.
    { filename: files.ioredis, code: `${ioredis}declare const id: string;\nredis.set(\`session:\${id}\`, 'u');`, options: [{ ignoreKeyPatterns: ['session:*'] }] },
    { filename: files.ioredis, code: `${ioredis}declare const id: string;\nredis.set(\`lock:\${id}\`, 'u', 'NX');` },
    // GETEX later in the function sets the TTL too.
    { filename: files.ioredis, code: `${ioredis}async function f(id: string) {\n  await redis.set(\`session:\${id}\`, 'u');\n  await redis.getex(\`session:\${id}\`, 'EX', 60);\n}` },
    { filename: files.nodeRedis5, code: `${nodeRedis}client.sendCommand(['SET', 'session:1', 'x', 'EX', '60']);` },
    { filename: files.ioredis, code: `${ioredis}redis.multi([['set', 'session:1', 'v'], ['expire', 'session:1', 60]]).exec();` },
    // Lua is not read for key arguments.
    { filename: files.ioredis, code: `${ioredis}redis.eval("redis.call('SET', KEYS[1], ARGV[1])", 1, 'session:1', 'x');` },
  ],
  invalid: [
    {
      filename: files.ioredis,
      code: `${ioredis}const load = async (id: string) => {\n  const hit = await redis.get(\`page:\${id}\`);\n  if (hit !== null) return JSON.parse(hit);\n  await redis.set(\`page:\${id}\`, '{}');\n  return {};\n};`,
      output: null,
      errors: [{ messageId: 'noTtl', line: 6, column: 9, suggestions: [{ messageId: 'suggestTtl', output: `${ioredis}const load = async (id: string) => {\n  const hit = await redis.get(\`page:\${id}\`);\n  if (hit !== null) return JSON.parse(hit);\n  await redis.set(\`page:\${id}\`, '{}', 'EX', 3600);\n  return {};\n};` }] }],
    },
    {
      filename: files.ioredis,
      code: `${ioredis}declare const id: string;\nredis.set(\`session:\${id}\`, 'u');`,
      output: null,
      errors: [{
        messageId: 'noTtl', line: 4, column: 1,
        suggestions: [{ messageId: 'suggestTtl', output: `${ioredis}declare const id: string;\nredis.set(\`session:\${id}\`, 'u', 'EX', 3600);` }],
      }],
    },
    {
      // SET ... NX on a cache key keeps its condition: the TTL goes in front of it (ioredis's typings), or beside it.
      filename: files.ioredis,
      code: `${ioredis}declare const id: string;\nredis.set(\`cache:\${id}\`, 'v', 'NX');`,
      options: [{ ttlSeconds: 60 }],
      output: `${ioredis}declare const id: string;\nredis.set(\`cache:\${id}\`, 'v', 'EX', 60, 'NX');`,
      errors: [{ messageId: 'noTtl', line: 4, column: 1 }],
    },
    {
      filename: files.nodeRedis5,
      code: `${nodeRedis}declare const id: string;\nclient.set(\`cache:\${id}\`, 'v', { condition: 'NX' });`,
      output: null,
      errors: [{
        messageId: 'noTtl', line: 4, column: 1,
        suggestions: [{ messageId: 'suggestTtl', output: `${nodeRedis}declare const id: string;\nclient.set(\`cache:\${id}\`, 'v', { condition: 'NX', expiration: { type: 'EX', value: 3600 } });` }],
      }],
    },
    {
      // ttlSeconds turns the suggestion into an autofix.
      filename: files.ioredis,
      code: `${ioredis}declare const id: string;\nredis.set('otp:' + id, '123456');`,
      options: [{ ttlSeconds: 300 }],
      output: `${ioredis}declare const id: string;\nredis.set('otp:' + id, '123456', 'EX', 300);`,
      errors: [{ messageId: 'noTtl', line: 4, column: 1 }],
    },
    {
      filename: files.nodeRedis4,
      code: `${nodeRedis}declare const id: string;\nclient.set(\`cache:\${id}\`, 'v');`,
      options: [{ ttlSeconds: 60 }],
      output: `${nodeRedis}declare const id: string;\nclient.set(\`cache:\${id}\`, 'v', { EX: 60 });`,
      errors: [{ messageId: 'noTtl', line: 4, column: 1 }],
    },
    {
      filename: files.nodeRedis5,
      code: `${nodeRedis}declare const id: string;\nclient.SET(\`cache:\${id}\`, 'v');`,
      options: [{ ttlSeconds: 60 }],
      output: `${nodeRedis}declare const id: string;\nclient.SET(\`cache:\${id}\`, 'v', { expiration: { type: 'EX', value: 60 } });`,
      errors: [{ messageId: 'noTtl', line: 4, column: 1 }],
    },
    {
      // node-redis's documented client: `createClient().on('error', ...).connect()` is the client.
      filename: files.nodeRedis5,
      code: "import { createClient } from 'redis';\nconst client = await createClient().on('error', console.error).connect();\nexport const save = (id: string, t: string) => client.set(`token:refresh:${id}`, t);",
      options: [{ ttlSeconds: 900 }],
      output: "import { createClient } from 'redis';\nconst client = await createClient().on('error', console.error).connect();\nexport const save = (id: string, t: string) => client.set(`token:refresh:${id}`, t, { expiration: { type: 'EX', value: 900 } });",
      errors: [{ messageId: 'noTtl', line: 3, column: 48 }],
    },
    {
      // The cache-aside shape: GET, test for a miss, SET the same key.
      filename: files.ioredis,
      code: `${ioredis}async function load(id: string) {\n  const hit = await redis.get(\`user:\${id}\`);\n  if (hit) return hit;\n  await redis.set(\`user:\${id}\`, 'fresh');\n}`,
      output: null,
      errors: [{
        messageId: 'noTtl', line: 6, column: 9,
        suggestions: [{ messageId: 'suggestTtl', output: `${ioredis}async function load(id: string) {\n  const hit = await redis.get(\`user:\${id}\`);\n  if (hit) return hit;\n  await redis.set(\`user:\${id}\`, 'fresh', 'EX', 3600);\n}` }],
      }],
    },
    {
      // Hashes have no EX: reported, no rewrite.
      filename: files.ioredis,
      code: `${ioredis}declare const id: string;\nredis.hset(\`session:\${id}\`, 'user', 'u');`,
      output: null,
      errors: [{ messageId: 'noTtl', line: 4, column: 1, suggestions: [] }],
    },
    {
      // An EXPIRE in another function does not count; keyPatterns and checkAllKeys widen the rule.
      filename: files.ioredis,
      code: `${ioredis}declare const id: string;\nredis.append(\`audit:\${id}\`, 'x');\nredis.set('profile:1', 'x');`,
      options: [{ keyPatterns: ['audit:*'] }],
      output: null,
      errors: [{ messageId: 'noTtl', line: 4, column: 1, suggestions: [] }],
    },
    {
      filename: files.ioredis,
      code: `${ioredis}redis.set('profile:1', 'x');\nredis.mset('a', '1', 'tmp:b', '2');`,
      options: [{ checkAllKeys: true, ttlSeconds: 10 }],
      output: `${ioredis}redis.set('profile:1', 'x', 'EX', 10);\nredis.mset('a', '1', 'tmp:b', '2');`,
      errors: [{ messageId: 'noTtl', line: 3, column: 1 }, { messageId: 'noTtl', line: 4, column: 1, suggestions: [] }],
    },
    {
      // Every form of the command: call(), sendCommand(), a batch array. Reported without a rewrite.
      filename: files.nodeRedis5,
      code: `${nodeRedis}client.sendCommand(['SET', 'session:1', 'x']);`,
      options: [{ ttlSeconds: 60 }],
      output: null,
      errors: [{ messageId: 'noTtl', line: 3, column: 1, suggestions: [] }],
    },
    {
      filename: files.ioredis,
      code: `${ioredis}redis.call('set', 'tmp:upload', 'x');\nredis.multi([['set', 'cache:home', 'v'], ['get', 'cache:home']]).exec();`,
      options: [{ ttlSeconds: 60 }],
      output: null,
      errors: [{ messageId: 'noTtl', line: 3, column: 1, suggestions: [] }, { messageId: 'noTtl', line: 4, column: 14, suggestions: [] }],
    },
    {
      // Only the user's clientNames vouch for the receiver: the dialect is unknown, so no rewrite.
      filename: files.ioredis,
      code: 'declare const store: any; declare const id: string;\nstore.set(`sess:${id}`, "x");',
      settings: { redis: { clientNames: ['store'] } },
      output: null,
      errors: [{ messageId: 'noTtl', line: 2, column: 1, suggestions: [] }],
    },
  ],
});
