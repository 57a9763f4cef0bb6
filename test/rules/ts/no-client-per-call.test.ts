import { Linter } from 'eslint';
import { describe, expect, it } from 'vitest';
import rule from '../../../rules/ts/no-client-per-call';
import { asRule, codeRuleTester, files, fixAllPasses as fixAllPassesWith } from '../../helpers/rule-tester';

const io = "import Redis from 'ioredis';\n";
const nr = "import { createClient } from 'redis';\n";

codeRuleTester().run('no-client-per-call', asRule(rule), {
  valid: [
    // Precision traps: an SQL client per call is not Redis.
    { code: "import { Client } from 'pg';\nexport async function h() { const c = new Client(); await c.connect(); await c.end(); }", filename: files.ioredis },
    { code: "import knex from 'knex';\nexport async function h() { const db = knex({}); return db('t').select(); }", filename: files.ioredis },
    // Module-level clients are the fix.
    { code: `${io}const redis = new Redis();\nexport const h = () => redis.get('k');`, filename: files.ioredis },
    // Factories return the client; services keep it.
    { code: `${io}export function makeRedis(url) { return new Redis(url); }`, filename: files.ioredis },
    { code: `${io}export const makeRedis = (url) => new Redis(url);`, filename: files.ioredis },
    { code: `${io}class Cache { constructor() { this.redis = new Redis(); } }`, filename: files.ioredis },
    { code: `${io}class Cache { redis; onModuleInit() { this.redis = new Redis(); } }`, filename: files.ioredis },
    { code: `${io}let shared;\nexport function get() { if (!shared) shared = new Redis(); return shared; }`, filename: files.ioredis },
    { code: `${io}export function queue(name) { const connection = new Redis(); return new Queue(name, { connection }); }`, filename: files.ioredis },
    { code: `${io}export function register(app) { const redis = new Redis(); app.set('redis', redis); }`, filename: files.ioredis },
    // A main() or bootstrap called once at module level.
    { code: `${io}async function start() { const redis = new Redis(); await redis.ping(); }\nstart();`, filename: files.ioredis },
    { code: `${io}(async () => { const redis = new Redis(); await redis.ping(); await redis.quit(); })();`, filename: files.ioredis },
    { code: `${nr}export async function main() { const c = createClient(); await c.connect(); await c.set('a', '1'); await c.quit(); }`, filename: files.nodeRedis4 },
    // Subscriber mode, blocking pops and WATCH need a connection of their own.
    { code: `${nr}export async function listen(onMessage) { const sub = createClient(); await sub.connect(); await sub.subscribe('ch', onMessage); }`, filename: files.nodeRedis4 },
    { code: `${io}export async function next(q) { const r = new Redis(); const job = await r.brpop(q, 5); await r.quit(); return job; }`, filename: files.ioredis },
    { code: `${io}export async function tx(k) { const r = new Redis(); await r.watch(k); await r.multi().incr(k).exec(); await r.quit(); }`, filename: files.ioredis },
    // A side connection for a client the caller hands in (ioredis' cluster slot refresher).
    { code: `${io}export function refresh(node: Redis, done) { const side = node.duplicate({ retryStrategy: null }); side.on('error', done); side.cluster('SLOTS', done); }`, filename: files.ioredis },
    // Test hooks build a client per test on purpose.
    { code: `${io}it('works', async () => { const r = new Redis(); await r.ping(); await r.quit(); });`, filename: files.ioredis },
    { code: `${io}describe('x', () => { beforeEach(async () => { const r = new Redis(); await r.flushdb(); await r.quit(); }); });`, filename: files.ioredis },
    // A closure that keeps the client past the call: a factory of handlers, a timer.
    { code: `${io}export function makeHandler() { const r = new Redis(); return async (req) => r.get(req.id); }`, filename: files.ioredis },
    { code: `${io}export function makeHandlers() { const r = new Redis(); return { get: (id) => r.get(id) }; }`, filename: files.ioredis },
    { code: `${io}export function watch() { const r = new Redis(); setInterval(async () => { await r.ping(); }, 1000); }`, filename: files.ioredis },
    // AUTH as the caller's user: a per-tenant connection, which one shared client cannot be.
    { code: `${io}export async function tenantGet(user, pass, key) {\n  const r = new Redis({ host: process.env.REDIS_HOST });\n  await r.auth(user, pass);\n  const v = await r.get(key);\n  await r.quit();\n  return v;\n}`, filename: files.ioredis },
    // Bad input never crashes.
    { code: `${io}function f() { new Redis().x; const { a } = new Redis(); return new Redis()?.get; }`, filename: files.ioredis },
  ],
  invalid: [
    {
      // Connect, one command, quit: hoisted, the quit dropped.
      code: `${io}const options = { host: process.env.REDIS_HOST, port: 6379 };\n\n/** Loads a user. */\nexport async function handler(req) {\n  const redis = new Redis(options);\n  const user = await redis.get(\`user:\${req.id}\`);\n  await redis.quit();\n  return user;\n}`,
      filename: files.ioredisJs,
      errors: [{ messageId: 'perCall', line: 6, column: 17, endLine: 6, endColumn: 35 }],
      output: `${io}const options = { host: process.env.REDIS_HOST, port: 6379 };\n\nconst redis = new Redis(options);\n\n/** Loads a user. */\nexport async function handler(req) {\n  const user = await redis.get(\`user:\${req.id}\`);\n  return user;\n}`,
    },
    {
      // node-redis: connect once, every call awaits the same promise.
      code: `${nr}export async function handler(id: string) {\n  const client = createClient({ url: process.env.REDIS_URL });\n  await client.connect();\n  try {\n    return await client.get(id);\n  } finally {\n    await client.quit();\n  }\n}`,
      filename: files.nodeRedis4,
      errors: [{ messageId: 'perCall', line: 3, column: 18 }],
      output: `${nr}const client = createClient({ url: process.env.REDIS_URL });\nlet clientReady: Promise<unknown> | undefined;\n\nexport async function handler(id: string) {\n  await (clientReady ??= client.connect());\n  return await client.get(id);\n}`,
    },
    {
      // With a catch, only the emptied finally goes. Each fix spans the module its client moves to, so
      // one pass hoists only the first client (the multipass test below checks the second).
      code: `${io}export async function a(k) {\n  const r = new Redis();\n  try {\n    await r.incr(k);\n  } catch (e) {\n    console.error(e);\n  } finally {\n    await r.quit();\n  }\n}\nexport async function b(k) {\n  const r2 = new Redis();\n  try {\n    const v = await r2.get(k);\n    console.log(v);\n  } finally {\n    r2.disconnect();\n  }\n}`,
      filename: files.ioredisJs,
      errors: [{ messageId: 'perCall', line: 3, column: 13 }, { messageId: 'perCall', line: 13, column: 14 }],
      output: `${io}const r = new Redis();\n\nexport async function a(k) {\n  try {\n    await r.incr(k);\n  } catch (e) {\n    console.error(e);\n  }\n}\nexport async function b(k) {\n  const r2 = new Redis();\n  try {\n    const v = await r2.get(k);\n    console.log(v);\n  } finally {\n    r2.disconnect();\n  }\n}`,
    },
    {
      // A try whose block declares names keeps an empty finally.
      code: `${io}export async function b(k) {\n  const r2 = new Redis();\n  try {\n    const v = await r2.get(k);\n    console.log(v);\n  } finally {\n    r2.disconnect();\n  }\n}`,
      filename: files.ioredisJs,
      errors: [{ messageId: 'perCall', line: 3, column: 14 }],
      output: `${io}const r2 = new Redis();\n\nexport async function b(k) {\n  try {\n    const v = await r2.get(k);\n    console.log(v);\n  } finally {\n  }\n}`,
    },
    {
      // node-redis 5, connect chained in the initializer, a class method.
      code: `${nr}class Users {\n  async find(id) {\n    const c = await createClient().connect();\n    const user = await c.hGetAll(id);\n    await c.close();\n    return user;\n  }\n}`,
      filename: files.nodeRedis5Js,
      errors: [{ messageId: 'perCall', line: 4, column: 21 }],
      output: `${nr}const c = createClient();\nlet cReady;\n\nclass Users {\n  async find(id) {\n    await (cReady ??= c.connect());\n    const user = await c.hGetAll(id);\n    return user;\n  }\n}`,
    },
    {
      // Options from a module-level `let`: it may change after load, so only a suggestion.
      code: `${io}let url = 'redis://localhost';\nexport async function h() {\n  const r = new Redis(url);\n  return r.get('k');\n}`,
      filename: files.ioredisJs,
      errors: [{
        messageId: 'perCall', line: 4, column: 13,
        suggestions: [{ messageId: 'suggestShared', output: `${io}let url = 'redis://localhost';\nconst r = new Redis(url);\n\nexport async function h() {\n  return r.get('k');\n}` }],
      }],
    },
    {
      // node-redis with no version to read: the 4/5+ rewrite as a suggestion.
      code: "const { createClient } = require('redis');\nasync function h(id) {\n  const c = createClient();\n  await c.connect();\n  const v = await c.get(id);\n  await c.quit();\n  return v;\n}",
      filename: '/tmp/no-package/file.js',
      errors: [{
        messageId: 'perCall', line: 3, column: 13,
        suggestions: [{ messageId: 'suggestShared', output: "const { createClient } = require('redis');\nconst c = createClient();\nlet cReady;\n\nasync function h(id) {\n  await (cReady ??= c.connect());\n  const v = await c.get(id);\n  return v;\n}" }],
      }],
    },
    // Options built from the call's own arguments: no module-level rewrite exists.
    {
      code: `${io}export async function h(url) {\n  const r = new Redis(url);\n  return r.get('k');\n}`,
      filename: files.ioredis,
      errors: [{ messageId: 'perCall', line: 3, column: 13 }],
    },
    // The README's error listener moves with the client, registered once.
    {
      code: `${nr}export async function h() {\n  const c = createClient();\n  c.on('error', (err) => console.log('Redis Client Error', err));\n  await c.connect();\n  await c.set('a', '1');\n  await c.quit();\n}`,
      filename: files.nodeRedis4,
      errors: [{ messageId: 'perCall', line: 3, column: 13 }],
      output: `${nr}const c = createClient();\nc.on('error', (err) => console.log('Redis Client Error', err));\nlet cReady: Promise<unknown> | undefined;\n\nexport async function h() {\n  await (cReady ??= c.connect());\n  await c.set('a', '1');\n}`,
    },
    // A listener that reads the call's own values cannot move: reported, no autofix.
    {
      code: `${nr}export async function h(req) {\n  const c = createClient();\n  c.on('error', (err) => req.log(err));\n  await c.connect();\n  await c.set('a', '1');\n  await c.quit();\n}`,
      filename: files.nodeRedis4,
      errors: [{ messageId: 'perCall', line: 3, column: 13 }],
    },
    // `redis` is already a module-level name: reported, no autofix.
    {
      code: `${io}const redis = 1;\nexport async function h() {\n  const redis = new Redis();\n  await redis.set('a', '1');\n}`,
      filename: files.ioredis,
      errors: [{ messageId: 'perCall', line: 4, column: 17 }],
    },
    // duplicate() per call.
    {
      code: `${io}const base = new Redis();\nexport async function h() {\n  const r = base.duplicate();\n  await r.set('a', '1');\n  await r.quit();\n}`,
      filename: files.ioredis,
      errors: [{ messageId: 'perCall', line: 4, column: 13 }],
    },
    // The constructor must exist at module level before the function: a require() inside the function,
    // or a binding declared below it, would be a ReferenceError or in its temporal dead zone.
    {
      code: "export async function h(key) {\n  const Redis = require('ioredis');\n  const r = new Redis();\n  const v = await r.get(key);\n  await r.quit();\n  return v;\n}",
      filename: files.ioredisJs,
      errors: [{ messageId: 'perCall', line: 3, column: 13, suggestions: [] }],
      output: null,
    },
    {
      code: "async function h(key) {\n  const r = new Redis();\n  const v = await r.get(key);\n  await r.quit();\n  return v;\n}\nconst Redis = require('ioredis');\nmodule.exports = { h };",
      filename: files.ioredisJs,
      errors: [{ messageId: 'perCall', line: 2, column: 13, suggestions: [] }],
      output: null,
    },
    // A callback run on the spot still runs per call.
    {
      code: `${io}export async function h(ids) {\n  const r = new Redis();\n  const values = await Promise.all(ids.map((id) => r.get(id)));\n  await r.quit();\n  return values;\n}`,
      filename: files.ioredisJs,
      errors: [{ messageId: 'perCall', line: 3, column: 13 }],
      output: `${io}const r = new Redis();\n\nexport async function h(ids) {\n  const values = await Promise.all(ids.map((id) => r.get(id)));\n  return values;\n}`,
    },
    // A callback per request.
    {
      code: `${io}app.get('/u', async (req, res) => {\n  const redis = new Redis();\n  res.send(await redis.get(req.query.id));\n  redis.disconnect();\n});`,
      filename: files.ioredisJs,
      errors: [{ messageId: 'perCall', line: 3, column: 17 }],
      output: `${io}const redis = new Redis();\n\napp.get('/u', async (req, res) => {\n  res.send(await redis.get(req.query.id));\n});`,
    },
  ],
});

