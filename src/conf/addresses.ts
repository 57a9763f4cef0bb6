/**
 * Bind addresses as redis-server reads them: `listenToPort` strips the optional `-`, sends an address
 * with a `:` to an IPv6 socket and any other to an IPv4 one, and `anetTcpServer` turns `*` and `::*`
 * into the wildcard; the rest goes to getaddrinfo(3), which reads numbers the way inet_aton (IPv4:
 * `0`, `0.0`, `000.0.0.0` and `0x0` are all 0.0.0.0) and inet_pton (IPv6: `0:0::0` is `::`) do.
 * So "listens on every interface" is a property of the parsed address, not of its spelling.
 */

/** glibc inet_aton: 1 to 4 parts, each decimal, octal (leading 0) or hex (0x); the last part fills the remaining bytes. */
export function parseIPv4(text: string): number[] | undefined {
  const parts = text.split('.');
  if (parts.length > 4) return undefined;
  const values: bigint[] = [];
  for (const part of parts) {
    let digits = part;
    let radix = 10;
    if (/^0[xX]/.test(part)) {
      digits = part.slice(2);
      radix = 16;
      if (!/^[0-9a-fA-F]*$/.test(digits)) return undefined;
      // "0x" alone has no digit: inet_aton refuses it.
      if (digits === '') return undefined;
    } else if (part.startsWith('0') && part.length > 1) {
      digits = part.slice(1);
      radix = 8;
      if (!/^[0-7]+$/.test(digits)) return undefined;
    } else if (!/^[0-9]+$/.test(part)) return undefined;
    let value = 0n;
    for (const d of digits) value = value * BigInt(radix) + BigInt(parseInt(d, radix));
    values.push(value);
  }
  const last = values.pop()!;
  if (values.some((v) => v > 0xffn)) return undefined;
  const lastBytes = 4 - values.length;
  if (last >= 1n << BigInt(8 * lastBytes)) return undefined;
  const bytes = values.map(Number);
  for (let i = lastBytes - 1; i >= 0; i--) bytes.push(Number((last >> BigInt(8 * i)) & 0xffn));
  return bytes;
}

/** Strict dotted quad, as inet_pton reads the IPv4 tail of an IPv6 address (no leading zeros, no other bases). */
function parseDottedQuad(text: string): number[] | undefined {
  const parts = text.split('.');
  if (parts.length !== 4 || !parts.every((p) => /^(0|[1-9][0-9]{0,2})$/.test(p) && Number(p) <= 255)) return undefined;
  return parts.map(Number);
}

/** inet_pton(AF_INET6): 16 bytes, or undefined. A `%zone` suffix (getaddrinfo's scope id) is ignored. */
export function parseIPv6(text: string): number[] | undefined {
  const address = text.replace(/%.*$/s, '');
  const halves = address.split('::');
  if (halves.length > 2) return undefined;
  const groups = (half: string): number[] | undefined => {
    if (half === '') return [];
    const bytes: number[] = [];
    const pieces = half.split(':');
    for (let i = 0; i < pieces.length; i++) {
      const piece = pieces[i];
      if (i === pieces.length - 1 && piece.includes('.')) {
        const quad = parseDottedQuad(piece);
        if (!quad) return undefined;
        bytes.push(...quad);
      } else if (/^[0-9a-fA-F]{1,4}$/.test(piece)) {
        const n = parseInt(piece, 16);
        bytes.push(n >> 8, n & 0xff);
      } else return undefined;
    }
    return bytes;
  };
  const head = groups(halves[0]);
  const tail = halves.length === 2 ? groups(halves[1]) : [];
  if (!head || !tail) return undefined;
  // The IPv4 tail may only end the address.
  if (halves.length === 2 && halves[0].includes('.')) return undefined;
  if (halves.length === 1) return head.length === 16 ? head : undefined;
  if (head.length + tail.length > 14) return undefined;
  return [...head, ...new Array(16 - head.length - tail.length).fill(0), ...tail];
}

/** What one word of a `bind` line binds to, after the optional `-` prefix. */
export function bindTarget(word: string): { family: 4 | 6; bytes?: number[]; wildcard: boolean; loopback: boolean } {
  const address = word.startsWith('-') ? word.slice(1) : word;
  if (address === '*') return { family: 4, wildcard: true, loopback: false };
  if (address.includes(':')) {
    if (address === '::*') return { family: 6, wildcard: true, loopback: false };
    const bytes = parseIPv6(address);
    const zero = !!bytes && bytes.every((b) => b === 0);
    const loopback = !!bytes && bytes.slice(0, 15).every((b) => b === 0) && bytes[15] === 1;
    return { family: 6, bytes, wildcard: zero, loopback };
  }
  const bytes = parseIPv4(address);
  if (!bytes) {
    // A host name goes to the resolver; only "localhost" is known to stay on this machine.
    return { family: 4, wildcard: false, loopback: /^localhost\.?$/i.test(address) };
  }
  return { family: 4, bytes, wildcard: bytes.every((b) => b === 0), loopback: bytes[0] === 127 };
}

/**
 * The words a `bind` line binds: a single argument is split again on spaces (config.c does this for
 * every multi-argument directive, so `bind "127.0.0.1 ::1"` binds both).
 */
export function splitBindArguments(values: string[]): string[] {
  if (values.length === 1 && values[0] !== '') return values[0].split(/[ \t\n\r\v\f]+/).filter(Boolean);
  return values;
}

/** config.c CONFIG_BINDADDR_MAX: more addresses make redis-server refuse the line. */
export const MAX_BIND_ADDRESSES = 16;
