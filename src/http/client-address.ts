import { isIPv4, isIPv6 } from 'node:net';
import type { Request } from 'express';

/**
 * The client address failed authentications are counted against (audit.md T7): the TCP peer's,
 * or the one Express derives under `trust proxy`. One IPv4 host is one key; an IPv6 client is
 * counted per /64, the block one subscriber usually holds, so that rotating through the
 * addresses of one's own block does not refill the bucket.
 */
export function clientAddress(req: Request): string {
  return addressKey(req.ip ?? req.socket.remoteAddress ?? 'unknown');
}

export function addressKey(raw: string): string {
  const address = raw.split('%')[0].toLowerCase(); // a zone (fe80::1%eth0) names our interface, not the client
  if (isIPv4(address)) return address;
  if (!isIPv6(address)) return address;
  const groups = ipv6Groups(address);
  // IPv4-mapped (::ffff:a.b.c.d): the same client as a.b.c.d over IPv4.
  if (groups.slice(0, 5).every((g) => g === 0) && groups[5] === 0xffff) {
    return [groups[6] >> 8, groups[6] & 255, groups[7] >> 8, groups[7] & 255].join('.');
  }
  return `${groups.slice(0, 4).map((g) => g.toString(16)).join(':')}::/64`;
}

/** The eight 16-bit groups of a valid IPv6 address (`::` expanded, a dotted IPv4 tail converted). */
function ipv6Groups(address: string): number[] {
  const parse = (part: string) =>
    part === ''
      ? []
      : part.split(':').flatMap((g) => {
          if (!g.includes('.')) return [parseInt(g, 16)];
          const [a, b, c, d] = g.split('.').map(Number);
          return [(a << 8) | b, (c << 8) | d];
        });
  const [head, tail] = address.split('::');
  const left = parse(head);
  const right = tail === undefined ? [] : parse(tail);
  return [...left, ...new Array(8 - left.length - right.length).fill(0), ...right];
}
