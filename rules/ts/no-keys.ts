import type { TSESLint, TSESTree } from '@typescript-eslint/utils';
import { createRule } from '../../src/util/create-rule';
import { getRedisModel, type Dialect, type RedisCall } from '../../src/model';
import { scanRewrite } from '../../src/fix/scan';
import { isTypeScriptFile } from '../../src/util/files';

const dialectLabels: Record<Dialect, string> = {
  ioredis: 'ioredis scanStream',
  'node-redis-3': 'node-redis 3',
  'node-redis-4': 'node-redis 4 scanIterator',
  'node-redis-5': 'node-redis 5+ scanIterator',
};

export default createRule({
  name: 'no-keys',
  meta: {
    type: 'problem',
    docs: {
      description: 'Disallow KEYS, which blocks the server while it walks the whole keyspace; iterate with SCAN',
      recommended: 'error',
    },
    fixable: 'code',
    hasSuggestions: true,
    messages: {
      keys:
        'KEYS walks the whole keyspace in one blocking call: O(N), about 40 ms per million keys, during which Redis serves no other client. Iterate with SCAN instead.',
      keysInLua:
        'KEYS inside a Lua script blocks the server for the whole script: O(N) over the keyspace, about 40 ms per million keys. Pass the keys the script needs as KEYS[] arguments, or iterate with SCAN outside the script.',
      keysInBatch:
        'KEYS queued in a pipeline or transaction still walks the whole keyspace in one blocking call (about 40 ms per million keys). Run a SCAN iteration before building the batch.',
      suggestScan: 'Rewrite as a deduplicated SCAN iteration ({{dialect}}).',
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
          if (call.command !== 'KEYS') continue;
          if (call.via === 'lua') {
            const [start, end] = call.luaRange!;
            context.report({
              loc: { start: sourceCode.getLocFromIndex(start), end: sourceCode.getLocFromIndex(end) },
              messageId: 'keysInLua',
            });
            continue;
          }
          if (call.batch) {
            context.report({ node: call.node, messageId: 'keysInBatch' });
            continue;
          }
          reportWithRewrite(call);
        }

        function reportWithRewrite(call: RedisCall) {
          const node = call.node as TSESTree.CallExpression;
          const pattern = call.args.length === 1 && call.args[0].type !== 'SpreadElement' ? call.args[0] : undefined;
          // keysBuffer replies Buffers, which neither scanStream's strings nor a Set of Buffers reproduce.
          const rewritable = call.via === 'method' && !call.optional && !/Buffer$/.test(call.method) && pattern !== undefined &&
            call.receiver !== undefined && call.client.kind === 'client';
          const rewrite = (dialect: Dialect) =>
            rewritable ? scanRewrite(dialect, sourceCode, node, call.receiver!, pattern!, typescript) : undefined;
          const dialect = model.dialectOf(call.client);
          if (dialect) {
            const text = rewrite(dialect);
            context.report({
              node,
              messageId: 'keys',
              fix: text ? (fixer: TSESLint.RuleFixer) => fixer.replaceText(node, text) : null,
            });
            return;
          }
          // Library or major version unknown: offer each dialect's rewrite and let the user pick.
          const candidates: Dialect[] =
            call.client.library === 'node-redis' ? ['node-redis-4', 'node-redis-5'] : call.client.library ? ['ioredis'] : ['ioredis', 'node-redis-4', 'node-redis-5'];
          const suggest = candidates.flatMap((candidate) => {
            const text = rewrite(candidate);
            return text
              ? [{ messageId: 'suggestScan' as const, data: { dialect: dialectLabels[candidate] }, fix: (fixer: TSESLint.RuleFixer) => fixer.replaceText(node, text) }]
              : [];
          });
          context.report({ node, messageId: 'keys', suggest });
        }
      },
    };
  },
});
