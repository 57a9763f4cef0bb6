import type { KeyShape } from './keys';

/**
 * Leading key segments that name data with a natural lifetime: a cache entry, a login session, a
 * one-time token, a lock, a rate-limit window. Data under these prefixes is temporary by intent,
 * so a write without a TTL is a leak, not a choice. Compared case-insensitively with `-`/`_` removed.
 */
const temporaryPrefixes: Record<string, TemporaryKind> = {
  cache: 'cache', cached: 'cache', tmp: 'temp', temp: 'temp',
  session: 'session', sessions: 'session', sess: 'session',
  token: 'token', tokens: 'token', otp: 'token', verify: 'token', verification: 'token', reset: 'token',
  lock: 'lock', locks: 'lock', mutex: 'lock',
  rate: 'rate', ratelimit: 'rate', ratelimiter: 'rate', throttle: 'rate',
};

export type TemporaryKind = 'cache' | 'temp' | 'session' | 'token' | 'lock' | 'rate';

/** What kind of temporary data the key's first segment says it holds, if any. */
export function isTemporaryKey(shape: KeyShape): TemporaryKind | undefined {
  const first = /^[^:./|{}]*/.exec(shape.prefix)![0];
  // The segment must be complete (followed by a separator), not the start of a longer word.
  if (first.length === shape.prefix.length && !shape.constant) return undefined;
  return temporaryPrefixes[first.toLowerCase().replace(/[-_]/g, '')];
}
