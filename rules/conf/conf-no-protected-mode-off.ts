import { argsOf } from '../../src/conf/ast';
import { configOf, inThisFile, listensOnLoopbackOnly, type ConfRuleContext } from '../../src/conf/rule-helpers';
import { docsUrl, type RedisRuleModule } from '../../src/util/create-rule';

const rule: RedisRuleModule = {
  meta: {
    type: 'problem',
    docs: { description: 'Disallow protected-mode no while the default user has no password', recommended: 'error', url: docsUrl('conf-no-protected-mode-off') },
    hasSuggestions: true,
    schema: [],
    messages: {
      protectedModeOff: '"protected-mode no" while the default user has no password and the server listens on a non-loopback address: clients from other hosts run commands with no AUTH. Protected mode is the last guard that refuses them.',
      turnOn: 'Set "protected-mode yes"',
    },
  },
  create(context: ConfRuleContext) {
    return {
      Document() {
        const config = configOf(context);
        const setting = config.last('protected-mode');
        if (!setting || !/^no$/i.test(config.value('protected-mode')[0] ?? '')) return;
        // Protected mode only turns away non-loopback clients of a passwordless default user: with a
        // password, or when nothing but loopback (or the unix socket) listens, "no" changes nothing.
        if (listensOnLoopbackOnly(config) || !config.defaultUser().open) return;
        const word = argsOf(setting.directive)[0];
        const own = inThisFile(setting);
        context.report({
          loc: (own ? word : setting.anchor).loc,
          messageId: 'protectedModeOff',
          suggest: own ? [{ messageId: 'turnOn', fix: (fixer: { replaceTextRange(r: [number, number], t: string): unknown }) => fixer.replaceTextRange(word.range, 'yes') }] : [],
        });
      },
    };
  },
};

export default rule;
