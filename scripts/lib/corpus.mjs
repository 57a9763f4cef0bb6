// A deterministic corpus of application code for the benchmarks and the fix-safety checks: Redis-heavy
// modules for each client dialect (ioredis, node-redis 4 and 5) mixed with ordinary code and with the
// precision traps (Map#keys, Object.keys, knex.select, map.set). File i depends only on i, so the 2x
// corpus is the 1x corpus plus new files and the scale ratios compare like with like.
import { mkdirSync, writeFileSync, rmSync, existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

/** mulberry32: a tiny seeded PRNG, enough for reproducible variety. */
function random(seed) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const nouns = ['user', 'session', 'order', 'product', 'cart', 'invoice', 'report', 'token', 'feed', 'metric', 'job', 'tenant'];
const verbs = ['load', 'save', 'sync', 'purge', 'count', 'refresh', 'index', 'track', 'expire', 'list'];

/** The apps of the corpus: each folder's package.json pins the client major, as a real project does. */
export const apps = [
  { dir: 'app-ioredis', deps: { ioredis: '^5.9.2' }, lib: 'ioredis' },
  { dir: 'app-redis4', deps: { redis: '^4.7.0' }, lib: 'redis4' },
  { dir: 'app-redis5', deps: { redis: '^5.12.1' }, lib: 'redis5' },
  { dir: 'app-plain', deps: {}, lib: 'none' },
];

const header = {
  ioredis: (ts, esm, c) =>
    esm || ts
      ? [`import Redis from 'ioredis';`, '', `const ${c} = new Redis({ host: process.env.REDIS_HOST, db: 2 });`]
      : [`const Redis = require('ioredis');`, '', `const ${c} = new Redis({ host: process.env.REDIS_HOST, db: 2 });`],
  redis4: (ts, esm, c) =>
    esm || ts
      ? [`import { createClient } from 'redis';`, '', `const ${c} = createClient({ url: process.env.REDIS_URL });`, `const ready = ${c}.connect();`]
      : [`const { createClient } = require('redis');`, '', `const ${c} = createClient({ url: process.env.REDIS_URL });`, `const ready = ${c}.connect();`],
  redis5: (ts, esm, c) =>
    esm || ts
      ? [`import { createClient } from 'redis';`, '', `const ${c} = createClient({ url: process.env.REDIS_URL });`, `const ready = ${c}.connect();`]
      : [`const { createClient } = require('redis');`, '', `const ${c} = createClient({ url: process.env.REDIS_URL });`, `const ready = ${c}.connect();`],
};

/** Blocks that talk to Redis through client `c`; `t(x)` adds a TS annotation only in .ts files. */
const redisBlocks = [
  (c, n, t, lib) => [
    `export async function ${n.verb}${n.Noun}Keys(id${t(': string')})${t(': Promise<string[]>')} {`,
    lib === 'ioredis' ? '' : '  await ready;',
    `  return ${c}.keys(\`${n.noun}:\${id}:*\`);`,
    '}',
  ],
  (c, n, t, lib) => [
    `export async function ${n.verb}${n.Noun}Cache(id${t(': string')}, value${t(': string')}) {`,
    lib === 'ioredis' ? '' : '  await ready;',
    lib === 'ioredis'
      ? `  await ${c}.set('${n.noun}:' + id, value, 'EX', ${n.ttl});`
      : `  await ${c}.set('${n.noun}:' + id, value, { EX: ${n.ttl} });`,
    `  const stored = await ${c}.get('${n.noun}:' + id);`,
    '  return stored === value;',
    '}',
  ],
  (c, n, t, lib) => [
    `export async function ${n.verb}${n.Noun}Batch(ids${t(': string[]')}) {`,
    lib === 'ioredis' ? '' : '  await ready;',
    lib === 'ioredis' ? `  const batch = ${c}.pipeline();` : `  const batch = ${c}.multi();`,
    '  for (const id of ids) {',
    lib === 'ioredis' ? `    batch.hgetall('${n.noun}:' + id);` : `    batch.hGetAll('${n.noun}:' + id);`,
    '  }',
    lib === 'ioredis' ? '  return batch.exec();' : '  return batch.execAsPipeline();',
    '}',
  ],
  (c, n, t, lib) => [
    `export async function ${n.verb}${n.Noun}Counter(id${t(': string')}) {`,
    lib === 'ioredis' ? '' : '  await ready;',
    lib === 'ioredis'
      ? `  const [[, count]] = (await ${c}.multi().incr('${n.noun}:hits:' + id).expire('${n.noun}:hits:' + id, ${n.ttl}).exec())${t(' as [Error | null, number][]')};`
      : `  const [count] = await ${c}.multi().incr('${n.noun}:hits:' + id).expire('${n.noun}:hits:' + id, ${n.ttl}).exec();`,
    '  return count;',
    '}',
  ],
  (c, n, t, lib) => [
    `export async function ${n.verb}${n.Noun}Purge() {`,
    lib === 'ioredis' ? '' : '  await ready;',
    `  const stale = await ${c}.${lib === 'ioredis' ? 'keys' : 'KEYS'}('${n.noun}:stale:*');`,
    lib === 'ioredis' ? `  if (stale.length > 0) await ${c}.del(...stale);` : `  if (stale.length > 0) await ${c}.del(stale);`,
    '  return stale.length;',
    '}',
  ],
  (c, n, t, lib) => [
    `export async function ${n.verb}${n.Noun}Script(key${t(': string')}) {`,
    lib === 'ioredis' ? '' : '  await ready;',
    lib === 'ioredis'
      ? `  return ${c}.eval("return redis.call('INCR', KEYS[1])", 1, key);`
      : `  return ${c}.eval("return redis.call('INCR', KEYS[1])", { keys: [key] });`,
    '}',
  ],
  (c, n, t, lib) => [
    `export async function ${n.verb}${n.Noun}Feed(id${t(': string')}, item${t(': string')}) {`,
    lib === 'ioredis' ? '' : '  await ready;',
    lib === 'ioredis'
      ? `  await ${c}.lpush('${n.noun}:feed:' + id, item);`
      : `  await ${c}.lPush('${n.noun}:feed:' + id, item);`,
    lib === 'ioredis'
      ? `  await ${c}.ltrim('${n.noun}:feed:' + id, 0, 99);`
      : `  await ${c}.lTrim('${n.noun}:feed:' + id, 0, 99);`,
    '}',
  ],
  (c, n, t, lib) => [
    `export async function ${n.verb}${n.Noun}Many(ids${t(': string[]')}) {`,
    lib === 'ioredis' ? '' : '  await ready;',
    `  const out${t(': (string | null)[]')} = [];`,
    '  for (const id of ids) {',
    `    out.push(await ${c}.get('${n.noun}:' + id));`,
    '  }',
    '  return out;',
    '}',
  ],
  (c, n, t, lib) => [
    `export class ${n.Noun}Store {`,
    ...(t('ts')
      ? [`  constructor(private readonly prefix: string = '${n.noun}') {}`]
      : [`  constructor(prefix = '${n.noun}') {`, '    this.prefix = prefix;', '  }']),
    `  async ids() {`,
    lib === 'ioredis' ? '' : '    await ready;',
    `    const found = await ${c}.keys(this.prefix + ':*');`,
    `    return found.map((key${t(': string')}) => key.slice(this.prefix.length + 1));`,
    '  }',
    '}',
  ],
];

/** Ordinary code: no Redis, and the names that must never be mistaken for it. */
const plainBlocks = [
  (n, t) => [
    `export function ${n.verb}${n.Noun}Totals(rows${t(': { amount: number; tag: string }[]')}) {`,
    `  const totals = new Map${t('<string, number>')}();`,
    '  for (const row of rows) totals.set(row.tag, (totals.get(row.tag) ?? 0) + row.amount);',
    '  return [...totals.keys()].sort().map((tag) => [tag, totals.get(tag)]);',
    '}',
  ],
  (n, t) => [
    `export function ${n.verb}${n.Noun}Fields(record${t(': Record<string, unknown>')}) {`,
    '  const fields = Object.keys(record).filter((name) => !name.startsWith(\'_\'));',
    `  return fields.reduce((out${t(': Record<string, unknown>')}, name) => ({ ...out, [name]: record[name] }), {});`,
    '}',
  ],
  (n, t) => [
    `export function ${n.verb}${n.Noun}Query(knex${t(': any')}, tenant${t(': string')}) {`,
    `  return knex.select('id', 'name').from('${n.noun}s').where({ tenant }).limit(${n.ttl});`,
    '}',
  ],
  (n, t) => [
    `export function ${n.verb}${n.Noun}Slug(text${t(': string')})${t(': string')} {`,
    '  let slug = \'\';',
    '  for (let i = 0; i < text.length; i++) {',
    '    const ch = text[i].toLowerCase();',
    "    if (/[a-z0-9]/.test(ch)) slug += ch;",
    "    else if (!slug.endsWith('-')) slug += '-';",
    '  }',
    "  return slug.replace(/^-|-$/g, '');",
    '}',
  ],
  (n, t) => [
    `export class ${n.Noun}Registry {`,
    `  ${t('private ')}items = new Map${t('<string, number>')}();`,
    `  add(name${t(': string')}, weight${t(': number')}) {`,
    '    this.items.set(name, weight);',
    '    return this;',
    '  }',
    '  keys() {',
    '    return [...this.items.keys()];',
    '  }',
    `  select(min${t(': number')}) {`,
    '    return [...this.items].filter(([, weight]) => weight >= min).map(([name]) => name);',
    '  }',
    '}',
  ],
  (n, t) => [
    `export async function ${n.verb}${n.Noun}Retry${t('<T>')}(task${t(': () => Promise<T>')}, attempts = 3) {`,
    '  let lastError;',
    '  for (let attempt = 0; attempt < attempts; attempt++) {',
    '    try {',
    '      return await task();',
    '    } catch (error) {',
    '      lastError = error;',
    '      await new Promise((resolve) => setTimeout(resolve, 2 ** attempt * 10));',
    '    }',
    '  }',
    '  throw lastError;',
    '}',
  ],
  (n, t) => [
    `export function ${n.verb}${n.Noun}Status(code${t(': number')}) {`,
    '  switch (Math.floor(code / 100)) {',
    "    case 2: return 'ok';",
    "    case 3: return 'redirect';",
    "    case 4: return code === 429 ? 'throttled' : 'client-error';",
    "    default: return 'server-error';",
    '  }',
    '}',
  ],
];

function names(rand, i) {
  const noun = nouns[Math.floor(rand() * nouns.length)];
  const verb = verbs[Math.floor(rand() * verbs.length)];
  return { noun, Noun: noun[0].toUpperCase() + noun.slice(1) + i, verb, ttl: 60 + Math.floor(rand() * 3600) };
}

/** The text and relative path of corpus file `i`. */
export function corpusFile(i) {
  const rand = random(0x5eed + i * 7919);
  const app = apps[i % apps.length];
  const ext = ['ts', 'ts', 'js', 'mjs'][Math.floor(rand() * 4)];
  const ts = ext === 'ts';
  const esm = ext !== 'js';
  const t = (text) => (ts ? text : '');
  const client = ['redis', 'cache', 'client', 'store'][Math.floor(rand() * 4)];
  const lines = [`// corpus file ${i} (${app.dir}, generated by scripts/lib/corpus.mjs)`];
  const exported = [];
  if (app.lib !== 'none') lines.push(...header[app.lib](ts, esm, client), '');
  const target = 70 + Math.floor(rand() * 60);
  let block = 0;
  while (lines.length < target) {
    const n = names(rand, `${i}x${block++}`);
    const useRedis = app.lib !== 'none' && rand() < 0.55;
    const body = useRedis
      ? redisBlocks[Math.floor(rand() * redisBlocks.length)](client, n, t, app.lib)
      : plainBlocks[Math.floor(rand() * plainBlocks.length)](n, t);
    const kept = body.filter((line) => line !== '');
    if (!esm) {
      // CommonJS files declare plainly and export at the end.
      kept[0] = kept[0].replace(/^export /, '');
      const name = /(?:function|class) (\w+)/.exec(kept[0]);
      if (name) exported.push(name[1]);
    }
    lines.push(...kept, '');
  }
  if (!esm) lines.push(`module.exports = { ${exported.join(', ')} };`, '');
  return { path: join(app.dir, `file${String(i).padStart(5, '0')}.${ext}`), text: lines.join('\n') };
}

/**
 * Writes files [0, count) of the corpus under `dir` (plus each app's package.json) unless a marker
 * says the same corpus is already there. Returns the absolute paths and the total line count.
 */
export function writeCorpus(dir, count) {
  const marker = join(dir, '.corpus.json');
  const files = [];
  let lineCount = 0;
  const fresh = existsSync(marker) && JSON.parse(readFileSync(marker, 'utf8')).count === count;
  if (!fresh) {
    rmSync(dir, { recursive: true, force: true });
    for (const app of apps) {
      mkdirSync(join(dir, app.dir), { recursive: true });
      writeFileSync(join(dir, app.dir, 'package.json'), JSON.stringify({ name: `bench-${app.dir}`, private: true, dependencies: app.deps }) + '\n');
    }
  }
  for (let i = 0; i < count; i++) {
    const file = corpusFile(i);
    const path = join(dir, file.path);
    if (!fresh) writeFileSync(path, file.text);
    files.push(path);
    lineCount += file.text.split('\n').length;
  }
  if (!fresh) writeFileSync(marker, JSON.stringify({ count }));
  return { files, lineCount };
}
