#!/usr/bin/env node
// Derives the redis.conf directive table of the local redis-server by asking the binary itself:
// every candidate name is written into a throwaway config followed by a line that is always
// refused, so the line number of the fatal error tells whether the value was accepted and the
// error text tells the type (yes/no, enum values, memory, integer bounds). Names and defaults come
// from CONFIG GET * on a live server, commands and ACL categories from COMMAND LIST / ACL CAT.
//
// Usage: node scripts/derive-conf-directives.mjs [redis-server] > src/conf/directives/redis-<major.minor>.ts
import { spawn, spawnSync } from 'node:child_process';
import { mkdtempSync, writeFileSync, rmSync, readFileSync, existsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, dirname } from 'node:path';
import { fileURLToPath } from 'node:url';

const binary = process.argv[2] ?? 'redis-server';
const cli = join(dirname(binary), 'redis-cli');
const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const dir = mkdtempSync(join(tmpdir(), 'redis-derive-'));
const versionText = spawnSync(binary, ['--version'], { encoding: 'utf8' }).stdout;
const version = /v=(\d+\.\d+)/.exec(versionText)[1];

// Aliases are returned by CONFIG GET * next to their canonical names; config.c pairs them.
const aliases = {
  slaveof: 'replicaof',
  'slave-serve-stale-data': 'replica-serve-stale-data',
  'slave-read-only': 'replica-read-only',
  'slave-ignore-maxmemory': 'replica-ignore-maxmemory',
  'slave-lazy-flush': 'replica-lazy-flush',
  'slave-priority': 'replica-priority',
  'slave-announce-ip': 'replica-announce-ip',
  'slave-announce-port': 'replica-announce-port',
  'min-slaves-to-write': 'min-replicas-to-write',
  'min-slaves-max-lag': 'min-replicas-max-lag',
  'repl-ping-slave-period': 'repl-ping-replica-period',
  'cluster-slave-validity-factor': 'cluster-replica-validity-factor',
  'cluster-slave-no-failover': 'cluster-replica-no-failover',
  'hash-max-ziplist-entries': 'hash-max-listpack-entries',
  'hash-max-ziplist-value': 'hash-max-listpack-value',
  'zset-max-ziplist-entries': 'zset-max-listpack-entries',
  'zset-max-ziplist-value': 'zset-max-listpack-value',
  'list-max-ziplist-size': 'list-max-listpack-size',
  'lua-time-limit': 'busy-reply-threshold',
};

function run(lines) {
  return new Promise((resolve) => {
    const file = join(dir, `p${Math.random().toString(36).slice(2)}.conf`);
    writeFileSync(file, `${lines.join('\n')}\nzzz-always-refused\n`);
    const child = spawn(binary, [file], { cwd: dir, stdio: ['ignore', 'pipe', 'pipe'] });
    let out = '';
    child.stdout.on('data', (d) => (out += d));
    child.stderr.on('data', (d) => (out += d));
    child.on('close', () => {
      rmSync(file, { force: true });
      const line = /at line (\d+)/.exec(out);
      const message = out.trim().split('\n').pop();
      resolve({ line: line ? Number(line[1]) : 0, message });
    });
  });
}

async function accepted(name, value) {
  const r = await run([`${name} ${value}`]);
  return r.line === 2 ? { ok: true } : { ok: false, message: r.message };
}

const bounds = (message) => {
  const m = /between (-?\d+) and (-?\d+)/.exec(message);
  return m ? { min: m[1], max: m[2] } : undefined;
};

