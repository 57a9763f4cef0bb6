/**
 * Commands that wipe or expose a whole server, with the ACL categories redis-server 7 files them
 * under (COMMAND INFO), so a rule like `-@dangerous` or `-@keyspace` is understood.
 */
export const dangerousCommands: Record<string, { categories: string[]; cost: string }> = {
  flushall: { categories: ['keyspace', 'write', 'slow', 'dangerous'], cost: 'deletes every key of every database' },
  flushdb: { categories: ['keyspace', 'write', 'slow', 'dangerous'], cost: 'deletes every key of a database' },
  keys: { categories: ['keyspace', 'read', 'slow', 'dangerous'], cost: 'blocks the server for O(N) over all keys' },
  config: { categories: ['admin', 'slow', 'dangerous'], cost: 'rewrites settings, dir and dbfilename included' },
  debug: { categories: ['admin', 'slow', 'dangerous'], cost: 'can crash or block the server' },
};
