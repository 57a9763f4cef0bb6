import { afterAll, beforeAll, beforeEach, expect, it } from 'vitest';
import { describeWithRedis, startRedis, type RunningRedis } from '../helpers/redis-server';
import { Linter } from 'eslint';
import * as tsParser from '@typescript-eslint/parser';
import { connect, disconnect, filenameFor, fixCode, keyspace, loadSnippet, type Flavor } from '../helpers/equivalence';

// eslint-disable-next-line @typescript-eslint/no-require-imports
const plugin = require('../../dist/src/index.js');

/** Applies the first suggestion of the first prefer-pipeline report, as an editor quick fix would. */
function applySuggestion(code: string, flavor: Flavor): string {
  const linter = new Linter({ configType: 'flat' });
  const config: Linter.Config[] = [{
    files: ['**/*.js'], plugins: { redis: plugin },
    languageOptions: { parser: tsParser, ecmaVersion: 'latest', sourceType: 'commonjs' },
    rules: { 'redis/prefer-pipeline': 'error' },
  }];
  const [message] = linter.verify(code, config, { filename: filenameFor(flavor) });
  const fix = message?.suggestions?.[0]?.fix;
  if (!fix) throw new Error(`no suggestion: ${JSON.stringify(message)}`);
  const output = code.slice(0, fix.range[0]) + fix.text + code.slice(fix.range[1]);
  const fatal = linter.verify(output, config, { filename: filenameFor(flavor) }).filter((m) => m.fatal);
  if (fatal.length > 0) throw new Error(`suggested code does not parse: ${fatal[0].message}`);
  return output;
}

/** Each snippet builds its own client from the injected `options`, so the model knows its library. */
function clientSetup(io: boolean): string {
  return io
    ? "const Redis = require('ioredis');\nconst redis = new Redis(options);"
    : "const { createClient } = require('redis');\nconst client = createClient(options);\nconst ready = client.connect();";
}

/** A loop with other work between its commands: the two-pass suggestion, not an autofix. */
function twoPassSnippet(flavor: Flavor): string {
  const io = flavor.startsWith('ioredis');
  const c = io ? 'redis' : 'client';
  return `${clientSetup(io)}
module.exports = {
  profiles: async (ids) => {
    ${io ? '' : 'await ready;'}
    const out = {};
    for (const id of ids) {
      const raw = await ${c}.get(\`k:\${id}\`);
      const size = Number(await ${c}.${io ? 'strlen' : 'strLen'}(\`k:\${id}\`));
      out[id] = { raw, size, upper: raw ? raw.toUpperCase() : null };
    }
    return out;
  },
  close: () => ${c}.quit(),
};
`;
}

const flavors: Flavor[] = ['ioredis', 'ioredis5', 'redis4', 'redis5'];

/**
 * The loops the autofix rewrites, written for each dialect: results collected, replies dropped, two
 * commands per iteration with one reply kept, and a loop that fails halfway.
 */
function snippet(flavor: Flavor): string {
  const io = flavor.startsWith('ioredis');
  const c = io ? 'redis' : 'client';
  const ready = io ? '' : '    await ready;\n';
  const m = (ioName: string, nodeName: string) => (io ? ioName : nodeName);
  return `${clientSetup(io)}
module.exports = {
  read: async (keys) => {
${ready}    const results = [];
    for (const key of keys) {
      results.push(await ${c}.get(key));
    }
    return results;
  },
  write: async (items) => {
${ready}    for (const item of items) {
      await ${c}.set(\`item:\${item.id}\`, JSON.stringify(item));
      await ${c}.${m('expire', 'expire')}(\`item:\${item.id}\`, 600);
      await ${c}.${m('sadd', 'sAdd')}('items', String(item.id));
    }
  },
  counters: async (keys) => {
${ready}    const ttls = [];
    for (let i = 0; i < keys.length; i++) {
      await ${c}.incr(keys[i]);
      ttls.push(await ${c}.ttl(keys[i]));
    }
    return ttls;
  },
  hashes: async (ids) => {
${ready}    const users = [];
    for (const id in ids) users.push(await ${c}.${m('hgetall', 'hGetAll')}(\`user:\${id}\`));
    return users;
  },
  setAll: async (items) => {
${ready}    for (const item of items) await ${c}.set(\`s:\${item.id}\`, JSON.stringify(item));
  },
  setCounts: async (items) => {
${ready}    for (const item of items) await ${c}.set(\`n:\${item.id}\`, ${io ? 'item.id' : 'String(item.id)'});
  },
  failing: async (keys) => {
${ready}    const values = [];
    for (const key of keys) values.push(await ${c}.incr(key));
    return values;
  },
  close: () => ${c}.quit(),
};
`;
}

