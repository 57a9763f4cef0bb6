import { aclAllows } from '../../src/conf/acl';
import { dangerousCommands } from '../../src/conf/dangerous-commands';
import { configOf, inThisFile, locOf, type ConfRuleContext } from '../../src/conf/rule-helpers';
import { docsUrl, type RedisRuleModule } from '../../src/util/create-rule';

const categoriesOf = (command: string) => dangerousCommands[command]?.categories ?? [];

const rule: RedisRuleModule = {
  meta: {
    type: 'suggestion',
    docs: { description: 'Require FLUSHALL, FLUSHDB, KEYS, CONFIG and DEBUG to be denied to the default user', recommended: 'warn', url: docsUrl('conf-restrict-dangerous-commands') },
    hasSuggestions: true,
    schema: [],
    messages: {
      open: 'The default user may run {{commands}}: one mistaken or hostile client {{cost}}.',
      denyOnUserLine: 'Deny them on the "user default" line ({{rules}})',
    },
  },
  create(context: ConfRuleContext) {
    return {
      Document() {
        const config = configOf(context);
        if (config.sentinel) return;
        const user = config.defaultUser();
        // enable-debug-command came with Redis 7.0; before it DEBUG was always enabled.
        const debugEnabled = !config.table.directives['enable-debug-command'] || /^(yes|local)$/i.test(config.value('enable-debug-command')[0] ?? 'no');
        const open = Object.keys(dangerousCommands).filter((command) => {
          // A command renamed (even to a secret name) or removed with rename-command "" is no longer open to the default user.
          if (config.renames.has(command)) return false;
          if (command === 'debug' && !debugEnabled) return false;
          return aclAllows({ commandRules: user.commandRules } as Parameters<typeof aclAllows>[0], command, categoriesOf);
        });
        if (open.length === 0) return;
        const occurrence = user.source === 'user' ? user.occurrence : undefined;
        const loc = locOf(occurrence);
        const rules = open.map((c) => `-${c}`).join(' ');
        const suggest =
          occurrence && inThisFile(occurrence)
            ? [{ messageId: 'denyOnUserLine', data: { rules }, fix: (fixer: { insertTextAfterRange(r: [number, number], t: string): unknown }) => fixer.insertTextAfterRange(occurrence.directive.range, ` ${rules}`) }]
            : [];
        context.report({
          loc,
          messageId: 'open',
          data: { commands: open.map((c) => c.toUpperCase()).join(', '), cost: open.map((c) => `${c.toUpperCase()} ${dangerousCommands[c].cost}`).join('; ') },
          suggest,
        });
      },
    };
  },
};

export default rule;
