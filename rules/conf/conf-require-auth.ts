import { configOf, fileStart, insertLine, type ConfRuleContext } from '../../src/conf/rule-helpers';
import { docsUrl, type RedisRuleModule } from '../../src/util/create-rule';

const rule: RedisRuleModule = {
  meta: {
    type: 'problem',
    docs: { description: 'Require a password (requirepass, an ACL user password or an aclfile) for the default user', recommended: 'error', url: docsUrl('conf-require-auth') },
    hasSuggestions: true,
    schema: [],
    messages: {
      noAuth: 'The default user needs no password ({{why}}): every client that connects can run every command it allows, FLUSHALL and CONFIG SET included, with no AUTH.',
      turnOffDefault: 'Turn the passwordless default user off ("user default off"); clients then AUTH as a named user with a password',
    },
  },
  create(context: ConfRuleContext) {
    return {
      Document() {
        const config = configOf(context);
        if (config.sentinel) return;
        const user = config.defaultUser();
        if (!user.open) return;
        const ast = context.sourceCode.ast;
        const why = user.source === 'user' ? '"user default" has nopass' : user.source === 'aclfile' ? 'the aclfile does not give it a password' : 'no requirepass, no "user default" password, no aclfile';
        const at = user.occurrence?.anchor.loc ?? fileStart();
        // The suggestion never invents a password; with an aclfile, user lines would make redis-server refuse to start.
        const suggest = config.last('aclfile') || user.source === 'user' ? [] : [{ messageId: 'turnOffDefault', fix: insertLine(ast, 'user default off') }];
        context.report({ loc: at, messageId: 'noAuth', data: { why }, suggest });
      },
    };
  },
};

export default rule;
