import { createRule } from '../../src/util/create-rule';
import { getRedisModel } from '../../src/model';

export default createRule({
  name: 'no-flush',
  meta: {
    type: 'problem',
    docs: {
      description: 'Disallow FLUSHALL and FLUSHDB in application code',
      recommended: 'error',
    },
    messages: {
      flush:
        '{{command}} deletes every key {{scope}} in one call: one wrong connection string empties production. Synchronous flushes also block the server, about 1 s per few million keys. Keep it in tests and admin scripts.',
    },
    schema: [],
  },
  defaultOptions: [],
  create(context) {
    const sourceCode = context.sourceCode;
    return {
      'Program:exit'() {
        for (const call of getRedisModel(context).calls) {
          if (call.command !== 'FLUSHALL' && call.command !== 'FLUSHDB') continue;
          const data = { command: call.command, scope: call.command === 'FLUSHALL' ? 'of every database' : 'of the database' };
          if (call.via === 'lua') {
            const [start, end] = call.luaRange!;
            context.report({ loc: { start: sourceCode.getLocFromIndex(start), end: sourceCode.getLocFromIndex(end) }, messageId: 'flush', data });
          } else context.report({ node: call.node, messageId: 'flush', data });
        }
      },
    };
  },
});
