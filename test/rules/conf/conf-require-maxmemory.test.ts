import rule from '../../../rules/conf/conf-require-maxmemory';
import { asRule } from '../../helpers/rule-tester';
import { confFiles, confRuleTester } from '../../helpers/conf-rule-tester';

confRuleTester().run('conf-require-maxmemory', asRule(rule), {
  valid: ['maxmemory 1gb\n', 'maxmemory 0\nmaxmemory 512mb\n', { code: 'sentinel monitor m 127.0.0.1 6379 2\n', filename: confFiles.sentinel }],
  invalid: [
    { code: 'port 6379\n', errors: [{ messageId: 'noLimit', line: 1, column: 1 }] },
    { code: 'port 6379\nmaxmemory 0\n', errors: [{ messageId: 'noLimit', line: 2, column: 1 }] },
    { code: 'maxmemory 1gb\nmaxmemory 0b\n', errors: [{ messageId: 'noLimit', line: 2, column: 1 }] },
  ],
});
