import type { TSESTree } from '@typescript-eslint/utils';
import { AST_NODE_TYPES } from '../../src/util/ast-node-types';
import { createRule } from '../../src/util/create-rule';
import {
  getRedisModel, hasTrait, isLaterInScope, keyShape, runsBefore, matchesKeyPattern, replyReaches, sameKeyCalls, setOptions,
  type Dialect, type KeyShape, type RedisCall,
} from '../../src/model';
import { isTemporaryKey } from '../../src/model/temporary';
import { addExpiryToOptions, addSetExpiry } from '../../src/fix/ttl';

/** Writes that store data with no expiry unless told otherwise. */
const writes = new Set(['SET', 'SETNX', 'MSET', 'MSETNX', 'HSET', 'HMSET', 'HSETNX', 'SETRANGE', 'APPEND']);

type Options = [{ keyPatterns?: string[]; ignoreKeyPatterns?: string[]; checkAllKeys?: boolean; ttlSeconds?: number }];

const defaultSuggestedTtl = 3600;

export default createRule<Options, 'noTtl' | 'suggestTtl'>({
  name: 'require-ttl',
  meta: {
    type: 'problem',
    docs: {
      description: 'Require a TTL on writes of temporary data (caches, sessions, tokens, locks, rate limits)',
      recommended: 'warn',
    },
    fixable: 'code',
    hasSuggestions: true,
    messages: {
      noTtl:
        '{{command}} of `{{key}}` stores temporary data with no TTL: the key stays in memory until something deletes it. One million 1 KB sessions or cache entries is about 1 GB that never leaves, until maxmemory evicts other data or writes fail with OOM. Set an expiry in the same command (EX/PX, SETEX) or EXPIRE the key in the same MULTI.',
      suggestTtl: 'Expire the key after {{seconds}} seconds ({{form}}).',
    },
    schema: [
      {
        type: 'object',
        properties: {
          keyPatterns: { type: 'array', items: { type: 'string' }, description: 'Redis globs of keys that must always expire.' },
          ignoreKeyPatterns: { type: 'array', items: { type: 'string' }, description: 'Redis globs of keys that may live forever.' },
          checkAllKeys: { type: 'boolean', description: 'Require a TTL on every write, not only on keys that look temporary.' },
          ttlSeconds: { type: 'integer', minimum: 1, description: 'The TTL the autofix adds; without it the TTL is only a suggestion.' },
        },
        additionalProperties: false,
      },
    ],
  },
  defaultOptions: [{}],
  create(context, [options]) {
    const sourceCode = context.sourceCode;
    const keyPatterns = options.keyPatterns ?? [];
    const ignoreKeyPatterns = options.ignoreKeyPatterns ?? [];
    return {
      'Program:exit'() {
        const model = getRedisModel(context);
        for (const call of model.calls) {
          if (!writes.has(call.command) || call.via === 'lua') continue;
          const keys = writtenKeys(call);
          if (keys.length === 0) continue;
          const isSet = call.command === 'SET';
          const set = isSet ? setOptions(call) : undefined;
          if (set && (set.unknown || set.ttl)) continue;
          const nx = call.command === 'SETNX' || call.command === 'MSETNX' || set?.nx === true;
          const flagged = keys.find(({ node, shape }) => mustExpire(call, node, shape, nx) && !expiresLater(call, node));
          if (!flagged) continue;
          const dialect = model.dialectOf(call.client);
          report(call, flagged.shape, isSet ? dialect : undefined);
        }

        function report(call: RedisCall, shape: KeyShape, dialect: Dialect | undefined) {
          const node = call.node as TSESTree.CallExpression;
          const data = { command: call.command, key: shape.glob };
          const rewritable = dialect !== undefined && call.via === 'method' && node.type === AST_NODE_TYPES.CallExpression;
          // SET k v -> SET k v EX n; SET k v NX / { NX: true } keeps its options and gains EX n.
          const withTtl = (seconds: number) => !rewritable ? undefined
            : node.arguments.length === 2 ? addSetExpiry(dialect, node, 'EX', seconds)
            : addExpiryToOptions(dialect, node, setOptions(call).object, 'EX', seconds);
          if (options.ttlSeconds !== undefined) {
            const fix = withTtl(options.ttlSeconds);
            if (fix) {
              context.report({ node, messageId: 'noTtl', data, fix });
              return;
            }
          }
          const fix = withTtl(defaultSuggestedTtl);
          context.report({
            node,
            messageId: 'noTtl',
            data,
            suggest: fix
              ? [{
                messageId: 'suggestTtl' as const,
                data: { seconds: String(defaultSuggestedTtl), form: dialect === 'ioredis' ? `'EX', ${defaultSuggestedTtl}` : 'EX option' },
                fix,
              }]
              : [],
          });
        }

        /** Keys written by the command: MSET names every other argument. */
        function writtenKeys(call: RedisCall): { node: TSESTree.Node; shape: KeyShape }[] {
          return call.keyNodes.flatMap((node) => {
            const shape = keyShape(node, sourceCode);
            return shape ? [{ node, shape }] : [];
          });
        }

        function mustExpire(call: RedisCall, node: TSESTree.Node, shape: KeyShape, nx: boolean): boolean {
          if (ignoreKeyPatterns.some((p) => matchesKeyPattern(p, shape))) return false;
          if (options.checkAllKeys || keyPatterns.some((p) => matchesKeyPattern(p, shape))) return true;
          const temporary = isTemporaryKey(shape);
          // A lock taken with NX and no TTL is no-unsafe-lock's finding; one report per line.
          if (temporary === 'lock' && nx) return false;
          return temporary !== undefined || isCacheAside(call, node);
        }

        /** EXPIRE (or SETEX, or a SET with EX) of the same key later in the function or batch. */
        function expiresLater(call: RedisCall, node: TSESTree.Node): boolean {
          const probe = { ...call, keyNode: node };
          return sameKeyCalls(model.calls, probe, sourceCode).some((other) => {
            if (!isLaterInScope(call, other)) return false;
            if (other.command === 'SET') return setOptions(other).ttl;
            return hasTrait(other.spec, 'sets-ttl');
          });
        }

        /**
         * The cache-aside shape: the function reads the key, tests the reply for a miss, returns it
         * on a hit, and writes the key on a miss. (Without the return it is "set a default when
         * absent", which may rightly be permanent.) A cache entry with no TTL serves stale data forever and never leaves memory.
         */
        function isCacheAside(call: RedisCall, node: TSESTree.Node): boolean {
          const probe = { ...call, keyNode: node };
          return sameKeyCalls(model.calls, probe, sourceCode).some((read) =>
            read.fn === call.fn && runsBefore(read, call) && hasTrait(read.spec, 'reads') &&
            (read.spec.type === call.spec.type || read.command === 'EXISTS') && replyReaches(read.node, sourceCode, isMissTest) && replyReaches(read.node, sourceCode, isReturned));
        }
      },
    };

  },
});

