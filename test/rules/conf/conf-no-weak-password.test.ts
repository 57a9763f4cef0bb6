import rule from '../../../rules/conf/conf-no-weak-password';
import { asRule } from '../../helpers/rule-tester';
import { confFiles, confRuleTester } from '../../helpers/conf-rule-tester';

const long = 'k7Qz9vX2mP4wR8tY6uB3nC1eD5fG0hJ';

confRuleTester().run('conf-no-weak-password', asRule(rule), {
  valid: [
    `requirepass ${long}\n`,
    `user alice on >${long} ~* +@all\n`,
    'requirepass ""\n',
    `user alice on #${'a'.repeat(64)}\n`,
    { code: 'requirepass abcdefgh\n', options: [{ minLength: 8 }] },
  ],
  invalid: [
    { code: 'requirepass foobared\n', errors: [{ messageId: 'wellKnown', line: 1, column: 13 }] },
    { code: 'masterauth "Password"\n', errors: [{ messageId: 'wellKnown', line: 1, column: 12 }] },
    { code: 'requirepass s3cr3t-1\n', errors: [{ messageId: 'tooShort', line: 1, column: 13 }] },
    { code: 'user alice on >hunter2 ~* +@all\n', errors: [{ messageId: 'tooShort', line: 1, column: 15 }] },
    { code: 'sentinel auth-pass mymaster changeme\n', filename: confFiles.sentinel, errors: [{ messageId: 'wellKnown', line: 1, column: 29 }] },
  ],
});
