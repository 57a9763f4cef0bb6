import { Linter } from 'eslint';
import * as tsParser from '@typescript-eslint/parser';
import { createRequire } from 'node:module';
import { expect, it } from 'vitest';
import { files } from '../../helpers/rule-tester';

const plugin = createRequire(__filename)('../../../dist/src/index.js');
const rules = { 'redis/require-ttl': 'error', 'redis/no-unbounded-collection': 'error', 'redis/no-non-atomic-expire': 'error', 'redis/no-unsafe-lock': 'error' } as const;

// Calls with missing, spread, computed or odd arguments: the rules must report or stay silent, never throw.
const odd = [
  'redis.set();', 'redis.set(...args);', "redis.set('session:1');", "redis.set('session:1', ...rest);", "redis.set(`session:${a}`, v, undefined);",
  'redis.setnx();', 'redis.mset();', "redis.mset({ 'session:1': 'x' });", "redis.hset('session:1');",
  'redis.lpush();', "redis.lpush(...['a', 'b']);", 'redis.xadd();', "redis.xadd('events');", "redis.xadd('events', ...x);",
  'redis.expire();', 'redis.del();', "redis.del('lock:a', 'lock:b');", 'redis.incr();', 'redis.get();',
  "redis['set'](`cache:${a}`, v);", 'redis[name](k, v);', "redis.set(k, v, 'NX', 'PX');", "redis.set(k, v, { NX: true, ...o });",
  "redis.set(`${a}${b}`, v); redis.expire(`${a}${b}`, 1);", "redis.set(('lock:' + a) as string, v, 'NX'); redis.del(('lock:' + a) as string);",
  "redis.lpush('a' + 1 + 2, v); redis.lpush(1 + 2 + 'a', v);", "redis.multi([['set', 'session:1', 'v'], ['expire', 'session:1', 1]]).exec();",
  "redis.call('SET', 'session:1'); redis.call(); redis.call(name, 'x');",
  "const n = await redis.incr('rate:' + a), m = 1; await redis.expire('rate:' + a, 1);",
  "label: { await redis.incr('rate:x'); await redis.expire('rate:x', 1); }",
  "switch (a) { case 1: await redis.incr('rate:x'); await redis.expire('rate:x', 1); }",
  "for (const x of y) { await redis.lpush('feed', x); }",
  "return async () => redis.set(`token:${a}`, 'v');",
  "redis.set(`session:${a}`, v).then(() => redis.expire(`session:${a}`, 1));",
];

it('never throws on odd calls, for each client library and each fixture project (dialect)', () => {
  const linter = new Linter({ configType: 'flat' });
  const config = [{ files: ['**/*.ts', '**/*.js'], plugins: { redis: plugin }, languageOptions: { parser: tsParser }, rules }];
  const headers = [
    "import Redis from 'ioredis';\nconst redis = new Redis();\ndeclare const args: any, rest: any, a: any, b: any, v: any, k: any, o: any, x: any, y: any, name: any;\n",
    "import { createClient } from 'redis';\nconst redis = createClient();\ndeclare const args: any, rest: any, a: any, b: any, v: any, k: any, o: any, x: any, y: any, name: any;\n",
  ];
  let checked = 0;
  for (const header of headers) {
    for (const filename of [files.ioredis, files.nodeRedis4, files.nodeRedis5]) {
      for (const body of odd) {
        const code = `${header}export async function f() {\n${body}\n}\n`;
        const messages = linter.verify(code, config, { filename });
        expect(messages.filter((m) => m.fatal || !m.ruleId)).toEqual([]);
        const fixed = linter.verifyAndFix(code, config, { filename });
        expect(fixed.messages.filter((m) => m.fatal)).toEqual([]);
        checked++;
      }
    }
  }
  expect(checked).toBe(odd.length * 6);
});
