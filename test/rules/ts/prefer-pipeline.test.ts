import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import rule from '../../../rules/ts/prefer-pipeline';
import { asRule, codeRuleTester, files, fixAllPasses as fixAllPassesWith, fixturesDir } from '../../helpers/rule-tester';

const io = "import Redis from 'ioredis';\nconst redis = new Redis();\n";
const nr = "import { createClient } from 'redis';\nconst client = createClient();\n";
const fn = (header: string, body: string) => `${header}async function f(keys, results) {\n${body}\n}`;
// Type information: only the checker knows `shard` in `for (const shard of shards)` is a client.
const typedProject = join(fixturesDir, 'typed-project');
const typed = {
  filename: join(typedProject, 'src', 'usage.ts'),
  languageOptions: { parserOptions: { project: './tsconfig.json', tsconfigRootDir: typedProject } },
};

codeRuleTester().run('prefer-pipeline', asRule(rule), {
  valid: [
    // Precision traps: loops that are not Redis, or whose iterations depend on a reply.
    { code: 'async function f(arr) { const out = []; for (const x of arr) out.push(x * 2); return out; }', filename: files.ioredis },
    { code: `${io}async function f(urls) { for (const u of urls) await fetch(u); }`, filename: files.ioredis },
    { code: `${io}async function f(db, ids) { for (const id of ids) await db.query('select 1 where id = $1', [id]); }`, filename: files.ioredis },
    { code: `${io}async function f(m, keys) { const map = new Map(); for (const k of keys) map.set(k, await m.get(k)); }`, filename: files.ioredis },
    // Throttled on purpose: a timer between commands spares the server; one pipeline would send them all at once.
    { code: fn(io, "  for (const k of keys) {\n    await redis.del(k);\n    await sleep(10);\n  }"), filename: files.ioredis },
    { code: `import { setTimeout } from 'node:timers/promises';\n${fn(io, '  for (const k of keys) {\n    await redis.unlink(k);\n    await setTimeout(5);\n  }')}`, filename: files.ioredis },
    { code: fn(io, '  for (const k of keys) {\n    await redis.expire(k, 60);\n    await new Promise((resolve) => setTimeout(resolve, 20));\n  }'), filename: files.ioredis },
    // SCAN cursor loop: each call needs the previous cursor.
    {
      code: fn(io, "  let cursor = '0';\n  do {\n    const [next, found] = await redis.scan(cursor, 'MATCH', 'a:*');\n    cursor = next;\n    results.push(...found);\n  } while (cursor !== '0');"),
      filename: files.ioredis,
    },
    {
      code: fn(io, "  let cursor = 0;\n  while (true) {\n    const reply = await redis.get('c:' + cursor);\n    cursor = Number(reply);\n    if (cursor === 0) break;\n  }"),
      filename: files.ioredis,
    },
    // Draining a list: the loop stops on the reply.
    { code: fn(io, '  let job;\n  while ((job = await redis.lpop(keys[0]))) results.push(job);'), filename: files.ioredis },
    { code: fn(io, '  for (;;) {\n    const job = await redis.rpop(keys[0]);\n    if (!job) break;\n    results.push(job);\n  }'), filename: files.ioredis },
    // BullMQ-style worker loop: blocking pop, state that changes while waiting.
    { code: fn(io, "  while (!this.closing) {\n    const job = await redis.brpoplpush('wait', 'active', 5);\n    if (job) await redis.lrem('active', 1, job);\n  }"), filename: files.ioredis },
    { code: fn(io, "  while (running) {\n    await redis.set('heartbeat', Date.now());\n    await sleep(1000);\n  }"), filename: files.ioredis },
    { code: fn(nr, "  while (true) {\n    const item = await client.blPop('q', 0);\n    results.push(item);\n  }"), filename: files.nodeRedis4 },
    // Retries stop at the first success.
    { code: fn(io, "  for (let attempt = 0; attempt < 3; attempt++) {\n    if (await redis.set('lock', '1', 'NX')) return true;\n  }"), filename: files.ioredis },
    { code: fn(io, "  for (const k of keys) {\n    try { await redis.get(k); break; } catch {}\n  }"), filename: files.ioredis },
    // A value carried from one reply to the next command.
    { code: fn(io, "  let last = '';\n  for (const k of keys) {\n    await redis.set(k, last);\n    last = await redis.get(k + ':next');\n  }"), filename: files.ioredis },
    // Already batched, or written in the same tick.
    { code: fn(io, '  const p = redis.pipeline();\n  for (const k of keys) p.get(k);\n  return p.exec();'), filename: files.ioredis },
    { code: fn(io, '  return Promise.all(keys.map((k) => redis.get(k)));'), filename: files.ioredis },
    { code: fn(io, '  keys.forEach(async (k) => { await redis.del(k); });'), filename: files.ioredis },
    // Commands in a loop that are not awaited one by one.
    { code: fn(io, '  const pending = [];\n  for (const k of keys) pending.push(redis.get(k));\n  return Promise.all(pending);'), filename: files.ioredis },
    // A stream consumed as it arrives (the no-keys rewrite produces this shape).
    { code: fn(nr, "  for await (const key of client.scanIterator({ MATCH: 'a:*' })) await client.del(key);"), filename: files.nodeRedis4 },
    // WATCH needs the reply before the transaction.
    { code: fn(io, "  for (const k of keys) {\n    await redis.watch(k);\n    await redis.get(k);\n  }"), filename: files.ioredis },
    // Straight-line code is off by default.
    { code: `${io}async function f() {\n  await redis.set('a', 1);\n  await redis.set('b', 2);\n  await redis.set('c', 3);\n}`, filename: files.ioredis },
    // Chunked loops already send one batch per iteration: pipelining every chunk would rebuild the giant request.
    { code: fn(io, '  for (let i = 0; i < keys.length; i += 500) {\n    results.push(...(await redis.mget(keys.slice(i, i + 500).map((k) => `user:${k}`))));\n  }'), filename: files.ioredis },
    { code: fn(io, '  for (const chunk of keys) await redis.unlink(...chunk);'), filename: files.ioredis },
    { code: fn(nr, '  for (const chunk of keys) await client.del([chunk[0], chunk[1]]);'), filename: files.nodeRedis4 },
    {
      code: fn(io, '  for (const chunk of keys) {\n    const values = await redis.get(chunk[0]);\n    const p = redis.pipeline();\n    for (const k of chunk) p.set(k, values);\n    await p.exec();\n  }'),
      filename: files.ioredis,
    },
    // A receiver that changes with the iteration: each shard or node is its own connection and pays its
    // own round trip, and a pipeline built before the loop would not even see the loop's variable.
    {
      code: "import Redis from 'ioredis';\nexport async function w(shards: Redis[], byName: Record<string, Redis>, key: string) {\n  for (const shard of shards) await shard.del(key);\n  for (let i = 0; i < shards.length; i++) await shards[i].del(key);\n  for (const name in byName) await byName[name].del(key);\n}",
      ...typed,
    },
    {
      code: "import Redis from 'ioredis';\nconst cluster = new Redis.Cluster([{ host: 'a' }]);\nexport async function x() {\n  for (const node of cluster.nodes('master')) await node.dbsize();\n}",
      ...typed,
    },
    {
      code: "import Redis from 'ioredis';\nexport async function z(shards: Redis[], ids: number[], out: unknown[]) {\n  for (const id of ids) {\n    const c = shards[id % 2];\n    out.push(await c.get(String(id)));\n  }\n}",
      ...typed,
    },
    { code: fn(io, '  let c = redis;\n  for (const k of keys) {\n    c = c.duplicate();\n    await c.del(k);\n  }'), filename: files.ioredis },
    // The header reads what the body writes: how many iterations run depends on the replies.
    { code: fn(io, '  const found = [];\n  for (let i = 0; found.length < 10 && i < keys.length; i++) found.push(await redis.get(keys[i]));\n  return found;'), filename: files.ioredisJs },
    // Worklists grown from the replies (a BFS over a dependency graph).
    {
      code: fn(io, '  const queue = [keys[0]];\n  const seen = new Set(queue);\n  for (const node of queue) {\n    const children = await redis.smembers(`deps:${node}`);\n    for (const c of children) if (!seen.has(c)) { seen.add(c); queue.push(c); }\n  }'),
      filename: files.ioredisJs,
    },
    { code: fn(io, '  const pending = [keys[0]];\n  for (let i = 0; i < pending.length; i++) {\n    pending.push(...(await redis.smembers(`deps:${pending[i]}`)));\n  }'), filename: files.ioredisJs },
    { code: fn(io, '  const queue = [keys[0]];\n  for (const node of queue) {\n    const children = await redis.smembers(node);\n    children.forEach((c) => queue.push(c));\n  }'), filename: files.ioredisJs },
    // Each iteration reads what the previous one wrote, through the server.
    { code: fn(io, "  for (const item of keys) {\n    const prev = await redis.get('total');\n    await redis.set('total', Number(prev) + item);\n  }"), filename: files.ioredisJs },
    // Chunks sent as one command each: an array variable, as with a spread.
    { code: fn(io, '  for (let i = 0; i < keys.length; i += 500) {\n    const batch = keys.slice(i, i + 500);\n    await redis.unlink(batch);\n  }'), filename: files.ioredisJs },
    { code: "import { redis } from './client';\nexport async function q(chunks: string[][]) {\n  for (const batch of chunks) await redis.unlink(batch);\n}", ...typed },
    // `for await` over something that may be a stream stays silent.
    { code: fn(io, '  for await (const k of keys) await redis.del(k);'), filename: files.ioredisJs },
    // Straight-line: a destructured reply feeds the next command.
    {
      code: `${io}async function f() {\n  const { owner } = await redis.hgetall('lock');\n  await redis.del(\`session:\${owner}\`);\n}\nasync function g() {\n  const [first] = await redis.lrange('q', 0, 0);\n  await redis.lrem('q', 1, first);\n}`,
      filename: files.ioredis,
      options: [{ straightLine: 2 }],
    },
    // Bad input never crashes.
    { code: `${io}for (;;) {}\nwhile (x) await redis;\nfor (const k of ks) await redis[k]();`, filename: files.ioredis },
  ],
  invalid: [
    {
      // Results collected: the pipeline yields the same array; exec()'s [error, value] pairs are unwrapped.
      code: fn(io, '  for (const key of keys) {\n    results.push(await redis.get(key));\n  }'),
      filename: files.ioredisJs,
      errors: [{
        messageId: 'loop', line: 5, column: 24, endLine: 5, endColumn: 38,
        // MGET answers null for a hash key where GET throws WRONGTYPE: only a suggestion.
        suggestions: [{
          messageId: 'suggestMget',
          output: fn(io, '  const keysToRead = [];\n  for (const key of keys) {\n    keysToRead.push(key);\n  }\n  if (keysToRead.length > 0) for (const value of await redis.mget(keysToRead)) results.push(value);'),
        }],
      }],
      output: fn(io, '  const pipeline = redis.pipeline();\n  for (const key of keys) {\n    pipeline.get(key);\n  }\n  for (const [error, value] of (await pipeline.exec()) ?? []) {\n    if (error) throw error;\n    results.push(value);\n  }'),
    },
    {
      // Plain SETs: one MSET, nothing sent for an empty loop.
      code: fn(io, '  for (const item of keys) await redis.set(`item:${item.id}`, item.value);'),
      filename: files.ioredisJs,
      errors: [{ messageId: 'loop', line: 4, column: 34 }],
      output: fn(io, '  const entries = [];\n  for (const item of keys) {\n    entries.push(`item:${item.id}`, item.value);\n  }\n  if (entries.length > 0) await redis.mset(entries);'),
    },
    {
      code: fn(nr, '  for (const item of keys) await client.set(`item:${item.id}`, JSON.stringify(item));'),
      filename: files.nodeRedis5Js,
      errors: [{ messageId: 'loop', line: 4, column: 34 }],
      output: fn(nr, '  const entries = [];\n  for (const item of keys) {\n    entries.push([`item:${item.id}`, JSON.stringify(item)]);\n  }\n  if (entries.length > 0) await client.mSet(entries);'),
    },
    {
      // node-redis MSET rejects numbers that SET converts: a value of unknown type stays in a pipeline.
      code: fn(nr, '  for (const item of keys) await client.set(item.key, item.count);'),
      filename: files.nodeRedis4.replace(/\.ts$/, '.js'),
      errors: [{ messageId: 'loop', line: 4, column: 34 }],
      output: fn(nr, '  const pipeline = client.multi();\n  for (const item of keys) {\n    pipeline.set(item.key, item.count);\n  }\n  await pipeline.execAsPipeline();'),
    },
    {
      // Two commands per iteration, replies dropped: a failing command still throws.
      code: fn(io, "  for (const item of keys) {\n    await redis.set(`item:${item.id}`, JSON.stringify(item));\n    await redis.expire(`item:${item.id}`, 60);\n  }"),
      filename: files.ioredisJs,
      errors: [{ messageId: 'loop', line: 5, column: 11 }],
      output: fn(io, "  const pipeline = redis.pipeline();\n  for (const item of keys) {\n    pipeline.set(`item:${item.id}`, JSON.stringify(item));\n    pipeline.expire(`item:${item.id}`, 60);\n  }\n  for (const [error] of (await pipeline.exec()) ?? []) if (error) throw error;"),
    },
    {
      // Two commands, one collected; `pipeline` is taken so the batch gets another name.
      code: fn(io, '  const pipeline = 1;\n  for (let i = 0; i < keys.length; i++) {\n    await redis.incr(keys[i]);\n    results.push(await redis.ttl(keys[i]));\n  }'),
      filename: files.ioredis,
      errors: [{ messageId: 'loop', line: 6, column: 11 }],
      output: fn(io, '  const pipeline = 1;\n  const batch = redis.pipeline();\n  for (let i = 0; i < keys.length; i++) {\n    batch.incr(keys[i]);\n    batch.ttl(keys[i]);\n  }\n  const replies = (await batch.exec()) ?? [];\n  for (const [error] of replies) if (error) throw error;\n  for (let replyIndex = 0; replyIndex < replies.length; replyIndex += 2) {\n    results.push(replies[replyIndex + 1][1] as (typeof results)[number]);\n  }'),
    },
    {
      // node-redis 4: multi().execAsPipeline() rejects with the first error itself.
      code: fn(nr, '  for (const key of keys) results.push(await client.hGetAll(key));'),
      filename: files.nodeRedis4,
      errors: [{ messageId: 'loop', line: 4, column: 46 }],
      output: fn(nr, '  const pipeline = client.multi();\n  for (const key of keys) {\n    pipeline.hGetAll(key);\n  }\n  for (const value of await pipeline.execAsPipeline()) results.push(value as unknown as (typeof results)[number]);'),
    },
    {
      // node-redis 5, for...in, replies dropped.
      code: fn(nr, '  for (const field in keys) await client.DEL(field);'),
      filename: files.nodeRedis5Js,
      errors: [{ messageId: 'loop', line: 4, column: 35 }],
      output: fn(nr, '  const pipeline = client.multi();\n  for (const field in keys) {\n    pipeline.DEL(field);\n  }\n  await pipeline.execAsPipeline();'),
    },
    {
      // The lone body of an `if`: the statements need a block.
      code: fn(io, '  if (keys) for (const k of keys) await redis.del(k);'),
      filename: files.ioredisJs,
      errors: [{ messageId: 'loop', line: 4, column: 41 }],
      output: fn(io, '  if (keys) {\n    const pipeline = redis.pipeline();\n    for (const k of keys) {\n      pipeline.del(k);\n    }\n    for (const [error] of (await pipeline.exec()) ?? []) if (error) throw error;\n  }'),
    },
    // Other logic in the body would be reordered: no autofix, a two-pass suggestion.
    {
      code: fn(io, '  for (const k of keys) {\n    const v = await redis.get(k);\n    results.push(JSON.parse(v), Number(await redis.scard(k + \':s\')));\n  }'),
      filename: files.ioredisJs,
      errors: [{
        messageId: 'loop', line: 5, column: 21,
        suggestions: [{
          messageId: 'suggestTwoPass', data: { dialect: 'ioredis pipeline().exec()' },
          output: fn(io, "  const pipeline = redis.pipeline();\n  for (const k of keys) {\n    pipeline.get(k);\n    pipeline.scard(k + ':s');\n  }\n  const replies = ((await pipeline.exec()) ?? []).map(([error, value]) => {\n    if (error) throw error;\n    return value;\n  });\n  let replyIndex = 0;\n  for (const k of keys) {\n    const v = replies[replyIndex++];\n    results.push(JSON.parse(v), Number(replies[replyIndex++]));\n  }"),
        }],
      }],
    },
    {
      code: fn(nr, '  for (let i = 0; i < keys.length; i++) {\n    const hits = Number(await client.incr(keys[i]));\n    console.log(keys[i], hits);\n  }'),
      filename: files.nodeRedis5Js,
      errors: [{
        messageId: 'loop', line: 5, column: 31,
        suggestions: [{
          messageId: 'suggestTwoPass', data: { dialect: 'node-redis 5+ multi().execAsPipeline()' },
          output: fn(nr, '  const pipeline = client.multi();\n  for (let i = 0; i < keys.length; i++) {\n    pipeline.incr(keys[i]);\n  }\n  const replies = await pipeline.execAsPipeline();\n  let replyIndex = 0;\n  for (let i = 0; i < keys.length; i++) {\n    const hits = Number(replies[replyIndex++]);\n    console.log(keys[i], hits);\n  }'),
        }],
      }],
    },
    {
      // A command under an `if`, or reading a local of the body: no rewrite at all.
      code: fn(io, '  for (const k of keys) {\n    const v = await redis.get(k);\n    if (v) await redis.expire(k, 60);\n  }'),
      filename: files.ioredis,
      errors: [{ messageId: 'loop', line: 5, column: 21, suggestions: [] }],
    },
    {
      // XACK after the message is handled: queueing every XACK first would acknowledge messages before
      // they are handled, and a crash would lose them. Reported, but no two-pass suggestion.
      code: fn(io, "  for (const [id, fields] of keys) {\n    await results.handle(fields);\n    await redis.xack('events', 'mailer', id);\n  }"),
      filename: files.ioredis,
      errors: [{ messageId: 'loop', line: 6, column: 11, suggestions: [] }],
    },
    {
      // A counter the body moves: the first pass would read its value from before the loop every time.
      code: fn(io, "  let i = 0;\n  for (const k of keys) {\n    i++;\n    await redis.set(`slot:${i}`, k);\n    console.log(i);\n  }"),
      filename: files.ioredis,
      errors: [{ messageId: 'loop', line: 7, column: 11, suggestions: [] }],
    },
    {
      // A `continue` that skips the command: the first pass would queue it anyway and shift every reply.
      code: fn(io, "  for (const k of keys) {\n    if (!k) continue;\n    const v = await redis.get(k);\n    console.log(v);\n  }"),
      filename: files.ioredis,
      errors: [{ messageId: 'loop', line: 6, column: 21, suggestions: [] }],
    },
    {
      code: fn(io, '  for (const k of keys) {\n    const name = k.toUpperCase();\n    console.log(await redis.get(name));\n  }'),
      filename: files.ioredis,
      errors: [{ messageId: 'loop', line: 6, column: 23, suggestions: [] }],
    },
    {
      // An arithmetic counter bounds a while loop.
      code: fn(io, '  let i = 0;\n  while (i < keys.length) {\n    await redis.del(keys[i]);\n    i++;\n  }'),
      filename: files.ioredis,
      errors: [{ messageId: 'loop', line: 6, column: 11 }],
    },
    {
      // Cluster clients: a pipeline must stay in one slot, so no rewrite.
      code: "import { Cluster } from 'ioredis';\nconst cluster = new Cluster([]);\nasync function f(keys) {\n  for (const k of keys) await cluster.del(k);\n}",
      filename: files.ioredis,
      errors: [{ messageId: 'loop', line: 4, column: 31 }],
    },
    {
      // Library known, major unknown: one suggestion per node-redis major.
      code: "const { createClient } = require('redis');\nconst c = createClient();\nasync function f(keys) {\n  for (const k of keys) await c.del(k);\n}",
      filename: '/tmp/no-package/file.js',
      errors: [{
        messageId: 'loop', line: 4, column: 31,
        suggestions: [
          { messageId: 'suggestPipeline', data: { dialect: 'node-redis 4 multi().execAsPipeline()' }, output: "const { createClient } = require('redis');\nconst c = createClient();\nasync function f(keys) {\n  const pipeline = c.multi();\n  for (const k of keys) {\n    pipeline.del(k);\n  }\n  await pipeline.execAsPipeline();\n}" },
          { messageId: 'suggestPipeline', data: { dialect: 'node-redis 5+ multi().execAsPipeline()' }, output: "const { createClient } = require('redis');\nconst c = createClient();\nasync function f(keys) {\n  const pipeline = c.multi();\n  for (const k of keys) {\n    pipeline.del(k);\n  }\n  await pipeline.execAsPipeline();\n}" },
        ],
      }],
    },
    {
      // Two loops in one block: each fix spans the block its `const` lives in, so one pass rewrites the
      // first; the second is rewritten in the next pass with a name of its own (see the multipass test).
      code: fn(io, '  for (const k of keys) await redis.del(k);\n  for (const k of results) await redis.del(k);'),
      filename: files.ioredisJs,
      errors: [{ messageId: 'loop', line: 4, column: 31 }, { messageId: 'loop', line: 5, column: 34 }],
      output: fn(io, '  const pipeline = redis.pipeline();\n  for (const k of keys) {\n    pipeline.del(k);\n  }\n  for (const [error] of (await pipeline.exec()) ?? []) if (error) throw error;\n  for (const k of results) await redis.del(k);'),
    },
    {
      // A `const` in a `case` is scoped to the whole switch: `pipeline` is read in `default:` (an import
      // the new const would put in its temporal dead zone).
      code: "import Redis from 'ioredis';\nimport { pipeline } from 'node:stream/promises';\nconst redis = new Redis();\nexport async function o(kind, keys, src, dst) {\n  switch (kind) {\n    case 'purge':\n      for (const k of keys) await redis.del(k);\n      break;\n    default:\n      await pipeline(src, dst);\n  }\n}",
      filename: files.ioredisJs,
      errors: [{ messageId: 'loop', line: 7, column: 35 }],
      output: "import Redis from 'ioredis';\nimport { pipeline } from 'node:stream/promises';\nconst redis = new Redis();\nexport async function o(kind, keys, src, dst) {\n  switch (kind) {\n    case 'purge':\n      const batch = redis.pipeline();\n      for (const k of keys) {\n        batch.del(k);\n      }\n      for (const [error] of (await batch.exec()) ?? []) if (error) throw error;\n      break;\n    default:\n      await pipeline(src, dst);\n  }\n}",
    },
    {
      // A parameter shares the function body's names.
      code: `${io}async function f(keys, pipeline) {\n  for (const k of keys) await redis.del(k);\n}`,
      filename: files.ioredisJs,
      errors: [{ messageId: 'loop', line: 4, column: 31 }],
      output: `${io}async function f(keys, pipeline) {\n  const batch = redis.pipeline();\n  for (const k of keys) {\n    batch.del(k);\n  }\n  for (const [error] of (await batch.exec()) ?? []) if (error) throw error;\n}`,
    },
    {
      // `for await` over a known array walks known keys: reported like for-of (no rewrite of the `await`).
      code: fn(io, "  const names = ['a', 'b'];\n  for await (const k of names) await redis.del(k);"),
      filename: files.ioredisJs,
      errors: [{ messageId: 'loop', line: 5, column: 38, suggestions: [] }],
      output: null,
    },
    {
      code: `${io}export async function f(keys: string[]) {\n  for await (const k of keys) await redis.del(k);\n}`,
      filename: files.ioredis,
      errors: [{ messageId: 'loop', line: 4, column: 37 }],
      output: null,
    },
    {
      // TypeScript: \`const results = []\` evolves under --strict, and \`(typeof results)[number]\` would not
      // compile (TS7034), so no autofix; nor a two-pass suggestion, whose replies are typed unknown.
      code: `${io}export async function f(keys: string[]) {\n  const results = [];\n  for (const key of keys) results.push(await redis.get(key));\n  return results;\n}`,
      filename: files.ioredis,
      errors: [{ messageId: 'loop', line: 5, column: 46, suggestions: [] }],
      output: null,
    },
    {
      code: `${io}export async function f(ids: string[]) {\n  const out: Record<string, string> = {};\n  for (const id of ids) {\n    const raw = await redis.get(\`k:\${id}\`);\n    out[id] = raw ? raw.toUpperCase() : '';\n  }\n  return out;\n}`,
      filename: files.ioredis,
      errors: [{ messageId: 'loop', line: 6, column: 23, suggestions: [] }],
      output: null,
    },
    {
      // The body changes what a command reads: the first pass would send every old value.
      code: fn(io, '  for (const u of keys) {\n    u.visits++;\n    const v = await redis.set(`u:${u.id}`, u.visits);\n    results.push(v);\n  }'),
      filename: files.ioredisJs,
      errors: [{ messageId: 'loop', line: 6, column: 21, suggestions: [] }],
      output: null,
    },
    {
      code: fn(io, '  for (const u of keys) {\n    const v = await redis.set(`u:${u.id}`, u.visits);\n    touch(u);\n    console.log(v);\n  }'),
      filename: files.ioredisJs,
      errors: [{ messageId: 'loop', line: 5, column: 21, suggestions: [] }],
      output: null,
    },
    {
      // A reply read from a key the loop never writes is no dependency.
      code: fn(io, "  for (const item of keys) {\n    const rate = await redis.get('rate');\n    await redis.set(`total:${item}`, Number(rate) * item);\n  }"),
      filename: files.ioredisJs,
      errors: [{ messageId: 'loop', line: 5, column: 24, suggestions: [] }],
      output: null,
    },
    {
      // PUBLISH names no key: nothing a later GET could read back.
      code: fn(io, "  for (const m of keys) {\n    const prefix = await redis.get('prefix');\n    await redis.publish('events', prefix + m);\n  }"),
      filename: files.ioredisJs,
      errors: [{ messageId: 'loop', line: 5, column: 26, suggestions: [] }],
      output: null,
    },
    {
      // reduce with the previous step awaited into a local.
      code: fn(io, '  return keys.reduce(async (previousStep, k) => {\n    const acc = await previousStep;\n    acc[k] = await redis.get(k);\n    return acc;\n  }, Promise.resolve({}));'),
      filename: files.ioredisJs,
      errors: [{ messageId: 'reduce', line: 6, column: 20 }],
    },
    {
      // reduce over `await previous` serialises the elements.
      code: fn(io, '  await keys.reduce(async (previous, k) => {\n    await previous;\n    await redis.del(k);\n  }, Promise.resolve());'),
      filename: files.ioredis,
      errors: [{ messageId: 'reduce', line: 6, column: 11 }],
    },
    {
      // The straight-line option: three independent commands in a row.
      code: `${io}async function f() {\n  await redis.set('a', '1');\n  const b = await redis.get('b');\n  await redis.set('c', b);\n  await redis.set('d', '1');\n}`,
      filename: files.ioredis,
      options: [{ straightLine: 2 }],
      errors: [{ messageId: 'straightLine', data: { count: 2 }, line: 4, column: 9 }, { messageId: 'straightLine', data: { count: 2 }, line: 6, column: 9 }],
    },
  ],
});

