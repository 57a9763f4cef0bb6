// A large redis.conf for the redis/conf benchmark: the directives a production config carries, with
// comments, blank lines, quoted values, units, `save` lines and ACL users, repeated to size.
import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';

const block = [
  '# Network',
  'bind 127.0.0.1 -::1',
  'protected-mode yes',
  'port 6379',
  'tcp-backlog 511',
  'timeout 0',
  'tcp-keepalive 300',
  '',
  '# Memory: 1gb = 1024^3 bytes, 1g = 1000^3',
  'maxmemory 2gb',
  'maxmemory-policy allkeys-lru',
  'maxmemory-samples 5',
  '',
  '# Persistence',
  'save 3600 1 300 100 60 10000',
  'appendonly yes',
  'appendfsync everysec',
  'appendfilename "appendonly.aof"',
  'dir /var/lib/redis',
  '',
  '# Logging',
  'loglevel notice',
  'logfile ""',
  'databases 16',
  'always-show-logo no',
  "set-proc-title yes",
  'proc-title-template "{title} {listen-addr} {server-mode}"',
  '',
  '# Clients and limits',
  'maxclients 10000',
  'client-output-buffer-limit normal 0 0 0',
  'client-output-buffer-limit replica 256mb 64mb 60',
  'client-output-buffer-limit pubsub 32mb 8mb 60',
  'hz 10',
  'lazyfree-lazy-eviction yes',
  'rename-command DEBUG ""',
  'slowlog-log-slower-than 10000',
  'slowlog-max-len 128',
  'notify-keyspace-events ""',
  'hash-max-listpack-entries 128',
  'list-max-listpack-size -2',
  'stream-node-max-bytes 4kb',
];

/** Writes a config of about `lines` lines; returns how many lines and directives it holds. */
export function writeConf(path, lines) {
  const out = [];
  while (out.length < lines) out.push(...block);
  out.length = lines;
  mkdirSync(dirname(path), { recursive: true });
  writeFileSync(path, out.join('\n') + '\n');
  return { lines, directives: out.filter((line) => line !== '' && !line.startsWith('#')).length };
}
