import rule from '../../../rules/conf/conf-no-protected-mode-off';
import { asRule } from '../../helpers/rule-tester';
import { confRuleTester } from '../../helpers/conf-rule-tester';

confRuleTester().run('conf-no-protected-mode-off', asRule(rule), {
  valid: [
    'protected-mode yes\n',
    'port 6379\n',
    'protected-mode no\nrequirepass k7Qz9vX2mP4wR8tY6uB3nC1eD5fG0hJ\n',
    'protected-mode no\nport 0\nunixsocket /run/redis.sock\n',
    'protected-mode no\nprotected-mode yes\n',
    // Only loopback listens: protected mode would turn away no one, so "no" changes nothing.
    'bind 127.0.0.1 -::1\nprotected-mode no\n',
    'bind 127.0.0.2 ::1 localhost\nprotected-mode no\n',
    'bind "127.0.0.1 ::1"\nprotected-mode no\n',
  ],
  invalid: [
    {
      code: 'bind 0.0.0.0\nprotected-mode no\n',
      errors: [{ messageId: 'protectedModeOff', line: 2, column: 16, suggestions: [{ messageId: 'turnOn', output: 'bind 0.0.0.0\nprotected-mode yes\n' }] }],
    },
    {
      code: 'protected-mode NO\nuser default on nopass ~* +@all\n',
      errors: [{ messageId: 'protectedModeOff', line: 1, column: 16, suggestions: [{ messageId: 'turnOn', output: 'protected-mode yes\nuser default on nopass ~* +@all\n' }] }],
    },
    {
      code: 'bind 127.0.0.1 10.0.0.5\nprotected-mode no\n',
      errors: [{ messageId: 'protectedModeOff', line: 2, column: 16, suggestions: [{ messageId: 'turnOn', output: 'bind 127.0.0.1 10.0.0.5\nprotected-mode yes\n' }] }],
    },
    {
      code: 'bind 127.0.0.1 -::1 0x0\nprotected-mode no\n',
      errors: [{ messageId: 'protectedModeOff', line: 2, column: 16, suggestions: [{ messageId: 'turnOn', output: 'bind 127.0.0.1 -::1 0x0\nprotected-mode yes\n' }] }],
    },
  ],
});
