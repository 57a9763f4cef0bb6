import type { TSESLint, TSESTree } from '@typescript-eslint/utils';
import { createRule } from '../../src/util/create-rule';
import { commandForMethod, getRedisModel, hasTrait } from '../../src/model';
import { clientUse, duplicatesCallerClient, runsOnce } from '../../src/model/client-use';
import { optionsScope, sharedClientRewrite } from '../../src/fix/shared-client';
import { isTypeScriptFile } from '../../src/util/files';

/** Methods that need a connection of their own: subscriber mode, MONITOR, blocking pops, WATCH. */
const dedicatedMethods = new Set(['subscribe', 'psubscribe', 'ssubscribe', 'monitor', 'watch', 'SUBSCRIBE', 'PSUBSCRIBE', 'SSUBSCRIBE', 'MONITOR', 'WATCH', 'executeIsolated']);

function needsDedicatedConnection(method: string): boolean {
  if (dedicatedMethods.has(method)) return true;
  const spec = commandForMethod(method);
  return hasTrait(spec, 'subscribes') || hasTrait(spec, 'blocks-connection') || spec?.name === 'SELECT';
}

export default createRule({
  name: 'no-client-per-call',
  meta: {
    type: 'problem',
    docs: {
      description: 'Disallow building a Redis client on every call; share one module-level client',
      recommended: 'error',
    },
    fixable: 'code',
    hasSuggestions: true,
    messages: {
      perCall:
        'A Redis client built on every call opens a new connection each time: a TCP handshake (plus AUTH and TLS, 2-4 round trips, often 1-5 ms) before the first command, and one server connection per concurrent call until maxclients (10,000 by default) refuses them with "ERR max number of clients reached". Build one client at module scope and share it.',
      suggestShared: 'Build the client once at module scope and share it (its options are read once, when the module loads).',
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
        for (const construction of model.constructions) {
          const fn = construction.fn;
          if (!fn || runsOnce(fn, sourceCode) || duplicatesCallerClient(construction, sourceCode)) continue;
          const use = clientUse(construction, sourceCode);
          if (use.escapes || use.methodCalls.some(({ method }) => needsDedicatedConnection(method))) continue;
          // AUTH with the call's own credentials (a per-tenant user): one shared connection cannot be
          // every user at once.
          const top = topLevelStatementStart(fn);
          if (use.methodCalls.some(({ call, method }) => /^auth$/i.test(method) && optionsScope(call.arguments, sourceCode, top) === 'local')) continue;
          const node = construction.node as TSESTree.NewExpression | TSESTree.CallExpression;
          const dialect = model.dialectOf(construction.client);
          // The constructor moves too: `Redis` must be a module-level binding that exists before the
          // function, not a `require()` inside it or a `const` below it (ReferenceError, TDZ).
          const scope = optionsScope([node.callee, ...node.arguments], sourceCode, top);
          // node-redis with no known major: the rewrite is the same for 4 and 5+ (an explicit connect()),
          // but a node-redis 3 client connects by itself, so the user confirms it as a suggestion.
          const assumed = dialect ?? (construction.client.library === 'node-redis' ? 'node-redis-5' : undefined);
          const rewrite = assumed && scope !== 'local'
            ? sharedClientRewrite(assumed, sourceCode, fn, node, use, typescript)
            : undefined;
          context.report({
            node,
            messageId: 'perCall',
            fix: rewrite && dialect && scope === 'const' ? rewrite : null,
            suggest: rewrite && (!dialect || scope === 'module')
              ? [{ messageId: 'suggestShared', fix: rewrite as (fixer: TSESLint.RuleFixer) => TSESLint.RuleFix[] }]
              : [],
          });
        }
      },
    };
  },
});

function topLevelStatementStart(fn: TSESTree.Node): number {
  let top = fn;
  while (top.parent && top.parent.type !== 'Program') top = top.parent;
  return top.range[0];
}
