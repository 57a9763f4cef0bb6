import rule from '../../../rules/ts/no-select';
import { asRule, codeRuleTester, files } from '../../helpers/rule-tester';

codeRuleTester().run('no-select', asRule(rule), {
  valid: [
    { code: "import knex from 'knex';\nknex.select('id').from('users');", filename: files.ioredis },
    { code: 'const db = { select: (n: number) => n };\ndb.select(1);', filename: files.ioredis },
    { code: "import Redis from 'ioredis';\nconst redis = new Redis({ db: 2 });\nconst db = { select: (n: number) => n };\ndb.select(1);", filename: files.ioredis },
    { code: "import Redis from 'ioredis';\nconst redis = new Redis();\ndocument.querySelector('select');", filename: files.ioredis },
    { code: "import Redis from 'ioredis';\nconst redis = new Redis();\nredis.eval(\"return redis.call('GET', KEYS[1])\", 1, 'k');", filename: files.ioredis },
  ],
  invalid: [
    {
      code: "import Redis from 'ioredis';\nconst redis = new Redis();\nasync function boot() {\n  await redis.select(2);\n}",
      filename: files.ioredis,
      errors: [
        {
          messageId: 'select',
          line: 4,
          column: 9,
          suggestions: [
            { messageId: 'suggestOption', data: { option: 'db', db: '2' }, output: "import Redis from 'ioredis';\nconst redis = new Redis({ db: 2 });\nasync function boot() {\n}" },
          ],
        },
      ],
    },
    {
      code: "import { createClient } from 'redis';\nconst client = createClient({ url: process.env.REDIS_URL });\nawait client.SELECT(3);",
      filename: files.nodeRedis4,
      errors: [
        {
          messageId: 'select',
          line: 3,
          column: 7,
          suggestions: [
            { messageId: 'suggestOption', data: { option: 'database', db: '3' }, output: "import { createClient } from 'redis';\nconst client = createClient({ url: process.env.REDIS_URL, database: 3 });\n" },
          ],
        },
      ],
    },
    {
      // The option is already there: no suggestion, still a finding.
      code: "import Redis from 'ioredis';\nconst redis = new Redis({ db: 1 });\nawait redis.select(2);",
      filename: files.ioredis,
      errors: [{ messageId: 'select', line: 3, column: 7, suggestions: [] }],
    },
    {
      // The client comes from elsewhere: no suggestion.
      code: "import type { Redis } from 'ioredis';\nexport async function use(redis: Redis) {\n  await redis.select(1);\n}",
      filename: files.ioredis,
      errors: [{ messageId: 'select', line: 3, column: 9, suggestions: [] }],
    },
    {
      code: "import { createClient } from 'redis';\nconst client = createClient();\nclient.sendCommand(['SELECT', '1']);\nclient.sendCommand(['select', '2']);",
      filename: files.nodeRedis5,
      errors: [
        { messageId: 'select', line: 3, column: 1, suggestions: [] },
        { messageId: 'select', line: 4, column: 1, suggestions: [] },
      ],
    },
    {
      code: "import Redis from 'ioredis';\nconst redis = new Redis();\nredis.eval(\"redis.call('SELECT', 1) return redis.call('GET', KEYS[1])\", 1, 'k');",
      filename: files.ioredis,
      errors: [{ messageId: 'selectInLua', line: 3, column: 13 }],
    },
  ],
});
