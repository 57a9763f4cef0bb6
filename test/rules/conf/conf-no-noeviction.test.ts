import rule from '../../../rules/conf/conf-no-noeviction';
import { asRule } from '../../helpers/rule-tester';
import { confRuleTester } from '../../helpers/conf-rule-tester';

confRuleTester().run('conf-no-noeviction', asRule(rule), {
  valid: [
    'maxmemory 1gb\nmaxmemory-policy allkeys-lru\n',
    // No memory limit: no policy ever runs (conf-require-maxmemory reports that).
    'maxmemory-policy noeviction\n',
    'port 6379\n',
    'maxmemory 0\n',
  ],
  invalid: [
    {
      code: 'maxmemory 2gb\nmaxmemory-policy noeviction\n',
      output: 'maxmemory 2gb\nmaxmemory-policy allkeys-lru\n',
      errors: [{ messageId: 'noeviction', line: 2, column: 18, endColumn: 28 }],
    },
    {
      code: 'maxmemory 2gb\n',
      output: 'maxmemory 2gb\nmaxmemory-policy allkeys-lru\n',
      errors: [{ messageId: 'noeviction', line: 1, column: 1 }],
    },
    {
      code: 'maxmemory 100mb\nmaxmemory-policy NOEVICTION\n',
      options: [{ policy: 'volatile-lru' }],
      output: 'maxmemory 100mb\nmaxmemory-policy volatile-lru\n',
      errors: [{ messageId: 'noeviction', line: 2, column: 18 }],
    },
  ],
});
