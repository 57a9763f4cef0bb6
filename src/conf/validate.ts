/**
 * What makes redis-server refuse to start, line by line, in the order of loadServerConfigFromString
 * (config.c) and the checks that run right after it (ACL users, module configs, cluster + replicaof).
 */
import { argsOf, type Directive, type Word } from './ast';
import { readAclUser } from './acl';
import type { DirectiveTable } from './directives/types';
import { asciiLower } from './parse';
import { sentinelProblems } from './sentinel';
import { checkValue, multiChecks, specialChecks, stringChecks } from './values';

export interface ConfProblem {
  /** Message id of conf-valid-directive. */
  kind:
    | 'unbalancedQuotes'
    | 'unknownDirective'
    | 'wrongArity'
    | 'badValue'
    | 'badRename'
    | 'badAcl'
    | 'sentinelOutsideSentinel'
    | 'moduleConfig'
    | 'moduleConfigArity'
    | 'clusterReplica'
    | 'tlsIncomplete'
    | 'aclfileWithUsers'
    | 'badSentinel'
    | 'bom';
  node: Directive | Word;
  /** The line the problem is on. */
  directive: Directive;
  data: Record<string, string>;
}

// config.c `deprecated_configs`: read and ignored with the right number of words.
const DEPRECATED = new Set(['list-max-ziplist-entries', 'list-max-ziplist-value', 'lua-replicate-commands']);

// sentinel.c `sentinelHandleConfiguration`: what a Sentinel config may say after `sentinel`.
const SENTINEL_STATEMENTS = new Set([
  'monitor', 'down-after-milliseconds', 'failover-timeout', 'parallel-syncs', 'notification-script', 'client-reconfig-script',
  'auth-pass', 'auth-user', 'config-epoch', 'leader-epoch', 'known-replica', 'known-slave', 'known-sentinel', 'rename-command',
  'announce-ip', 'announce-port', 'announce-hostnames', 'resolve-hostnames', 'deny-scripts-reconfig', 'sentinel-user',
  'sentinel-pass', 'current-epoch', 'myid', 'master-reboot-down-after-period', 'config',
]);

export interface ValidateOptions {
  table: DirectiveTable;
  sentinel: boolean;
}

