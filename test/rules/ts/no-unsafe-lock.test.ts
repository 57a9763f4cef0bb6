import rule from '../../../rules/ts/no-unsafe-lock';
import { asRule, codeRuleTester, files } from '../../helpers/rule-tester';

const ioredis = "import Redis from 'ioredis';\nconst redis = new Redis();\n";
const nodeRedis = "import { createClient } from 'redis';\nconst client = createClient();\n";
const script = "\"if redis.call('get', KEYS[1]) == ARGV[1] then return redis.call('del', KEYS[1]) else return 0 end\"";

codeRuleTester().run('no-unsafe-lock', asRule(rule), {
  valid: [
    // Not Redis.
    { filename: files.ioredis, code: 'const m = new Map<string, string>();\nm.set("lock:a", "t");\nm.delete("lock:a");' },
    // Leased locks released by compare-and-delete.
    { filename: files.ioredis, code: `${ioredis}async function run(id: string, token: string) {\n  await redis.set(\`lock:\${id}\`, token, 'PX', 30000, 'NX');\n  await redis.eval(${script}, 1, \`lock:\${id}\`, token);\n}` },
    { filename: files.nodeRedis4, code: `${nodeRedis}declare const token: string;\nclient.set('lock:report', token, { NX: true, PX: 30000 });` },
    { filename: files.nodeRedis5, code: `${nodeRedis}declare const token: string;\nclient.set('lock:report', token, { condition: 'NX', expiration: { type: 'PX', value: 30000 } });` },
    // Options computed at run time.
    { filename: files.ioredis, code: `${ioredis}declare const args: string[];\nredis.set('lock:a', 't', ...args);` },
    // SETNX as a plain set-once (no lock-like key, no EXPIRE), and a DEL of a key that is no lock.
    { filename: files.ioredis, code: `${ioredis}declare const id: string;\nredis.setnx(\`user:\${id}:created\`, Date.now());\nredis.del(\`user:\${id}\`);` },
    // SET NX as a set-once: no lock-like key, never released with DEL.
    { filename: files.ioredis, code: `${ioredis}declare const id: string;\nredis.set(\`user:\${id}:created\`, Date.now(), 'NX');` },
    { filename: files.nodeRedis5, code: `${nodeRedis}declare const id: string;\nclient.set(\`invite:\${id}\`, 'sent', { condition: 'NX' });` },
    // A generic wrapper: set-if-absent and remove on a caller's key are not a lock taken and released.
    { filename: files.ioredis, code: `import Redis from 'ioredis';\nexport class Cache {\n  constructor(private readonly redis: Redis) {}\n  async setIfAbsent(key: string, value: string) {\n    return this.redis.set(key, value, 'NX');\n  }\n  async remove(key: string) {\n    await this.redis.del(key);\n  }\n}` },
    // The lease is queued in the same MULTI: one round trip.
    { filename: files.ioredis, code: `${ioredis}declare const id: string;\nredis.multi().setnx(\`lock:\${id}\`, 'me').expire(\`lock:\${id}\`, 30).exec();` },
    // The owner is checked before the DEL.
    { filename: files.ioredis, code: `${ioredis}async function release(token: string) {\n  await redis.set('lock:a', token, 'EX', 10, 'NX');\n  if ((await redis.get('lock:a')) === token) await redis.del('lock:a');\n}` },
  ],
  invalid: [
    {
      filename: files.ioredis,
      code: `${ioredis}declare const token: string;\nredis.set('lock:report', token, 'NX');`,
      output: null,
      errors: [{
        messageId: 'noTtl', line: 4, column: 1,
        suggestions: [{ messageId: 'suggestLease', output: `${ioredis}declare const token: string;\nredis.set('lock:report', token, 'PX', 30000, 'NX');` }],
      }],
    },
    {
      filename: files.nodeRedis4,
      code: `${nodeRedis}declare const token: string;\nclient.set('lock:report', token, { NX: true });`,
      output: null,
      errors: [{
        messageId: 'noTtl', line: 4, column: 1,
        suggestions: [{ messageId: 'suggestLease', output: `${nodeRedis}declare const token: string;\nclient.set('lock:report', token, { NX: true, PX: 30000 });` }],
      }],
    },
    {
      filename: files.nodeRedis5,
      code: `${nodeRedis}declare const token: string;\nclient.set('lock:report', token, { condition: 'NX' });`,
      output: null,
      errors: [{
        messageId: 'noTtl', line: 4, column: 1,
        suggestions: [{ messageId: 'suggestLease', output: `${nodeRedis}declare const token: string;\nclient.set('lock:report', token, { condition: 'NX', expiration: { type: 'PX', value: 30000 } });` }],
      }],
    },
    {
      // SETNX then EXPIRE: two round trips.
      filename: files.ioredis,
      code: `${ioredis}async function acquire(name: string) {\n  const ok = await redis.setnx(\`job:\${name}\`, '1');\n  await redis.expire(\`job:\${name}\`, 30);\n  return ok === 1;\n}`,
      output: null,
      errors: [{ messageId: 'separateExpire', line: 4, column: 20 }],
    },
    {
      // Not lock-like by name, but released with DEL: a lock.
      filename: files.ioredis,
      code: `${ioredis}declare const id: string;\nredis.set(\`job:\${id}\`, 'me', 'NX');\nredis.del(\`job:\${id}\`);`,
      output: null,
      errors: [
        { messageId: 'noTtl', line: 4, column: 1, suggestions: [{ messageId: 'suggestLease', output: `${ioredis}declare const id: string;\nredis.set(\`job:\${id}\`, 'me', 'PX', 30000, 'NX');\nredis.del(\`job:\${id}\`);` }] },
        { messageId: 'unsafeRelease', line: 5, column: 1, suggestions: [] },
      ],
    },
    {
      filename: files.ioredis,
      code: `${ioredis}redis.setnx('lock:nightly', '1');`,
      output: null,
      errors: [{
        messageId: 'noTtl', line: 3, column: 1,
        suggestions: [{ messageId: 'suggestLease', output: `${ioredis}redis.set('lock:nightly', '1', 'PX', 30000, 'NX');` }],
      }],
    },
    {
      // SETNX replies 1/0 and SET NX replies OK/null: tested for truth, the suggestion keeps the branch.
      filename: files.nodeRedis4,
      code: `${nodeRedis}async function take(id: string) {\n  if (await client.setNX(\`lock:\${id}\`, 'me')) return true;\n  return false;\n}`,
      output: null,
      errors: [{
        messageId: 'noTtl', line: 4, column: 13,
        suggestions: [{ messageId: 'suggestLease', output: `${nodeRedis}async function take(id: string) {\n  if (await client.set(\`lock:\${id}\`, 'me', { NX: true, PX: 30000 })) return true;\n  return false;\n}` }],
      }],
    },
    {
      filename: files.nodeRedis5,
      code: `${nodeRedis}async function take(id: string) {\n  return !(await client.setNX(\`lock:\${id}\`, 'me'));\n}`,
      output: null,
      errors: [{
        messageId: 'noTtl', line: 4, column: 18,
        suggestions: [{ messageId: 'suggestLease', output: `${nodeRedis}async function take(id: string) {\n  return !(await client.set(\`lock:\${id}\`, 'me', { condition: 'NX', expiration: { type: 'PX', value: 30000 } }));\n}` }],
      }],
    },
    {
      // A reply compared with 1 would break on OK/null: no suggestion.
      filename: files.ioredis,
      code: `${ioredis}async function take() {\n  return (await redis.setnx('lock:nightly', '1')) === 1;\n}`,
      output: null,
      errors: [{ messageId: 'noTtl', line: 4, column: 17, suggestions: [] }],
    },
    {
      // SET NX then EXPIRE back to back: one SET NX EX, and the EXPIRE statement goes.
      filename: files.ioredis,
      code: `${ioredis}async function acquire(id: string) {\n  await redis.set(\`lock:\${id}\`, 'me', 'NX');\n  await redis.expire(\`lock:\${id}\`, 30);\n}`,
      output: null,
      errors: [{
        messageId: 'separateExpire', line: 4, column: 9,
        suggestions: [{
          messageId: 'suggestOneCommand', data: { unit: 'EX 30', expire: 'EXPIRE' },
          output: `${ioredis}async function acquire(id: string) {\n  await redis.set(\`lock:\${id}\`, 'me', 'EX', 30, 'NX');\n}`,
        }],
      }],
    },
    {
      filename: files.nodeRedis4,
      code: `${nodeRedis}async function acquire(id: string, ms: number) {\n  await client.setNX(\`lock:\${id}\`, 'me');\n  await client.pExpire(\`lock:\${id}\`, ms);\n}`,
      output: null,
      errors: [{
        messageId: 'separateExpire', line: 4, column: 9,
        suggestions: [{
          messageId: 'suggestOneCommand', data: { unit: 'PX ms', expire: 'PEXPIRE' },
          output: `${nodeRedis}async function acquire(id: string, ms: number) {\n  await client.set(\`lock:\${id}\`, 'me', { NX: true, PX: ms });\n}`,
        }],
      }],
    },
    {
      // A plain DEL release: suggestion of compare-and-delete with the lock's token.
      filename: files.ioredis,
      code: `${ioredis}async function withLock(id: string, token: string) {\n  await redis.set(\`lock:\${id}\`, token, 'PX', 30000, 'NX');\n  await redis.del(\`lock:\${id}\`);\n}`,
      output: null,
      errors: [{
        messageId: 'unsafeRelease', line: 5, column: 9,
        suggestions: [{
          messageId: 'suggestCompareAndDelete',
          output: `${ioredis}async function withLock(id: string, token: string) {\n  await redis.set(\`lock:\${id}\`, token, 'PX', 30000, 'NX');\n  await redis.eval(${script}, 1, \`lock:\${id}\`, token);\n}`,
        }],
      }],
    },
    {
      filename: files.nodeRedis5,
      code: `${nodeRedis}async function withLock(token: string) {\n  await client.set('lock:a', token, { NX: true, PX: 30000 });\n  await client.del('lock:a');\n}`,
      output: null,
      errors: [{
        messageId: 'unsafeRelease', line: 5, column: 9,
        suggestions: [{
          messageId: 'suggestCompareAndDelete',
          output: `${nodeRedis}async function withLock(token: string) {\n  await client.set('lock:a', token, { NX: true, PX: 30000 });\n  await client.eval(${script}, { keys: ['lock:a'], arguments: [String(token)] });\n}`,
        }],
      }],
    },
    {
      // Released in another function: the token is not in scope, so no suggestion.
      filename: files.ioredis,
      code: `${ioredis}export async function take(token: string) {\n  return redis.set('lock:a', token, 'EX', 10, 'NX');\n}\nexport async function release() {\n  await redis.del('lock:a');\n}`,
      output: null,
      errors: [{ messageId: 'unsafeRelease', line: 7, column: 9, suggestions: [] }],
    },
  ],
});
