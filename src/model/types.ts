import type { TSESTree } from '@typescript-eslint/utils';
import type { CommandSpec } from './commands';

/**
 * The client libraries the model tells apart. `iovalkey` is a fork of ioredis with the same API;
 * node-redis 3 (`redis` < 4) has a callback API of its own.
 */
export type Library = 'ioredis' | 'iovalkey' | 'node-redis';

/** The API family a fix must be written for. */
export type Dialect = 'ioredis' | 'node-redis-3' | 'node-redis-4' | 'node-redis-5';

export interface ClientInfo {
  /** Undefined when only the user's `clientNames` setting vouches for the receiver. */
  library: Library | undefined;
  major: number | undefined;
  /** `client` for a connection, `cluster` for a cluster client, `pipeline` / `multi` for a batch. */
  kind: 'client' | 'cluster' | 'pipeline' | 'multi';
  /** For a pipeline or multi: the expression that created it (`redis.pipeline()`). */
  batch?: BatchInfo;
  /** The expression that built the client (`new Redis({...})`, `createClient({...})`), when it is in this file. */
  origin?: TSESTree.NewExpression | TSESTree.CallExpression;
  /** The module the client came from (`ioredis`, `redis`, `@redis/client`), when known. */
  moduleName?: string;
}

export interface BatchInfo {
  kind: 'pipeline' | 'multi';
  /** The expression that created the batch: `redis.pipeline()`, `client.multi()`. */
  node: TSESTree.Node;
}

export type Via = 'method' | 'call' | 'sendCommand' | 'batch-array' | 'lua';

export interface RedisCall {
  /** Canonical uppercase command name: `KEYS`, `SETEX`. */
  command: string;
  spec: CommandSpec;
  client: ClientInfo;
  /** The command's arguments after the name, as written (for Lua: none). */
  args: TSESTree.Node[];
  /** The first key argument, when the command names one and it is written out. */
  keyNode: TSESTree.Node | undefined;
  /** Every key argument written out, the first included (DEL k1 k2, BRPOP q1 q2 0); none for Lua. */
  keyNodes: TSESTree.Node[];
  /** The call expression (for Lua: the call that runs the script). */
  node: TSESTree.Node;
  /** The receiver the command is sent through: `redis` in `redis.keys()`. */
  receiver: TSESTree.Node | undefined;
  via: Via;
  /** The method as written: `keys`, `KEYS`, `setEx`, `call`. */
  method: string;
  /** The batch (pipeline or MULTI) the command is queued in, if any. */
  batch: BatchInfo | undefined;
  /** For commands inside Lua source: the range in the file of the `redis.call('...')` text. */
  luaRange?: [number, number];
  /**
   * True when the call is in an optional chain (`redis?.keys(p)`, `redis.keys?.(p)`): a rewrite that
   * re-spells the receiver would drop the `?.` and throw where the original returned undefined.
   */
  optional: boolean;
  /** True when the call's promise is awaited on the spot. */
  awaited: boolean;
  /** The nearest enclosing loop inside the same function, if any. */
  loop: TSESTree.Node | undefined;
  /** The nearest enclosing function, or undefined at module level. */
  fn: TSESTree.Node | undefined;
}

/** Where a client is constructed: `new Redis()`, `createClient()`, `.duplicate()`. */
export interface ClientConstruction {
  node: TSESTree.NewExpression | TSESTree.CallExpression;
  client: ClientInfo;
  fn: TSESTree.Node | undefined;
}

export interface RedisModel {
  calls: RedisCall[];
  constructions: ClientConstruction[];
  /** The client a node evaluates to, or undefined when it is not (or not known to be) a Redis client. */
  clientOf(node: TSESTree.Node): ClientInfo | undefined;
  /** The dialect a fix must be written for, or undefined when library or major version is unknown. */
  dialectOf(client: ClientInfo): Dialect | undefined;
}