/** ESLint's multipass --fix: every fix applied, none of them breaking the parse. */
function fixAllPasses(code: string, filename: string, options: unknown[] = []): string {
  const result = fixAllPassesWith('prefer-pipeline', rule, code, filename, options);
  expect(result.messages.filter((m) => m.fatal)).toEqual([]);
  return result.output;
}

describe('prefer-pipeline with several fixes in one file (multipass --fix)', () => {
  it('two loops in one block get a batch each, with names of their own', () => {
    const code = fn(io, '  const out = [];\n  for (const k of keys) out.push(await redis.hgetall(k));\n  for (const k of results) await redis.set(`copy:${k}`, k);\n  for (const k of results) await redis.expire(k, 60);\n  return out;');
    expect(fixAllPasses(code, files.ioredisJs)).toBe(fn(io, [
      '  const out = [];',
      '  const pipeline = redis.pipeline();',
      '  for (const k of keys) {',
      '    pipeline.hgetall(k);',
      '  }',
      '  for (const [error, value] of (await pipeline.exec()) ?? []) {',
      '    if (error) throw error;',
      '    out.push(value);',
      '  }',
      '  const entries = [];',
      '  for (const k of results) {',
      '    entries.push(`copy:${k}`, k);',
      '  }',
      '  if (entries.length > 0) await redis.mset(entries);',
      '  const batch = redis.pipeline();',
      '  for (const k of results) {',
      '    batch.expire(k, 60);',
      '  }',
      '  for (const [error] of (await batch.exec()) ?? []) if (error) throw error;',
      '  return out;',
    ].join('\n')));
  });

  it('loops in two cases of one switch, with a `pipeline` declared in a third', () => {
    const code = `${io}export async function o(kind, keys) {\n  switch (kind) {\n    case 'a':\n      for (const k of keys) await redis.del(k);\n      break;\n    case 'b':\n      for (const k of keys) await redis.unlink(k);\n      break;\n    default:\n      const pipeline = makePipeline();\n      pipeline.run();\n  }\n}`;
    expect(fixAllPasses(code, files.ioredisJs)).toBe(`${io}export async function o(kind, keys) {\n  switch (kind) {\n    case 'a':\n      const batch = redis.pipeline();\n      for (const k of keys) {\n        batch.del(k);\n      }\n      for (const [error] of (await batch.exec()) ?? []) if (error) throw error;\n      break;\n    case 'b':\n      const pipeline2 = redis.pipeline();\n      for (const k of keys) {\n        pipeline2.unlink(k);\n      }\n      for (const [error] of (await pipeline2.exec()) ?? []) if (error) throw error;\n      break;\n    default:\n      const pipeline = makePipeline();\n      pipeline.run();\n  }\n}`);
  });

  it('two node-redis loops collecting replies, and two MGET-free GET loops in TypeScript', () => {
    const code = `${nr}export async function f(keys: string[], a: unknown[], b: unknown[]) {\n  for (const k of keys) a.push(await client.get(k));\n  for (const k of keys) b.push(await client.ttl(k));\n}`;
    expect(fixAllPasses(code, files.nodeRedis5)).toBe(`${nr}export async function f(keys: string[], a: unknown[], b: unknown[]) {\n  const pipeline = client.multi();\n  for (const k of keys) {\n    pipeline.get(k);\n  }\n  for (const value of await pipeline.execAsPipeline()) a.push(value as unknown as (typeof a)[number]);\n  const batch = client.multi();\n  for (const k of keys) {\n    batch.ttl(k);\n  }\n  for (const value of await batch.execAsPipeline()) b.push(value as unknown as (typeof b)[number]);\n}`);
  });
});
