import rule from '../../../rules/conf/conf-valid-directive';
import { asRule } from '../../helpers/rule-tester';
import { confFiles, confRuleTester } from '../../helpers/conf-rule-tester';

confRuleTester().run('conf-valid-directive', asRule(rule), {
  valid: [
    'port 6379\nbind 127.0.0.1 -::1\n# a comment\n   # indented comment\n',
    'maxmemory 1gb\nmaxmemory-policy ALLKEYS-LRU\nappendonly YES\n',
    'slave-read-only yes\nhash-max-ziplist-entries 128\n',
    'save ""\nsave 900 1 300 10\n',
    'rename-command FLUSHALL ""\nrename-command CONFIG my-config\n',
    'user alice on >averylongpasswordindeed ~cache:* +get +set -@dangerous\n',
    'dbfilename "dump file.rdb"\nlogfile \'/var/log/redis.log\'\n',
    'notify-keyspace-events ""\n',
    'list-max-ziplist-entries 512\n',
    'loadmodule /opt/mod.so\nmymod.option 1\n',
    'sentinel\n',
    { code: 'sentinel monitor mymaster 127.0.0.1 6379 2\nsentinel down-after-milliseconds mymaster 5000\n', filename: confFiles.sentinel },
    'port 6379\r\ntimeout 0\r\n',
    // RuleTester registers the rule as rule-to-test/<id>; test/conf/language.test.ts checks the redis/ prefix.
    '# eslint-disable-next-line rule-to-test/conf-valid-directive\nbogus yes\n',
    { code: 'set-max-listpack-entries 128\n', languageOptions: { redisVersion: '7.4' } },
  ],
  invalid: [
    {
      code: 'port 6379 # the default\n',
      errors: [{ messageId: 'wrongArity', line: 1, column: 1, endColumn: 24 }],
    },
    { code: 'maxmemroy 100mb\n', errors: [{ messageId: 'unknownDirective', line: 1, column: 1, endColumn: 10, data: { hint: ' (did you mean "maxmemory"?)' } }] },
    { code: 'qwertyuiop yes\n', errors: [{ messageId: 'unknownDirective', line: 1, column: 1, data: { hint: '' } }] },
    { code: 'appendonly maybe\n', errors: [{ messageId: 'badValue', line: 1, column: 12 }] },
    { code: 'maxmemory-policy lru\n', errors: [{ messageId: 'badValue', line: 1, column: 18 }] },
    { code: 'maxmemory 1.5gb\n', errors: [{ messageId: 'badValue', line: 1, column: 11 }] },
    { code: 'timeout 010\n', errors: [{ messageId: 'badValue', line: 1, column: 9 }] },
    { code: 'databases 0\n', errors: [{ messageId: 'badValue', line: 1, column: 11 }] },
    { code: 'dbfilename "dump.rdb\n', errors: [{ messageId: 'unbalancedQuotes', line: 1, column: 12 }] },
    { code: 'dbfilename "dump"x\n', errors: [{ messageId: 'unbalancedQuotes', line: 1, column: 18 }] },
    { code: 'save 0 1\n', errors: [{ messageId: 'badValue', line: 1, column: 1 }] },
    { code: 'rename-command NOSUCH foo\n', errors: [{ messageId: 'badRename', line: 1, column: 16 }] },
    { code: 'rename-command flushall a\nrename-command flushall b\n', errors: [{ messageId: 'badRename', line: 2, column: 16 }] },
    { code: 'user alice on +@nosuch\n', errors: [{ messageId: 'badAcl', line: 1, column: 15 }] },
    { code: 'sentinel monitor m 127.0.0.1 6379 2\n', errors: [{ messageId: 'sentinelOutsideSentinel', line: 1, column: 1 }] },
    { code: 'mymod.option 1\n', errors: [{ messageId: 'moduleConfig', line: 1, column: 1 }] },
    { code: 'cluster-enabled yes\nreplicaof 10.0.0.1 6379\n', errors: [{ messageId: 'clusterReplica', line: 2, column: 1 }] },
    { code: 'set-max-listpack-entries 128\n', errors: [{ messageId: 'unknownDirective', line: 1, column: 1 }] },
    { code: 'include /nonexistent/extra.conf\n', errors: [{ messageId: 'missingInclude', line: 1, column: 1 }] },
    { code: 'activedefrag yes\n', errors: [{ messageId: 'badValue', line: 1, column: 14 }] },
    { code: '\uFEFFport 6379\n', errors: [{ messageId: 'bom', line: 1, column: 1 }] },
  ],
});
