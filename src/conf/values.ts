/**
 * redis-server's value parsers (util.c / config.c), reproduced exactly because a value they refuse
 * stops the server at boot. Each returns an error text or undefined; none echoes the value, since
 * the value may be a secret.
 */
import { MAX_BIND_ADDRESSES, splitBindArguments } from './addresses';
import type { DirectiveSpec } from './directives/types';

const ULLONG = 1n << 64n;
const LLONG_MIN = -(1n << 63n);
const LLONG_MAX = (1n << 63n) - 1n;

/** string2ll: optional '-', no '+', no leading zeros, no spaces, within long long. */
export function parseStrictInteger(text: string): bigint | undefined {
  if (!/^(0|-?[1-9][0-9]*)$/.test(text)) return undefined;
  const value = BigInt(text);
  return value < LLONG_MIN || value > LLONG_MAX ? undefined : value;
}

const UNITS: Record<string, bigint> = {
  '': 1n,
  b: 1n,
  k: 1000n,
  kb: 1024n,
  m: 1000n * 1000n,
  mb: 1024n * 1024n,
  g: 1000n * 1000n * 1000n,
  gb: 1024n * 1024n * 1024n,
};

/**
 * memtoull: digits then an optional unit (k=1000, kb=1024, case-insensitive). Like the C code it
 * saturates on overflow and wraps on the unit multiply, and "" or "k" alone is 0.
 */
export function parseMemory(text: string): bigint | undefined {
  if (text.startsWith('-')) return undefined;
  const digits = /^[0-9]*/.exec(text)![0];
  const mul = UNITS[text.slice(digits.length).toLowerCase()];
  if (mul === undefined || digits.length >= 128) return undefined;
  let value = digits === '' ? 0n : BigInt(digits);
  if (value >= ULLONG) value = ULLONG - 1n;
  return (value * mul) % ULLONG;
}

/** A value within a numeric config's bounds; long long configs see an unsigned result above 2^63 as negative. */
function withinBounds(value: bigint, spec: DirectiveSpec): boolean {
  const signed = spec.max !== undefined && BigInt(spec.max) <= LLONG_MAX;
  const v = signed && value > LLONG_MAX ? value - ULLONG : value;
  if (spec.min !== undefined && v < BigInt(spec.min)) return false;
  if (spec.max !== undefined && v > BigInt(spec.max)) return false;
  return true;
}

const C_DECIMAL = /^[ \t\n\v\f\r]*([+-]?)([0-9]+)$/;
const C_OCTAL = /^[ \t\n\v\f\r]*([+-]?)([0-7]+)$/;

/** strtoll with a check that the whole text was consumed: leading C spaces and a sign are fine, and "" is 0. */
export function parseCInteger(text: string, radix: 8 | 10 = 10): bigint | undefined {
  if (text === '') return 0n;
  const m = (radix === 8 ? C_OCTAL : C_DECIMAL).exec(text);
  if (!m) return undefined;
  const magnitude = BigInt(radix === 8 ? `0o${m[2]}` : m[2]);
  const value = m[1] === '-' ? -magnitude : magnitude;
  return value < LLONG_MIN ? LLONG_MIN : value > LLONG_MAX ? LLONG_MAX : value;
}

/** A percentage of maxmemory: string2ll before the '%' (no sign, no leading zeros), at most 100. */
function checkPercent(value: string): string | undefined {
  const n = parseStrictInteger(value.slice(0, -1));
  return n !== undefined && n >= 0n && n <= 100n ? undefined : 'takes a percentage of maxmemory between 0% and 100% (no sign, no leading zeros)';
}

const boundsText = (spec: DirectiveSpec) => `between ${spec.min ?? '0'} and ${spec.max ?? '18446744073709551615'}`;

/** Checks one value word against a directive's type. */
export function checkValue(spec: DirectiveSpec, value: string): string | undefined {
  // `spec.rejects` is not checked: it records what one build refused (Debian's 7.0 has no active
  // defrag), and the official builds of the same version accept it.
  switch (spec.type) {
    case 'bool':
      return /^(yes|no)$/i.test(value) ? undefined : "takes 'yes' or 'no'";
    case 'enum':
      return spec.values!.some((v) => v.toLowerCase() === value.toLowerCase()) ? undefined : `takes one of: ${spec.values!.join(', ')}`;
    case 'int': {
      const n = parseStrictInteger(value);
      if (n === undefined) return 'takes an integer (no sign "+", no leading zeros, no unit)';
      return withinBounds(n, spec) ? undefined : `takes an integer ${boundsText(spec)}`;
    }
    case 'memory': {
      if (spec.percent && value.endsWith('%')) return checkPercent(value);
      const n = parseMemory(value);
      if (n === undefined) return 'takes a memory size: digits with an optional unit b, k, kb, m, mb, g, gb (1k = 1000 bytes, 1kb = 1024)';
      return withinBounds(n, spec) ? undefined : `takes a memory size ${boundsText(spec)} bytes`;
    }
    case 'octal': {
      const n = parseCInteger(value, 8);
      return n !== undefined && n >= 0n && n <= 0o777n ? undefined : 'takes an octal permission between 0 and 777, such as 700';
    }
    default:
      return undefined;
  }
}