/** ESLint's multipass --fix: each pass applies the fixes that do not overlap, the next pass lints the result. */
function fixAllPasses(code: string, filename: string): Linter.FixReport {
  const result = fixAllPassesWith('no-client-per-call', rule, code, filename);
  expect(result.messages.filter((m) => m.fatal)).toEqual([]);
  return result;
}

describe('no-client-per-call with several handlers in one file (multipass --fix)', () => {
  it('hoists each client in its own pass, each with its own connect promise', () => {
    const code = `${nr}export async function a(id) {\n  const reader = createClient({ url: process.env.REDIS_URL });\n  await reader.connect();\n  const v = await reader.get(id);\n  await reader.quit();\n  return v;\n}\nexport async function b(id) {\n  const writer = createClient({ url: process.env.REDIS_URL });\n  await writer.connect();\n  await writer.set(id, '1');\n  await writer.disconnect();\n}`;
    const { output, messages } = fixAllPasses(code, files.nodeRedis5Js);
    expect(messages).toEqual([]);
    expect(output).toBe(`${nr}const reader = createClient({ url: process.env.REDIS_URL });\nlet readerReady;\n\nexport async function a(id) {\n  await (readerReady ??= reader.connect());\n  const v = await reader.get(id);\n  return v;\n}\nconst writer = createClient({ url: process.env.REDIS_URL });\nlet writerReady;\n\nexport async function b(id) {\n  await (writerReady ??= writer.connect());\n  await writer.set(id, '1');\n}`);
  });

  it('two handlers naming their clients alike: the second is left reported, never declared twice', () => {
    const code = `${io}export async function a(id) {\n  const redis = new Redis({ host: process.env.REDIS_HOST });\n  const v = await redis.get(\`a:\${id}\`);\n  await redis.quit();\n  return v;\n}\nexport async function b(id) {\n  const redis = new Redis({ host: process.env.REDIS_HOST, db: 2 });\n  const v = await redis.get(\`b:\${id}\`);\n  await redis.quit();\n  return v;\n}`;
    const { output, messages } = fixAllPasses(code, files.ioredisJs);
    expect(messages.map((m) => [m.messageId, m.line])).toEqual([['perCall', 9]]);
    expect(output).toBe(`${io}const redis = new Redis({ host: process.env.REDIS_HOST });\n\nexport async function a(id) {\n  const v = await redis.get(\`a:\${id}\`);\n  return v;\n}\nexport async function b(id) {\n  const redis = new Redis({ host: process.env.REDIS_HOST, db: 2 });\n  const v = await redis.get(\`b:\${id}\`);\n  await redis.quit();\n  return v;\n}`);
  });
});
