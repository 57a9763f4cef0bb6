import { argsOf } from '../../src/conf/ast';
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
        const lastByKey = new Map<string, { line: number; file: string }>();
        const seen: { key: string; node: (typeof config.occurrences)[number] }[] = [];
        for (const o of config.occurrences) {
          const d = o.directive;
          if (d.syntaxError || d.words.length === 0) continue;
          const name = config.table.aliases[d.name] ?? d.name;
          if (ACCUMULATING.has(name) || name.includes('.')) continue;
          // client-output-buffer-limit replaces the limits per client class, not the whole directive.
          const key = name === 'client-output-buffer-limit' ? `${name} ${asciiLower(argsOf(d)[0]?.value ?? '').replace('slave', 'replica')}` : name;
          lastByKey.set(key, { line: (inThisFile(o) ? d : o.anchor).loc.start.line, file: inThisFile(o) ? '' : ' (through an include)' });
          seen.push({ key, node: o });
        }
        for (const { key, node } of seen) {
          const winner = lastByKey.get(key)!;
          const line = node.directive.loc.start.line;
          if (!inThisFile(node) || (winner.line === line && winner.file === '')) continue;
          context.report({ loc: node.directive.loc, messageId: 'duplicate', data: { name: key, line: String(winner.line), file: winner.file } });
        }
      },
    };
  },
};

export default rule;