async function seed(client: Awaited<ReturnType<typeof connect>>, flavor: Flavor) {
  const send = (args: string[]) => (flavor.startsWith('ioredis') ? client.call(...args) : client.sendCommand(args));
  await send(['FLUSHALL']);
  for (let i = 0; i < 300; i++) await send(['SET', `k:${i}`, `v${i}`]);
  await send(['HSET', 'user:1', 'name', 'ada', 'age', '36']);
  await send(['HSET', 'user:3', 'name', 'bob']);
  await send(['SET', 'c:7', '41']);
  await send(['EXPIRE', 'c:7', '100']);
  await send(['SET', 'not-a-number', 'x']);
}

describeWithRedis('prefer-pipeline autofix: same replies and keyspace as the awaited loop, on a real redis-server', () => {
  let server: RunningRedis;
  beforeAll(async () => {
    server = await startRedis();
  });
  afterAll(async () => {
    await server?.stop();
  });

  for (const flavor of flavors) {
    const cases: Array<[string, unknown[]]> = [
      ['read', [[...Array.from({ length: 300 }, (_, i) => `k:${i}`), 'missing', 'k:5']]],
      ['read', [[]]],
      ['write', [Array.from({ length: 50 }, (_, i) => ({ id: i, name: `n${i}` }))]],
      ['counters', [['c:1', 'c:7', 'c:1', 'c:9']]],
      ['hashes', [{ 1: true, 2: true, 3: true }]],
      // MSET: a key written twice keeps the last value, as with two SETs; nothing is sent for no items.
      ['setAll', [[{ id: 1, v: 'a' }, { id: 2, v: 'b' }, { id: 1, v: 'c' }, { id: 'k:5', v: 'overwrites' }]]],
      ['setAll', [[]]],
      ['setCounts', [[{ id: 1 }, { id: 2 }, { id: 2 }]]],
    ];
    let admin: Awaited<ReturnType<typeof connect>>;
    beforeEach(async () => {
      admin ??= await connect('ioredis', server.socket);
    });

    for (const [name, args] of cases) {
      it(`${flavor}: ${name}(${JSON.stringify(args).slice(0, 40)})`, async () => {
        const original = snippet(flavor);
        const { output, remaining, stable } = fixCode(original, flavor, { 'redis/prefer-pipeline': 'error' });
        expect(remaining).toEqual([]);
        expect(stable).toBe(true);
        expect(output).toMatch(flavor.startsWith('ioredis') ? /\.pipeline\(\)/ : /\.execAsPipeline\(\)/);
        expect(output).toMatch(flavor.startsWith('ioredis') ? /\.mset\(entries\)/ : /\.mSet\(entries\)/);
        const options = flavor.startsWith('ioredis') ? { path: server.socket } : { socket: { path: server.socket } };
        const before = loadSnippet(original, flavor, { options });
        const after = loadSnippet(output, flavor, { options });
        try {
          await seed(admin, 'ioredis');
          const expected = await before[name](...args);
          const expectedKeyspace = await keyspace('ioredis', admin);
          await seed(admin, 'ioredis');
          const commandsBefore = await commandCount(admin);
          const actual = await after[name](...args);
          const commandsAfter = await commandCount(admin);
          expect(actual).toEqual(expected);
          expect(await keyspace('ioredis', admin)).toEqual(expectedKeyspace);
          // Sanity: the fixed code really talked to this server.
          expect(commandsAfter).toBeGreaterThan(commandsBefore);
        } finally {
          await before.close();
          await after.close();
        }
      });
    }

    it(`${flavor}: a failing command still throws the same error`, async () => {
      const original = snippet(flavor);
      const { output } = fixCode(original, flavor, { 'redis/prefer-pipeline': 'error' });
      const options = flavor.startsWith('ioredis') ? { path: server.socket } : { socket: { path: server.socket } };
      const before = loadSnippet(original, flavor, { options });
      const after = loadSnippet(output, flavor, { options });
      const keys = ['n:1', 'not-a-number', 'n:2'];
      try {
        await seed(admin, 'ioredis');
        const expected = await before.failing(keys).then(() => 'resolved', (e: Error) => e.message);
        expect(expected).toMatch(/not an integer/);
        await seed(admin, 'ioredis');
        const actual = await after.failing(keys).then(() => 'resolved', (e: Error) => e.message);
        expect(actual).toBe(expected);
        // The documented difference: a pipeline has already sent the commands after the failing one.
        expect(await admin.get('n:2')).toBe('1');
      } finally {
        await before.close();
        await after.close();
      }
    });

    it(`${flavor}: the two-pass suggestion returns the same replies`, async () => {
      const original = twoPassSnippet(flavor);
      const output = applySuggestion(original, flavor);
      expect(output).toMatch(/replyIndex\+\+/);
      const options = flavor.startsWith('ioredis') ? { path: server.socket } : { socket: { path: server.socket } };
      const before = loadSnippet(original, flavor, { options });
      const after = loadSnippet(output, flavor, { options });
      const ids = ['1', '2', 'missing', '299', '2'];
      try {
        await seed(admin, 'ioredis');
        const expected = await before.profiles(ids);
        const actual = await after.profiles(ids);
        expect(actual).toEqual(expected);
        expect(expected['2']).toEqual({ raw: 'v2', size: 2, upper: 'V2' });
      } finally {
        await before.close();
        await after.close();
      }
    });

    it(`${flavor}: the MGET suggestion returns the same values for string and missing keys`, async () => {
      const io = flavor.startsWith('ioredis');
      const c = io ? 'redis' : 'client';
      const original = `${clientSetup(io)}
module.exports = {
  read: async (keys) => {
    ${io ? '' : 'await ready;'}
    const results = [];
    for (const key of keys) results.push(await ${c}.get(key));
    return results;
  },
  close: () => ${c}.quit(),
};
`;
      const output = applySuggestion(original, flavor);
      expect(output).toMatch(io ? /\.mget\(keysToRead\)/ : /\.mGet\(keysToRead\)/);
      const options = io ? { path: server.socket } : { socket: { path: server.socket } };
      const before = loadSnippet(original, flavor, { options });
      const after = loadSnippet(output, flavor, { options });
      try {
        await seed(admin, 'ioredis');
        for (const keys of [['k:1', 'missing', 'k:1', 'k:299'], []]) {
          expect(await after.read(keys)).toEqual(await before.read(keys));
        }
      } finally {
        await before.close();
        await after.close();
      }
    });

    it(`${flavor}: several loops in one function and in a switch, fixed over several passes, return the same replies`, async () => {
      const io = flavor.startsWith('ioredis');
      const c = io ? 'redis' : 'client';
      // A module-level `pipeline` read in the switch's default case: no rewrite may shadow it.
      const original = `${clientSetup(io)}
const pipeline = (values) => values.map((v) => (v === null ? '-' : v.toUpperCase()));
module.exports = {
  several: async (keys, kind) => {
    ${io ? '' : 'await ready;'}
    const values = [];
    for (const key of keys) values.push(await ${c}.get(key));
    for (const key of keys) await ${c}.incr(\`hits:\${key}\`);
    const ttls = [];
    for (const key of keys) ttls.push(await ${c}.ttl(\`hits:\${key}\`));
    switch (kind) {
      case 'drop':
        for (const key of keys) await ${c}.del(key);
        break;
      default:
        return pipeline(values);
    }
    return [values, ttls];
  },
  close: () => ${c}.quit(),
};
`;
      const { output, remaining, stable } = fixCode(original, flavor, { 'redis/prefer-pipeline': 'error' });
      expect(remaining).toEqual([]);
      expect(stable).toBe(true);
      expect(output.match(io ? /\.pipeline\(\)/g : /\.multi\(\)/g)?.length).toBe(4);
      expect(output).toMatch(/^const pipeline = \(values\)/m);
      const options = io ? { path: server.socket } : { socket: { path: server.socket } };
      const before = loadSnippet(original, flavor, { options });
      const after = loadSnippet(output, flavor, { options });
      try {
        for (const kind of ['drop', 'keep']) {
          const keys = ['k:1', 'missing', 'k:2', 'k:1'];
          await seed(admin, 'ioredis');
          const expected = await before.several(keys, kind);
          const expectedKeyspace = await keyspace('ioredis', admin);
          await seed(admin, 'ioredis');
          expect(await after.several(keys, kind)).toEqual(expected);
          expect(await keyspace('ioredis', admin)).toEqual(expectedKeyspace);
        }
      } finally {
        await before.close();
        await after.close();
      }
    });

    afterAll(async () => {
      if (admin) await disconnect(admin);
    });
  }
});

// eslint-disable-next-line @typescript-eslint/no-explicit-any
async function commandCount(admin: any): Promise<number> {
  const info = (await admin.info('stats')) as string;
  return Number(/total_commands_processed:(\d+)/.exec(info)![1]);
}
