/**
 * The command table: data, not code. Each entry names a Redis command, where its first key is,
 * and the traits rules ask about. Method names are derived: every client exposes a command under its
 * lowercase name (ioredis `setex`, node-redis 3 `setex`), its uppercase name (node-redis 4+ `SETEX`)
 * and, for node-redis 4+, a camelCase name (`setEx`, `sAdd`, `hGetAll`); ioredis adds a `Buffer`
 * suffix for binary replies (`getBuffer`). Lowercasing the method and dropping that suffix therefore
 * finds the command in every dialect.
 */
export type CommandTrait =
  /** O(N) over the whole keyspace or blocks the single-threaded server while it runs. */
  | 'scans-keyspace'
  /** Writes (creates or overwrites) the key it names. */
  | 'writes-key'
  /** Adds members to a collection (list, set, sorted set, stream, hash). */
  | 'grows-collection'
  /** Removes members from, or caps, a collection. */
  | 'bounds-collection'
  /** Consumes a list as a queue (the list drains). */
  | 'consumes-list'
  /** Sets or keeps a TTL on a key. */
  | 'sets-ttl'
  /** Removes every key of a database or of the server. */
  | 'flushes'
  /** Switches the connection's logical database. */
  | 'selects-db'
  /** Blocks the connection waiting for data (a consumer loop, not an independent command). */
  | 'blocks-connection'
  /** Only reads. */
  | 'reads'
  /** Increments a counter. */
  | 'increments'
  /** Deletes keys. */
  | 'deletes-key'
  /** Iterates with a cursor (each call depends on the previous reply). */
  | 'cursor'
  /** Puts the connection in subscriber mode. */
  | 'subscribes'
  /** Runs a Lua script or function. */
  | 'runs-script'
  /** Takes any number of keys in one call (MGET, DEL): a batch of its own when given a list of keys. */
  | 'many-keys';

export interface CommandSpec {
  /** Canonical uppercase name, as in the Redis docs. */
  name: string;
  /** Index of the first key among the arguments, or -1 when the command names no key. */
  firstKey: number;
  traits: readonly CommandTrait[];
  /** Redis data type the key holds, when the command implies one. */
  type?: 'string' | 'list' | 'set' | 'zset' | 'hash' | 'stream';
  /**
   * Where the keys after the first are: `one` (only the first), `rest` (every argument, DEL k1 k2),
   * `all-but-last` (BRPOP k1 k2 timeout), `numkeys` (LMPOP 2 k1 k2: the argument before the first key
   * counts them), `pairs` (MSET k1 v1 k2 v2).
   */
  keys: KeyLayout;
}

export type KeyLayout = 'one' | 'rest' | 'all-but-last' | 'numkeys' | 'pairs';

type Row = [name: string, firstKey: number, traits: CommandTrait[], type?: CommandSpec['type'], keys?: KeyLayout];