/** All the reasons redis-server would refuse these directives, in file order. */
export function validateDirectives(directives: Directive[], { table, sentinel }: ValidateOptions): ConfProblem[] {
  const problems: ConfProblem[] = [];
  const commandNames = new Map(table.commands.filter((c) => !c.includes('|')).map((c) => [c, c]));
  let hasModule = false;
  const moduleConfigs: Directive[] = [];
  let clusterEnabled: Directive | undefined;
  let replicaOf: Directive | undefined;
  // The last value of each TLS directive, and the line that set it (initServer checks them once the file is read).
  const tls = new Map<string, { value: string; directive: Directive }>();
  // ACLAppendUserForLoading refuses a second line for a user name (case-sensitive); an aclfile excludes user lines.
  const userNames = new Set<string>();
  let firstUser: Directive | undefined;
  let aclfile: Directive | undefined;
  const sentinelLines: { directive: Directive; args: Word[] }[] = [];

  for (const directive of directives) {
    const { name } = directive;
    const args = argsOf(directive);
    const argc = directive.words.length;
    if (directive.syntaxError) {
      problems.push({ kind: 'unbalancedQuotes', node: directive, directive, data: { reason: directive.syntaxError.message } });
      // redis-server stops at the first fatal line; later lines still get checked so all problems show at once.
      continue;
    }
    const canonical = table.aliases[name] ?? name;
    const spec = table.directives[canonical];
    if (spec) {
      if (!spec.multi && spec.type !== 'special' && argc !== 2) {
        const inlineComment = args.some((a) => a.raw.startsWith('#'));
        // `port 6379 # note` is three words to redis-server: `#` starts a comment only at the start of a line.
        const expected = inlineComment ? 'exactly one value; "#" starts a comment only at the beginning of a line' : 'exactly one value';
        problems.push({ kind: 'wrongArity', node: directive, directive, data: { name, expected } });
        continue;
      }
      let error: string | undefined;
      let at: Directive | Word = args[0] ?? directive;
      if (spec.type === 'special') {
        const check = specialChecks[canonical];
        if (!check && argc !== 2) error = 'takes exactly one value';
        else error = check?.(args.map((a) => a.value));
        at = directive;
      } else if (spec.multi && spec.type === 'enum') {
        const bad = args.find((a) => checkValue(spec, a.value));
        if (bad) {
          error = checkValue(spec, bad.value);
          at = bad;
        }
      } else if (!spec.multi) {
        error = checkValue(spec, args[0].value) ?? stringChecks[canonical]?.(args[0].value);
      } else {
        error = multiChecks[canonical]?.(args.map((a) => a.value));
        at = directive;
      }
      if (!error && canonical.startsWith('tls-') && argc === 2) tls.set(canonical, { value: args[0].value, directive });
      if (canonical === 'aclfile' && argc === 2) aclfile = args[0].value === '' ? undefined : directive;
      if (error) problems.push({ kind: 'badValue', node: at, directive, data: { name, expected: error } });
      if (canonical === 'cluster-enabled' && /^yes$/i.test(args[0]?.value ?? '')) clusterEnabled = directive;
      if (canonical === 'cluster-enabled' && /^no$/i.test(args[0]?.value ?? '')) clusterEnabled = undefined;
      if (canonical === 'replicaof') replicaOf = /^no$/i.test(args[0]?.value ?? '') ? undefined : directive;
      continue;
    }
    if (DEPRECATED.has(name) && argc === 2) continue;
    if (name === 'include' && argc === 2) continue;
    if (name === 'rename-command' && argc === 3) {
      const from = asciiLower(args[0].value);
      const to = asciiLower(args[1].value);
      const command = commandNames.get(from);
      if (!command) {
        problems.push({ kind: 'badRename', node: args[0], directive, data: { reason: 'it names no command (or one already renamed)' } });
        continue;
      }
      commandNames.delete(from);
      if (to !== '') {
        if (commandNames.has(to)) problems.push({ kind: 'badRename', node: args[1], directive, data: { reason: 'the new name is already a command' } });
        else commandNames.set(to, command);
      }
      continue;
    }
    if (name === 'user' && argc >= 2) {
      firstUser ??= directive;
      if (userNames.has(args[0].value)) {
        problems.push({ kind: 'badAcl', node: args[0], directive, data: { reason: 'the user is already defined on an earlier line ("Duplicate user found")' } });
        continue;
      }
      userNames.add(args[0].value);
      const user = readAclUser(args[0].value, args.slice(1).map((a) => a.value), table);
      if (user.error) problems.push({ kind: 'badAcl', node: args[1 + user.error.index], directive, data: { reason: user.error.message } });
      continue;
    }
    if (name === 'loadmodule' && argc >= 2) {
      hasModule = true;
      continue;
    }
    // The name is never echoed: a line that is only a pasted password with a "." in it lands here.
    if (name.includes('.')) {
      if (argc !== 2) problems.push({ kind: 'moduleConfigArity', node: directive, directive, data: {} });
      else moduleConfigs.push(directive);
      continue;
    }
    if (name === 'sentinel') {
      if (argc === 1) continue;
      if (!sentinel) problems.push({ kind: 'sentinelOutsideSentinel', node: directive, directive, data: {} });
      else if (!SENTINEL_STATEMENTS.has(asciiLower(args[0].value))) problems.push({ kind: 'unknownDirective', node: args[0], directive, data: { hint: ' (not a sentinel statement)' } });
      else sentinelLines.push({ directive, args });
      continue;
    }
    const known = ['include', 'rename-command', 'user', 'loadmodule'].includes(name) || DEPRECATED.has(name);
    problems.push(
      known
        ? { kind: 'wrongArity', node: directive, directive, data: { name, expected: arity[name] ?? 'exactly one value' } }
        : { kind: 'unknownDirective', node: directive.words[0] ?? directive, directive, data: { hint: didYouMean(name, table) } },
    );
  }
  if (!hasModule) for (const d of moduleConfigs) problems.push({ kind: 'moduleConfig', node: d, directive: d, data: {} });
  if (clusterEnabled && replicaOf) problems.push({ kind: 'clusterReplica', node: replicaOf, directive: replicaOf, data: {} });
  for (const p of sentinelProblems(sentinelLines)) problems.push({ kind: 'badSentinel', node: p.node, directive: p.directive, data: { reason: p.reason } });
  if (aclfile && firstUser) problems.push({ kind: 'aclfileWithUsers', node: firstUser, directive: firstUser, data: {} });
  const tlsProblem = checkTls(tls, table);
  if (tlsProblem) problems.push(tlsProblem);
  return problems;
}

