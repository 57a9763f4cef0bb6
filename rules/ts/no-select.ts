import type { TSESLint, TSESTree } from '@typescript-eslint/utils';
import { AST_NODE_TYPES } from '../../src/util/ast-node-types';
import { createRule } from '../../src/util/create-rule';
import { getRedisModel, type RedisCall } from '../../src/model';
import { statementLineRange } from '../../src/fix/text';

export default createRule({
  name: 'no-select',
  meta: {
    type: 'problem',
    docs: {
      description: 'Disallow SELECT at run time; choose the database when the client is created',
      recommended: 'error',
    },
    hasSuggestions: true,
    messages: {
      select:
        'SELECT switches the database of one pooled or reconnecting connection: after a reconnect, or on the other connections of a pool or cluster, commands silently run against database 0. Set the database when the client is created, or use a second client.',
      selectInLua: 'SELECT inside a Lua script changes the database for the rest of the script and breaks in Redis Cluster, which has only database 0.',
      suggestOption: 'Set `{{option}}: {{db}}` where the client is created and drop this SELECT.',
    },
    schema: [],
  },
  defaultOptions: [],
  create(context) {
    const sourceCode = context.sourceCode;
    return {
      'Program:exit'() {
        const model = getRedisModel(context);
        for (const call of model.calls) {
          if (call.command !== 'SELECT') continue;
          if (call.via === 'lua') {
            const [start, end] = call.luaRange!;
            context.report({ loc: { start: sourceCode.getLocFromIndex(start), end: sourceCode.getLocFromIndex(end) }, messageId: 'selectInLua' });
            continue;
          }
          context.report({ node: call.node, messageId: 'select', suggest: suggestion(call) });
        }
      },
    };

    /**
     * When the client is built in this file with an options object (or none) and the SELECT is a
     * statement of its own, move the database number into the options. A suggestion, not a fix:
     * commands sent before the SELECT ran against database 0 and would now run against the new one.
     */
    function suggestion(call: RedisCall) {
      const origin = call.client.origin;
      const db = call.args[0];
      if (!origin || call.args.length !== 1 || !db || call.batch || call.via !== 'method') return [];
      let statement: TSESTree.Node = call.node;
      while (statement.parent && (statement.parent.type === AST_NODE_TYPES.AwaitExpression || statement.parent.type === AST_NODE_TYPES.ChainExpression)) statement = statement.parent;
      if (statement.parent?.type !== AST_NODE_TYPES.ExpressionStatement) return [];
      const option = call.client.library === 'node-redis' ? 'database' : 'db';
      const options = origin.arguments[0];
      const dbText = sourceCode.getText(db);
      const removeStatement = (fixer: TSESLint.RuleFixer) => fixer.removeRange(statementLineRange(sourceCode, statement.parent!));
      let addOption: ((fixer: TSESLint.RuleFixer) => TSESLint.RuleFix) | undefined;
      if (origin.arguments.length === 0) {
        const closing = sourceCode.getLastToken(origin)!;
        if (closing.value !== ')') return []; // `new Redis` without parentheses
        addOption = (fixer) => fixer.insertTextBefore(closing, `{ ${option}: ${dbText} }`);
      } else if (origin.arguments.length === 1 && options?.type === AST_NODE_TYPES.ObjectExpression) {
        if (options.properties.some((p) => p.type === AST_NODE_TYPES.Property && !p.computed && p.key.type === AST_NODE_TYPES.Identifier && p.key.name === option)) return [];
        const last = options.properties[options.properties.length - 1];
        addOption = last
          ? (fixer) => fixer.insertTextAfter(last, `, ${option}: ${dbText}`)
          : (fixer) => fixer.replaceText(options, `{ ${option}: ${dbText} }`);
      } else return [];
      const add = addOption;
      return [{
        messageId: 'suggestOption' as const,
        data: { option, db: dbText },
        fix: (fixer: TSESLint.RuleFixer) => [add(fixer), removeStatement(fixer)],
      }];
    }
  },
});