const rows: Row[] = [
  // keyspace
  ['KEYS', -1, ['scans-keyspace', 'reads']],
  ['SCAN', -1, ['cursor', 'reads']],
  ['SELECT', -1, ['selects-db']],
  ['SWAPDB', -1, ['selects-db']],
  ['FLUSHALL', -1, ['flushes']],
  ['FLUSHDB', -1, ['flushes']],
  ['DBSIZE', -1, ['reads']],
  ['RANDOMKEY', -1, ['reads']],
  ['EXISTS', 0, ['reads', 'many-keys'], undefined, 'rest'],
  ['TYPE', 0, ['reads']],
  ['TTL', 0, ['reads']],
  ['PTTL', 0, ['reads']],
  ['DEL', 0, ['deletes-key', 'many-keys'], undefined, 'rest'],
  ['UNLINK', 0, ['deletes-key', 'many-keys'], undefined, 'rest'],
  ['RENAME', 0, ['writes-key']],
  ['EXPIRE', 0, ['sets-ttl']],
  ['PEXPIRE', 0, ['sets-ttl']],
  ['EXPIREAT', 0, ['sets-ttl']],
  ['PEXPIREAT', 0, ['sets-ttl']],
  ['PERSIST', 0, []],
  // strings
  ['GET', 0, ['reads'], 'string'],
  ['MGET', 0, ['reads', 'many-keys'], 'string', 'rest'],
  ['GETDEL', 0, ['deletes-key'], 'string'],
  ['GETEX', 0, ['reads', 'sets-ttl'], 'string'],
  ['STRLEN', 0, ['reads'], 'string'],
  ['GETRANGE', 0, ['reads'], 'string'],
  ['SET', 0, ['writes-key'], 'string'],
  ['SETNX', 0, ['writes-key'], 'string'],
  ['SETEX', 0, ['writes-key', 'sets-ttl'], 'string'],
  ['PSETEX', 0, ['writes-key', 'sets-ttl'], 'string'],
  ['MSET', 0, ['writes-key', 'many-keys'], 'string', 'pairs'],
  ['MSETNX', 0, ['writes-key', 'many-keys'], 'string', 'pairs'],
  ['GETSET', 0, ['writes-key'], 'string'],
  ['SETRANGE', 0, ['writes-key'], 'string'],
  ['APPEND', 0, ['writes-key'], 'string'],
  ['INCR', 0, ['writes-key', 'increments'], 'string'],
  ['INCRBY', 0, ['writes-key', 'increments'], 'string'],
  ['INCRBYFLOAT', 0, ['writes-key', 'increments'], 'string'],
  ['DECR', 0, ['writes-key', 'increments'], 'string'],
  ['DECRBY', 0, ['writes-key', 'increments'], 'string'],
  // hashes
  ['HGET', 0, ['reads'], 'hash'],
  ['HMGET', 0, ['reads'], 'hash'],
  ['HGETALL', 0, ['reads'], 'hash'],
  ['HKEYS', 0, ['reads'], 'hash'],
  ['HVALS', 0, ['reads'], 'hash'],
  ['HLEN', 0, ['reads'], 'hash'],
  ['HEXISTS', 0, ['reads'], 'hash'],
  ['HSCAN', 0, ['cursor', 'reads'], 'hash'],
  ['HSET', 0, ['writes-key', 'grows-collection'], 'hash'],
  ['HSETNX', 0, ['writes-key', 'grows-collection'], 'hash'],
  ['HMSET', 0, ['writes-key', 'grows-collection'], 'hash'],
  ['HDEL', 0, ['bounds-collection'], 'hash'],
  ['HINCRBY', 0, ['writes-key', 'increments'], 'hash'],
  ['HINCRBYFLOAT', 0, ['writes-key', 'increments'], 'hash'],
  ['HEXPIRE', 0, ['sets-ttl'], 'hash'],
  // lists
  ['LPUSH', 0, ['writes-key', 'grows-collection'], 'list'],
  ['RPUSH', 0, ['writes-key', 'grows-collection'], 'list'],
  ['LPUSHX', 0, ['writes-key', 'grows-collection'], 'list'],
  ['RPUSHX', 0, ['writes-key', 'grows-collection'], 'list'],
  ['LINSERT', 0, ['writes-key', 'grows-collection'], 'list'],
  ['LTRIM', 0, ['bounds-collection'], 'list'],
  ['LREM', 0, ['bounds-collection'], 'list'],
  ['LPOP', 0, ['bounds-collection', 'consumes-list'], 'list'],
  ['RPOP', 0, ['bounds-collection', 'consumes-list'], 'list'],
  ['BLPOP', 0, ['bounds-collection', 'consumes-list', 'blocks-connection'], 'list', 'all-but-last'],
  ['BRPOP', 0, ['bounds-collection', 'consumes-list', 'blocks-connection'], 'list', 'all-but-last'],
  ['LMOVE', 0, ['bounds-collection', 'consumes-list'], 'list'],
  ['BLMOVE', 0, ['bounds-collection', 'consumes-list', 'blocks-connection'], 'list'],
  ['RPOPLPUSH', 0, ['bounds-collection', 'consumes-list'], 'list'],
  ['BRPOPLPUSH', 0, ['bounds-collection', 'consumes-list', 'blocks-connection'], 'list'],
  ['LMPOP', 1, ['bounds-collection', 'consumes-list'], 'list', 'numkeys'],
  ['BLMPOP', 2, ['bounds-collection', 'consumes-list', 'blocks-connection'], 'list', 'numkeys'],
  ['LRANGE', 0, ['reads'], 'list'],
  ['LLEN', 0, ['reads'], 'list'],
  ['LINDEX', 0, ['reads'], 'list'],
  // sets
  ['SADD', 0, ['writes-key', 'grows-collection'], 'set'],
  ['SREM', 0, ['bounds-collection'], 'set'],
  ['SPOP', 0, ['bounds-collection'], 'set'],
  ['SMOVE', 0, ['bounds-collection'], 'set'],
  ['SMEMBERS', 0, ['reads'], 'set'],
  ['SISMEMBER', 0, ['reads'], 'set'],
  ['SMISMEMBER', 0, ['reads'], 'set'],
  ['SCARD', 0, ['reads'], 'set'],
  ['SSCAN', 0, ['cursor', 'reads'], 'set'],
  ['SUNION', 0, ['reads', 'many-keys'], 'set', 'rest'],
  ['SINTER', 0, ['reads', 'many-keys'], 'set', 'rest'],
  // sorted sets
  ['ZADD', 0, ['writes-key', 'grows-collection'], 'zset'],
  ['ZINCRBY', 0, ['writes-key', 'grows-collection', 'increments'], 'zset'],
  ['ZREM', 0, ['bounds-collection'], 'zset'],
  ['ZREMRANGEBYRANK', 0, ['bounds-collection'], 'zset'],
  ['ZREMRANGEBYSCORE', 0, ['bounds-collection'], 'zset'],
  ['ZREMRANGEBYLEX', 0, ['bounds-collection'], 'zset'],
  ['ZPOPMIN', 0, ['bounds-collection'], 'zset'],
  ['ZPOPMAX', 0, ['bounds-collection'], 'zset'],
  ['BZPOPMIN', 0, ['bounds-collection', 'blocks-connection'], 'zset', 'all-but-last'],
  ['BZPOPMAX', 0, ['bounds-collection', 'blocks-connection'], 'zset', 'all-but-last'],
  ['ZMPOP', 1, ['bounds-collection'], 'zset', 'numkeys'],
  ['ZRANGE', 0, ['reads'], 'zset'],
  ['ZRANGEBYSCORE', 0, ['reads'], 'zset'],
  ['ZREVRANGE', 0, ['reads'], 'zset'],
  ['ZSCORE', 0, ['reads'], 'zset'],
  ['ZCARD', 0, ['reads'], 'zset'],
  ['ZRANK', 0, ['reads'], 'zset'],
  ['ZSCAN', 0, ['cursor', 'reads'], 'zset'],
  // streams
  ['XADD', 0, ['writes-key', 'grows-collection'], 'stream'],
  ['XTRIM', 0, ['bounds-collection'], 'stream'],
  ['XDEL', 0, ['bounds-collection'], 'stream'],
  ['XLEN', 0, ['reads'], 'stream'],
  ['XRANGE', 0, ['reads'], 'stream'],
  ['XREVRANGE', 0, ['reads'], 'stream'],
  ['XREAD', -1, ['reads', 'blocks-connection'], 'stream'],
  ['XREADGROUP', -1, ['reads', 'blocks-connection'], 'stream'],
  ['XACK', 0, [], 'stream'],
  ['XGROUP', -1, [], 'stream'],
  // scripting, pub/sub, transactions, server
  ['EVAL', -1, ['runs-script']],
  ['EVALSHA', -1, ['runs-script']],
  ['EVAL_RO', -1, ['runs-script']],
  ['EVALSHA_RO', -1, ['runs-script']],
  ['FCALL', -1, ['runs-script']],
  ['SCRIPT', -1, []],
  ['SUBSCRIBE', -1, ['subscribes']],
  ['PSUBSCRIBE', -1, ['subscribes']],
  ['SSUBSCRIBE', -1, ['subscribes']],
  ['PUBLISH', -1, []],
  ['WATCH', 0, [], undefined, 'rest'],
  ['UNWATCH', -1, []],
  ['PING', -1, []],
  ['INFO', -1, []],
  ['CONFIG', -1, []],
  ['DEBUG', -1, []],
  ['CLIENT', -1, []],
  ['WAIT', -1, ['blocks-connection']],
];

