import rule from '../../../rules/conf/conf-require-persistence';
import { asRule } from '../../helpers/rule-tester';
import { confRuleTester } from '../../helpers/conf-rule-tester';

confRuleTester().run('conf-require-persistence', asRule(rule), {
  valid: [
    'port 6379\n',
    'save 3600 1\n',
    'save ""\nappendonly yes\n',
    'save ""\nsave 60 1000\n',
    'appendonly yes\nappendfsync everysec\n',
    // appendfsync only matters while the AOF is on.
    'appendfsync no\n',
  ],
  invalid: [
    { code: 'save ""\n', errors: [{ messageId: 'noPersistence', line: 1, column: 1 }] },
    { code: 'save ""\nappendonly no\n', errors: [{ messageId: 'noPersistence', line: 1, column: 1 }] },
    { code: 'appendonly yes\nappendfsync no\n', errors: [{ messageId: 'fsyncNo', line: 2, column: 13 }] },
  ],
});
