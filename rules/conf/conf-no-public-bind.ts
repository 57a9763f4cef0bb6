import { configOf, boundAddresses, fileStart, inThisFile, insertLine, listensOnTcpOnlyLocally, reachOf, type ConfRuleContext } from '../../src/conf/rule-helpers';
import { docsUrl, type RedisRuleModule } from '../../src/util/create-rule';

const SAFE_BIND = 'bind 127.0.0.1 -::1';

const rule: RedisRuleModule = {
  meta: {
    type: 'problem',
    docs: { description: 'Disallow binding redis-server to every network interface', recommended: 'error', url: docsUrl('conf-no-public-bind') },
    hasSuggestions: true,
    schema: [],
    messages: {
      publicBind: '"bind {{address}}" listens on every network interface: {{reach}}',
      noBind: 'No "bind" line: redis-server listens on every interface ("* -::*"): {{reach}}',
      useLoopback: 'Listen on loopback only: "bind 127.0.0.1 -::1"',
    },
  },
  create(context: ConfRuleContext) {
    return {
      Document() {
        const config = configOf(context);
        if (config.sentinel || listensOnTcpOnlyLocally(config)) return;
        const reach = reachOf(config);
        const { occurrence: bind, addresses } = boundAddresses(config);
        if (!bind) {
          const ast = context.sourceCode.ast;
          context.report({ loc: fileStart(), messageId: 'noBind', data: { reach }, suggest: [{ messageId: 'useLoopback', fix: insertLine(ast, SAFE_BIND) }] });
          return;
        }
        // Spelled any way inet_aton or inet_pton reads as all zeros (0, 0.0, 0x0, 000.0.0.0, 0:0::0), or * / ::*.
        const wildcard = addresses.find((a) => a.wildcard);
        if (!wildcard) return;
        const own = inThisFile(bind);
        context.report({
          loc: (own && wildcard.word ? wildcard.word : bind.anchor).loc,
          messageId: 'publicBind',
          data: { address: wildcard.text, reach },
          suggest: own ? [{ messageId: 'useLoopback', fix: (fixer: { replaceTextRange(r: [number, number], t: string): unknown }) => fixer.replaceTextRange(bind.directive.range, SAFE_BIND) }] : [],
        });
      },
    };
  },
};

export default rule;
