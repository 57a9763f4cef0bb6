import type { TSESTree } from '@typescript-eslint/utils';
import { AST_NODE_TYPES } from '../util/ast-node-types';
import { unwrap } from './build';
import type { RedisCall } from './types';

type Node = TSESTree.Node;

/**
 * What the options of a SET say, read from every way clients spell them: ioredis and `call()`
 * tokens (`'EX', 60, 'NX'`), node-redis 4 `{ EX: 60, NX: true }`, node-redis 5+
 * `{ expiration: { type: 'EX', value: 60 }, condition: 'NX' }`. `unknown` when an option is computed
 * (`set(k, v, ...opts)`, `set(k, v, mode, ttl)`): rules then stay silent.
 */
export interface SetOptions {
  unknown: boolean;
  /** EX, PX, EXAT, PXAT or KEEPTTL: the key gets (or keeps) an expiry. */
  ttl: boolean;
  /** NX: only set when the key is absent (a lock or a set-once). */
  nx: boolean;
  /** The object literal holding node-redis options, when there is one. */
  object?: TSESTree.ObjectExpression;
}

const ttlTokens = new Set(['EX', 'PX', 'EXAT', 'PXAT', 'KEEPTTL']);
const valuedTokens = new Set(['EX', 'PX', 'EXAT', 'PXAT']);

const stringOf = (node: Node | undefined): string | undefined => {
  const expr = node && unwrap(node);
  return expr?.type === AST_NODE_TYPES.Literal && typeof expr.value === 'string' ? expr.value : undefined;
};

function propertyKey(prop: TSESTree.Property): string | undefined {
  if (!prop.computed && prop.key.type === AST_NODE_TYPES.Identifier) return prop.key.name;
  if (prop.key.type === AST_NODE_TYPES.Literal && typeof prop.key.value === 'string') return prop.key.value;
  return undefined;
}

/** The options of a SET call (arguments after key and value). */
export function setOptions(call: RedisCall): SetOptions {
  const result: SetOptions = { unknown: false, ttl: false, nx: false };
  const options = call.args.slice(2);
  for (let i = 0; i < options.length; i++) {
    const arg = unwrap(options[i]);
    const token = stringOf(arg)?.toUpperCase();
    if (token !== undefined) {
      if (ttlTokens.has(token)) result.ttl = true;
      if (token === 'NX') result.nx = true;
      if (valuedTokens.has(token)) i++;
      continue;
    }
    if (arg.type === AST_NODE_TYPES.ObjectExpression) {
      result.object = arg;
      for (const prop of arg.properties) {
        if (prop.type !== AST_NODE_TYPES.Property) {
          result.unknown = true;
          continue;
        }
        const key = propertyKey(prop);
        if (key === undefined) result.unknown = true;
        else if (ttlTokens.has(key) || key === 'expiration') result.ttl = true;
        else if (key === 'NX') result.nx = !(prop.value.type === AST_NODE_TYPES.Literal && prop.value.value === false);
        else if (key === 'condition') {
          const condition = stringOf(prop.value as Node);
          if (condition === undefined) result.unknown = true;
          else if (condition.toUpperCase() === 'NX') result.nx = true;
        }
      }
      continue;
    }
    // node-redis 3 and ioredis take a trailing callback; it says nothing about expiry.
    if (arg.type === AST_NODE_TYPES.ArrowFunctionExpression || arg.type === AST_NODE_TYPES.FunctionExpression) continue;
    result.unknown = true;
  }
  return result;
}

/**
 * Whether an XADD caps its stream: `MAXLEN`/`MINID` tokens before the ID (ioredis, `call()`) or a
 * `TRIM` option (node-redis `xAdd(key, id, message, { TRIM })`). `unknown` when computed.
 */
export function xaddTrim(call: RedisCall): 'trimmed' | 'untrimmed' | 'unknown' {
  const args = call.args;
  if (args.some((a) => a.type === AST_NODE_TYPES.SpreadElement)) return 'unknown';
  if (call.client.library === 'node-redis' && call.via === 'method') {
    if (args.length < 4) return args.length === 3 ? 'untrimmed' : 'unknown';
    const options = unwrap(args[3]);
    if (options.type !== AST_NODE_TYPES.ObjectExpression) return 'unknown';
    if (options.properties.some((p) => p.type !== AST_NODE_TYPES.Property || propertyKey(p) === undefined)) return 'unknown';
    return options.properties.some((p) => propertyKey(p as TSESTree.Property) === 'TRIM') ? 'trimmed' : 'untrimmed';
  }
  for (const arg of args.slice(1)) {
    const token = stringOf(arg)?.toUpperCase();
    if (token === undefined) return 'unknown';
    if (token === 'MAXLEN' || token === 'MINID') return 'trimmed';
    if (token === 'NOMKSTREAM') continue;
    return 'untrimmed'; // the entry ID: options can no longer follow
  }
  return 'unknown';
}
