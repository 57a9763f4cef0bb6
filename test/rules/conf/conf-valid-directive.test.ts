import { afterAll } from 'vitest';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import rule from '../../../rules/conf/conf-valid-directive';
import { asRule } from '../../helpers/rule-tester';
import { confFiles, confRuleTester } from '../../helpers/conf-rule-tester';

// aclfiles on disk, read the way ACLLoadFromFile reads them (the cases are built before the tests run).
const aclDir = mkdtempSync(join(tmpdir(), 'redis-conf-valid-acl-'));
afterAll(() => rmSync(aclDir, { recursive: true, force: true }));
const aclfile = (name: string, text: string) => {
  writeFileSync(join(aclDir, name), text);
  return join(aclDir, name);
};
const okAcl = aclfile('ok.acl', '\nuser alice on >averylongpasswordindeed ~* +@all\n\nuser "bob" on (+get ~a) (+set ~b)\n');
const commentAcl = aclfile('comment.acl', 'user alice on\n# admins\nuser admin on +@all\n');
const duplicateAcl = aclfile('duplicate.acl', 'user alice on\nuser alice off\n');
const badRuleAcl = aclfile('bad-rule.acl', 'user alice on +@nosuch\n');
const aclDirectory = join(aclDir, 'acl.d');
mkdirSync(aclDirectory);

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
    // Debian's 7.0 build refuses it (system jemalloc); official 7.0 builds accept it, so it is no finding.
    'activedefrag yes\n',
    'maxmemory-clients 100%\nmaxmemory-clients 0%\n',
    `bind ${Array.from({ length: 16 }, (_, i) => `127.0.0.${i + 1}`).join(' ')}\n`,
    'tls-port 0\ntls-cert-file /etc/redis/c.pem\n',
    'tls-port 6380\ntls-cert-file /etc/redis/c.pem\ntls-key-file /etc/redis/k.pem\ntls-ca-cert-dir /etc/ssl/certs\n',
    'tls-port 6380\ntls-cert-file /etc/redis/c.pem\ntls-key-file /etc/redis/k.pem\ntls-auth-clients no\n',
    // redis-server drops from the NUL to the end of the line: what is left is fine, or a comment swallows the next line.
    'timeout 0\0junk\n',
    '# note\0\ntimeout five\n',
    // User names are case-sensitive; removing a password the user has is fine; ")" may end a key pattern.
    'user default on nopass ~* +@all\nuser Default on\n',
    'user bob on >x <x\nuser carol on (+get ~a)) () ( +set )\n',
    `aclfile ${okAcl}\n`,
    // A directory opens and reads as empty, and an empty aclfile is no aclfile.
    `aclfile ${aclDirectory}\n`,
    'aclfile ""\nuser bob on\n',
    // Sentinel reads its lines after the whole file, monitors first: a master may be named before its monitor line.
    {
      code: 'sentinel down-after-milliseconds m 5000\nsentinel monitor m 127.1 6379 2\nsentinel resolve-hostnames yes\nsentinel monitor n redis.internal 6379 1\nsentinel known-sentinel gone 10.0.0.1 26379\n',
      filename: confFiles.sentinel,
    },
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
    { code: 'activedefrag maybe\n', errors: [{ messageId: 'badValue', line: 1, column: 14 }] },
    // A lone word with a "." (a pasted password, say) is read as a module config; the message never repeats it.
    { code: 'S3cr.etCanary\n', errors: [{ messageId: 'moduleConfigArity', line: 1, column: 1, endColumn: 14 }] },
    { code: 'S3cr.etCanary yes\n', errors: [{ messageId: 'moduleConfig', line: 1, column: 1, data: {} }] },
    { code: 'dbfilename a\\b.rdb\n', errors: [{ messageId: 'badValue', line: 1, column: 12, data: { name: 'dbfilename', expected: "can't be a path, just a filename" } }] },
    { code: 'appenddirname "a\\\\b"\n', errors: [{ messageId: 'badValue', line: 1, column: 15 }] },
    {
      code: 'maxmemory-clients 101%\n',
      errors: [{ messageId: 'badValue', line: 1, column: 1, data: { name: 'maxmemory-clients', expected: 'takes a percentage of maxmemory between 0% and 100% (no sign, no leading zeros)' } }],
    },
    { code: 'maxmemory-clients 050%\n', errors: [{ messageId: 'badValue', line: 1, column: 1 }] },
    {
      code: `bind ${Array.from({ length: 17 }, (_, i) => `127.0.0.${i + 1}`).join(' ')}\n`,
      errors: [{ messageId: 'badValue', line: 1, column: 1, data: { name: 'bind', expected: 'takes at most 16 addresses ("Too many bind addresses specified")' } }],
    },
    {
      code: `bind "${Array.from({ length: 17 }, (_, i) => `127.0.0.${i + 1}`).join(' ')}"\n`,
      errors: [{ messageId: 'badValue', line: 1, column: 1 }],
    },
    {
      code: 'port 6379\ntls-port 6380\n',
      errors: [{ messageId: 'tlsIncomplete', line: 2, column: 1, data: { name: 'tls-port', missing: 'tls-cert-file, tls-key-file, tls-ca-cert-file or tls-ca-cert-dir' } }],
    },
    {
      code: 'tls-cert-file /etc/redis/c.pem\ntls-key-file /etc/redis/k.pem\ntls-auth-clients no\ntls-replication yes\n',
      errors: [{ messageId: 'tlsIncomplete', line: 4, column: 1, data: { name: 'tls-replication', missing: 'tls-ca-cert-file or tls-ca-cert-dir' } }],
    },
    { code: 'user bob on\nuser bob off\n', errors: [{ messageId: 'badAcl', line: 2, column: 6, endColumn: 9, data: { reason: 'the user is already defined on an earlier line ("Duplicate user found")' } }] },
    { code: 'user bob on (+nosuchcmd ~foo)\n', errors: [{ messageId: 'badAcl', line: 1, column: 13, data: { reason: 'unknown command in an ACL rule inside a selector' } }] },
    { code: 'user bob on (+get ~foo\n', errors: [{ messageId: 'badAcl', line: 1, column: 13, data: { reason: 'a selector "(" is never closed with ")"' } }] },
    { code: 'user bob on (on)\n', errors: [{ messageId: 'badAcl', line: 1, column: 13, data: { reason: 'syntax error in an ACL rule inside a selector' } }] },
    { code: 'user bob on >x <x <x\n', errors: [{ messageId: 'badAcl', line: 1, column: 19, data: { reason: 'it removes a password the user does not have' } }] },
    { code: 'user "a b" on\n', errors: [{ messageId: 'badAcl', line: 1, column: 6, data: { reason: 'a user name cannot contain spaces' } }] },
    {
      code: `aclfile ${okAcl}\nuser bob on\n`,
      errors: [{ messageId: 'aclfileWithUsers', line: 2, column: 1 }],
    },
    {
      code: 'aclfile /nonexistent/users.acl\n',
      errors: [{ messageId: 'missingAclfile', line: 1, column: 9, endColumn: 31, data: { path: '/nonexistent/users.acl', where: '' } }],
    },
    {
      code: `aclfile ${join(okAcl, 'x.acl')}\n`,
      errors: [{ messageId: 'unreadableAclfile', line: 1, column: 9 }],
    },
    {
      code: `aclfile ${commentAcl}\n`,
      errors: [{ messageId: 'badAclfile', line: 1, column: 9, data: { path: commentAcl, line: '2', reason: 'does not start with "user" and a user name (an aclfile has no comments)' } }],
    },
    { code: `aclfile ${duplicateAcl}\n`, errors: [{ messageId: 'badAclfile', line: 1, column: 9, data: { path: duplicateAcl, line: '2', reason: 'defines a user that an earlier line already defined' } }] },
    { code: `aclfile ${badRuleAcl}\n`, errors: [{ messageId: 'badAclfile', line: 1, column: 9, data: { path: badRuleAcl, line: '1', reason: 'has an ACL rule it rejects (unknown ACL category)' } }] },
    {
      code: 'sentinel monitor m 127.0.0.1 6379\n',
      filename: confFiles.sentinel,
      errors: [{ messageId: 'badSentinel', line: 1, column: 1, data: { reason: 'has the wrong number of words for "sentinel monitor" ("Unrecognized sentinel configuration statement")' } }],
    },
    {
      code: 'sentinel monitor m 127.0.0.1 6379 0\nsentinel monitor n localhost 6379 2\nsentinel monitor o 10.0.0.1 70000 2\n',
      filename: confFiles.sentinel,
      errors: [
        { messageId: 'badSentinel', line: 1, column: 35, data: { reason: 'needs a quorum of 1 or more ("Quorum must be 1 or greater")' } },
        { messageId: 'badSentinel', line: 2, column: 20, data: { reason: 'names a host that is not an IP address while "sentinel resolve-hostnames" is no ("Failed to resolve hostname")' } },
        { messageId: 'badSentinel', line: 3, column: 29, data: { reason: 'has a port outside 0-65535 ("Invalid port number")' } },
      ],
    },
    {
      code: 'sentinel monitor m 127.0.0.1 6379 2\nsentinel down-after-milliseconds typo 5000\nsentinel failover-timeout m 0\nsentinel resolve-hostnames maybe\n',
      filename: confFiles.sentinel,
      errors: [
        { messageId: 'badSentinel', line: 2, column: 34, data: { reason: 'names a master that no "sentinel monitor" line defines ("No such master with specified name")' } },
        { messageId: 'badSentinel', line: 3, column: 29, data: { reason: 'needs a time above 0 milliseconds ("negative or zero time parameter")' } },
        { messageId: 'badSentinel', line: 4, column: 28, data: { reason: 'takes yes or no for "sentinel resolve-hostnames"' } },
      ],
    },
    // "maxmemory 1\0\n" + the next line is read as "maxmemory 1maxmemory-policy allkeys-lru".
    {
      code: 'maxmemory 1\0\nmaxmemory-policy allkeys-lru\n',
      errors: [
        { messageId: 'wrongArity', line: 1, column: 1, endLine: 2, endColumn: 29 },
        { messageId: 'nulByte', line: 1, column: 12, endLine: 2, endColumn: 1 },
      ],
    },
    // fgets reads 1024 bytes at most: the NUL drops the rest of that chunk only, and the next chunk joins the line.
    {
      name: 'a NUL in a line of more than 1024 bytes',
      code: `timeout 0\0${'x'.repeat(2000)}\n`,
      errors: [
        { messageId: 'badValue', line: 1, column: 9, endColumn: 2011 },
        { messageId: 'nulByte', line: 1, column: 10, endColumn: 1025 },
      ],
    },
    { code: '\uFEFFport 6379\n', errors: [{ messageId: 'bom', line: 1, column: 1 }] },
  ],
});
