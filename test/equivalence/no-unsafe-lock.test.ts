import { Linter } from 'eslint';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { describeWithRedis, startRedis, type RunningRedis } from '../helpers/redis-server';
import { fixCode, loadSnippet, type Flavor } from '../helpers/equivalence';
import { runBoth, withoutTtl } from '../helpers/run-both';

const flavors: Flavor[] = ['ioredis', 'ioredis5', 'redis4', 'redis5'];

/** `withLock(token, steal)`: takes the lock, optionally lets another owner take it over, releases it. */
function snippet(flavor: Flavor): string {
  if (flavor.startsWith('ioredis')) {
    return `const Redis = require('ioredis');
const redis = new Redis(options);
module.exports = {
  withLock: async (token, steal) => {
    await redis.set('lock:job', token, 'PX', 30000, 'NX');
    await steal();
    return redis.del('lock:job');
  },
  holder: () => redis.get('lock:job'),
  takeOver: (token) => redis.set('lock:job', token, 'PX', 30000),
  close: () => redis.quit(),
};
`;
  }
  return `const { createClient } = require('redis');
const client = createClient(options);
const ready = client.connect();
module.exports = {
  withLock: async (token, steal) => {
    await ready;
    await client.set('lock:job', token, { NX: true, PX: 30000 });
    await steal();
    return client.del('lock:job');
  },
  holder: async () => {
    await ready;
    return client.get('lock:job');
  },
  takeOver: async (token) => {
    await ready;
    return client.set('lock:job', token, { PX: 30000 });
  },
  close: () => client.quit(),
};
`;
}

/** Applies the rule's only suggestion, as an editor quick fix would. */
function applySuggestion(code: string, flavor: Flavor): string {
  const { remaining } = fixCode(code, flavor, { 'redis/no-unsafe-lock': 'error' });
  expect(remaining).toHaveLength(1);
  const [suggestion] = remaining[0].suggestions ?? [];
  expect(suggestion).toBeDefined();
  const { fix } = suggestion as Linter.LintSuggestion;
  const fixed = code.slice(0, fix.range[0]) + fix.text + code.slice(fix.range[1]);
  expect(fixCode(fixed, flavor, { 'redis/no-unsafe-lock': 'error' }).remaining).toEqual([]);
  return fixed;
}

/** `acquire(token)`: SET NX with no lease, the reply as the program sees it. */
function acquireSnippet(flavor: Flavor): string {
  return flavor.startsWith('ioredis')
    ? `const Redis = require('ioredis');
const redis = new Redis(options);
module.exports = {
  acquire: (token) => redis.set('lock:nightly', token, 'NX'),
  close: () => redis.quit(),
};
`
    : `const { createClient } = require('redis');
const client = createClient(options);
const ready = client.connect();
module.exports = {
  acquire: async (token) => {
    await ready;
    return client.set('lock:nightly', token, ${flavor === 'redis4' ? '{ NX: true }' : "{ condition: 'NX' }"});
  },
  close: () => client.quit(),
};
`;
}

/** `take(token)`: SETNX tested for truth, and `acquire(token)`: SET NX then a separate EXPIRE. */
function setnxSnippet(flavor: Flavor): string {
  if (flavor.startsWith('ioredis')) {
    return `const Redis = require('ioredis');
const redis = new Redis(options);
module.exports = {
  take: async (token) => {
    if (await redis.setnx('lock:nightly', token)) return true;
    return false;
  },
  close: () => redis.quit(),
};
`;
  }
  return `const { createClient } = require('redis');
const client = createClient(options);
const ready = client.connect();
module.exports = {
  take: async (token) => {
    await ready;
    if (await client.setNX('lock:nightly', token)) return true;
    return false;
  },
  close: () => client.quit(),
};
`;
}

function separateExpireSnippet(flavor: Flavor): string {
  if (flavor.startsWith('ioredis')) {
    return `const Redis = require('ioredis');
const redis = new Redis(options);
module.exports = {
  acquire: async (token) => {
    await redis.set('lock:report', token, 'NX');
    await redis.expire('lock:report', 30);
  },
  close: () => redis.quit(),
};
`;
  }
  return `const { createClient } = require('redis');
const client = createClient(options);
const ready = client.connect();
module.exports = {
  acquire: async (token) => {
    await ready;
    await client.set('lock:report', token, ${flavor === 'redis4' ? '{ NX: true }' : "{ condition: 'NX' }"});
    await client.expire('lock:report', 30);
  },
  close: () => client.quit(),
};
`;
}

