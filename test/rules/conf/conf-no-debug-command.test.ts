import rule from '../../../rules/conf/conf-no-debug-command';
import { asRule } from '../../helpers/rule-tester';
import { confRuleTester } from '../../helpers/conf-rule-tester';

confRuleTester().run('conf-no-debug-command', asRule(rule), {
  valid: ['enable-debug-command no\n', 'enable-debug-command local\n', 'enable-module-command yes\nenable-module-command no\n', 'port 6379\n'],
  invalid: [
    { code: 'enable-debug-command yes\n', output: 'enable-debug-command no\n', errors: [{ messageId: 'enabled', line: 1, column: 22, endColumn: 25 }] },
    { code: 'enable-module-command YES\n', output: 'enable-module-command no\n', errors: [{ messageId: 'enabled', line: 1, column: 23 }] },
    { code: 'enable-protected-configs yes\n', output: 'enable-protected-configs no\n', errors: [{ messageId: 'enabled', line: 1, column: 26 }] },
  ],
});
