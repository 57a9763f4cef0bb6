import { afterAll, beforeAll, expect, it } from 'vitest';
import { describeWithRedis, startRedis, type RunningRedis } from '../helpers/redis-server';
import { fixCode, type Flavor } from '../helpers/equivalence';
import { runBoth } from '../helpers/run-both';

const flavors: Flavor[] = ['ioredis', 'ioredis5', 'redis4', 'redis5'];
const maxLength = 10;

/** A module with `push(e)` doing one LPUSH or RPUSH, `read()` returning the list, and an XADD logger. */
function snippet(flavor: Flavor, push: 'lpush' | 'rpush'): string {
  if (flavor.startsWith('ioredis')) {
    return `const Redis = require('ioredis');
const redis = new Redis(options);
module.exports = {
  push: async (e) => {
    await redis.${push}('recent:events', e);
  },
  log: async (i) => {
    await redis.xadd('audit:stream', '*', 'n', String(i));
  },
  pushBatch: async (e) => {
    const batch = redis.pipeline();
    batch.${push}('batched:events', e);
    batch.incr('pushes');
    await batch.exec();
  },
  read: async () => [await redis.lrange('recent:events', 0, -1), await redis.xlen('audit:stream'), await redis.xrevrange('audit:stream', '+', '-', 'COUNT', 3), await redis.lrange('batched:events', 0, -1), await redis.get('pushes')],
  close: () => redis.quit(),
};
`;
  }
  const method = push === 'lpush' ? 'lPush' : 'rPush';
  return `const { createClient } = require('redis');
const client = createClient(options);
const ready = client.connect();
module.exports = {
  push: async (e) => {
    await ready;
    await client.${method}('recent:events', e);
  },
  log: async (i) => {
    await ready;
    await client.xAdd('audit:stream', '*', { n: String(i) });
  },
  pushBatch: async (e) => {
    await ready;
    const batch = client.multi();
    batch.${method}('batched:events', e);
    batch.incr('pushes');
    await batch.exec();
  },
  read: async () => {
    await ready;
    const last = await client.xRevRange('audit:stream', '+', '-', { COUNT: 3 });
    return [await client.lRange('recent:events', 0, -1), await client.xLen('audit:stream'), last.map((e) => [e.id, Object.entries(e.message).flat()]), await client.lRange('batched:events', 0, -1), await client.get('pushes')];
  },
  close: () => client.quit(),
};
`;
}

describeWithRedis('no-unbounded-collection autofix keeps the newest items on a real redis-server', () => {
  let server: RunningRedis;
  beforeAll(async () => {
    server = await startRedis();
  });
  afterAll(async () => {
    await server?.stop();
  });

  for (const flavor of flavors) {
    for (const push of ['lpush', 'rpush'] as const) {
      it(`${flavor}: ${push.toUpperCase()} + LTRIM keeps the newest ${maxLength}; XADD MAXLEN ~ keeps the newest entries`, async () => {
        const original = snippet(flavor, push);
        const { output, remaining, stable } = fixCode(original, flavor, { 'redis/no-unbounded-collection': ['error', { maxLength }] });
        expect(output).toMatch(/\.multi\(\)\.[lr]Push|\.multi\(\)\.[lr]push/i);
        expect(output).toMatch(/MAXLEN/);
        expect(output).toMatch(/batch\.[lL][tT]rim|batch\.ltrim/);
        expect(remaining).toEqual([]);
        expect(stable).toBe(true);
        const { before, after } = await runBoth(flavor, server.socket, original, output, async (snippet) => {
          for (let i = 0; i < 35; i++) await snippet.push(`e${i}`);
          for (let i = 0; i < 35; i++) await snippet.pushBatch(`b${i}`);
          for (let i = 0; i < 1000; i++) await snippet.log(i);
          return snippet.read();
        });
        type Read = [string[], number, [string, string[]][], string[], string];
        const [list, xlen, last, batched, pushes] = before.result as Read;
        const [trimmedList, trimmedXlen, trimmedLast, trimmedBatched, trimmedPushes] = after.result as Read;
        // The LTRIM queued in the existing batch: same newest items, the batch's other commands unchanged.
        expect(batched).toHaveLength(35);
        expect(trimmedBatched).toEqual(push === 'lpush' ? batched.slice(0, maxLength) : batched.slice(-maxLength));
        expect(trimmedPushes).toBe(pushes);
        expect(list).toHaveLength(35);
        // LPUSH puts the newest at the head, RPUSH at the tail: the LTRIM keeps exactly those.
        expect(trimmedList).toEqual(push === 'lpush' ? list.slice(0, maxLength) : list.slice(-maxLength));
        expect(xlen).toBe(1000);
        // MAXLEN ~ trims whole radix-tree nodes (100 entries each by default): at least maxLength stay.
        expect(trimmedXlen).toBeGreaterThanOrEqual(maxLength);
        expect(trimmedXlen).toBeLessThan(1000);
        expect(trimmedLast.map(([, fields]) => fields)).toEqual(last.map(([, fields]) => fields));
      });
    }
  }
});
