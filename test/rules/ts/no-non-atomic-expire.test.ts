import rule from '../../../rules/ts/no-non-atomic-expire';
import { describe, expect, it } from 'vitest';
import { asRule, codeRuleTester, files, fixAllPasses } from '../../helpers/rule-tester';

const ioredis = "import Redis from 'ioredis';\nconst redis = new Redis();\n";
const ioredisJs = "const Redis = require('ioredis');\nconst redis = new Redis();\n";
const nodeRedis = "import { createClient } from 'redis';\nconst client = createClient();\n";

codeRuleTester().run('no-non-atomic-expire', asRule(rule), {
  valid: [
    // Not Redis.
    { filename: files.ioredis, code: 'declare const m: { incr(k: string): void; expire(k: string, s: number): void };\nm.incr("a");\nm.expire("a", 1);' },
    // Already one MULTI, one pipeline, or a TTL in the write.
    { filename: files.ioredis, code: `${ioredis}declare const id: string;\nredis.multi().set(\`cache:\${id}\`, 'v').expire(\`cache:\${id}\`, 60).exec();` },
    { filename: files.ioredis, code: `${ioredis}declare const k: string;\nconst m = redis.multi();\nm.incr(k);\nm.expire(k, 60);\nm.exec();` },
    { filename: files.ioredis, code: `${ioredis}declare const k: string;\nasync function f() {\n  await redis.setex(k, 60, 'v');\n  await redis.expire(k, 120);\n}` },
    // The write already expires: a crash between the two leaves the first TTL, not none.
    { filename: files.ioredis, code: `${ioredis}declare const k: string;\nasync function f() {\n  await redis.set(k, 'v', 'EX', 60);\n  await redis.expire(k, 120);\n}` },
    { filename: files.nodeRedis4, code: `${nodeRedis}declare const k: string;\nasync function f() {\n  await client.set(k, 'v', { PX: 500 });\n  await client.pExpire(k, 900);\n}` },
    // Different keys, different functions.
    { filename: files.ioredis, code: `${ioredis}async function f(a: string, b: string) {\n  await redis.incr(\`rate:\${a}\`);\n  await redis.expire(\`rate:\${b}\`, 60);\n}` },
    { filename: files.ioredis, code: `${ioredis}async function f(k: string) {\n  await redis.incr(k);\n}\nasync function g(k: string) {\n  await redis.expire(k, 60);\n}` },
    // SETNX or SET NX + EXPIRE is no-unsafe-lock's finding (a MULTI would still refresh another holder's lease).
    { filename: files.ioredis, code: `${ioredis}async function f(id: string) {\n  await redis.set(\`lock:\${id}\`, 'me', 'NX');\n  await redis.expire(\`lock:\${id}\`, 30);\n}` },
    // SETNX + EXPIRE is no-unsafe-lock's finding.
    { filename: files.ioredis, code: `${ioredis}async function f(k: string) {\n  await redis.setnx(k, '1');\n  await redis.expire(k, 60);\n}` },
    // A GET that is not compared, or a WATCHed transaction.
    { filename: files.ioredis, code: `${ioredis}async function f(k: string) {\n  const v = await redis.get(k);\n  console.log(v);\n  await redis.incr(k);\n}` },
    { filename: files.ioredis, code: `${ioredis}async function f(k: string) {\n  await redis.watch(k);\n  const v = await redis.get(k);\n  if (Number(v) >= 10) return;\n  await redis.multi().incr(k).exec();\n}` },
  ],
  invalid: [
    {
      filename: files.ioredisJs,
      code: `${ioredisJs}async function hit(ip) {\n  const count = await redis.incr(\`rate:\${ip}\`);\n  await redis.expire(\`rate:\${ip}\`, 60);\n  return count;\n}`,
      output: `${ioredisJs}async function hit(ip) {\n  const [[writeError, count], [expireError]] = await redis.multi().incr(\`rate:\${ip}\`).expire(\`rate:\${ip}\`, 60).exec();\n  if (writeError || expireError) throw writeError || expireError;\n  return count;\n}`,
      errors: [{ messageId: 'separate', line: 5, column: 9 }],
    },
    {
      // Names the rewrite declares never clash with the function's own.
      filename: files.ioredisJs,
      code: `${ioredisJs}async function hit(ip, writeError) {\n  const n = await redis.incr(ip);\n  await redis.expire(ip, 60);\n  return [n, writeError];\n}`,
      output: `${ioredisJs}async function hit(ip, writeError) {\n  const [[writeError2, n], [expireError]] = await redis.multi().incr(ip).expire(ip, 60).exec();\n  if (writeError2 || expireError) throw writeError2 || expireError;\n  return [n, writeError];\n}`,
      errors: [{ messageId: 'separate', line: 5, column: 9 }],
    },
    {
      // In TypeScript a bound reply would change type: a suggestion.
      filename: files.ioredis,
      code: `${ioredis}async function hit(ip: string) {\n  const count = await redis.incr(\`rate:\${ip}\`);\n  await redis.expire(\`rate:\${ip}\`, 60);\n  return count;\n}`,
      output: null,
      errors: [{
        messageId: 'separate', line: 5, column: 9,
        suggestions: [{
          messageId: 'suggestMulti',
          output: `${ioredis}async function hit(ip: string) {\n  const [[writeError, count], [expireError]] = (await redis.multi().incr(\`rate:\${ip}\`).expire(\`rate:\${ip}\`, 60).exec())!;\n  if (writeError || expireError) throw writeError || expireError;\n  return count;\n}`,
        }],
      }],
    },
    {
      // The reply is unused: an autofix in TypeScript too.
      filename: files.ioredis,
      code: `${ioredis}async function touch(id: string) {\n  await redis.hincrby(\`stats:\${id}\`, 'views', 1);\n  await redis.expire(\`stats:\${id}\`, 3600);\n}`,
      output: `${ioredis}async function touch(id: string) {\n  for (const [error] of (await redis.multi().hincrby(\`stats:\${id}\`, 'views', 1).expire(\`stats:\${id}\`, 3600).exec())!) if (error) throw error;\n}`,
      errors: [{ messageId: 'separate', line: 5, column: 9 }],
    },
    {
      filename: files.nodeRedis4,
      code: `${nodeRedis}async function hit(ip: string) {\n  await client.incr(\`rate:\${ip}\`);\n  await client.expire(\`rate:\${ip}\`, 60);\n}`,
      output: `${nodeRedis}async function hit(ip: string) {\n  await client.multi().incr(\`rate:\${ip}\`).expire(\`rate:\${ip}\`, 60).exec();\n}`,
      errors: [{ messageId: 'separate', line: 5, column: 9 }],
    },
    {
      filename: files.nodeRedis5Js,
      code: "const { createClient } = require('redis');\nconst client = createClient();\nasync function hit(ip) {\n  let n = await client.INCR('rate:' + ip);\n  await client.PEXPIRE('rate:' + ip, 60000);\n  return n;\n}",
      output: "const { createClient } = require('redis');\nconst client = createClient();\nasync function hit(ip) {\n  let [n] = await client.multi().INCR('rate:' + ip).PEXPIRE('rate:' + ip, 60000).exec();\n  return n;\n}",
      errors: [{ messageId: 'separate', line: 5, column: 9 }],
    },
    {
      // A conditional EXPIRE (first hit only) must stay conditional: reported, no rewrite.
      filename: files.ioredis,
      code: `${ioredis}async function hit(ip: string) {\n  const n = await redis.incr(\`rate:\${ip}\`);\n  if (n === 1) await redis.expire(\`rate:\${ip}\`, 60);\n}`,
      output: null,
      errors: [{ messageId: 'separate', line: 5, column: 22, suggestions: [] }],
    },
    {
      filename: files.ioredis,
      code: `${ioredis}async function store(id: string) {\n  await redis.set(\`cache:\${id}\`, 'v');\n  await redis.expire(\`cache:\${id}\`, 60);\n}`,
      output: `${ioredis}async function store(id: string) {\n  for (const [error] of (await redis.multi().set(\`cache:\${id}\`, 'v').expire(\`cache:\${id}\`, 60).exec())!) if (error) throw error;\n}`,
      errors: [{ messageId: 'separate', line: 5, column: 9 }],
    },
    {
      // Check-then-act: GET, compare, INCR.
      filename: files.ioredis,
      code: `${ioredis}async function allow(ip: string) {\n  const used = await redis.get(\`limit:\${ip}\`);\n  if (Number(used) >= 100) return false;\n  await redis.incr(\`limit:\${ip}\`);\n  return true;\n}`,
      output: null,
      errors: [{ messageId: 'checkThenAct', line: 6, column: 9 }],
    },
  ],
});

describe('no-non-atomic-expire with several rewrites in one block (multipass --fix)', () => {
  it('gives each MULTI error names of its own', () => {
    const code = `${ioredisJs}async function hit(id) {\n  const a = await redis.incr(\`rate:a:\${id}\`);\n  await redis.expire(\`rate:a:\${id}\`, 60);\n  const b = await redis.incr(\`rate:b:\${id}\`);\n  await redis.expire(\`rate:b:\${id}\`, 60);\n  return a + b;\n}`;
    const result = fixAllPasses('no-non-atomic-expire', rule, code, files.ioredisJs);
    expect(result.messages).toEqual([]);
    expect(result.output).toBe(`${ioredisJs}async function hit(id) {\n` +
      '  const [[writeError, a], [expireError]] = await redis.multi().incr(`rate:a:${id}`).expire(`rate:a:${id}`, 60).exec();\n' +
      '  if (writeError || expireError) throw writeError || expireError;\n' +
      '  const [[writeError2, b], [expireError2]] = await redis.multi().incr(`rate:b:${id}`).expire(`rate:b:${id}`, 60).exec();\n' +
      '  if (writeError2 || expireError2) throw writeError2 || expireError2;\n' +
      '  return a + b;\n}');
  });
});
