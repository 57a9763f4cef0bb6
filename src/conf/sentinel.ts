/**
 * `sentinel ...` lines as sentinelHandleConfiguration (sentinel.c, Redis 7.0) reads them once the
 * whole file is read: first the statements that must hold before masters exist (resolve-hostnames,
 * myid ...), then every `monitor`, then the rest, so a master may be named before its monitor line.
 * A statement with the wrong number of words falls through to "Unrecognized sentinel configuration
 * statement". Checks that depend on the machine (notification scripts exist, host names resolve) are
 * not made, except that a host name is refused outright while resolve-hostnames is no.
 */
import type { Directive, Word } from './ast';
import { parseIPv4, parseIPv6 } from './addresses';
import { asciiLower } from './parse';

export interface SentinelProblem {
  node: Directive | Word;
  directive: Directive;
  reason: string;
}

/** Words after `sentinel` (the statement first) each statement takes, by argc as sentinel.c counts it. */
const ARITY: Record<string, number[]> = {
  monitor: [5],
  'down-after-milliseconds': [3],
  'failover-timeout': [3],
  'parallel-syncs': [3],
  'notification-script': [3],
  'client-reconfig-script': [3],
  'auth-pass': [3],
  'auth-user': [3],
  'current-epoch': [2],
  myid: [2],
  'config-epoch': [3],
  'leader-epoch': [3],
  'known-slave': [4],
  'known-replica': [4],
  'known-sentinel': [4, 5],
  'rename-command': [4],
  'announce-ip': [2],
  'announce-port': [2],
  'deny-scripts-reconfig': [2],
  'sentinel-user': [2],
  'sentinel-pass': [2],
  'resolve-hostnames': [2],
  'announce-hostnames': [2],
  'master-reboot-down-after-period': [3],
};
/** Statements that name no master. */
const GLOBAL = new Set(['monitor', 'current-epoch', 'myid', 'announce-ip', 'announce-port', 'deny-scripts-reconfig', 'sentinel-user', 'sentinel-pass', 'resolve-hostnames', 'announce-hostnames']);
const YES_NO = new Set(['deny-scripts-reconfig', 'resolve-hostnames', 'announce-hostnames']);

/** C atoi: leading spaces, a sign, digits up to the first other character; 0 when there are none. */
function atoi(text: string): number {
  const m = /^[ \t\n\v\f\r]*([+-]?[0-9]+)/.exec(text);
  return m ? Number(m[1]) : 0;
}

const isIpAddress = (host: string) => (host.includes(':') ? parseIPv6(host) : parseIPv4(host)) !== undefined;

/** Why redis-server in Sentinel mode refuses these lines; `lines` are the `sentinel` lines in file order. */
export function sentinelProblems(lines: { directive: Directive; args: Word[] }[]): SentinelProblem[] {
  const problems: SentinelProblem[] = [];
  const known = lines.filter(({ args }) => args.length > 0 && ARITY[asciiLower(args[0].value)]);
  const statement = (args: Word[]) => asciiLower(args[0].value);
  const wellFormed = known.filter(({ directive, args }) => {
    if (ARITY[statement(args)].includes(args.length)) return true;
    problems.push({ node: directive, directive, reason: `has the wrong number of words for "sentinel ${statement(args)}" ("Unrecognized sentinel configuration statement")` });
    return false;
  });
  // Pre-monitor statements are applied first, so the last resolve-hostnames holds for every monitor line.
  let resolveHostnames = false;
  for (const { directive, args } of wellFormed) {
    const name = statement(args);
    if (YES_NO.has(name)) {
      const value = args[1].value.toLowerCase();
      if (value !== 'yes' && value !== 'no') problems.push({ node: args[1], directive, reason: `takes yes or no for "sentinel ${name}"` });
      else if (name === 'resolve-hostnames') resolveHostnames = value === 'yes';
    }
    if (name === 'myid' && args[1].value.length !== 40) problems.push({ node: args[1], directive, reason: 'needs a Sentinel id of exactly 40 characters ("Malformed Sentinel id in myid option")' });
  }
  const checkAddress = (directive: Directive, host: Word, port: Word) => {
    const n = atoi(port.value);
    if (n < 0 || n > 65535) problems.push({ node: port, directive, reason: 'has a port outside 0-65535 ("Invalid port number")' });
    else if (!resolveHostnames && !isIpAddress(host.value)) {
      problems.push({ node: host, directive, reason: 'names a host that is not an IP address while "sentinel resolve-hostnames" is no ("Failed to resolve hostname")' });
    }
  };
  const masters = new Set<string>();
  for (const { directive, args } of wellFormed) {
    if (statement(args) !== 'monitor') continue;
    if (atoi(args[4].value) <= 0) problems.push({ node: args[4], directive, reason: 'needs a quorum of 1 or more ("Quorum must be 1 or greater")' });
    else if (masters.has(args[1].value)) problems.push({ node: args[1], directive, reason: 'monitors a master name an earlier line already monitors ("Duplicate master name")' });
    else {
      const before = problems.length;
      checkAddress(directive, args[2], args[3]);
      if (problems.length === before) masters.add(args[1].value);
    }
  }
  const renamed = new Map<string, Set<string>>();
  for (const { directive, args } of wellFormed) {
    const name = statement(args);
    if (GLOBAL.has(name) || (name === 'known-sentinel' && args.length === 4)) continue;
    if (!masters.has(args[1].value)) {
      problems.push({ node: args[1], directive, reason: 'names a master that no "sentinel monitor" line defines ("No such master with specified name")' });
      continue;
    }
    if ((name === 'down-after-milliseconds' || name === 'failover-timeout') && atoi(args[2].value) <= 0) {
      problems.push({ node: args[2], directive, reason: 'needs a time above 0 milliseconds ("negative or zero time parameter")' });
    }
    if (name === 'master-reboot-down-after-period' && atoi(args[2].value) < 0) problems.push({ node: args[2], directive, reason: 'needs a time of 0 milliseconds or more ("negative time parameter")' });
    if (name === 'known-slave' || name === 'known-replica' || name === 'known-sentinel') checkAddress(directive, args[2], args[3]);
    if (name === 'rename-command') {
      const commands = renamed.get(args[1].value) ?? new Set<string>();
      renamed.set(args[1].value, commands);
      const command = asciiLower(args[2].value);
      if (commands.has(command)) problems.push({ node: args[2], directive, reason: 'renames a command this master already renames ("Same command renamed multiple times with rename-command")' });
      commands.add(command);
    }
  }
  return problems;
}
