import rule from '../../../rules/ts/no-unbounded-collection';
import { asRule, codeRuleTester, files } from '../../helpers/rule-tester';

const ioredis = "import Redis from 'ioredis';\nconst redis = new Redis();\n";
const nodeRedis = "import { createClient } from 'redis';\nconst client = createClient();\n";
const ioredisJs = "const Redis = require('ioredis');\nconst redis = new Redis();\n";

codeRuleTester().run('no-unbounded-collection', asRule(rule), {
  valid: [
    // Not Redis.
    { filename: files.ioredis, code: 'const list: string[] = [];\nlist.push("x");\nconst s = new Set<string>();\ns.add("x");' },
    // A list another function of the file consumes is a queue.
    { filename: files.ioredis, code: `${ioredis}export async function enqueue(job: string) {\n  await redis.lpush('queue:mail', job);\n}\nexport async function work() {\n  return redis.brpop('queue:mail', 0);\n}` },
    { filename: files.ioredis, code: `${ioredis}const QUEUE = 'jobs';\nredis.rpush(QUEUE, 'j');\nredis.lmove('jobs', 'jobs:active', 'LEFT', 'RIGHT');` },
    // A consumer blocking on several queues consumes each of them, however the keys are passed.
    { filename: files.ioredis, code: `${ioredis}export async function produce(v: string) {\n  await redis.lpush('queue:high', v);\n  await redis.lpush('queue:low', v);\n}\nexport async function work() {\n  return redis.brpop('queue:high', 'queue:low', 0);\n}` },
    { filename: files.ioredis, code: `${ioredis}redis.rpush('q:a', 'j');\nredis.rpush('q:b', 'j');\nredis.blpop(['q:a', 'q:b'], 0);` },
    { filename: files.ioredis, code: `${ioredis}redis.rpush('q:a', 'j');\nredis.rpush('q:b', 'j');\nredis.lmpop(2, 'q:a', 'q:b', 'LEFT');` },
    { filename: files.nodeRedis5, code: `${nodeRedis}client.lPush('queue:high', 'j');\nclient.lPush('queue:low', 'j');\nclient.brPop(['queue:high', 'queue:low'], 0);` },
    { filename: files.nodeRedis5, code: `${nodeRedis}client.lPush('q:a', 'j');\nclient.lPush('q:b', 'j');\nclient.blmPop(0, ['q:a', 'q:b'], 'LEFT');` },
    // node-redis 4's command options come first; the key follows.
    { filename: files.nodeRedis4, code: `import { createClient, commandOptions } from 'redis';\nconst client = createClient();\nclient.lPush('jobs', 'j');\nclient.brPop(commandOptions({ isolated: true }), 'jobs', 0);` },
    { filename: files.ioredis, code: `${ioredis}redis.sadd('batch:a', 'x');\nredis.sadd('batch:b', 'x');\nredis.del('batch:a', 'batch:b');` },
    // Trimmed, expired or dropped.
    { filename: files.ioredis, code: `${ioredis}declare const id: string;\nredis.lpush(\`feed:\${id}\`, 'x');\nredis.ltrim('feed:' + id, 0, 99);` },
    { filename: files.ioredis, code: `${ioredis}declare const id: string;\nredis.sadd(\`seen:\${id}\`, 'x');\nredis.expire(\`seen:\${id}\`, 86400);` },
    { filename: files.ioredis, code: `${ioredis}redis.zadd('leaders', 1, 'a');\nredis.zremrangebyrank('leaders', 0, -101);` },
    { filename: files.ioredis, code: `${ioredis}redis.sadd('online', 'a');\nredis.srem('online', 'a');` },
    { filename: files.ioredis, code: `${ioredis}redis.sadd('batch', 'a');\nredis.del('batch');` },
    // Streams capped in the command or by XTRIM.
    { filename: files.ioredis, code: `${ioredis}redis.xadd('events', 'MAXLEN', '~', 1000, '*', 'a', 'b');` },
    { filename: files.ioredis, code: `${ioredis}redis.xadd('events', 'NOMKSTREAM', 'MINID', '~', '0-1', '*', 'a', 'b');` },
    { filename: files.ioredis, code: `${ioredis}redis.xadd('events', '*', 'a', 'b');\nredis.xtrim('events', 'MAXLEN', 100);` },
    { filename: files.nodeRedis5, code: `${nodeRedis}client.xAdd('events', '*', { a: 'b' }, { TRIM: { strategy: 'MAXLEN', threshold: 10 } });` },
    // Unknown: computed options, or a wrapper's bare key parameter.
    { filename: files.ioredis, code: `${ioredis}declare const args: string[];\nredis.xadd('events', ...args);` },
    { filename: files.nodeRedis5, code: `${nodeRedis}declare const opts: object;\nclient.xAdd('events', '*', { a: 'b' }, opts);` },
    { filename: files.ioredis, code: `${ioredis}export function push(key: string, v: string) {\n  return redis.lpush(key, v);\n}` },
  ],
  invalid: [
    {
      filename: files.ioredis,
      code: `${ioredis}export async function log(e: string) {\n  await redis.lpush('events', e);\n}`,
      output: null,
      errors: [{
        messageId: 'list', line: 4, column: 9,
        suggestions: [{
          messageId: 'suggestTrim',
          output: `${ioredis}export async function log(e: string) {\n  for (const [error] of (await redis.multi().lpush('events', e).ltrim('events', 0, 999).exec())!) if (error) throw error;\n}`,
        }],
      }],
    },
    {
      // maxLength makes it an autofix; RPUSH keeps the tail.
      filename: files.ioredisJs,
      code: `${ioredisJs}async function log(id, e) {\n  await redis.rpush(\`log:\${id}\`, e);\n}`,
      options: [{ maxLength: 50 }],
      output: `${ioredisJs}async function log(id, e) {\n  for (const [error] of await redis.multi().rpush(\`log:\${id}\`, e).ltrim(\`log:\${id}\`, -50, -1).exec()) if (error) throw error;\n}`,
      errors: [{ messageId: 'list', line: 4, column: 9 }],
    },
    {
      // The lone body of an if with an else: the rewrite gets a block, so the else stays the if's.
      filename: files.ioredisJs,
      code: `${ioredisJs}async function log(urgent, e) {\n  if (urgent) await redis.lpush('recent', e);\n  else console.log('skipped');\n}`,
      options: [{ maxLength: 100 }],
      output: `${ioredisJs}async function log(urgent, e) {\n  if (urgent) {\n    for (const [error] of await redis.multi().lpush('recent', e).ltrim('recent', 0, 99).exec()) if (error) throw error;\n  }\n  else console.log('skipped');\n}`,
      errors: [{ messageId: 'list', line: 4, column: 21 }],
    },
    {
      // A push on a batch variable as an if's lone body: its LTRIM is queued under the same condition.
      filename: files.ioredisJs,
      code: `${ioredisJs}async function log(urgent, e) {\n  const batch = redis.multi();\n  if (urgent) batch.lpush('recent', e);\n  await batch.exec();\n}`,
      options: [{ maxLength: 100 }],
      output: `${ioredisJs}async function log(urgent, e) {\n  const batch = redis.multi();\n  if (urgent) {\n    batch.lpush('recent', e);\n    batch.ltrim('recent', 0, 99);\n  }\n  await batch.exec();\n}`,
      errors: [{ messageId: 'list', line: 5, column: 15 }],
    },
    {
      // The reply is kept: the list length LPUSH returned.
      filename: files.nodeRedis4,
      code: `${nodeRedis}async function log(e: string) {\n  const length = await client.lPush('events', e);\n  return length;\n}`,
      options: [{ maxLength: 100 }],
      output: null,
      errors: [{
        messageId: 'list', line: 4, column: 24,
        suggestions: [{
          messageId: 'suggestTrim',
          output: `${nodeRedis}async function log(e: string) {\n  const [length] = await client.multi().lPush('events', e).lTrim('events', 0, 99).exec();\n  return length;\n}`,
        }],
      }],
    },
    {
      filename: files.nodeRedis5,
      code: `${nodeRedis}async function log(e: string) {\n  await client.LPUSH('events', e);\n}`,
      options: [{ maxLength: 100 }],
      output: `${nodeRedis}async function log(e: string) {\n  await client.multi().LPUSH('events', e).LTRIM('events', 0, 99).exec();\n}`,
      errors: [{ messageId: 'list', line: 4, column: 9 }],
    },
    {
      // A key that must not be evaluated twice, or a batch whose reply is used: reported, no rewrite.
      filename: files.ioredis,
      code: `${ioredis}declare function next(): string;\nconst replies = redis.pipeline().lpush('events', 'e').exec();\nredis.lpush('recent:' + next(), 'e');`,
      output: null,
      errors: [{ messageId: 'list', line: 4, column: 17, suggestions: [] }, { messageId: 'list', line: 5, column: 1, suggestions: [] }],
    },
    {
      // Already in a MULTI chain: the LTRIM is queued right after the push.
      filename: files.ioredis,
      code: `${ioredis}redis.multi().lpush('events', 'e').exec();`,
      output: null,
      errors: [{
        messageId: 'list', line: 3, column: 1,
        suggestions: [{ messageId: 'suggestTrim', output: `${ioredis}redis.multi().lpush('events', 'e').ltrim('events', 0, 999).exec();` }],
      }],
    },
    {
      // A batch variable: an LTRIM statement after the push, when no exec() reply is used.
      filename: files.nodeRedis5,
      code: `${nodeRedis}async function f(e: string) {\n  const batch = client.multi();\n  batch.rPush('log', e);\n  batch.incr('n');\n  await batch.exec();\n}`,
      options: [{ maxLength: 20 }],
      output: `${nodeRedis}async function f(e: string) {\n  const batch = client.multi();\n  batch.rPush('log', e);\n  batch.lTrim('log', -20, -1);\n  batch.incr('n');\n  await batch.exec();\n}`,
      errors: [{ messageId: 'list', line: 5, column: 3 }],
    },
    {
      filename: files.ioredis,
      code: `${ioredis}async function f(e: string) {\n  const batch = redis.pipeline();\n  batch.lpush('log', e);\n  return batch.exec();\n}`,
      options: [{ maxLength: 20 }],
      output: null,
      errors: [{ messageId: 'list', line: 5, column: 3, suggestions: [] }],
    },
    {
      filename: files.ioredis,
      code: `${ioredis}declare const id: string;\nredis.sadd(\`seen:\${id}\`, 'x');\nredis.zadd('scores', 1, 'a');`,
      output: null,
      errors: [{ messageId: 'set', line: 4, column: 1 }, { messageId: 'set', line: 5, column: 1 }],
    },
    {
      filename: files.ioredis,
      code: `${ioredis}redis.xadd('events', '*', 'type', 'click');`,
      options: [{ maxLength: 10000 }],
      output: `${ioredis}redis.xadd('events', 'MAXLEN', '~', 10000, '*', 'type', 'click');`,
      errors: [{ messageId: 'stream', line: 3, column: 1 }],
    },
    {
      filename: files.nodeRedis4,
      code: `${nodeRedis}client.xAdd('events', '*', { type: 'click' });`,
      output: null,
      errors: [{
        messageId: 'stream', line: 3, column: 1,
        suggestions: [{ messageId: 'suggestMaxlen', output: `${nodeRedis}client.xAdd('events', '*', { type: 'click' }, { TRIM: { strategy: 'MAXLEN', strategyModifier: '~', threshold: 1000 } });` }],
      }],
    },
  ],
});
