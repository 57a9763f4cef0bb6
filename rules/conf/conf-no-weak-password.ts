import { argsOf } from '../../src/conf/ast';
import type { SourceLocation } from '../../src/conf/ast';
import { configOf, inThisFile, locOf, type ConfRuleContext } from '../../src/conf/rule-helpers';
import { secretSentinelStatements } from '../../src/conf/secrets';
import { wellKnownPasswords } from '../../src/conf/weak-passwords';
import { docsUrl, type RedisRuleModule } from '../../src/util/create-rule';

const known = new Set([...wellKnownPasswords].map((p) => p.toLowerCase()));

const rule: RedisRuleModule = {
  meta: {
    type: 'problem',
    docs: { description: 'Disallow short or well-known passwords in redis.conf', recommended: 'error', url: docsUrl('conf-no-weak-password') },
    schema: [{ type: 'object', properties: { minLength: { type: 'integer', minimum: 1 } }, additionalProperties: false }],
    defaultOptions: [{ minLength: 16 }],
    messages: {
      wellKnown: 'The password {{where}} is on the lists brute-force tools try first. redis-server answers ~100,000 AUTH attempts per second; use a random one (ACL GENPASS gives 64 hex characters).',
      tooShort: 'The password {{where}} has {{length}} characters (minimum {{minLength}}): redis-server answers ~100,000 AUTH attempts per second, so short passwords fall to brute force. ACL GENPASS gives 64 hex characters.',
    },
  },
  create(context: ConfRuleContext) {
    const minLength = (context.options[0] as { minLength?: number } | undefined)?.minLength ?? 16;
    // Messages say where the password is, never the password itself.
    const check = (password: string, loc: SourceLocation, where: string) => {
      if (password === '') return;
      if (known.has(password.toLowerCase())) context.report({ loc, messageId: 'wellKnown', data: { where } });
      else if (password.length < minLength) context.report({ loc, messageId: 'tooShort', data: { where, length: String(password.length), minLength: String(minLength) } });
    };
    return {
      Document() {
        const config = configOf(context);
        // With an aclfile, redis-server builds the users from that file alone and ignores requirepass.
        const aclfile = config.aclfile;
        for (const o of config.occurrences) {
          if (!inThisFile(o) || o.directive.syntaxError) continue;
          const args = argsOf(o.directive);
          const name = config.table.aliases[o.directive.name] ?? o.directive.name;
          if (((name === 'requirepass' && !aclfile) || name === 'masterauth') && args.length === 1) check(args[0].value, args[0].loc, `in ${name}`);
          if (name === 'user' && args.length > 1) {
            for (const word of args.slice(1)) if (word.value.startsWith('>')) check(word.value.slice(1), word.loc, 'of an ACL user');
          }
          if (name === 'sentinel' && args.length >= 2 && secretSentinelStatements.has(args[0].value.toLowerCase())) {
            const secret = args[args.length - 1];
            check(secret.value, secret.loc, `in sentinel ${args[0].value.toLowerCase()}`);
          }
        }
        // The aclfile's own ">password" rules, read the way the effective config reads the file; reported on the aclfile line.
        if (aclfile?.users) {
          const loc = locOf(aclfile.occurrence, argsOf(aclfile.occurrence.directive)[0]);
          for (const { user, line } of aclfile.users) for (const password of user.passwords) check(password, loc, `of the ACL user on line ${line} of the aclfile`);
        }
      },
    };
  },
};

export default rule;
