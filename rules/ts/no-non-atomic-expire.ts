import type { TSESTree } from '@typescript-eslint/utils';
import { AST_NODE_TYPES } from '../../src/util/ast-node-types';
import { createRule } from '../../src/util/create-rule';
import { getRedisModel, hasTrait, isLaterInScope, keyShape, replyReaches, runsBefore, sameKeyCalls, setOptions, statementOf, type Dialect, type RedisCall } from '../../src/model';
import { areAdjacent, queued, statementsAsMulti } from '../../src/fix/multi';
import { isTypeScriptFile } from '../../src/util/files';

const expires = new Set(['EXPIRE', 'PEXPIRE', 'EXPIREAT', 'PEXPIREAT']);
const relational = new Set(['<', '<=', '>', '>=']);

export default createRule({
  name: 'no-non-atomic-expire',
  meta: {
    type: 'problem',
    docs: {
      description: 'Disallow a write and its EXPIRE as separate round trips, and GET-compare-INCR rate limiters',
      recommended: 'error',
    },
    fixable: 'code',
    hasSuggestions: true,
    messages: {
      separate:
        'EXPIRE of `{{key}}` is a separate round trip after {{write}} (line {{line}}): if the process dies, times out or loses the connection in between (one RTT, ~0.2-1 ms, on every call), the key stays forever with no TTL, and a counter that never resets blocks a user for good. Send both in one MULTI, or set the TTL in the write itself (SET ... EX).',
      suggestMulti: 'Send {{write}} and EXPIRE in one MULTI.',
      checkThenAct:
        '{{write}} of `{{key}}` after comparing a GET of the same key (line {{line}}) is check-then-act: between the GET and the {{write}} (one round trip) other clients pass the same check, so N concurrent requests can all get through a limit of 1. INCR first and compare its reply (INCR, then EXPIRE in the same MULTI when the reply is 1), or do the check in one Lua script.',
    },
    schema: [],
  },
  defaultOptions: [],
  create(context) {
    const sourceCode = context.sourceCode;
    const typescript = isTypeScriptFile(context.filename);
    return {
      'Program:exit'() {
        const model = getRedisModel(context);
        for (const call of model.calls) {
          if (call.via === 'lua' || !call.keyNode) continue;
          if (expires.has(call.command)) checkExpire(call);
          else if (hasTrait(call.spec, 'increments')) checkIncrement(call);
        }

        function checkExpire(expire: RedisCall) {
          const shape = keyShape(expire.keyNode, sourceCode);
          if (!shape) return;
          const write = sameKeyCalls(model.calls, expire, sourceCode)
            .filter((w) => isWrite(w) && w.via !== 'lua' && isLaterInScope(w, expire) && !sameBatch(w, expire))
            .pop();
          if (!write) return;
          // SETNX or SET NX then EXPIRE is a lock taking its lease late: no-unsafe-lock's finding, whose
          // fix is one SET NX EX (a MULTI would still refresh another holder's lease when NX fails).
          if (write.command === 'SETNX' || (write.command === 'SET' && setOptions(write).nx)) return;
          const data = { key: shape.glob, write: write.command, line: String(write.node.loc.start.line) };
          const fix = multiFix(write, expire, model.dialectOf(write.client));
          if (fix && fix.auto) context.report({ node: expire.node, messageId: 'separate', data, fix: fix.apply });
          else {
            context.report({
              node: expire.node,
              messageId: 'separate',
              data,
              suggest: fix ? [{ messageId: 'suggestMulti' as const, data: { write: write.command }, fix: fix.apply }] : [],
            });
          }
        }

        function checkIncrement(increment: RedisCall) {
          if (increment.batch) return;
          const shape = keyShape(increment.keyNode, sourceCode);
          if (!shape) return;
          const others = sameKeyCalls(model.calls, increment, sourceCode);
          const read = others.find((r) => r.command === 'GET' && !r.batch && r.fn === increment.fn && runsBefore(r, increment) && replyReaches(r.node, sourceCode, inComparison));
          if (!read) return;
          // WATCH makes the GET-then-write an optimistic transaction: EXEC fails if the key changed.
          if (model.calls.some((w) => w.command === 'WATCH' && w.fn === increment.fn)) return;
          context.report({
            node: increment.node,
            messageId: 'checkThenAct',
            data: { key: shape.glob, write: increment.command, line: String(read.node.loc.start.line) },
          });
        }
      },
    };

    /** A write that leaves the key without a TTL: a SET with EX already expires, whatever the EXPIRE after it does. */
    function isWrite(call: RedisCall): boolean {
      if (!hasTrait(call.spec, 'writes-key') && !hasTrait(call.spec, 'grows-collection')) return false;
      if (hasTrait(call.spec, 'sets-ttl')) return false;
      if (call.command === 'SET') {
        const options = setOptions(call);
        return !options.unknown && !options.ttl;
      }
      return true;
    }

    function sameBatch(a: RedisCall, b: RedisCall): boolean {
      return a.batch !== undefined && b.batch !== undefined && a.batch.node === b.batch.node;
    }

    /**
     * Both commands as one MULTI, when they are back-to-back statements on the same client: an
     * EXPIRE behind an `if` (only on the first INCR) must not become unconditional, which would
     * turn a fixed window into a sliding one. An autofix when the write's reply is unused or the
     * file is JavaScript; in TypeScript the reply's type changes, so a suggestion.
     */
    function multiFix(write: RedisCall, expire: RedisCall, dialect: Dialect | undefined) {
      if (!dialect || write.via !== 'method' || expire.via !== 'method' || write.optional || expire.optional || write.batch || expire.batch) return undefined;
      if (write.client.kind !== 'client' || expire.client.kind !== 'client') return undefined;
      if (!write.receiver || !expire.receiver || sourceCode.getText(write.receiver) !== sourceCode.getText(expire.receiver)) return undefined;
      const first = statementOf(write.node);
      const second = statementOf(expire.node);
      if (!first || second?.kind !== 'expression' || first.awaited !== second.awaited) return undefined;
      if (!areAdjacent(first.statement, second.statement)) return undefined;
      return statementsAsMulti(
        dialect, sourceCode, write.receiver,
        [queued(sourceCode, write.node as TSESTree.CallExpression, write.method), queued(sourceCode, expire.node as TSESTree.CallExpression, expire.method)],
        first, second.statement, typescript,
      );
    }
  },
});

/** A limit check on a GET's reply: `x >= limit`, `Number(x) < max`, `parseInt(x, 10) > n`. */
function inComparison(node: TSESTree.Node): boolean {
  let current = node;
  for (let depth = 0; depth < 3 && current.parent; depth++) {
    const parent: TSESTree.Node = current.parent;
    if (parent.type === AST_NODE_TYPES.BinaryExpression) return relational.has(parent.operator);
    if (parent.type !== AST_NODE_TYPES.CallExpression && parent.type !== AST_NODE_TYPES.UnaryExpression && parent.type !== AST_NODE_TYPES.TSAsExpression) return false;
    current = parent;
  }
  return false;
}