describeWithRedis('no-unsafe-lock suggestions on a real redis-server', () => {
  let server: RunningRedis;
  beforeAll(async () => {
    server = await startRedis();
  });
  afterAll(async () => {
    await server?.stop();
  });

  for (const flavor of flavors) {
    it(`${flavor}: the lease suggestion acquires exactly as before and the lock now expires`, async () => {
      const original = acquireSnippet(flavor);
      const fixed = applySuggestion(original, flavor);
      expect(fixed).toMatch(/PX/);
      const { before, after } = await runBoth(flavor, server.socket, original, fixed, async (snippet) => [
        await snippet.acquire('a'),
        await snippet.acquire('b'),
      ]);
      expect(before.result).toEqual(['OK', null]);
      expect(after.result).toEqual(before.result);
      expect(withoutTtl(after.keyspace)).toEqual(withoutTtl(before.keyspace));
      expect(before.ttls).toEqual({});
      expect(after.ttls['lock:nightly']).toBeGreaterThan(25);
      expect(after.ttls['lock:nightly']).toBeLessThanOrEqual(30);
    });

    it(`${flavor}: SETNX becomes SET NX PX: the same branch is taken for the first and the second caller, and the lock expires`, async () => {
      const original = setnxSnippet(flavor);
      const fixed = applySuggestion(original, flavor);
      expect(fixed).toMatch(/\.set\('lock:nightly'/);
      const { before, after } = await runBoth(flavor, server.socket, original, fixed, async (snippet) => [
        await snippet.take('a'),
        await snippet.take('b'),
      ]);
      expect(before.result).toEqual([true, false]);
      expect(after.result).toEqual(before.result);
      expect(withoutTtl(after.keyspace)).toEqual(withoutTtl(before.keyspace));
      expect(before.ttls).toEqual({});
      expect(after.ttls['lock:nightly']).toBeGreaterThan(25);
    });

    it(`${flavor}: SET NX + EXPIRE becomes one SET NX EX: the same holder, the same lease`, async () => {
      const original = separateExpireSnippet(flavor);
      const fixed = applySuggestion(original, flavor);
      expect(fixed).not.toMatch(/expire\(/);
      const { before, after } = await runBoth(flavor, server.socket, original, fixed, async (snippet) => [
        await snippet.acquire('a'),
        await snippet.acquire('b'),
      ]);
      expect(after.result).toEqual(before.result);
      expect(withoutTtl(after.keyspace)).toEqual(withoutTtl(before.keyspace));
      expect(before.ttls['lock:report']).toBeGreaterThan(25);
      expect(after.ttls['lock:report']).toBeGreaterThan(25);
      expect(after.ttls['lock:report']).toBeLessThanOrEqual(30);
    });

    it(`${flavor}: replies like DEL for the owner, and leaves another owner's lock alone`, async () => {
      const original = snippet(flavor);
      const fixed = applySuggestion(original, flavor);
      expect(fixed).toMatch(/\.eval\(/);
      const options = flavor.startsWith('ioredis') ? { path: server.socket } : { socket: { path: server.socket } };
      const before = loadSnippet(original, flavor, { options });
      const after = loadSnippet(fixed, flavor, { options });
      try {
        const noop = async () => undefined;
        // The owner releases its own lock: both delete it and reply 1.
        expect(await before.withLock('a', noop)).toBe(1);
        expect(await before.holder()).toBeNull();
        expect(await after.withLock('a', noop)).toBe(1);
        expect(await after.holder()).toBeNull();
        // The lease ran out and process b took the lock: the plain DEL frees b's lock, the script does not.
        expect(await before.withLock('a', () => before.takeOver('b'))).toBe(1);
        expect(await before.holder()).toBeNull();
        expect(await after.withLock('a', () => after.takeOver('b'))).toBe(0);
        expect(await after.holder()).toBe('b');
      } finally {
        await before.close();
        await after.close();
      }
    });
  }
});
