import { afterAll, beforeAll, expect, it } from 'vitest';
import { describeWithRedis, startRedis, type RunningRedis } from '../helpers/redis-server';
import { fixCode, type Flavor } from '../helpers/equivalence';
import { runBoth } from '../helpers/run-both';

const flavors: Flavor[] = ['ioredis', 'ioredis5', 'redis4', 'redis5'];

function snippet(flavor: Flavor): string {
  const ioredis = flavor.startsWith('ioredis');
  const [header, client, ready] = ioredis
    ? ["const Redis = require('ioredis');\nconst redis = new Redis(options);", 'redis', '']
    : ["const { createClient } = require('redis');\nconst client = createClient(options);\nconst ready = client.connect();", 'client', '    await ready;\n'];
  const hincrby = ioredis ? 'hincrby' : 'hIncrBy';
  return `${header}
module.exports = {
  hit: async (ip) => {
${ready}    const count = await ${client}.incr(\`rate:\${ip}\`);
    await ${client}.expire(\`rate:\${ip}\`, 60);
    return count;
  },
  touch: async (id) => {
${ready}    await ${client}.${hincrby}(\`stats:\${id}\`, 'views', 1);
    await ${client}.expire(\`stats:\${id}\`, 3600);
  },
  poison: async (ip) => {
${ready}    await ${client}.${hincrby}(\`rate:\${ip}\`, 'not', 1);
  },
  close: () => ${client}.quit(),
};
`;
}

describeWithRedis('no-non-atomic-expire autofix (one MULTI) returns the same values on a real redis-server', () => {
  let server: RunningRedis;
  beforeAll(async () => {
    server = await startRedis();
  });
  afterAll(async () => {
    await server?.stop();
  });

  for (const flavor of flavors) {
    it(`${flavor}: INCR + EXPIRE and HINCRBY + EXPIRE in one MULTI`, async () => {
      const original = snippet(flavor);
      const { output, remaining, stable } = fixCode(original, flavor, { 'redis/no-non-atomic-expire': 'error' });
      expect(output.match(/\.multi\(\)/g)).toHaveLength(2);
      expect(remaining).toEqual([]);
      expect(stable).toBe(true);
      const { before, after } = await runBoth(flavor, server.socket, original, output, async (snippet) => {
        const replies = [];
        for (const ip of ['a', 'a', 'a', 'b']) replies.push(await snippet.hit(ip));
        await snippet.touch('x');
        await snippet.touch('x');
        replies.push(await snippet.touch('y'));
        // A command error still rejects: WRONGTYPE on a key that holds a hash.
        await snippet.poison('bad');
        let threw = false;
        try {
          await snippet.hit('bad');
        } catch {
          threw = true;
        }
        replies.push(threw);
        return replies;
      });
      expect(before.result).toEqual([1, 2, 3, 1, undefined, true]);
      expect(after.result).toEqual(before.result);
      // Values and TTL flags agree, except the poisoned key: inside MULTI the EXPIRE still runs
      // after the INCR's error, so it gains a TTL it did not get when the INCR threw first.
      const { ['rate:bad']: poisonedAfter, ...restAfter } = after.keyspace;
      const { ['rate:bad']: poisonedBefore, ...restBefore } = before.keyspace;
      expect(restAfter).toEqual(restBefore);
      expect(Object.keys(restAfter).sort()).toEqual(['rate:a', 'rate:b', 'stats:x', 'stats:y']);
      expect(poisonedAfter).toEqual({ ...(poisonedBefore as object), ttl: 'set' });
    });
  }
});
