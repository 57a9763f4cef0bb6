import { dirname, relative } from 'node:path';
import type { Directive, Word } from '../../src/conf/ast';
import type { Occurrence } from '../../src/conf/effective-config';
import { configOf, fileStart, locOf, type ConfRuleContext } from '../../src/conf/rule-helpers';
import { validateDirectives } from '../../src/conf/validate';
import { docsUrl, type RedisRuleModule } from '../../src/util/create-rule';

const reasons: Record<string, string> = {
  unbalancedQuotes: 'has unbalanced quotes',
  unknownDirective: 'has an unknown directive',
  wrongArity: 'has the wrong number of arguments',
  badValue: 'has a value the directive refuses',
  badRename: 'has a rename-command that fails',
  badAcl: 'has an ACL rule that is refused',
  sentinelOutsideSentinel: 'has a sentinel line outside a Sentinel config',
  moduleConfig: 'has a module config with no loadmodule',
  moduleConfigArity: 'has a module config without exactly one value',
  clusterReplica: 'sets replicaof in cluster mode',
  tlsIncomplete: 'turns TLS on without its certificates',
  aclfileWithUsers: 'has user lines while an aclfile is set',
  badSentinel: 'has a sentinel line Sentinel refuses',
};

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
      unknownDirective: 'redis-server refuses to start: the first word of this line is not a directive of this Redis version{{hint}} ("Bad directive").',
      wrongArity: 'redis-server refuses to start: "{{name}}" takes {{expected}} ("wrong number of arguments").',
      badValue: 'redis-server refuses to start: "{{name}}" {{expected}}.',
      badRename: 'redis-server refuses to start: rename-command fails because {{reason}}.',
      badAcl: 'redis-server refuses to start: this user line has an ACL rule it rejects ({{reason}}).',
      sentinelOutsideSentinel: 'redis-server refuses to start: "sentinel" lines are only valid in a Sentinel config (name the file sentinel*.conf or set languageOptions.sentinel).',
      moduleConfig: 'redis-server refuses to start: a first word with a "." names a module config (module.option), and no loadmodule line loads a module to own it.',
      moduleConfigArity: 'redis-server refuses to start: a first word with a "." names a module config (module.option), which takes exactly one value.',
      clusterReplica: 'redis-server refuses to start: "replicaof directive not allowed in cluster mode" (cluster-enabled yes).',
      tlsIncomplete: 'redis-server refuses to start: "{{name}}" turns TLS on, which needs {{missing}} ("Failed to configure TLS").',
      aclfileWithUsers: 'redis-server refuses to start: users are defined by "user" lines and by an aclfile at once ("Configuring Redis with users defined in redis.conf and at the same setting an ACL file path is invalid"). Define them in one place.',
      missingAclfile: 'redis-server refuses to start: the aclfile "{{path}}" does not exist{{where}} ("Error loading ACLs").',
      unreadableAclfile: 'redis-server refuses to start: the aclfile "{{path}}" cannot be read ("Error loading ACLs").',
      badAclfile: 'redis-server refuses to start: line {{line}} of the aclfile "{{path}}" {{reason}} ("Aborting Redis startup because of ACL errors").',
      badSentinel: 'redis-server refuses to start: this sentinel line {{reason}}.',
      nulByte: 'The line is refused because of this NUL byte: redis-server reads the file with fgets and stops at a NUL, so it skips the rest of the line (or of its 1024-byte chunk), newline included, and reads what follows as part of this line. Remove the NUL byte.',
      bom: 'redis-server refuses to start: the file begins with a byte order mark, which it reads as part of the first directive name. Save the file without BOM.',
      missingInclude: 'redis-server refuses to start: included file "{{path}}" does not exist{{where}} ("can\'t open config file").',
      unreadableInclude: 'redis-server refuses to start: included file "{{path}}" cannot be read ("can\'t open config file").',
      inInclude: 'redis-server refuses to start: line {{line}} of included file "{{path}}" {{reason}}.',
      includeCycle: 'redis-server never finishes reading: "{{path}}" includes itself (directly or through other files); it recurses until it crashes.',
    },
  },
  create(context: ConfRuleContext) {
    return {
      Document() {
        const config = configOf(context);
        const ast = context.sourceCode.ast;
        if (ast.bom) context.report({ loc: fileStart(), messageId: 'bom' });
        // Included files are read in place (rename-command and module state carry over); their
        // problems are reported on the include line, since that is where this file goes wrong.
        const problems = validateDirectives(config.occurrences.map((o) => o.directive), { table: config.table, sentinel: config.sentinel });
        // Indexed only when there is something to report: most files have no problem at all.
        const occurrenceOf = new Map<Directive, Occurrence>();
        if (problems.length > 0) for (const o of config.occurrences) occurrenceOf.set(o.directive, o);
        for (const problem of problems) {
          const occurrence = occurrenceOf.get(problem.directive);
          if (occurrence && occurrence.anchor !== occurrence.directive) {
            context.report({
              loc: occurrence.anchor.loc,
              messageId: 'inInclude',
              data: { path: relative(dirname(config.occurrences[0]?.file || '.'), occurrence.file) || occurrence.file, line: String(problem.directive.loc.start.line), reason: reasons[problem.kind] },
            });
            continue;
          }
          const node = problem.node as Directive | Word;
          const loc = problem.kind === 'unbalancedQuotes' ? (node as Directive).syntaxError!.loc : node.loc;
          context.report({ loc, messageId: problem.kind, data: problem.data });
          // A refused line that a NUL joined to the next one: say where it went wrong, since the text looks fine.
          for (const drop of ast.nulDrops ?? []) {
            if (drop.range[0] >= problem.directive.range[0] && drop.range[0] < problem.directive.range[1]) context.report({ loc: drop.loc, messageId: 'nulByte' });
          }
        }
        for (const problem of config.includeProblems) {
          const where = problem.relative ? ' next to the file that includes it (redis-server itself opens a relative include from its working directory, or from the "dir" of an earlier line)' : '';
          context.report({ loc: problem.anchor.loc, messageId: problem.kind, data: { path: problem.path, where } });
        }
        // The aclfile is loaded after the config file; a missing file or a refused line of it stops the server.
        const aclfile = config.aclfile;
        if (aclfile?.problem) {
          const { occurrence, path, relative, problem } = aclfile;
          const where = relative ? ' next to the config file (redis-server itself opens a relative aclfile from its working directory, which is "dir" once the config is read)' : '';
          context.report({ loc: locOf(occurrence, occurrence.directive.words[1]), messageId: problem.kind, data: { path, where, line: String(problem.line ?? ''), reason: problem.reason ?? '' } });
        }
      },
    };
  },
};

export default rule;
