import type { TSESLint, TSESTree } from '@typescript-eslint/utils';
import { createRule } from '../../src/util/create-rule';
import {
  getRedisModel, hasStaticText, hasTrait, keyShape, sameKeyCalls, statementOf, xaddTrim, type Dialect, type RedisCall,
} from '../../src/model';
import { queued, statementsAsMulti } from '../../src/fix/multi';
import { isRepeatable, ltrimAfterPush, ltrimInBatch, xaddWithMaxlen } from '../../src/fix/trim';
import { isTypeScriptFile } from '../../src/util/files';

const pushes = new Set(['LPUSH', 'RPUSH', 'LPUSHX', 'RPUSHX']);
const setAdds = new Set(['SADD', 'ZADD']);
/** Removing the whole key bounds any collection. */
const dropsKey = new Set(['DEL', 'UNLINK', 'GETDEL', 'RENAME']);

type Options = [{ maxLength?: number }];
type MessageId = 'list' | 'set' | 'stream' | 'suggestTrim' | 'suggestMaxlen';

const defaultSuggestedLength = 1000;

export default createRule<Options, MessageId>({
  name: 'no-unbounded-collection',
  meta: {
    type: 'problem',
    docs: {
      description: 'Disallow lists, sets, sorted sets and streams that only grow: require LTRIM, MAXLEN, EXPIRE or a consumer',
      recommended: 'warn',
    },
    fixable: 'code',
    hasSuggestions: true,
    messages: {
      list:
        '{{command}} grows the list `{{key}}` with nothing in this file that trims (LTRIM), expires or consumes it (LPOP/BRPOP/LMOVE): at 100 pushes a second it gains 8.6M items a day, and LRANGE over it gets slower (O(N)) until Redis runs out of memory. Cap it with LTRIM in the same MULTI.',
      set:
        '{{command}} grows `{{key}}` with no EXPIRE and no removal ({{removers}}) in this file: the collection only grows, each member costs memory forever (~50-100 bytes), and reading it whole (O(N)) slows down with it. Expire the key, or remove members when they are done.',
      stream:
        'XADD appends to the stream `{{key}}` with no MAXLEN/MINID and no XTRIM in this file: every entry stays in memory forever. Cap it where it is written: XADD ... MAXLEN ~ n trims in O(1) amortised.',
      suggestTrim: 'Keep the newest {{length}} items: LTRIM in the same MULTI.',
      suggestMaxlen: 'Cap the stream at about {{length}} entries (MAXLEN ~ {{length}}).',
    },
    schema: [
      {
        type: 'object',
        properties: {
          maxLength: { type: 'integer', minimum: 1, description: 'The length the autofix caps lists and streams at; without it the cap is only a suggestion.' },
        },
        additionalProperties: false,
      },
    ],
  },
  defaultOptions: [{}],
  create(context, [options]) {
    const sourceCode = context.sourceCode;
    const typescript = isTypeScriptFile(context.filename);
    return {
      'Program:exit'() {
        const model = getRedisModel(context);
        for (const call of model.calls) {
          if (call.via === 'lua' || !call.keyNode) continue;
          const isPush = pushes.has(call.command);
          if (!isPush && !setAdds.has(call.command) && call.command !== 'XADD') continue;
          const shape = keyShape(call.keyNode, sourceCode);
          // A wrapper's bare `key` parameter says nothing about which collection grows.
          if (!shape || !hasStaticText(shape)) continue;
          const related = sameKeyCalls(model.calls, call, sourceCode);
          const bounded = related.some((other) =>
            dropsKey.has(other.command) || hasTrait(other.spec, 'sets-ttl') ||
            (hasTrait(other.spec, 'bounds-collection') && other.spec.type === call.spec.type));
          if (bounded) continue;
          const data = { command: call.command, key: shape.glob, removers: call.command === 'SADD' ? 'SREM, SPOP' : 'ZREM, ZREMRANGEBY*, ZPOPMIN' };
          const dialect = model.dialectOf(call.client);
          if (isPush) reportWithFix(call, 'list', data, dialect && listFix(call, dialect), 'suggestTrim');
          else if (call.command === 'XADD') {
            if (xaddTrim(call) !== 'untrimmed') continue;
            const fix = (length: number) => (dialect && call.via === 'method' ? xaddWithMaxlen(dialect, call.node as TSESTree.CallExpression, length) : undefined);
            reportWithFix(call, 'stream', data, (length) => {
              const apply = fix(length);
              return apply ? { auto: true, apply } : undefined;
            }, 'suggestMaxlen');
          } else context.report({ node: call.node, messageId: 'set', data });
        }

        function reportWithFix(
          call: RedisCall, messageId: MessageId, data: Record<string, string>,
          fixFor: ((length: number) => { auto: boolean; apply: (fixer: TSESLint.RuleFixer) => TSESLint.RuleFix | TSESLint.RuleFix[] } | undefined) | undefined,
          suggestId: MessageId,
        ) {
          if (options.maxLength !== undefined) {
            const fix = fixFor?.(options.maxLength);
            if (fix?.auto) {
              context.report({ node: call.node, messageId, data, fix: fix.apply });
              return;
            }
          }
          const length = options.maxLength ?? defaultSuggestedLength;
          const suggestion = fixFor?.(length);
          context.report({
            node: call.node,
            messageId,
            data,
            suggest: suggestion ? [{ messageId: suggestId, data: { length: String(length) }, fix: suggestion.apply }] : [],
          });
        }
      },
    };

    /**
     * The push as a statement of its own on a client, rewritten to push and LTRIM in one MULTI; a
     * push already in a pipeline or MULTI gets its LTRIM queued right after it.
     */
    function listFix(call: RedisCall, dialect: Dialect) {
      if (call.via !== 'method' || call.optional || !call.receiver || !isRepeatable(call.keyNode!)) return undefined;
      const node = call.node as TSESTree.CallExpression;
      if (call.batch) {
        return (length: number) => {
          const apply = ltrimInBatch(sourceCode, node, ltrimAfterPush(call.command, call.method, dialect, sourceCode.getText(call.keyNode), length));
          return apply ? { auto: true, apply } : undefined;
        };
      }
      if (call.client.kind !== 'client') return undefined;
      const placed = statementOf(call.node);
      if (!placed) return undefined;
      return (length: number) => statementsAsMulti(
        dialect, sourceCode, call.receiver!,
        [queued(sourceCode, node, call.method), ltrimAfterPush(call.command, call.method, dialect, sourceCode.getText(call.keyNode), length)],
        placed, placed.statement, typescript,
      );
    }
  },
});
