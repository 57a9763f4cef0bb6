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
    // A line with several classes keeps its effect while any of its classes is not set again.
    'client-output-buffer-limit normal 0 0 0 replica 1mb 1mb 60\nclient-output-buffer-limit normal 0 0 0\n',
    // Unknown first words are conf-valid-directive's finding (redis-server refuses them), and may be a pasted password.
    'CanaryTwo\nCanaryTwo\n',
    'S3cr.etCanary yes\nS3cr.etCanary yes\n',
    'client-output-buffer-limit Canary7f3e9Q 0 0 0\nclient-output-buffer-limit Canary7f3e9Q 0 0 0\n',
  ],
  invalid: [
    { code: 'port 6379\nport 6380\n', errors: [{ messageId: 'duplicate', line: 1, column: 1, data: { name: 'port', line: '2', file: '' } }] },
    { code: 'slaveof 10.0.0.1 6379\nreplicaof 10.0.0.2 6379\n', errors: [{ messageId: 'duplicate', line: 1, column: 1 }] },
    {
      code: 'client-output-buffer-limit slave 1 1 1\nclient-output-buffer-limit replica 256mb 64mb 60\n',
      errors: [{ messageId: 'duplicate', line: 1, column: 1 }],
    },
    { code: 'MaxMemory 1gb\nmaxmemory 2gb\nmaxmemory 3gb\n', errors: [{ messageId: 'duplicate', line: 1 }, { messageId: 'duplicate', line: 2 }] },
    {
      code: 'client-output-buffer-limit normal 0 0 0 slave 1mb 1mb 60\nclient-output-buffer-limit normal 0 0 0\nclient-output-buffer-limit replica 2mb 2mb 60\n',
      errors: [{ messageId: 'duplicate', line: 1, column: 1, endColumn: 57, data: { name: 'client-output-buffer-limit normal, replica', line: '3', file: '' } }],
    },
    {
      code: 'client-output-buffer-limit pubsub 32mb 8mb 60\nclient-output-buffer-limit normal 0 0 0 pubsub 0 0 0\n',
      errors: [{ messageId: 'duplicate', line: 1, column: 1, data: { name: 'client-output-buffer-limit pubsub', line: '2', file: '' } }],
    },
  ],
});
