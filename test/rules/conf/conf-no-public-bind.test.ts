import rule from '../../../rules/conf/conf-no-public-bind';
import { asRule } from '../../helpers/rule-tester';
import { confFiles, confRuleTester } from '../../helpers/conf-rule-tester';

confRuleTester().run('conf-no-public-bind', asRule(rule), {
  valid: [
    'bind 127.0.0.1 -::1\n',
    'bind 10.0.0.5\n',
    'bind 0.0.0.0\nbind 127.0.0.1\n',
    'port 0\nunixsocket /run/redis.sock\n',
    { code: 'sentinel monitor m 127.0.0.1 6379 2\n', filename: confFiles.sentinel },
  ],
  invalid: [
    {
      code: 'port 6380\nbind 0.0.0.0\n',
      errors: [{ messageId: 'publicBind', line: 2, column: 6, endColumn: 13, suggestions: [{ messageId: 'useLoopback', output: 'port 6380\nbind 127.0.0.1 -::1\n' }] }],
    },
    {
      code: 'bind * -::*\n',
      errors: [{ messageId: 'publicBind', line: 1, column: 6, suggestions: [{ messageId: 'useLoopback', output: 'bind 127.0.0.1 -::1\n' }] }],
    },
    {
      code: 'bind 127.0.0.1 -::\n',
      errors: [{ messageId: 'publicBind', line: 1, column: 16, suggestions: [{ messageId: 'useLoopback', output: 'bind 127.0.0.1 -::1\n' }] }],
    },
    {
      code: '# redis\nport 6379\n',
      errors: [{ messageId: 'noBind', line: 1, column: 1, suggestions: [{ messageId: 'useLoopback', output: '# redis\nbind 127.0.0.1 -::1\nport 6379\n' }] }],
    },
  ],
});
