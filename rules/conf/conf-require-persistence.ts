import { argsOf } from '../../src/conf/ast';
import { configOf, locOf, type ConfRuleContext } from '../../src/conf/rule-helpers';
import { docsUrl, type RedisRuleModule } from '../../src/util/create-rule';

const rule: RedisRuleModule = {
  meta: {
    type: 'suggestion',
    docs: { description: 'Require RDB snapshots or an fsynced append-only file', recommended: 'warn', url: docsUrl('conf-require-persistence') },
    schema: [],
    messages: {
      noPersistence: 'Snapshots are off ({{save}}) and appendonly is no: a restart or crash empties the whole keyspace.',
      fsyncNo: '"appendfsync no" leaves flushing to the kernel: a power loss drops up to ~30 seconds of acknowledged writes (everysec loses at most 1 second).',
    },
  },
  create(context: ConfRuleContext) {
    return {
      Document() {
        const config = configOf(context);
        if (config.sentinel) return;
        const appendonly = (config.value('appendonly')[0] ?? 'no').toLowerCase() === 'yes';
        if (!appendonly && config.savePoints().length === 0) {
          const save = config.last('save');
          const loc = locOf(save);
          context.report({ loc, messageId: 'noPersistence', data: { save: save ? 'save ""' : 'no save points' } });
        }
        const fsync = config.last('appendfsync');
        if (appendonly && fsync && (config.value('appendfsync')[0] ?? '').toLowerCase() === 'no') {
          context.report({ loc: locOf(fsync, argsOf(fsync.directive)[0]), messageId: 'fsyncNo' });
        }
      },
    };
  },
};

export default rule;
