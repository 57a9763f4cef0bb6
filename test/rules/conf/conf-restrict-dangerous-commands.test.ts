import rule from '../../../rules/conf/conf-restrict-dangerous-commands';
import { asRule } from '../../helpers/rule-tester';
import { confRuleTester } from '../../helpers/conf-rule-tester';

confRuleTester().run('conf-restrict-dangerous-commands', asRule(rule), {
  valid: [
    'user default on nopass ~* +@all -@dangerous\n',
    'user default on nopass ~* +@all -flushall -flushdb -keys -config\n',
    'rename-command FLUSHALL ""\nrename-command FLUSHDB ""\nrename-command KEYS ""\nrename-command CONFIG ""\n',
    'user default on nopass ~* +get +set\n',
    'user default off\n',
  ],
  invalid: [
    { code: 'port 6379\n', errors: [{ messageId: 'open', line: 1, column: 1, suggestions: [] }] },
    {
      code: 'user default on nopass ~* +@all -flushall\n',
      errors: [
        {
          messageId: 'open',
          line: 1,
          column: 1,
          suggestions: [{ messageId: 'denyOnUserLine', output: 'user default on nopass ~* +@all -flushall -flushdb -keys -config\n' }],
        },
      ],
    },
    {
      code: 'enable-debug-command yes\nrename-command FLUSHALL ""\nrename-command FLUSHDB ""\nrename-command KEYS ""\nrename-command CONFIG ""\n',
      errors: [{ messageId: 'open', line: 1, column: 1, suggestions: [] }],
    },
  ],
});

// Redis 6.2 has no enable-debug-command: DEBUG is always enabled there.
confRuleTester('6.2').run('conf-restrict-dangerous-commands under 6.2', asRule(rule), {
  valid: ['rename-command FLUSHALL ""\nrename-command FLUSHDB ""\nrename-command KEYS ""\nrename-command CONFIG ""\nrename-command DEBUG ""\n'],
  invalid: [
    {
      code: 'rename-command FLUSHALL ""\nrename-command FLUSHDB ""\nrename-command KEYS ""\nrename-command CONFIG ""\n',
      errors: [{ messageId: 'open', line: 1, column: 1, data: { commands: 'DEBUG', cost: 'DEBUG can crash or block the server' }, suggestions: [] }],
    },
    {
      code: 'user default on nopass ~* +@all -flushall -flushdb -keys -config\n',
      errors: [{ messageId: 'open', line: 1, column: 1, data: { commands: 'DEBUG', cost: 'DEBUG can crash or block the server' }, suggestions: [{ messageId: 'denyOnUserLine', output: 'user default on nopass ~* +@all -flushall -flushdb -keys -config -debug\n' }] }],
    },
  ],
});
