import { argsOf } from '../../src/conf/ast';
import { configOf, inThisFile, type ConfRuleContext } from '../../src/conf/rule-helpers';
import { docsUrl, type RedisRuleModule } from '../../src/util/create-rule';

// Each of these, set to "yes", opens a command that can read or crash the whole server to any client.
const RISKY = new Map([
  ['enable-debug-command', 'DEBUG (DEBUG SEGFAULT crashes the server, DEBUG RELOAD blocks it for the whole dataset)'],
  ['enable-module-command', 'MODULE LOAD (runs arbitrary native code inside redis-server)'],
  ['enable-protected-configs', 'CONFIG SET of dir and dbfilename (writes files anywhere the server user can)'],
]);

const rule: RedisRuleModule = {
  meta: {
    type: 'problem',
    docs: { description: 'Disallow enabling DEBUG, MODULE and protected configs for remote clients', recommended: 'error', url: docsUrl('conf-no-debug-command') },
    fixable: 'code',
    schema: [],
    messages: {
      enabled: '"{{name}} yes" lets every client use {{what}}. Use "no", or "local" for loopback connections only.',
    },
  },
  create(context: ConfRuleContext) {
    return {
      Document() {
        const config = configOf(context);
        for (const [name, what] of RISKY) {
          // The last line wins, so an earlier "yes" overridden by "no" is harmless.
          const o = config.last(name);
          if (o) {
            const word = argsOf(o.directive)[0];
            if (o.directive.words.length !== 2 || !/^yes$/i.test(word.value)) continue;
            const own = inThisFile(o);
            context.report({
              loc: (own ? word : o.anchor).loc,
              messageId: 'enabled',
              data: { name, what },
              ...(own ? { fix: (fixer: { replaceTextRange(r: [number, number], t: string): unknown }) => fixer.replaceTextRange(word.range, 'no') } : {}),
            });
          }
        }
      },
    };
  },
};

export default rule;