/**
 * tlsConfigure (tls.c), run by initServer when tls-port, tls-replication or tls-cluster turns TLS on:
 * it needs a certificate and its key, and CA certificates whenever it verifies peers (tls-auth-clients,
 * which is on by default, or TLS towards replicas and cluster nodes). Whether the files load cannot be
 * known here; a missing setting can.
 */
function checkTls(tls: Map<string, { value: string; directive: Directive }>, table: DirectiveTable): ConfProblem | undefined {
  if (!table.directives['tls-port']) return undefined;
  const value = (name: string) => tls.get(name)?.value ?? table.directives[name]?.default ?? '';
  const port = tls.get('tls-port');
  const replication = /^yes$/i.test(value('tls-replication'));
  const cluster = /^yes$/i.test(value('tls-cluster'));
  const on = port && value('tls-port') !== '0' ? port : replication ? tls.get('tls-replication') : cluster ? tls.get('tls-cluster') : undefined;
  if (!on) return undefined;
  const missing: string[] = [];
  if (value('tls-cert-file') === '') missing.push('tls-cert-file');
  if (value('tls-key-file') === '') missing.push('tls-key-file');
  const verifies = !/^no$/i.test(value('tls-auth-clients')) || replication || cluster;
  if (verifies && value('tls-ca-cert-file') === '' && value('tls-ca-cert-dir') === '') missing.push('tls-ca-cert-file or tls-ca-cert-dir');
  if (missing.length === 0) return undefined;
  return { kind: 'tlsIncomplete', node: on.directive, directive: on.directive, data: { name: asciiLower(on.directive.name), missing: missing.join(', ') } };
}

const arity: Record<string, string> = {
  include: 'exactly one file',
  'rename-command': 'a command and its new name',
  user: 'a user name and its ACL rules',
  loadmodule: 'a module path and its arguments',
};

/**
 * Names the known directive a typo was meant to be. The unknown word itself is never echoed: a
 * line holding only a pasted password would otherwise print it.
 */
function didYouMean(name: string, table: DirectiveTable): string {
  if (name.length > 64) return '';
  let best: { candidate: string; distance: number } | undefined;
  for (const candidate of [...Object.keys(table.directives), ...Object.keys(table.aliases), 'include', 'rename-command', 'user', 'loadmodule']) {
    const distance = editDistance(name, candidate);
    if (distance <= Math.max(1, Math.floor(candidate.length / 5)) && (!best || distance < best.distance)) best = { candidate, distance };
  }
  return best ? ` (did you mean "${best.candidate}"?)` : '';
}

/** Damerau-Levenshtein (optimal string alignment): a swapped pair of letters counts as one edit. */
function editDistance(a: string, b: string): number {
  if (Math.abs(a.length - b.length) > 3) return 99;
  let twoBack: number[] = [];
  let previous = Array.from({ length: b.length + 1 }, (_, i) => i);
  for (let i = 1; i <= a.length; i++) {
    const current = [i];
    for (let j = 1; j <= b.length; j++) {
      current[j] = Math.min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + (a[i - 1] === b[j - 1] ? 0 : 1));
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) current[j] = Math.min(current[j], twoBack[j - 2] + 1);
    }
    twoBack = previous;
    previous = current;
  }
  return previous[b.length];
}