/** `return x`, `return JSON.parse(x)`, `=> x ?? load()`: the reply is served to the caller. */
function isReturned(node: TSESTree.Node): boolean {
  let current = node;
  for (let depth = 0; depth < 4 && current.parent; depth++) {
    const parent: TSESTree.Node = current.parent;
    if (parent.type === AST_NODE_TYPES.ReturnStatement) return true;
    if (parent.type === AST_NODE_TYPES.ArrowFunctionExpression) return parent.body === current;
    if (/Statement$|Declaration$|FunctionExpression$/.test(parent.type)) return false;
    current = parent;
  }
  return false;
}

/** `if (x)`, `!x`, `x ?? y`, `x || y`, `x === null`, `x ? a : b`: code that handles a cache miss. */
function isMissTest(node: TSESTree.Node): boolean {
  const parent = node.parent;
  if (!parent) return false;
  switch (parent.type) {
    case AST_NODE_TYPES.IfStatement:
    case AST_NODE_TYPES.ConditionalExpression:
      return parent.test === node;
    case AST_NODE_TYPES.UnaryExpression:
      return parent.operator === '!';
    case AST_NODE_TYPES.LogicalExpression:
      return parent.left === node;
    case AST_NODE_TYPES.BinaryExpression: {
      const other = parent.left === node ? parent.right : parent.left;
      return ['==', '===', '!=', '!=='].includes(parent.operator) &&
        ((other.type === AST_NODE_TYPES.Literal && other.value === null) || (other.type === AST_NODE_TYPES.Identifier && other.name === 'undefined'));
    }
    default:
      return false;
  }
}
