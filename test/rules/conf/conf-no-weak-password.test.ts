import { afterAll } from 'vitest';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import rule from '../../../rules/conf/conf-no-weak-password';
import { asRule } from '../../helpers/rule-tester';
import { confFiles, confRuleTester } from '../../helpers/conf-rule-tester';

const long = 'k7Qz9vX2mP4wR8tY6uB3nC1eD5fG0hJ';

// aclfiles read the way the effective config reads them (the rule tester needs the paths when the cases are built).
const aclDir = mkdtempSync(join(tmpdir(), 'redis-conf-weak-acl-'));
const strongAcl = join(aclDir, 'strong.acl');
const weakAcl = join(aclDir, 'weak.acl');
writeFileSync(strongAcl, `user default on >${long} ~* +@all\n`);
afterAll(() => rmSync(aclDir, { recursive: true, force: true }));
writeFileSync(weakAcl, `user default on >foobared ~* +@all\n# a comment\nuser app on >hunter2 >${long} <hunter2 >s3cret ~app:* +@read\n`);

confRuleTester().run('conf-no-weak-password', asRule(rule), {
  valid: [
    `requirepass ${long}\n`,
    `user alice on >${long} ~* +@all\n`,
    'requirepass ""\n',
    `user alice on #${'a'.repeat(64)}\n`,
    { code: 'requirepass abcdefgh\n', options: [{ minLength: 8 }] },
    // With an aclfile, redis-server ignores requirepass: its weakness protects nothing and exposes nothing.
    `aclfile ${strongAcl}\nrequirepass foobared\n`,
  ],
  invalid: [
    { code: 'requirepass foobared\n', errors: [{ messageId: 'wellKnown', line: 1, column: 13 }] },
    { code: 'masterauth "Password"\n', errors: [{ messageId: 'wellKnown', line: 1, column: 12 }] },
    { code: 'requirepass s3cr3t-1\n', errors: [{ messageId: 'tooShort', line: 1, column: 13 }] },
    { code: 'user alice on >hunter2 ~* +@all\n', errors: [{ messageId: 'tooShort', line: 1, column: 15 }] },
    { code: 'sentinel auth-pass mymaster changeme\n', filename: confFiles.sentinel, errors: [{ messageId: 'wellKnown', line: 1, column: 29 }] },
    {
      code: `aclfile ${weakAcl}\nrequirepass foobared\nmasterauth foobared\n`,
      errors: [
        { messageId: 'wellKnown', line: 1, column: 9, endColumn: 9 + weakAcl.length, data: { where: 'of the ACL user on line 1 of the aclfile' } },
        { messageId: 'tooShort', line: 1, column: 9, data: { where: 'of the ACL user on line 3 of the aclfile', length: '6', minLength: '16' } },
        { messageId: 'wellKnown', line: 3, column: 12, data: { where: 'in masterauth' } },
      ],
    },
  ],
});
