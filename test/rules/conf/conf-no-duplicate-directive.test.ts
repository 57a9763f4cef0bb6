import rule from '../../../rules/conf/conf-no-duplicate-directive';
import { asRule } from '../../helpers/rule-tester';
import { confRuleTester } from '../../helpers/conf-rule-tester';

confRuleTester().run('conf-no-duplicate-directive', asRule(rule), {
  valid: [
    'save 900 1\nsave 300 10\n',
    'rename-command KEYS ""\nrename-command FLUSHALL ""\n',
    'client-output-buffer-limit normal 0 0 0\nclient-output-buffer-limit pubsub 32mb 8mb 60\n',
    'user alice on\nuser bob on\n',
    'port 6379\ntimeout 0\n',
  ],
  invalid: [
    { code: 'port 6379\nport 6380\n', errors: [{ messageId: 'duplicate', line: 1, column: 1, data: { name: 'port', line: '2', file: '' } }] },
    { code: 'slaveof 10.0.0.1 6379\nreplicaof 10.0.0.2 6379\n', errors: [{ messageId: 'duplicate', line: 1, column: 1 }] },
    {
      code: 'client-output-buffer-limit slave 1 1 1\nclient-output-buffer-limit replica 256mb 64mb 60\n',
      errors: [{ messageId: 'duplicate', line: 1, column: 1 }],
    },
    { code: 'MaxMemory 1gb\nmaxmemory 2gb\nmaxmemory 3gb\n', errors: [{ messageId: 'duplicate', line: 1 }, { messageId: 'duplicate', line: 2 }] },
  ],
});