async function probe(name) {
  const first = await accepted(name, 'zzzq');
  const spec = {};
  if (first.ok) {
    spec.type = 'string';
    if ((await accepted(name, 'a b')).ok) spec.multi = true;
    return spec;
  }
  const m = first.message;
  if (m.includes("must be 'yes' or 'no'")) spec.type = 'bool';
  const oneOf = /must be one of the following: (.*)$/.exec(m);
  if (oneOf) spec.type = 'enum';
  if (spec.type) {
    const values = spec.type === 'bool' ? ['yes', 'no'] : oneOf[1].split(', ');
    if (spec.type === 'enum') spec.values = values;
    // A value of the right type that this build still refuses (activedefrag yes without Redis' jemalloc).
    for (const value of values) {
      const r = await accepted(name, value);
      if (!r.ok) (spec.rejects ??= {})[value] = r.message;
    }
    if (spec.type === 'enum' && (await accepted(name, `${values[0]} ${values[1] ?? values[0]}`)).ok) spec.multi = true;
    return spec;
  }
  if (m.includes('must be a memory value') || m.includes("couldn't be parsed into an integer")) {
    spec.type = m.includes('memory') ? 'memory' : 'int';
    const low = spec.type === 'memory' ? '0' : '-99999999999999999';
    // LLONG_MAX + 1 wraps negative in a long long config and is refused; an unsigned one takes it.
    const high = spec.type === 'memory' ? '9223372036854775808' : '9223372036854775807';
    const found = bounds((await accepted(name, low)).message ?? '') ?? bounds((await accepted(name, high)).message ?? '');
    if (found) Object.assign(spec, found);
    else if (spec.type === 'memory') spec.min = '0';
    if (spec.type === 'memory' && (await accepted(name, '10%')).ok) spec.percent = true;
    return spec;
  }
  if (m.includes('octal')) return { type: 'octal' };
  if (m.includes('Bad directive')) return undefined;
  return { type: 'special', probe: m };
}

function live() {
  const sock = join(dir, 's.sock');
  const child = spawn(binary, ['--port', '0', '--unixsocket', sock, '--save', '', '--dir', dir], { stdio: 'ignore' });
  const deadline = Date.now() + 10000;
  while (!existsSync(sock) && Date.now() < deadline) spawnSync('sleep', ['0.05']);
  const ask = (...args) => spawnSync(cli, ['-s', sock, ...args], { encoding: 'utf8' }).stdout.trim().split('\n');
  const pairs = ask('config', 'get', '*');
  const defaults = {};
  for (let i = 0; i + 1 < pairs.length; i += 2) defaults[pairs[i]] = pairs[i + 1];
  // The probe server runs with its own port, socket, dir and no snapshots; these are the compiled defaults.
  Object.assign(defaults, { port: '6379', unixsocket: '', dir: '', save: '3600 1 300 100 60 10000' });
  const commands = ask('command', 'list').map((c) => c.toLowerCase()).sort();
  const categories = ask('acl', 'cat').sort();
  child.kill('SIGKILL');
  return { defaults, commands, categories };
}

const { defaults, commands, categories } = live();
const extra = readFileSync(join(root, '..', 'shared', 'data', 'redis-7.4-directives.txt'), 'utf8').split('\n').filter(Boolean);
const hidden = ['key-load-delay', 'rdb-key-save-delay', 'watchdog-period', 'loading-process-events-interval-bytes', 'use-exit-on-panic'];
const candidates = [...new Set([...Object.keys(defaults), ...extra, ...hidden])].filter((n) => !aliases[n]).sort();

const directives = {};
const queue = [...candidates];
await Promise.all(
  Array.from({ length: 6 }, async () => {
    while (queue.length) {
      const name = queue.shift();
      const spec = await probe(name);
      if (!spec) continue;
      if (defaults[name] !== undefined) spec.default = defaults[name];
      else spec.hidden = true;
      directives[name] = spec;
    }
  }),
);
const aliasOf = Object.fromEntries(Object.entries(aliases).filter(([, to]) => directives[to]));
rmSync(dir, { recursive: true, force: true });

const sorted = Object.fromEntries(Object.keys(directives).sort().map((k) => [k, directives[k]]));
process.stdout.write(
  `// Generated by scripts/derive-conf-directives.mjs from ${versionText.trim().split(' ').slice(0, 3).join(' ')}. Do not edit by hand:\n` +
    `// every entry is what that binary accepted or refused, so the table is exactly that server's reading.\n` +
    `import type { DirectiveTable } from './types';\n\n` +
    `const table: DirectiveTable = ${JSON.stringify({ version, directives: sorted, aliases: aliasOf, commands, aclCategories: categories }, null, 2)};\n\nexport default table;\n`,
);
