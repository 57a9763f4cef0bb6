import { afterAll, beforeAll, expect, it } from 'vitest';
import { describeWithRedis, startRedis, type RunningRedis } from '../helpers/redis-server';
import { fixCode, type Flavor } from '../helpers/equivalence';
import { runBoth, withoutTtl } from '../helpers/run-both';

const flavors: Flavor[] = ['ioredis', 'ioredis5', 'redis4', 'redis5'];

function snippet(flavor: Flavor): string {
  return flavor.startsWith('ioredis')
    ? `const Redis = require('ioredis');
const redis = new Redis(options);
module.exports = {
  run: async (id, user) => {
    const reply = await redis.set(\`session:\${id}\`, JSON.stringify(user));
    return [reply, await redis.get(\`session:\${id}\`)];
  },
  close: () => redis.quit(),
};
`
    : `const { createClient } = require('redis');
const client = createClient(options);
const ready = client.connect();
module.exports = {
  run: async (id, user) => {
    await ready;
    const reply = await client.set(\`session:\${id}\`, JSON.stringify(user));
    return [reply, await client.get(\`session:\${id}\`)];
  },
  close: () => client.quit(),
};
`;
}

/** A cache filled only when absent: SET ... NX keeps its condition and gains the TTL. */
function nxSnippet(flavor: Flavor): string {
  const nx = flavor.startsWith('ioredis') ? "'NX'" : flavor === 'redis4' ? '{ NX: true }' : "{ condition: 'NX' }";
  return flavor.startsWith('ioredis')
    ? `const Redis = require('ioredis');
const redis = new Redis(options);
module.exports = {
  run: async (id, value) => [await redis.set(\`cache:\${id}\`, value, ${nx}), await redis.get(\`cache:\${id}\`)],
  close: () => redis.quit(),
};
`
    : `const { createClient } = require('redis');
const client = createClient(options);
const ready = client.connect();
module.exports = {
  run: async (id, value) => {
    await ready;
    return [await client.set(\`cache:\${id}\`, value, ${nx}), await client.get(\`cache:\${id}\`)];
  },
  close: () => client.quit(),
};
`;
}

describeWithRedis('require-ttl autofix stores the same value with a TTL on a real redis-server', () => {
  let server: RunningRedis;
  beforeAll(async () => {
    server = await startRedis();
  });
  afterAll(async () => {
    await server?.stop();
  });

  for (const flavor of flavors) {
    it(`${flavor}: SET session:<id> gains EX 120`, async () => {
      const original = snippet(flavor);
      const { output, remaining, stable } = fixCode(original, flavor, { 'redis/require-ttl': ['error', { ttlSeconds: 120 }] });
      expect(output).not.toBe(original);
      expect(remaining).toEqual([]);
      expect(stable).toBe(true);
      const { before, after } = await runBoth(flavor, server.socket, original, output, async (snippet) => {
        const results = [];
        for (const id of ['a', 'b', 'c']) results.push(await snippet.run(id, { id, roles: ['admin'] }));
        return results;
      });
      expect(after.result).toEqual(before.result);
      expect(withoutTtl(after.keyspace)).toEqual(withoutTtl(before.keyspace));
      expect(before.ttls).toEqual({});
      expect(Object.keys(after.ttls).sort()).toEqual(['session:a', 'session:b', 'session:c']);
      for (const ttl of Object.values(after.ttls)) expect(ttl).toBeGreaterThan(110);
      for (const ttl of Object.values(after.ttls)) expect(ttl).toBeLessThanOrEqual(120);
    });

    it(`${flavor}: SET cache:<id> NX keeps first-writer-wins and gains EX 120`, async () => {
      const original = nxSnippet(flavor);
      const { output, remaining, stable } = fixCode(original, flavor, { 'redis/require-ttl': ['error', { ttlSeconds: 120 }] });
      expect(output).toMatch(/120/);
      expect(remaining).toEqual([]);
      expect(stable).toBe(true);
      const { before, after } = await runBoth(flavor, server.socket, original, output, async (snippet) => [
        await snippet.run('a', 'first'),
        await snippet.run('a', 'second'),
      ]);
      expect(before.result).toEqual([['OK', 'first'], [null, 'first']]);
      expect(after.result).toEqual(before.result);
      expect(withoutTtl(after.keyspace)).toEqual(withoutTtl(before.keyspace));
      expect(before.ttls).toEqual({});
      expect(after.ttls['cache:a']).toBeGreaterThan(110);
    });
  }
});
