import type { DirectiveSpec, DirectiveTable } from './types';
import redis70 from './redis-7.0';

/**
 * One table per server version. 7.0 is derived from the real redis-server 7.0 binary
 * (scripts/derive-conf-directives.mjs); the others are 7.0 plus or minus the directives each
 * release added, renamed or removed (release notes of Redis 7.2, 7.4, 8.0 and Valkey 8).
 * A directive whose value check is not known exactly is typed `string`, which accepts any single
 * word: a missing check can only hide a problem, never invent one.
 */
type Delta = { base: DirectiveTable; add?: Record<string, DirectiveSpec>; remove?: string[]; aliases?: Record<string, string>; removeAliases?: string[]; commands?: string[] };

function derive(version: string, { base, add = {}, remove = [], aliases = {}, removeAliases = [], commands = [] }: Delta): DirectiveTable {
  // `rejects` records what one particular build refused (Debian's 7.0 has no active defrag); other versions do not inherit it.
  const directives: Record<string, DirectiveSpec> = Object.fromEntries(
    Object.entries({ ...base.directives, ...add }).map(([name, spec]) => [name, spec.rejects ? { ...spec, rejects: undefined } : spec]),
  );
  for (const name of remove) delete directives[name];
  const allAliases = { ...base.aliases, ...aliases };
  for (const name of removeAliases) delete allAliases[name];
  return { version, directives, aliases: allAliases, commands: [...new Set([...base.commands, ...commands])].sort(), aclCategories: base.aclCategories };
}

const int = (min: string, max: string, def?: string): DirectiveSpec => ({ type: 'int', min, max, ...(def ? { default: def } : {}) });
const str = (def = ''): DirectiveSpec => ({ type: 'string', default: def });
const bool = (def: 'yes' | 'no'): DirectiveSpec => ({ type: 'bool', default: def });
const INT_MAX = '2147483647';
const LLONG_MAX = '9223372036854775807';

// 6.2 named the listpack encodings "ziplist" and had none of 7.0's shutdown, latency-tracking,
// protected-config or multi-part AOF directives.
const redis62 = derive('6.2', {
  base: redis70,
  remove: [
    'enable-debug-command', 'enable-module-command', 'enable-protected-configs', 'appenddirname', 'aof-disable-auto-gc',
    'aof-timestamp-enabled', 'cluster-announce-hostname', 'cluster-preferred-endpoint-type', 'cluster-allow-pubsubshard-when-down',
    'cluster-link-sendbuf-limit', 'latency-tracking', 'latency-tracking-info-percentiles', 'maxmemory-clients', 'shutdown-on-sigint',
    'shutdown-on-sigterm', 'shutdown-timeout', 'propagation-error-behavior', 'repl-diskless-sync-max-replicas', 'bind-source-addr',
    'ignore-warnings', 'busy-reply-threshold', 'hash-max-listpack-entries', 'hash-max-listpack-value', 'zset-max-listpack-entries',
    'zset-max-listpack-value', 'list-max-listpack-size', 'cluster-announce-bus-port', 'replica-ignore-disk-write-errors',
  ],
  add: {
    'lua-time-limit': int('0', LLONG_MAX, '5000'),
    'hash-max-ziplist-entries': { ...redis70.directives['hash-max-listpack-entries'] },
    'hash-max-ziplist-value': { ...redis70.directives['hash-max-listpack-value'] },
    'zset-max-ziplist-entries': { ...redis70.directives['zset-max-listpack-entries'] },
    'zset-max-ziplist-value': { ...redis70.directives['zset-max-listpack-value'] },
    'list-max-ziplist-size': { ...redis70.directives['list-max-listpack-size'] },
    'cluster-announce-bus-port': int('0', '65535', '0'),
  },
  removeAliases: ['lua-time-limit', 'hash-max-ziplist-entries', 'hash-max-ziplist-value', 'zset-max-ziplist-entries', 'zset-max-ziplist-value', 'list-max-ziplist-size'],
});

// 7.0 spells the CPU affinity lists with underscores; 7.2 renamed them with dashes and kept the old names as aliases.
const cpulists = ['server', 'bio', 'aof-rewrite', 'bgsave'];

