import { argsOf } from '../../src/conf/ast';
import type { Occurrence } from '../../src/conf/effective-config';
import { configOf, inThisFile, type ConfRuleContext } from '../../src/conf/rule-helpers';
import { asciiLower } from '../../src/conf/parse';
import { docsUrl, type RedisRuleModule } from '../../src/util/create-rule';

// Lines that add up instead of replacing each other.
const ACCUMULATING = new Set(['save', 'include', 'rename-command', 'user', 'loadmodule', 'sentinel']);

const rule: RedisRuleModule = {
  meta: {
    type: 'suggestion',
    docs: { description: 'Disallow setting a directive twice, where the last line silently wins', recommended: 'warn', url: docsUrl('conf-no-duplicate-directive') },
    schema: [],
    messages: {
      duplicate: '"{{name}}" is set again on line {{line}}{{file}}, which silently wins: this line has no effect.',
    },
  },
  create(context: ConfRuleContext) {
    return {
      Document() {
        const config = configOf(context);
        // One pass to find the line that wins for each key, one to report the others: a file that
        // repeats its directives has as many findings as lines, so neither pass allocates per line.
        const winners = new Map<string, Occurrence>();
        const keys: (string | undefined)[] = new Array(config.occurrences.length);
        config.occurrences.forEach((o, i) => {
          const d = o.directive;
          if (d.syntaxError || d.words.length === 0) return;
          const name = config.table.aliases[d.name] ?? d.name;
          if (ACCUMULATING.has(name) || name.includes('.')) return;
          // client-output-buffer-limit replaces the limits per client class, not the whole directive.
          const key = name === 'client-output-buffer-limit' ? `${name} ${asciiLower(argsOf(d)[0]?.value ?? '').replace('slave', 'replica')}` : name;
          winners.set(key, o);
          keys[i] = key;
        });
        const dataByKey = new Map<string, Record<string, string>>();
        config.occurrences.forEach((o, i) => {
          const key = keys[i];
          if (key === undefined || !inThisFile(o)) return;
          const winner = winners.get(key)!;
          if (winner === o) return;
          let data = dataByKey.get(key);
          if (!data) {
            const own = inThisFile(winner);
            data = { name: key, line: String((own ? winner.directive : winner.anchor).loc.start.line), file: own ? '' : ' (through an include)' };
            dataByKey.set(key, data);
          }
          context.report({ loc: o.directive.loc, messageId: 'duplicate', data });
        });
      },
    };
  },
};

export default rule;
