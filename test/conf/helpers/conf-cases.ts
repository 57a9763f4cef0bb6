/**
 * Config files for the differential test: mutations of a stock redis.conf (every directive of the
 * 7.0 table given values its type accepts and refuses) plus hand-written cases for the reading
 * rules (quotes, inline '#', arity, rename-command, ACL users, module configs, includes).
 */
import { tables } from '../../../src/conf/directives/index';
import type { DirectiveSpec } from '../../../src/conf/directives/types';

import type { ConfCase } from './conf-server';

// sha256("pw"), as ACL rules write password hashes.
const SHA256_PW = '30c952fab122c3f9759f02a6d95c3758b246b4fee239957b2d4fee46e26170c4';

// The test overrides these on the command line (port, socket, dir, logging), or they depend on the machine.
const MACHINE_BOUND = new Set([
  'port', 'unixsocket', 'unixsocketperm', 'dir', 'daemonize', 'logfile', 'pidfile', 'supervised', 'syslog-enabled', 'aclfile',
  'tls-port', 'tls-cluster', 'tls-replication', 'bind', 'bind-source-addr', 'replicaof', 'cluster-enabled', 'cluster-config-file',
  'tls-cert-file', 'tls-key-file', 'tls-ca-cert-file', 'tls-ca-cert-dir', 'tls-dh-params-file', 'tls-client-cert-file', 'tls-client-key-file',
  'databases', 'maxclients', 'io-threads', 'oom-score-adj', 'oom-score-adj-values', 'server-cpulist', 'bio-cpulist',
  'aof-rewrite-cpulist', 'bgsave-cpulist', 'tls-protocols', 'tls-ciphers', 'tls-ciphersuites', 'appendonly', 'daemonize',
  'cluster-port', 'tls-auth-clients', 'syslog-facility', 'syslog-ident', 'maxmemory', 'disable-thp', 'tcp-backlog',
  'key-load-delay', 'rdb-key-save-delay', 'watchdog-period', 'loading-process-events-interval-bytes', 'use-exit-on-panic',
]);

function valuesFor(spec: DirectiveSpec): string[] {
  switch (spec.type) {
    case 'bool':
      return ['yes', 'NO', 'maybe', '""', '1'];
    case 'enum': {
      const v = spec.values!;
      return [v[0], v[v.length - 1].toUpperCase(), 'bogus-value', '""'];
    }
    case 'int': {
      const def = spec.default && /^-?\d+$/.test(spec.default) ? BigInt(spec.default) : BigInt(spec.min ?? '0');
      const out = [String(def), '007', '+1', 'abc', '1k', '""'];
      if (spec.min !== undefined && BigInt(spec.min) > -(1n << 62n)) out.push(String(BigInt(spec.min) - 1n));
      if (spec.max !== undefined && BigInt(spec.max) < 1n << 62n) out.push(String(BigInt(spec.max) + 1n));
      return out;
    }
    case 'memory':
      return ['64mb', '64MB', '1k', '1.5gb', '-1', '10%', 'kb', '1tb', '0'];
    default:
      return [];
  }
}

/** A deterministic pseudo-random choice, so every run tests the same files. */
function* seeded(seed: number): Generator<number> {
  let x = seed;
  for (;;) {
    x = (x * 1103515245 + 12345) % 2 ** 31;
    yield x;
  }
}

