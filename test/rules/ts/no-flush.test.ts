import rule from '../../../rules/ts/no-flush';
import { asRule, codeRuleTester, files } from '../../helpers/rule-tester';

codeRuleTester().run('no-flush', asRule(rule), {
  valid: [
    { code: 'const stream = { flush() {} };\nstream.flush();', filename: files.ioredis },
    { code: "import Redis from 'ioredis';\nconst redis = new Redis();\nconst logger = { flushall() {} };\nlogger.flushall();", filename: files.ioredis },
    { code: "import Redis from 'ioredis';\nconst redis = new Redis();\nredis.del('a');", filename: files.ioredis },
  ],
  invalid: [
    {
      code: "import Redis from 'ioredis';\nconst redis = new Redis();\nawait redis.flushall();\nawait redis.flushdb('ASYNC');",
      filename: files.ioredis,
      errors: [
        { messageId: 'flush', data: { command: 'FLUSHALL', scope: 'of every database' }, line: 3, column: 7 },
        { messageId: 'flush', data: { command: 'FLUSHDB', scope: 'of the database' }, line: 4, column: 7 },
      ],
    },
    {
      code: "import { createClient } from 'redis';\nconst client = createClient();\nawait client.flushAll();\nawait client.FLUSHDB();\nawait client.sendCommand(['FLUSHALL']);",
      filename: files.nodeRedis4,
      errors: [
        { messageId: 'flush', line: 3, column: 7 },
        { messageId: 'flush', line: 4, column: 7 },
        { messageId: 'flush', line: 5, column: 7 },
      ],
    },
    {
      code: "import Redis from 'ioredis';\nconst redis = new Redis();\nredis.eval(\"return redis.call('FLUSHDB')\", 0);",
      filename: files.ioredis,
      errors: [{ messageId: 'flush', line: 3, column: 20 }],
    },
  ],
});
