import rule from '../../../rules/conf/conf-require-auth';
import { asRule } from '../../helpers/rule-tester';
import { confFiles, confRuleTester } from '../../helpers/conf-rule-tester';

const long = 'k7Qz9vX2mP4wR8tY6uB3nC1eD5fG0hJ';

confRuleTester().run('conf-require-auth', asRule(rule), {
  valid: [
    `requirepass ${long}\n`,
    `user default on >${long} ~* +@all\n`,
    'user default off\n',
    `user default on #${'a'.repeat(64)} ~* +@all\n`,
    'aclfile /etc/redis/users.acl\n',
    // requirepass is ignored with an aclfile, but the file (unreadable here) defines the default user.
    `aclfile /etc/redis/users.acl\nrequirepass ${long}\n`,
    { code: 'sentinel monitor m 127.0.0.1 6379 2\n', filename: confFiles.sentinel },
  ],
  invalid: [
    {
      code: 'port 6379\n',
      errors: [{ messageId: 'noAuth', line: 1, column: 1, suggestions: [{ messageId: 'turnOffDefault', output: 'user default off\nport 6379\n' }] }],
    },
    {
      code: 'requirepass ""\n',
      errors: [{ messageId: 'noAuth', line: 1, column: 1, suggestions: [{ messageId: 'turnOffDefault', output: 'user default off\nrequirepass ""\n' }] }],
    },
    {
      code: `requirepass ${long}\nuser default on nopass ~* +@all\n`,
      errors: [{ messageId: 'noAuth', line: 2, column: 1, suggestions: [] }],
    },
  ],
});
