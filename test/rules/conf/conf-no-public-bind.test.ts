import rule from '../../../rules/conf/conf-no-public-bind';
import { asRule } from '../../helpers/rule-tester';
import { confFiles, confRuleTester } from '../../helpers/conf-rule-tester';

const protectedReach =
  'for now protected mode turns away clients from other hosts, but only because the default user has no password: once it gets one, or protected mode is turned off, anyone who can route to port 6379 reaches the server.';
const openReach = 'anyone who can route to port 6379 reaches the keyspace with no password (Internet scans find exposed Redis within minutes).';
const passwordReach =
  'anyone who can route to port 6380 reaches the server, and only a password stands between them and the keyspace (redis-server answers ~100,000 AUTH attempts per second).';

// Spellings redis-server 7.0.15 was seen to bind to 0.0.0.0 or [::] (inet_aton / inet_pton read them as all zeros).
const wildcards = ['0', '0.0', '000.0.0.0', '0x0', '0x00000000', '00', '-0', '0:0::0', '::0.0.0.0', '0:0:0:0:0:0:0:0', '::'];

confRuleTester().run('conf-no-public-bind', asRule(rule), {
  valid: [
    'bind 127.0.0.1 -::1\n',
    'bind 10.0.0.5\n',
    'bind 0.0.0.0\nbind 127.0.0.1\n',
    'port 0\nunixsocket /run/redis.sock\n',
    // 127.1 and 0177.0.0.1 are 127.0.0.1 to inet_aton; 0.0.0.1 and ::2 are not the wildcard.
    'bind 127.1 0177.0.0.1 0.0.0.1 ::2\n',
    'bind localhost\n',
    'bind "127.0.0.1 ::1"\n',
    // Not an address redis-server can read (it refuses to start): not a wildcard either.
    'bind 0.0.0.0x\n',
    { code: 'sentinel monitor m 127.0.0.1 6379 2\n', filename: confFiles.sentinel },
  ],
  invalid: [
    {
      code: 'port 6380\nbind 0.0.0.0\n',
      errors: [{ messageId: 'publicBind', line: 2, column: 6, endColumn: 13, suggestions: [{ messageId: 'useLoopback', output: 'port 6380\nbind 127.0.0.1 -::1\n' }] }],
    },
    {
      code: 'bind * -::*\n',
      errors: [{ messageId: 'publicBind', line: 1, column: 6, data: { address: '*', reach: protectedReach }, suggestions: [{ messageId: 'useLoopback', output: 'bind 127.0.0.1 -::1\n' }] }],
    },
    {
      code: 'bind 127.0.0.1 -::\n',
      errors: [{ messageId: 'publicBind', line: 1, column: 16, suggestions: [{ messageId: 'useLoopback', output: 'bind 127.0.0.1 -::1\n' }] }],
    },
    {
      code: '# redis\nport 6379\n',
      errors: [{ messageId: 'noBind', line: 1, column: 1, data: { reach: protectedReach }, suggestions: [{ messageId: 'useLoopback', output: '# redis\nbind 127.0.0.1 -::1\nport 6379\n' }] }],
    },
    ...wildcards.map((address) => ({
      code: `bind 127.0.0.1 ${address}\n`,
      errors: [
        {
          messageId: 'publicBind',
          line: 1,
          column: 16,
          endColumn: 16 + address.length,
          data: { address, reach: protectedReach },
          suggestions: [{ messageId: 'useLoopback', output: 'bind 127.0.0.1 -::1\n' }],
        },
      ],
    })),
    // One word holding two addresses is split the way config.c splits it; the report covers that word.
    {
      code: 'bind "127.0.0.1 0"\n',
      errors: [{ messageId: 'publicBind', line: 1, column: 6, endColumn: 19, data: { address: '0', reach: protectedReach }, suggestions: [{ messageId: 'useLoopback', output: 'bind 127.0.0.1 -::1\n' }] }],
    },
    // Who gets in: with protected mode off and no password, anyone; with a password, only who knows it.
    {
      code: 'bind 0.0.0.0\nprotected-mode no\n',
      errors: [{ messageId: 'publicBind', line: 1, column: 6, data: { address: '0.0.0.0', reach: openReach }, suggestions: [{ messageId: 'useLoopback', output: 'bind 127.0.0.1 -::1\nprotected-mode no\n' }] }],
    },
    {
      code: 'port 6380\nrequirepass k7Qz9vX2mP4wR8tY6uB3nC1eD5fG0hJ\n',
      errors: [
        {
          messageId: 'noBind',
          line: 1,
          column: 1,
          data: { reach: passwordReach },
          suggestions: [{ messageId: 'useLoopback', output: 'bind 127.0.0.1 -::1\nport 6380\nrequirepass k7Qz9vX2mP4wR8tY6uB3nC1eD5fG0hJ\n' }],
        },
      ],
    },
    // A port that is not a number is never echoed.
    {
      code: 'port Canary7f3e9Q\nbind 0.0.0.0\nprotected-mode no\n',
      errors: [
        {
          messageId: 'publicBind',
          line: 2,
          column: 6,
          data: { address: '0.0.0.0', reach: openReach.replace('port 6379', 'its port') },
          suggestions: [{ messageId: 'useLoopback', output: 'port Canary7f3e9Q\nbind 127.0.0.1 -::1\nprotected-mode no\n' }],
        },
      ],
    },
  ],
});
