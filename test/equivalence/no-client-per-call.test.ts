import { afterAll, beforeAll, expect, it } from 'vitest';
import { describeWithRedis, startRedis, type RunningRedis } from '../helpers/redis-server';
import { clientModule, connect, disconnect, fixCode, keyspace, loadSnippet, type Flavor } from '../helpers/equivalence';

const flavors: Flavor[] = ['ioredis', 'ioredis5', 'redis4', 'redis5'];
const calls = 200;

/** A request handler that builds its own client, runs two commands and quits, in each dialect. */
function snippet(flavor: Flavor): string {
  if (flavor.startsWith('ioredis')) {
    return `const Redis = require('ioredis');
module.exports = {
  handler: async (id) => {
    const redis = new Redis(options);
    const visits = await redis.incr(\`visits:\${id}\`);
    await redis.sadd('visitors', id);
    await redis.quit();
    return visits;
  },
};
`;
  }
  return `const { createClient } = require('redis');
module.exports = {
  handler: async (id) => {
    const client = createClient(options);
    client.on('error', (err) => console.error('Redis Client Error', err));
    await client.connect();
    try {
      const visits = await client.incr(\`visits:\${id}\`);
      await client.sAdd('visitors', id);
      return visits;
    } finally {
      await client.quit();
    }
  },
};
`;
}

/**
 * Records every client the snippet builds, so the test can close the shared one the rewrite leaves
 * open (the rewrite removes the per-call quit on purpose).
 */
// eslint-disable-next-line @typescript-eslint/no-explicit-any
function trackClients(flavor: Flavor): { clients: any[]; restore: () => void } {
  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  const clients: any[] = [];
  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  const mod = clientModule(flavor) as any;
  if (flavor.startsWith('ioredis')) {
    const Redis = mod.default ?? mod;
    const original = Redis.prototype.connect;
    Redis.prototype.connect = function (this: unknown, ...args: unknown[]) {
      if (!clients.includes(this)) clients.push(this);
      return original.apply(this, args);
    };
    return { clients, restore: () => { Redis.prototype.connect = original; } };
  }
  const original = mod.createClient;
  mod.createClient = (...args: unknown[]) => {
    const client = original(...args);
    clients.push(client);
    return client;
  };
  return { clients, restore: () => { mod.createClient = original; } };
}

describeWithRedis('no-client-per-call autofix: one connection for 200 calls, same replies and keyspace', () => {
  let server: RunningRedis;
  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  let admin: any;
  beforeAll(async () => {
    server = await startRedis();
    admin = await connect('ioredis', server.socket);
  });
  afterAll(async () => {
    if (admin) await disconnect(admin);
    await server?.stop();
  });

  const connectionsReceived = async () => Number(/total_connections_received:(\d+)/.exec((await admin.info('stats')) as string)![1]);

  async function runHandler(code: string, flavor: Flavor): Promise<{ replies: unknown[]; connections: number; keys: unknown }> {
    const options = flavor.startsWith('ioredis') ? { path: server.socket } : { socket: { path: server.socket } };
    await admin.flushall();
    const tracked = trackClients(flavor);
    try {
      const snippetModule = loadSnippet(code, flavor, { options });
      const start = await connectionsReceived();
      const replies: unknown[] = [];
      // Sequential calls, as a handler serving one request after another.
      for (let i = 0; i < calls; i++) replies.push(await snippetModule.handler(String(i % 7)));
      const connections = (await connectionsReceived()) - start;
      const keys = await keyspace('ioredis', admin);
      for (const client of tracked.clients) {
        if ((client.status ?? '') === 'ready' || client.isOpen) await disconnect(client);
      }
      return { replies, connections, keys };
    } finally {
      tracked.restore();
    }
  }

  /** Two handlers in one module, each with its own per-call client: two hoisted clients, over two --fix passes. */
  function twoHandlers(flavor: Flavor): string {
    if (flavor.startsWith('ioredis')) {
      return `const Redis = require('ioredis');
module.exports = {
  handler: async (id) => {
    const counter = new Redis(options);
    const visits = await counter.incr(\`visits:\${id}\`);
    await counter.quit();
    return [visits, await module.exports.seen(id)];
  },
  seen: async (id) => {
    const members = new Redis(options);
    await members.sadd('visitors', id);
    const count = await members.scard('visitors');
    await members.quit();
    return count;
  },
};
`;
    }
    return `const { createClient } = require('redis');
module.exports = {
  handler: async (id) => {
    const counter = createClient(options);
    await counter.connect();
    const visits = await counter.incr(\`visits:\${id}\`);
    await counter.quit();
    return [visits, await module.exports.seen(id)];
  },
  seen: async (id) => {
    const members = createClient(options);
    await members.connect();
    await members.sAdd('visitors', id);
    const count = await members.sCard('visitors');
    await members.quit();
    return count;
  },
};
`;
  }

  for (const flavor of flavors) {
    it(`${flavor}: two per-call clients in one module become two shared clients, fixed over two passes`, async () => {
      const original = twoHandlers(flavor);
      const { output, remaining, stable } = fixCode(original, flavor, { 'redis/no-client-per-call': 'error' });
      expect(remaining).toEqual([]);
      expect(stable).toBe(true);
      expect(output).toMatch(/^const counter = /m);
      expect(output).toMatch(/^const members = /m);
      const before = await runHandler(original, flavor);
      const after = await runHandler(output, flavor);
      expect(before.connections).toBe(2 * calls);
      expect(after.connections).toBe(2);
      expect(after.replies).toEqual(before.replies);
      expect(after.keys).toEqual(before.keys);
    }, 60_000);

    it(`${flavor}: ${calls} calls open ${calls} connections before the fix and 1 after`, async () => {
      const original = snippet(flavor);
      const { output, remaining, stable } = fixCode(original, flavor, { 'redis/no-client-per-call': 'error' });
      expect(remaining).toEqual([]);
      expect(stable).toBe(true);
      expect(output).not.toMatch(/quit\(\)/);
      // The listener is registered once, with the client, not once per call.
      if (!flavor.startsWith('ioredis')) expect(output).toMatch(/^client\.on\('error'/m);
      const before = await runHandler(original, flavor);
      const after = await runHandler(output, flavor);
      expect(before.connections).toBe(calls);
      expect(after.connections).toBe(1);
      expect(after.replies).toEqual(before.replies);
      expect(after.keys).toEqual(before.keys);
    }, 60_000);
  }
});