const redis72 = derive('7.2', {
  base: redis70,
  remove: cpulists.map((c) => `${c.replace('-', '_')}_cpulist`),
  aliases: Object.fromEntries(cpulists.map((c) => [`${c.replace('-', '_')}_cpulist`, `${c}-cpulist`])),
  add: {
    ...Object.fromEntries(cpulists.map((c) => [`${c}-cpulist`, str()])),
    'set-max-listpack-entries': int('0', LLONG_MAX, '128'),
    'set-max-listpack-value': { type: 'memory', min: '0', default: '64' },
    'locale-collate': str(),
    'cluster-announce-human-nodename': str(),
    'replica-ignore-disk-write-errors': bool('no'),
  },
  commands: ['waitaof', 'client|no-touch', 'client|setinfo', 'cluster|myshardid'],
});

const redis74 = derive('7.4', {
  base: redis72,
  add: {
    'max-new-connections-per-cycle': int('1', '1000', '10'),
    'max-new-tls-connections-per-cycle': int('1', '1000', '1'),
    'hide-user-data-from-log': bool('no'),
    'client-default-resp': { type: 'string', hidden: true },
    'cluster-ping-interval': { type: 'string', hidden: true },
    'req-res-logfile': { type: 'string', hidden: true },
  },
  commands: ['hexpire', 'hpexpire', 'hexpireat', 'hpexpireat', 'httl', 'hpttl', 'hexpiretime', 'hpexpiretime', 'hpersist', 'hgetf', 'hsetf'],
});

const redis8 = derive('8', {
  base: redis74,
  add: {
    'lookahead': int('1', INT_MAX, '16'),
    'cluster-slot-stats-enabled': bool('no'),
    'search-timeout': str(),
    'io-threads': int('1', '128', '1'),
  },
  commands: ['hgetdel', 'hgetex', 'hsetex', 'vadd', 'vsim', 'vrem', 'vcard', 'vdim', 'vemb', 'vinfo', 'vlinks', 'vrandmember', 'vsetattr', 'vgetattr'],
});

const valkey72 = derive('valkey-7.2', { base: redis72 });

const valkey8 = derive('valkey-8', {
  base: valkey72,
  add: {
    'extended-redis-compatibility': bool('no'),
    'availability-zone': str(),
    'enable-debug-assert': bool('no'),
    'events-per-io-thread': { type: 'string', hidden: true },
    'prefetch-batch-max-size': int('0', '128', '16'),
    'max-new-connections-per-cycle': int('1', '1000', '10'),
    'max-new-tls-connections-per-cycle': int('1', '1000', '1'),
    'hide-user-data-from-log': bool('no'),
    'unixsocketgroup': str(),
    'cluster-manual-failover-timeout': int('1', INT_MAX, '5000'),
  },
});

export const tables: Record<string, DirectiveTable> = {
  '6.2': redis62,
  '7.0': redis70,
  '7.2': redis72,
  '7.4': redis74,
  '8': redis8,
  'valkey-7.2': valkey72,
  'valkey-8': valkey8,
};

export const versionNames = Object.keys(tables);
export const defaultVersion = '8';

/** '7.0.15' -> '7.0', '8.2' -> '8', 'valkey-8.1' -> 'valkey-8'; undefined when no table fits. */
export function resolveVersion(input: string | undefined): string | undefined {
  if (input === undefined) return defaultVersion;
  const v = String(input).trim().toLowerCase();
  if (tables[v]) return v;
  const m = /^(valkey-)?(\d+)(?:\.(\d+))?/.exec(v);
  if (!m) return undefined;
  const [, valkey = '', major, minor = '0'] = m;
  const candidates = valkey ? [`valkey-${major}.${minor}`, `valkey-${major}`] : [`${major}.${minor}`, major];
  return candidates.find((c) => tables[c]);
}

export function tableFor(version: string | undefined): DirectiveTable {
  return tables[resolveVersion(version) ?? defaultVersion] ?? tables[defaultVersion];
}