export const commandTable: ReadonlyMap<string, CommandSpec> = new Map(
  rows.map(([name, firstKey, traits, type, keys = 'one']) => [name, { name, firstKey, traits, type, keys }]),
);

/** Client methods that are not commands and must never be read as one. */
const notCommands = new Set(['connect', 'disconnect', 'quit', 'close', 'destroy', 'duplicate', 'on', 'once', 'off', 'emit']);

/**
 * The command a client method name stands for in any dialect: `keys`, `KEYS`, `setEx`, `sAdd`,
 * `hGetAll`, `getBuffer` all resolve; names that are not Redis commands resolve to undefined.
 */
export function commandForMethod(method: string): CommandSpec | undefined {
  if (notCommands.has(method)) return undefined;
  let upper = method.toUpperCase();
  if (!commandTable.has(upper) && method.endsWith('Buffer')) upper = method.slice(0, -'Buffer'.length).toUpperCase();
  return commandTable.get(upper);
}

/** The command named by a string argument of `call('keys', ...)` or `sendCommand(['KEYS', ...])`. */
export function commandForName(name: string): CommandSpec | undefined {
  const upper = name.toUpperCase();
  return commandTable.get(upper) ?? { name: upper, firstKey: -1, traits: [], keys: 'one' };
}

export function hasTrait(spec: CommandSpec | undefined, trait: CommandTrait): boolean {
  return spec !== undefined && spec.traits.includes(trait);
}