/** Multi-word directives with a check of their own; receives the words after the name. */
export const multiChecks: Record<string, (args: string[]) => string | undefined> = {
  bind(args) {
    return splitBindArguments(args).length > MAX_BIND_ADDRESSES ? `takes at most ${MAX_BIND_ADDRESSES} addresses ("Too many bind addresses specified")` : undefined;
  },
};

const NOTIFY_CLASSES = new Set('Ag$lshzxeKEtmdn'.split(''));
const CLIENT_CLASSES = new Set(['normal', 'replica', 'slave', 'pubsub']);

/** Directives with their own parser in config.c; receives the words after the name. */
export const specialChecks: Record<string, (args: string[]) => string | undefined> = {
  save(args) {
    if (args.length === 1 && args[0] === '') return undefined;
    if (args.length % 2 === 1) return 'takes pairs of <seconds> <changes>, or "" to turn snapshots off';
    // Snapshot every <seconds> (at least 1) if at least <changes> (0 or more) keys changed.
    for (let i = 0; i < args.length; i += 2) {
      const seconds = parseCInteger(args[i]);
      const changes = parseCInteger(args[i + 1]);
      if (seconds === undefined || seconds < 1n || changes === undefined || changes < 0n) {
        return 'takes pairs of <seconds> (at least 1) <changes> (0 or more)';
      }
    }
    return undefined;
  },
  'client-output-buffer-limit'(args) {
    if (args.length % 4 !== 0) return 'takes groups of <class> <hard limit> <soft limit> <soft seconds>';
    for (let i = 0; i < args.length; i += 4) {
      if (!CLIENT_CLASSES.has(args[i].toLowerCase())) return 'takes a client class normal, replica or pubsub';
      if (parseMemory(args[i + 1]) === undefined || parseMemory(args[i + 2]) === undefined) return 'takes memory sizes for the hard and soft limits';
      const seconds = parseCInteger(args[i + 3]);
      if (seconds === undefined || seconds < 0n) return 'takes a non-negative number of soft seconds';
    }
    return undefined;
  },
  'notify-keyspace-events'(args) {
    if (args.length !== 1) return 'takes exactly one value';
    return [...args[0]].every((c) => NOTIFY_CLASSES.has(c)) ? undefined : "takes event class characters from 'Ag$lshzxeKEtmdn'";
  },
  'oom-score-adj-values'(args) {
    if (args.length !== 3) return 'takes exactly three values';
    const ok = args.every((a) => {
      const n = parseCInteger(a);
      return n !== undefined && n >= -2000n && n <= 2000n;
    });
    return ok ? undefined : 'takes three integers between -2000 and 2000';
  },
  replicaof(args) {
    if (args.length !== 2) return 'takes <host> <port>, or "no one"';
    if (args[0].toLowerCase() === 'no' && args[1].toLowerCase() === 'one') return undefined;
    const port = parseCInteger(args[1]);
    return port !== undefined && port >= 0n && port <= 65535n ? undefined : 'takes a port between 0 and 65535';
  },
  'latency-tracking-info-percentiles'(args) {
    const ok = args.every((a) => a === '' || (/^[ \t]*[+-]?([0-9]+\.?[0-9]*|\.[0-9]+)(e[+-]?[0-9]+)?$/i.test(a) && Number(a) >= 0 && Number(a) <= 100));
    return ok ? undefined : 'takes percentiles between 0.0 and 100.0';
  },
  'maxmemory-clients'(args) {
    if (args.length !== 1) return 'takes exactly one value';
    if (args[0].length > 1 && args[0].endsWith('%')) return checkPercent(args[0]);
    return parseMemory(args[0]) === undefined ? 'takes a memory size (1k = 1000, 1kb = 1024) or a percentage of maxmemory' : undefined;
  },
};

// config.c pathIsBaseName refuses both separators, "\\" as well as "/", on every platform.
const notAPath = (what: string) => (value: string) => (value.includes('/') || value.includes('\\') ? `can't be a path, just a ${what}` : undefined);
const TITLE_VARIABLES = new Set(['title', 'listen-addr', 'server-mode', 'port', 'tls-port', 'unixsocket', 'config-file']);

/** Extra checks on string directives (config.c `isValidDBfilename`, `validateProcTitleTemplate`). */
export const stringChecks: Record<string, (value: string) => string | undefined> = {
  dbfilename: notAPath('filename'),
  appendfilename: notAPath('filename'),
  appenddirname: notAPath('dirname'),
  'proc-title-template'(value) {
    if (value === '') return 'takes a non-empty template';
    // sdstemplate: "{{" and "}}" are literal braces, "{name}" must be a known variable.
    for (let i = 0; i < value.length; i++) {
      if (value.startsWith('{{', i) || value.startsWith('}}', i)) {
        i++;
        continue;
      }
      if (value[i] !== '{') continue;
      const close = value.indexOf('}', i);
      if (close === -1 || !TITLE_VARIABLES.has(value.slice(i + 1, close))) return `takes a template whose variables are ${[...TITLE_VARIABLES].map((v) => `{${v}}`).join(' ')}`;
      i = close;
    }
    return undefined;
  },
};
