import { argsOf } from '../../src/conf/ast';
import { configOf, fileStart, inThisFile, insertLine, listensOnTcpOnlyLocally, type ConfRuleContext } from '../../src/conf/rule-helpers';
import { docsUrl, type RedisRuleModule } from '../../src/util/create-rule';

// Addresses that mean "every interface"; a leading "-" only makes the bind optional (no error when absent).
const WILDCARDS = new Set(['*', '0.0.0.0', '::', '::0', '0:0:0:0:0:0:0:0', '::*']);
const SAFE_BIND = 'bind 127.0.0.1 -::1';

const rule: RedisRuleModule = {
  meta: {
    type: 'problem',
    docs: { description: 'Disallow binding redis-server to every network interface', recommended: 'error', url: docsUrl('conf-no-public-bind') },
    hasSuggestions: true,
    schema: [],
    messages: {
      publicBind: '"bind {{address}}" listens on every network interface: anyone who can route to port {{port}} reaches the keyspace (Internet scans find exposed Redis within minutes).',
      noBind: 'No "bind" line: redis-server listens on every interface ("* -::*"), so anyone who can route to port {{port}} reaches the keyspace.',
      useLoopback: 'Listen on loopback only: "bind 127.0.0.1 -::1"',
    },
  },
  create(context: ConfRuleContext) {
    return {
      Document() {
        const config = configOf(context);
        if (config.sentinel || listensOnTcpOnlyLocally(config)) return;
        const port = config.value('port')[0] ?? '6379';
        const bind = config.last('bind');
        if (!bind) {
          const ast = context.sourceCode.ast;
          context.report({ loc: fileStart(), messageId: 'noBind', data: { port }, suggest: [{ messageId: 'useLoopback', fix: insertLine(ast, SAFE_BIND) }] });
          return;
        }
        const wildcard = argsOf(bind.directive).find((w) => WILDCARDS.has(w.value.replace(/^-/, '')));
        if (!wildcard) return;
        const own = inThisFile(bind);
        context.report({
          loc: (own ? wildcard : bind.anchor).loc,
          messageId: 'publicBind',
          data: { address: wildcard.value, port },
          suggest: own ? [{ messageId: 'useLoopback', fix: (fixer: { replaceTextRange(r: [number, number], t: string): unknown }) => fixer.replaceTextRange(bind.directive.range, SAFE_BIND) }] : [],
        });
      },
    };
  },
};

export default rule;
