import type { TSESLint, TSESTree } from '@typescript-eslint/utils';
import { AST_NODE_TYPES } from '../../src/util/ast-node-types';
import { createRule } from '../../src/util/create-rule';
import {
  getRedisModel, hasTrait, isLaterInScope, keyShape, runsBefore, sameKeyCalls, setOptions, statementOf, type Dialect, type RedisCall,
} from '../../src/model';
import { isTemporaryKey } from '../../src/model/temporary';
import { addExpiryToOptions } from '../../src/fix/ttl';
import { compareAndDelete, setnxWithLease } from '../../src/fix/lock';
import { isRepeatable } from '../../src/fix/trim';
import { areAdjacent } from '../../src/fix/multi';
import { statementLineRange } from '../../src/fix/text';
import type { ExpiryUnit } from '../../src/fix/ttl';

const expires = new Set(['EXPIRE', 'PEXPIRE', 'EXPIREAT', 'PEXPIREAT']);
/** The SET option that sets the same expiry as each EXPIRE command. */
const setUnitOf: Record<string, ExpiryUnit> = { EXPIRE: 'EX', PEXPIRE: 'PX', EXPIREAT: 'EXAT', PEXPIREAT: 'PXAT' };
const suggestedLeaseMs = 30_000;

export default createRule({
  name: 'no-unsafe-lock',
  meta: {
    type: 'problem',
    docs: {
      description: 'Disallow Redis locks that never expire or that are released without checking the owner',
      recommended: 'error',
    },
    hasSuggestions: true,
    messages: {
      noTtl:
        'This lock on `{{key}}` is taken with NX and no expiry: if the holder crashes, is killed by a deploy or loses its connection, the key stays forever and every later caller waits on a lock nobody will release. Give it a lease: SET key token NX PX <ms>.',
      separateExpire:
        '{{command}} on `{{key}}` takes the lock and a separate EXPIRE (line {{line}}) gives it a lease one round trip later: a crash in between leaves a lock that never expires. Take it with one command: SET key token NX PX <ms>.',
      unsafeRelease:
        'This DEL releases the lock `{{key}}` without checking that this process still owns it: when the lease expired during a long task (GC pause, slow I/O) and another process took the lock, this DEL frees their lock and two holders run at once. Delete only if the value is still your token, atomically, in a Lua script.',
      suggestLease: 'Add a lease of {{ms}} ms (PX {{ms}}); choose longer than the longest critical section.',
      suggestCompareAndDelete: 'Release with a compare-and-delete Lua script (GET == token, then DEL).',
      suggestOneCommand: 'Take the lock and its lease in one command: SET key token NX {{unit}} (the separate {{expire}} goes).',
    },
    schema: [],
  },
  defaultOptions: [],
  create(context) {
    const sourceCode = context.sourceCode;
    return {
      'Program:exit'() {
        const model = getRedisModel(context);
        const locks: RedisCall[] = [];
        for (const call of model.calls) {
          if (call.via === 'lua' || !call.keyNode) continue;
          const shape = keyShape(call.keyNode, sourceCode);
          if (!shape) continue;
          let acquiredWithoutTtl: boolean;
          if (call.command === 'SET') {
            const options = setOptions(call);
            if (options.unknown || !options.nx) continue;
            locks.push(call);
            acquiredWithoutTtl = !options.ttl;
          } else if (call.command === 'SETNX') {
            acquiredWithoutTtl = true;
            // SETNX is also a plain set-once; it is a lock when it gets a lease or a lock-like key.
            if (isTemporaryKey(shape) === 'lock') locks.push(call);
          } else continue;
          if (!acquiredWithoutTtl) continue;
          const laterExpires = sameKeyCalls(model.calls, call, sourceCode).filter((e) => expires.has(e.command) && isLaterInScope(call, e));
          // An EXPIRE queued in the same MULTI or pipeline goes out in the same round trip: a lease.
          if (laterExpires.some((e) => call.batch && e.batch && call.batch.node === e.batch.node)) continue;
          const expire = laterExpires[0];
          const data = { key: shape.glob, command: call.command === 'SET' ? 'SET NX' : 'SETNX' };
          if (expire) {
            if (!locks.includes(call)) locks.push(call);
            context.report({
              node: call.node, messageId: 'separateExpire', data: { ...data, line: String(expire.node.loc.start.line) },
              suggest: oneCommandSuggestion(call, expire, model.dialectOf(call.client)),
            });
          } else if (call.command === 'SET') {
            if (looksLikeLock(call, shape)) context.report({ node: call.node, messageId: 'noTtl', data, suggest: leaseSuggestion(call, model.dialectOf(call.client)) });
          } else if (locks.includes(call)) {
            context.report({ node: call.node, messageId: 'noTtl', data, suggest: setnxLeaseSuggestion(call, model.dialectOf(call.client)) });
          }
        }
        for (const call of model.calls) {
          if ((call.command !== 'DEL' && call.command !== 'UNLINK') || call.via !== 'method' || call.args.length !== 1 || !call.keyNode) continue;
          const lock = sameKeyCalls(model.calls, call, sourceCode).find((l) => locks.includes(l));
          if (!lock) continue;
          // A GET of the key first is an owner check (racy, but a deliberate one).
          const checked = sameKeyCalls(model.calls, call, sourceCode).some((g) => g.command === 'GET' && g.fn === call.fn && runsBefore(g, call));
          if (checked) continue;
          const shape = keyShape(call.keyNode, sourceCode)!;
          context.report({
            node: call.node,
            messageId: 'unsafeRelease',
            data: { key: shape.glob },
            suggest: releaseSuggestion(call, lock, model.dialectOf(call.client)),
          });
        }
      },
    };

    /**
     * SET NX is also a plain set-once (`SET user:1:created <ts> NX`), which may rightly live forever.
     * It is a lock when the key says so or when the file releases it with DEL.
     */
    function looksLikeLock(call: RedisCall, shape: NonNullable<ReturnType<typeof keyShape>>): boolean {
      if (isTemporaryKey(shape) === 'lock') return true;
      return sameKeyCalls(getRedisModel(context).calls, call, sourceCode).some((d) => d.command === 'DEL' || d.command === 'UNLINK');
    }

    function leaseSuggestion(call: RedisCall, dialect: Dialect | undefined) {
      if (!dialect || call.via !== 'method' || call.node.type !== AST_NODE_TYPES.CallExpression) return [];
      const fix = addExpiryToOptions(dialect, call.node, setOptions(call).object, 'PX', suggestedLeaseMs);
      return fix ? [{ messageId: 'suggestLease' as const, data: { ms: String(suggestedLeaseMs) }, fix }] : [];
    }

    /** SETNX -> SET NX PX: only where the reply is dropped or tested for truth (1/0 becomes OK/null). */
    function setnxLeaseSuggestion(call: RedisCall, dialect: Dialect | undefined) {
      if (!dialect || call.via !== 'method' || call.optional || !call.receiver || call.node.type !== AST_NODE_TYPES.CallExpression || !replyOnlyTested(call.node)) return [];
      const text = setnxWithLease(dialect, sourceCode, call.node, call.receiver, 'PX', suggestedLeaseMs);
      return text ? [{ messageId: 'suggestLease' as const, data: { ms: String(suggestedLeaseMs) }, fix: (fixer: TSESLint.RuleFixer) => fixer.replaceText(call.node, text) }] : [];
    }

    /**
     * `set(k, t, 'NX'); expire(k, 30);` as back-to-back statements -> `set(k, t, 'EX', 30, 'NX');`.
     * A suggestion: the EXPIRE also ran when NX failed, refreshing another holder's lease, which the
     * one command no longer does.
     */
    function oneCommandSuggestion(call: RedisCall, expire: RedisCall, dialect: Dialect | undefined) {
      if (!dialect || call.via !== 'method' || expire.via !== 'method' || call.optional || expire.optional || call.batch || expire.batch || !call.receiver || !expire.receiver) return [];
      if (call.node.type !== AST_NODE_TYPES.CallExpression || expire.args.length !== 2 || expire.args[1].type === AST_NODE_TYPES.SpreadElement) return [];
      if (sourceCode.getText(call.receiver) !== sourceCode.getText(expire.receiver)) return [];
      const first = statementOf(call.node);
      const second = statementOf(expire.node);
      if (!first || second?.kind !== 'expression' || !areAdjacent(first.statement, second.statement)) return [];
      const unit = setUnitOf[expire.command];
      const amount = sourceCode.getText(expire.args[1]);
      const node = call.node;
      let replaceCall: ((fixer: TSESLint.RuleFixer) => TSESLint.RuleFix) | undefined;
      if (call.command === 'SET') replaceCall = addExpiryToOptions(dialect, node, setOptions(call).object, unit, amount);
      else if (replyOnlyTested(node)) {
        const text = setnxWithLease(dialect, sourceCode, node, call.receiver, unit, amount);
        if (text) replaceCall = (fixer) => fixer.replaceText(node, text);
      }
      if (!replaceCall) return [];
      const apply = replaceCall;
      return [{
        messageId: 'suggestOneCommand' as const,
        data: { unit: `${unit} ${amount}`, expire: expire.command },
        fix: (fixer: TSESLint.RuleFixer) => [apply(fixer), fixer.removeRange(statementLineRange(sourceCode, second.statement))],
      }];
    }

    /** Needs the token the lock was taken with, in scope where the DEL runs: the lock's SET in the same function. */
    function releaseSuggestion(del: RedisCall, lock: RedisCall, dialect: Dialect | undefined) {
      const token = lock.args[1];
      if (!dialect || !del.receiver || del.optional || lock.fn !== del.fn || !lock.fn || !token || !isRepeatable(token) || !isRepeatable(del.keyNode!)) return [];
      if (hasTrait(lock.spec, 'sets-ttl')) return [];
      const text = compareAndDelete(dialect, sourceCode, del.receiver, del.keyNode!, token);
      if (!text) return [];
      return [{
        messageId: 'suggestCompareAndDelete' as const,
        fix: (fixer: TSESLint.RuleFixer) => fixer.replaceText(del.node as TSESTree.Node, text),
      }];
    }
  },
});

/** The reply is dropped, or only tested for truth: `if (await redis.setnx(k, t))`, `!ok`, `ok ? a : b`. */
function replyOnlyTested(call: TSESTree.Node): boolean {
  let node: TSESTree.Node = call;
  while (node.parent && (node.parent.type === AST_NODE_TYPES.AwaitExpression || node.parent.type === AST_NODE_TYPES.ChainExpression)) node = node.parent;
  const parent = node.parent;
  if (!parent) return false;
  switch (parent.type) {
    case AST_NODE_TYPES.ExpressionStatement:
      return true;
    case AST_NODE_TYPES.IfStatement:
    case AST_NODE_TYPES.WhileStatement:
    case AST_NODE_TYPES.DoWhileStatement:
    case AST_NODE_TYPES.ConditionalExpression:
      return parent.test === node;
    case AST_NODE_TYPES.UnaryExpression:
      return parent.operator === '!';
    default:
      return false;
  }
}
