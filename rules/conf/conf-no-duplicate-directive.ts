import { argsOf } from '../../src/conf/ast';
import type { Occurrence } from '../../src/conf/effective-config';
import { configOf, inThisFile, type ConfRuleContext } from '../../src/conf/rule-helpers';
import { asciiLower } from '../../src/conf/parse';
import { docsUrl, type RedisRuleModule } from '../../src/util/create-rule';

// Lines that add up instead of replacing each other.
const ACCUMULATING = new Set(['save', 'include', 'rename-command', 'user', 'loadmodule', 'sentinel']);
const CLIENT_CLASSES: Record<string, string> = { normal: 'normal', replica: 'replica', slave: 'replica', pubsub: 'pubsub' };

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
        // What a line sets: one key, or one per client class of a client-output-buffer-limit line, which
        // replaces only the classes it names. Only names of the table count: an unknown first word makes
        // redis-server refuse the file (conf-valid-directive), and it may be a pasted password, so it is never echoed.
        const keysOf = (o: Occurrence): string[] | undefined => {
          const d = o.directive;
          if (d.syntaxError || d.words.length === 0) return undefined;
          const name = config.table.aliases[d.name] ?? d.name;
          if (ACCUMULATING.has(name) || !config.table.directives[name]) return undefined;
          if (name !== 'client-output-buffer-limit') return [name];
          const args = argsOf(d);
          if (args.length === 0 || args.length % 4 !== 0) return undefined;
          const classes: string[] = [];
          for (let i = 0; i < args.length; i += 4) {
            const known = CLIENT_CLASSES[asciiLower(args[i].value)];
            if (!known) return undefined;
            classes.push(`${name} ${known}`);
          }
          return [...new Set(classes)];
        };
        // One pass to find the line that wins for each key, one to report the others: a file that
        // repeats its directives has as many findings as lines, so neither pass allocates per line.
        const winners = new Map<string, { occurrence: Occurrence; index: number }>();
        const keys: (string[] | undefined)[] = new Array(config.occurrences.length);
        config.occurrences.forEach((o, index) => {
          const found = keysOf(o);
          if (!found) return;
          for (const key of found) winners.set(key, { occurrence: o, index });
          keys[index] = found;
        });
        const dataByKey = new Map<string, Record<string, string>>();
        config.occurrences.forEach((o, index) => {
          const own = keys[index];
          if (own === undefined || !inThisFile(o)) return;
          // The line has no effect only when later lines replace every key it sets; name the last of them.
          let last: { occurrence: Occurrence; index: number } | undefined;
          for (const key of own) {
            const winner = winners.get(key)!;
            if (winner.index === index) return;
            if (!last || winner.index > last.index) last = winner;
          }
          const name = own.length === 1 ? own[0] : `client-output-buffer-limit ${own.map((k) => k.slice(k.indexOf(' ') + 1)).join(', ')}`;
          const cacheKey = own.length === 1 ? name : `${name}@${last!.index}`;
          let data = dataByKey.get(cacheKey);
          if (!data) {
            const winner = last!.occurrence;
            const here = inThisFile(winner);
            data = { name, line: String((here ? winner.directive : winner.anchor).loc.start.line), file: here ? '' : ' (through an include)' };
            dataByKey.set(cacheKey, data);
          }
          context.report({ loc: o.directive.loc, messageId: 'duplicate', data });
        });
      },
    };
  },
};

export default rule;
