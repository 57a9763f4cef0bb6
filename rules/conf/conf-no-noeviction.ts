import { argsOf } from '../../src/conf/ast';
import { configOf, inThisFile, type ConfRuleContext } from '../../src/conf/rule-helpers';
import { parseMemory } from '../../src/conf/values';
import { docsUrl, type RedisRuleModule } from '../../src/util/create-rule';

const POLICIES = ['allkeys-lru', 'allkeys-lfu', 'allkeys-random', 'volatile-lru', 'volatile-lfu', 'volatile-random', 'volatile-ttl'];

const rule: RedisRuleModule = {
  meta: {
    type: 'problem',
    docs: { description: 'Disallow the noeviction policy on a server with a memory limit', recommended: 'warn', url: docsUrl('conf-no-noeviction') },
    fixable: 'code',
    schema: [{ type: 'object', properties: { policy: { enum: POLICIES } }, additionalProperties: false }],
    defaultOptions: [{ policy: 'allkeys-lru' }],
    messages: {
      noeviction: 'maxmemory-policy is noeviction{{how}}: once used memory reaches maxmemory ({{limit}}), every write (SET, LPUSH, INCR...) fails with "OOM command not allowed" until keys are deleted by hand.',
    },
  },
  create(context: ConfRuleContext) {
    const policy = (context.options[0] as { policy?: string } | undefined)?.policy ?? 'allkeys-lru';
    return {
      Document() {
        const config = configOf(context);
        if (config.sentinel) return;
        const limit = config.value('maxmemory')[0] ?? '0';
        // With no memory limit no policy ever runs: that is conf-require-maxmemory's finding, not this one's.
        if ((parseMemory(limit) ?? 0n) === 0n) return;
        const setting = config.last('maxmemory-policy');
        if ((config.value('maxmemory-policy')[0] ?? 'noeviction').toLowerCase() !== 'noeviction') return;
        const limitOccurrence = config.last('maxmemory')!;
        if (!setting) {
          const at = inThisFile(limitOccurrence) ? limitOccurrence.directive : limitOccurrence.anchor;
          context.report({
            loc: at.loc,
            messageId: 'noeviction',
            data: { how: ' (the default, as no maxmemory-policy line sets it)', limit },
            ...(inThisFile(limitOccurrence) ? { fix: (fixer: { insertTextAfterRange(r: [number, number], t: string): unknown }) => fixer.insertTextAfterRange(at.range, `\nmaxmemory-policy ${policy}`) } : {}),
          });
          return;
        }
        const word = argsOf(setting.directive)[0];
        const own = inThisFile(setting);
        context.report({
          loc: (own ? word : setting.anchor).loc,
          messageId: 'noeviction',
          data: { how: '', limit },
          ...(own ? { fix: (fixer: { replaceTextRange(r: [number, number], t: string): unknown }) => fixer.replaceTextRange(word.range, policy) } : {}),
        });
      },
    };
  },
};

export default rule;
