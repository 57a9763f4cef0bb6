import type { Directive, Word } from '../../src/conf/ast';
import { configOf, fileStart, type ConfRuleContext } from '../../src/conf/rule-helpers';
import { validateDirectives } from '../../src/conf/validate';
import { docsUrl, type RedisRuleModule } from '../../src/util/create-rule';

const rule: RedisRuleModule = {
  meta: {
    type: 'problem',
    docs: {
      description: 'Disallow redis.conf lines that make redis-server refuse to start',
      recommended: 'error',
      url: docsUrl('conf-valid-directive'),
    },
    schema: [],
    messages: {
      unbalancedQuotes: 'redis-server refuses to start: "Unbalanced quotes in configuration line" ({{reason}}).',
      unknownDirective: 'redis-server refuses to start: "{{name}}" is not a directive of this Redis version ("Bad directive").',
      wrongArity: 'redis-server refuses to start: "{{name}}" takes {{expected}} ("wrong number of arguments").',
      badValue: 'redis-server refuses to start: "{{name}}" {{expected}}.',
      badRename: 'redis-server refuses to start: rename-command fails because {{reason}}.',
      badAcl: 'redis-server refuses to start: this user line has an ACL rule it rejects ({{reason}}).',
      sentinelOutsideSentinel: 'redis-server refuses to start: "sentinel" lines are only valid in a Sentinel config (name the file sentinel*.conf or set languageOptions.sentinel).',
      moduleConfig: 'redis-server refuses to start: module config "{{name}}" with no loadmodule to own it.',
      clusterReplica: 'redis-server refuses to start: "replicaof directive not allowed in cluster mode" (cluster-enabled yes).',
      bom: 'redis-server refuses to start: the file begins with a byte order mark, which it reads as part of the first directive name. Save the file without BOM.',
      missingInclude: 'redis-server refuses to start: included file "{{path}}" does not exist ("can\'t open config file").',
      unreadableInclude: 'redis-server refuses to start: included file "{{path}}" cannot be read ("can\'t open config file").',
      includeCycle: 'redis-server never finishes reading: "{{path}}" includes itself (directly or through other files); it recurses until it crashes.',
    },
  },
  create(context: ConfRuleContext) {
    return {
      Document() {
        const config = configOf(context);
        const ast = context.sourceCode.ast;
        if (ast.bom) context.report({ loc: fileStart(ast), messageId: 'bom' });
        // Only lines of this file are reported; an included file is linted on its own.
        for (const problem of validateDirectives(ast.body, { table: config.table, sentinel: config.sentinel })) {
          const node = problem.node as Directive | Word;
          const loc = problem.kind === 'unbalancedQuotes' ? (node as Directive).syntaxError!.loc : node.loc;
          context.report({ loc, messageId: problem.kind, data: problem.data });
        }
        for (const problem of config.includeProblems) {
          context.report({ loc: problem.anchor.loc, messageId: problem.kind, data: { path: problem.path } });
        }
      },
    };
  },
};

export default rule;