export function buildCases(stock: string): ConfCase[] {
  const cases: ConfCase[] = [];
  const table = tables['7.0'];
  const stockLines = stock.split('\n');

  // 1. Each directive of the table, appended to the stock file with accepted and refused values.
  for (const [name, spec] of Object.entries(table.directives)) {
    if (MACHINE_BOUND.has(name) || spec.hidden) continue;
    const values = valuesFor(spec);
    values.forEach((value, i) => {
      if (i > 2 && name.length % 3 !== i % 3) return; // a third of the rarer values, to keep the run short
      // The table keeps what the build it was derived from refused beyond the type (activedefrag yes on Debian).
      const buildDifference = Object.entries(spec.rejects ?? {}).find(([v]) => v.toLowerCase() === value.toLowerCase())?.[1];
      cases.push({ name: `append ${name} ${value}`, text: `${stock}\n${name} ${value}\n`, ...(buildDifference ? { buildDifference } : {}) });
    });
  }

  // 2. Stock lines mutated in place: value swapped, a word added, name upper-cased, quoted.
  const random = seeded(7);
  const directiveLines = stockLines.map((line, i) => ({ line, i })).filter(({ line }) => /^[a-z]/.test(line) && !MACHINE_BOUND.has(line.split(' ')[0]));
  for (let n = 0; n < 60; n++) {
    const { line, i } = directiveLines[random.next().value! % directiveLines.length];
    const name = line.split(' ')[0];
    const mutation = random.next().value! % 5;
    const mutated = [
      `${name} ${line.split(' ').slice(1).join(' ')} extra`,
      `${name.toUpperCase()} ${line.split(' ').slice(1).join(' ')}`,
      `"${name}" ${line.split(' ').slice(1).join(' ')}`,
      `${name} "${line.split(' ').slice(1).join(' ')}"x`,
      `\t${name}\t${line.split(' ').slice(1).join('\t')}  `,
    ][mutation];
    const lines = [...stockLines];
    lines[i] = mutated;
    cases.push({ name: `stock line ${i + 1} mutation ${mutation}: ${mutated}`, text: lines.join('\n') });
  }

  // 3. Hand-written cases for the reading rules.
  const hand: [string, string][] = [
    ['inline comment', 'timeout 0 # seconds'],
    ['comment after spaces', '   # indented comment'],
    ['hash inside a word', 'notify-keyspace-events K#'],
    ['unknown directive', 'no-such-directive yes'],
    ['typo', 'maxmemroy 100mb'],
    ['name only', 'timeout'],
    ['two values', 'timeout 0 1'],
    ['unbalanced double quote', 'dbfilename "dump.rdb'],
    ['unbalanced single quote', "dbfilename 'dump.rdb"],
    ['text after closing quote', 'dbfilename "dump"x.rdb'],
    ['quote opens mid-word', 'dbfilename dump"x y".rdb'],
    ['escaped quote in single quotes', "dbfilename 'du\\'mp.rdb'"],
    ['hex escape', 'dbfilename "dump\\x41.rdb"'],
    ['bad hex escape', 'dbfilename "dump\\xZZ.rdb"'],
    ['escaped slash makes a path', 'dbfilename "a\\x2fb"'],
    ['trailing backslash in quotes', 'dbfilename "dump\\"'],
    ['CRLF line', 'timeout 0\r'],
    ['vertical tab between words', 'timeout\v0'],
    ['form feed in a word', 'timeout 0\f'],
    ['empty quoted name', '"" yes'],
    ['only quotes', '""'],
    ['upper-case name', 'TIMEOUT 0'],
    ['alias', 'slave-read-only yes'],
    ['alias bad value', 'slave-read-only perhaps'],
    ['deprecated ignored', 'list-max-ziplist-entries 512'],
    ['deprecated wrong arity', 'list-max-ziplist-entries 512 1'],
    ['lua-replicate-commands', 'lua-replicate-commands yes'],
    ['rename unknown command', 'rename-command NOSUCHCMD foo'],
    ['rename known', 'rename-command FLUSHALL ""'],
    ['rename twice', 'rename-command flushall a\nrename-command flushall b'],
    ['rename onto existing', 'rename-command flushall get'],
    ['rename arity', 'rename-command flushall'],
    ['user ok', 'user alice on >averylongpasswordindeed ~cache:* +get +set'],
    ['user bad category', 'user alice on +@nosuchcategory'],
    ['user bad command', 'user alice on +nosuchcommand'],
    ['user bad subcommand', 'user alice on +config|nosuch'],
    ['user subcommand ok', 'user alice on +config|get'],
    ['user first arg', 'user alice on +select|0'],
    ['user bad hash', 'user alice on #abc'],
    ['user good hash', `user alice on #${'a'.repeat(64)}`],
    ['user syntax error', 'user alice on sometimes'],
    ['user selector', 'user alice on (~a* +get)'],
    ['user no rules', 'user alice'],
    ['user default nopass', 'user default on nopass ~* &* +@all'],
    ['user only', 'user'],
    ['sentinel line outside sentinel', 'sentinel monitor mymaster 127.0.0.1 6379 2'],
    ['bare sentinel', 'sentinel'],
    ['module config without module', 'mymodule.option 1'],
    ['module config arity', 'mymodule.option 1 2'],
    ['loadmodule arity', 'loadmodule'],
    ['save reset', 'save ""'],
    ['save odd', 'save 900'],
    ['save zero seconds', 'save 0 1'],
    ['save negative changes', 'save 60 -1'],
    ['save minus zero changes', 'save 60 -0'],
    ['save plus', 'save +60 1'],
    ['save three pairs', 'save 3600 1 300 100 60 10000'],
    ['save empty and more', 'save "" 60 1'],
    ['client-output-buffer-limit ok', 'client-output-buffer-limit pubsub 32mb 8mb 60'],
    ['client-output-buffer-limit master', 'client-output-buffer-limit master 0 0 0'],
    ['client-output-buffer-limit short', 'client-output-buffer-limit normal 0 0'],
    ['client-output-buffer-limit units', 'client-output-buffer-limit normal 1gb 1Mb 0'],
    ['client-output-buffer-limit bad unit', 'client-output-buffer-limit normal 1tb 0 0'],
    ['notify ok', 'notify-keyspace-events KEA'],
    ['notify bad', 'notify-keyspace-events Q'],
    ['latency percentiles', 'latency-tracking-info-percentiles 50 99 99.9'],
    ['latency percentiles bad', 'latency-tracking-info-percentiles 50 101'],
    ['maxmemory-clients percent', 'maxmemory-clients 10%'],
    ['maxmemory-clients bad', 'maxmemory-clients lots'],
    ['proc title bad', 'proc-title-template "{title"'],
    ['proc title unknown', 'proc-title-template "{nope}"'],
    ['proc title empty', 'proc-title-template ""'],
    ['proc title escaped braces', 'proc-title-template "{{title}}"'],
    ['dbfilename path', 'dbfilename a/b.rdb'],
    ['appendfilename path', 'appendfilename x/y.aof'],
    ['shutdown flags', 'shutdown-on-sigterm nosave now'],
    ['shutdown flags bad', 'shutdown-on-sigterm nosave later'],
    ['memory huge overflow', 'proto-max-bulk-len 99999999999999999999'],
    ['memory wraps negative', 'proto-max-bulk-len 9999999999gb'],
    ['memory unit only', 'hll-sparse-max-bytes k'],
    ['int leading zero', 'timeout 010'],
    ['int minus zero', 'timeout -0'],
    ['enable-debug-command local', 'enable-debug-command local'],
    ['hz above range', 'hz 600'],
    ['cpulist with 7.0 underscore name', 'bgsave_cpulist ""'],
    ['cpulist with the 7.2 dashed name', 'bgsave-cpulist ""'],
    ['include missing', 'include /nonexistent/redis-extra.conf'],
    ['include glob with no match', 'include /nonexistent-dir-*/x.conf'],
    ['dbfilename with a backslash', 'dbfilename a\\b.rdb'],
    ['appendfilename with a backslash', 'appendfilename a\\b.aof'],
    ['appenddirname with a backslash', 'appenddirname a\\b'],
    ['appenddirname path', 'appenddirname a/b'],
    ['maxmemory-clients 100%', 'maxmemory-clients 100%'],
    ['maxmemory-clients 0%', 'maxmemory-clients 0%'],
    ['maxmemory-clients over 100%', 'maxmemory-clients 101%'],
    ['maxmemory-clients percent leading zero', 'maxmemory-clients 050%'],
    ['maxmemory-clients negative percent', 'maxmemory-clients -1%'],
    ['maxmemory-clients percent sign only', 'maxmemory-clients %'],
    // The test starts redis-server with --port 0, so no address is bound; the count is checked while reading.
    ['bind 16 addresses', `bind ${Array.from({ length: 16 }, (_, i) => `127.0.0.${i + 1}`).join(' ')}`],
    ['bind 17 addresses', `bind ${Array.from({ length: 17 }, (_, i) => `127.0.0.${i + 1}`).join(' ')}`],
    ['bind 17 addresses in one word', `bind "${Array.from({ length: 17 }, (_, i) => `127.0.0.${i + 1}`).join(' ')}"`],
    ['tls-replication without certificates', 'tls-replication yes'],
    ['tls-cluster without certificates', 'tls-cluster yes'],
    ['tls-port without certificates', 'tls-port 16999'],
    ['tls-port without a CA', 'tls-port 16999\ntls-cert-file /nonexistent/c.pem\ntls-key-file /nonexistent/k.pem'],
    ['tls-port 0 with a certificate', 'tls-port 0\ntls-cert-file /nonexistent/c.pem'],
    // fgets + sdscat: a NUL drops the rest of its 1024-byte chunk, the newline included, so the next line is joined on.
    ['NUL joins the next line', 'maxmemory 1\0\nmaxmemory-policy allkeys-lru'],
    ['NUL before the end of the last line', 'timeout 0\0junk'],
    ['NUL in a comment swallows the next line', '# note\0\ntimeout five'],
    ['NUL chunk ends before the newline', `timeout 0\0${'x'.repeat(1014)}\nhz 10`],
    ['NUL chunk takes the newline', `timeout 0\0${'x'.repeat(1013)}\nhz 10`],
    ['NUL in a long line keeps the next chunk', `timeout 0\0${'x'.repeat(2000)}`],
    ['NUL at the start of a line', '\0timeout five'],
    // ACL users: checked while the file is read (ACLAppendUserForLoading) and when they are loaded after it.
    ['user defined twice', 'user bob on\nuser bob off'],
    // (the default user keeps +@all: the harness needs it to answer PING)
    ['user names are case-sensitive', 'user default on nopass ~* &* +@all\nuser Default on'],
    ['user name with a space', 'user "a b" on'],
    ['selector with an unknown command', 'user bob on (+nosuchcmd ~foo)'],
    ['selector never closed', 'user bob on (+get ~foo'],
    ['selector opened at the end', 'user bob on (+get ~foo) ('],
    ['selector with text after it', 'user bob on (+get)x'],
    ['selector with text before it', 'user bob on x(+get)'],
    ['selector inside a selector', 'user bob on ((+get)'],
    ['selector with a closing paren in a pattern', 'user bob on (+get ~a))'],
    ['empty selector', 'user bob on ()'],
    ['selector with spaces inside', 'user bob on ( +get )'],
    ['selector with a user flag', 'user bob on (on)'],
    ['selector with a password', 'user bob on (>pw)'],
    ['selector with every selector rule', 'user bob on (%R~a &b allkeys resetkeys allchannels resetchannels allcommands nocommands +@all -@all +get -set +@read)'],
    ['remove a password the user lacks', 'user bob on <x'],
    ['remove a password the user has', 'user bob on >x <x'],
    ['remove a password twice', 'user bob on >x <x <x'],
    ['remove by cleartext a password added as a hash', `user bob on #${SHA256_PW} <pw`],
    ['remove by hash a password added in cleartext', `user bob on >pw !${SHA256_PW}`],
    ['remove a hash the user lacks', `user bob on !${'a'.repeat(64)}`],
    ['remove a password after resetpass', 'user bob on >pw resetpass <pw'],
    ['remove a password after nopass', 'user bob on >pw nopass <pw'],
  ];
  for (const [name, line] of hand) cases.push({ name, text: `${stock}\n${line}\n` });

  // redis-server resolves a relative include against its working directory, which `dir` changes
  // (the stock file sets it), so the cases name included files by absolute path: @DIR@ is the case's directory.
  cases.push({ name: 'include an ok file', text: `${stock}\ninclude @DIR@/extra.conf\n`, files: { 'extra.conf': 'timeout 5\n' } });
  cases.push({ name: 'include a bad file', text: `${stock}\ninclude @DIR@/extra.conf\n`, files: { 'extra.conf': 'timeout five\n' } });
  cases.push({ name: 'include glob', text: `${stock}\ninclude @DIR@/conf.d/*.conf\n`, files: { 'conf.d/a.conf': 'timeout 5\n', 'conf.d/b.conf': 'hz 20\n' } });
  cases.push({ name: 'include glob with a bad file', text: `${stock}\ninclude @DIR@/conf.d/*.conf\n`, files: { 'conf.d/a.conf': 'timeout 5\n', 'conf.d/b.conf': 'hz twenty\n' } });
  // fopen(3) opens a directory, and fgets reads nothing from it: redis-server starts.
  cases.push({ name: 'include a directory', text: `${stock}\ninclude @DIR@/conf.d\n`, files: { 'conf.d/readme.txt': 'not a config\n' } });
  cases.push({ name: 'include through a regular file', text: `${stock}\ninclude @DIR@/extra.conf/x.conf\n`, files: { 'extra.conf': 'timeout 5\n' } });
  // aclfile: its own reader (ACLLoadFromFile), loaded after the config file; relative paths would depend on `dir`.
  const acl = (name: string, text: string, content: string | undefined) =>
    cases.push({ name: `aclfile: ${name}`, text: `${stock}\n${text}\n`, ...(content === undefined ? {} : { files: { 'users.acl': content } }) });
  acl('ok', 'aclfile @DIR@/users.acl', 'user alice on >averylongpasswordindeed ~* +@all\nuser default on nopass ~* +@all\n');
  acl('missing', 'aclfile @DIR@/users.acl', undefined);
  cases.push({ name: 'aclfile: a directory', text: `${stock}\naclfile @DIR@/acl.d\n`, files: { 'acl.d/readme.txt': 'not users\n' } });
  acl('through a regular file', 'aclfile @DIR@/users.acl/x.acl', 'user alice on\n');
  acl('blank lines', 'aclfile @DIR@/users.acl', '\n\nuser alice on\n\n');
  acl('a comment line', 'aclfile @DIR@/users.acl', '# users\nuser alice on\n');
  acl('upper-case USER', 'aclfile @DIR@/users.acl', 'USER alice on\n');
  acl('user with no name', 'aclfile @DIR@/users.acl', 'user\n');
  acl('two spaces before the name', 'aclfile @DIR@/users.acl', 'user  alice on\n');
  acl('two spaces between rules', 'aclfile @DIR@/users.acl', 'user alice  on\n');
  acl('a tab in the name', 'aclfile @DIR@/users.acl', 'user alice\ton\n');
  acl('quotes are part of the name', 'aclfile @DIR@/users.acl', 'user "alice" on\n');
  acl('leading spaces and CRLF', 'aclfile @DIR@/users.acl', '   user alice on\r\n');
  acl('unknown category', 'aclfile @DIR@/users.acl', 'user alice on +@nosuch\n');
  acl('duplicate user', 'aclfile @DIR@/users.acl', 'user alice on\nuser alice off\n');
  acl('selectors', 'aclfile @DIR@/users.acl', 'user alice on (+get ~a) (+set ~b)\n');
  acl('bad selector', 'aclfile @DIR@/users.acl', 'user alice on (+nosuchcmd ~a)\n');
  acl('plus a user line', 'aclfile @DIR@/users.acl\nuser bob on', 'user alice on\n');
  acl('empty, plus a user line', 'aclfile ""\nuser bob on', undefined);
  // Sentinel configs (redis-server --sentinel): sentinel lines are read after the whole file, monitors first.
  const M = 'sentinel monitor mymaster 127.0.0.1 6399 2';
  const sentinelCases: [string, string][] = [
    ['monitor', M],
    ['monitor, upper case', 'SENTINEL MONITOR mymaster 127.0.0.1 6399 2'],
    ['monitor missing the quorum', 'sentinel monitor mymaster 127.0.0.1 6399'],
    ['monitor with an extra word', `${M} extra`],
    ['quorum 0', 'sentinel monitor mymaster 127.0.0.1 6399 0'],
    ['quorum -1', 'sentinel monitor mymaster 127.0.0.1 6399 -1'],
    ['quorum not a number', 'sentinel monitor mymaster 127.0.0.1 6399 x'],
    ['quorum with a leading space', 'sentinel monitor mymaster 127.0.0.1 6399 " 2"'],
    ['port not a number (atoi reads 0)', 'sentinel monitor mymaster 127.0.0.1 abc 2'],
    ['port above 65535', 'sentinel monitor mymaster 127.0.0.1 99999 2'],
    ['port -1', 'sentinel monitor mymaster 127.0.0.1 -1 2'],
    ['master name with a dot', 'sentinel monitor my.master 127.0.0.1 6399 2'],
    ['host name without resolve-hostnames', 'sentinel monitor mymaster localhost 6399 2'],
    ['host name with resolve-hostnames', 'sentinel resolve-hostnames yes\nsentinel monitor mymaster localhost 6399 2'],
    ['resolve-hostnames after the monitor', 'sentinel monitor mymaster localhost 6399 2\nsentinel resolve-hostnames yes'],
    ['short IPv4 form', 'sentinel monitor mymaster 127.1 6399 2'],
    ['hex IPv4 form', 'sentinel monitor mymaster 0x7f.1 6399 2'],
    ['IPv6 master', 'sentinel monitor mymaster ::1 6399 2'],
    ['master monitored twice', `${M}\nsentinel monitor mymaster 127.0.0.1 6398 2`],
    ['unknown master', 'sentinel down-after-milliseconds nosuch 5000'],
    ['master named before its monitor', `sentinel down-after-milliseconds mymaster 5000\n${M}`],
    ['down-after-milliseconds 0', `${M}\nsentinel down-after-milliseconds mymaster 0`],
    ['down-after-milliseconds not a number', `${M}\nsentinel down-after-milliseconds mymaster abc`],
    ['down-after-milliseconds missing its value', `${M}\nsentinel down-after-milliseconds mymaster`],
    ['failover-timeout 0', `${M}\nsentinel failover-timeout mymaster 0`],
    ['parallel-syncs 0', `${M}\nsentinel parallel-syncs mymaster 0`],
    ['parallel-syncs not a number', `${M}\nsentinel parallel-syncs mymaster abc`],
    ['master-reboot-down-after-period -1', `${M}\nsentinel master-reboot-down-after-period mymaster -1`],
    ['master-reboot-down-after-period 0', `${M}\nsentinel master-reboot-down-after-period mymaster 0`],
    ['auth-pass missing the password', `${M}\nsentinel auth-pass mymaster`],
    ['auth-pass with two words', `${M}\nsentinel auth-pass mymaster a b`],
    ['auth-pass', `${M}\nsentinel auth-pass mymaster k7Qz9vX2mP4wR8tY6uB3nC1eD5fG0hJ`],
    ['resolve-hostnames maybe', 'sentinel resolve-hostnames maybe'],
    ['resolve-hostnames YES', 'sentinel resolve-hostnames YES'],
    ['announce-hostnames 1', 'sentinel announce-hostnames 1'],
    ['deny-scripts-reconfig perhaps', 'sentinel deny-scripts-reconfig perhaps'],
    ['known-replica', `${M}\nsentinel known-replica mymaster 127.0.0.1 6400`],
    ['known-replica port above 65535', `${M}\nsentinel known-replica mymaster 127.0.0.1 70000`],
    ['known-replica host name', `${M}\nsentinel known-replica mymaster somehost 6400`],
    ['known-sentinel without an id is ignored', 'sentinel known-sentinel nosuch 127.0.0.1 26380'],
    ['known-sentinel', `${M}\nsentinel known-sentinel mymaster 127.0.0.1 26380 ${'b'.repeat(40)}`],
    ['myid too short', 'sentinel myid abc'],
    ['myid', `sentinel myid ${'a'.repeat(40)}`],
    ['rename-command twice', `${M}\nsentinel rename-command mymaster CONFIG a\nsentinel rename-command mymaster config b`],
    ['rename-command two commands', `${M}\nsentinel rename-command mymaster CONFIG a\nsentinel rename-command mymaster DEBUG b`],
    ['announce-port not a number', 'sentinel announce-port abc'],
    ['config-epoch not a number', `${M}\nsentinel config-epoch mymaster x`],
    ['current-epoch not a number', 'sentinel current-epoch x'],
    ['unknown statement', 'sentinel bogus 1'],
    ['bare sentinel', 'sentinel'],
  ];
  for (const [name, text] of sentinelCases) cases.push({ name: `sentinel: ${name}`, text: `${text}\n`, sentinel: true });
  cases.push({ name: 'include cycle', text: `${stock}\ninclude @DIR@/a.conf\n`, files: { 'a.conf': 'include @DIR@/redis.conf\n' } });
  return cases;
}
