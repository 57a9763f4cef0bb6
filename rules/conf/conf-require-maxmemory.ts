import { configOf, locOf, type ConfRuleContext } from '../../src/conf/rule-helpers';
import { parseMemory } from '../../src/conf/values';
import { docsUrl, type RedisRuleModule } from '../../src/util/create-rule';

const rule: RedisRuleModule = {
  meta: {
    type: 'problem',
    docs: { description: 'Require a maxmemory limit', recommended: 'warn', url: docsUrl('conf-require-maxmemory') },
    schema: [],
    messages: {
      noLimit: '{{what}}: redis-server grows until the kernel OOM killer ends it, losing every write since the last snapshot. Set maxmemory to about 75% of the RAM left for Redis (fork for BGSAVE can double memory).',
    },
  },
  create(context: ConfRuleContext) {
    return {
      Document() {
        const config = configOf(context);
        if (config.sentinel) return;
        const setting = config.last('maxmemory');
        if ((parseMemory(config.value('maxmemory')[0] ?? '0') ?? 1n) !== 0n) return;
        const loc = locOf(setting);
        context.report({ loc, messageId: 'noLimit', data: { what: setting ? '"maxmemory 0" means no limit' : 'No maxmemory line, so no memory limit' } });
      },
    };
  },
};

export default rule;
