import { afterAll, beforeAll, expect, it } from 'vitest';
import { describeWithRedis, startRedis, type RunningRedis } from '../helpers/redis-server';
import { connect, disconnect, fixCode, loadSnippet, type Flavor } from '../helpers/equivalence';

const patterns = ['user:*', '*', 'user:1?', 'order:[ab]*', 'missing:*', 'user:\\*'];
const flavors: Flavor[] = ['ioredis', 'ioredis5', 'redis4', 'redis5'];

function snippet(flavor: Flavor, pattern: string): string {
  const literal = JSON.stringify(pattern);
  return flavor.startsWith('ioredis')
    ? `const Redis = require('ioredis');
const redis = new Redis(options);
module.exports = {
  run: async () => await redis.keys(${literal}),
  close: () => redis.quit(),
};
`
    : `const { createClient } = require('redis');
const client = createClient(options);
const ready = client.connect();
module.exports = {
  run: async () => {
    await ready;
    return client.keys(${literal});
  },
  close: () => client.quit(),
};
`;
}

describeWithRedis('no-keys autofix returns the same keys as KEYS on a real redis-server', () => {
  let server: RunningRedis;
  beforeAll(async () => {
    server = await startRedis();
    const seeder = await connect('ioredis', server.socket);
    // 10,000 keys: users, orders and noise, enough for SCAN to need many pages.
    const pipeline = seeder.pipeline();
    for (let i = 0; i < 6000; i++) pipeline.set(`user:${i}`, String(i));
    for (let i = 0; i < 3000; i++) pipeline.set(`order:${'abc'[i % 3]}${i}`, String(i));
    for (let i = 0; i < 999; i++) pipeline.set(`noise:${i}`, 'x');
    pipeline.set('user:*', 'literal star');
    await pipeline.exec();
    expect(await seeder.dbsize()).toBe(10_000);
    await disconnect(seeder);
  });
  afterAll(async () => {
    await server?.stop();
  });

  for (const flavor of flavors) {
    for (const pattern of patterns) {
      it(`${flavor}: KEYS ${pattern}`, async () => {
        const original = snippet(flavor, pattern);
        const { output, remaining, stable } = fixCode(original, flavor, { 'redis/no-keys': 'error' });
        expect(output).not.toBe(original);
        expect(output).toMatch(/scan(Stream|Iterator)/);
        expect(remaining).toEqual([]);
        expect(stable).toBe(true);
        const options = flavor.startsWith('ioredis') ? { path: server.socket } : { socket: { path: server.socket } };
        const before = loadSnippet(original, flavor, { options });
        const after = loadSnippet(output, flavor, { options });
        try {
          const expected = ((await before.run()) as string[]).sort();
          const actual = (await after.run()) as string[];
          expect(actual.length).toBe(new Set(actual).size); // deduplicated
          expect([...actual].sort()).toEqual(expected);
        } finally {
          await before.close();
          await after.close();
        }
      });
    }
  }
});
