import type { IpTag } from '../ioc';

type V4Range = readonly [a: number, b: number, c: number, d: number, prefix: number, tag: IpTag];

const V4_RANGES: readonly V4Range[] = [
  [10, 0, 0, 0, 8, 'private'],
  [172, 16, 0, 0, 12, 'private'],
  [192, 168, 0, 0, 16, 'private'],
  [100, 64, 0, 0, 10, 'private'], // carrier-grade NAT shared space
  [127, 0, 0, 0, 8, 'loopback'],
  [169, 254, 0, 0, 16, 'link_local'],
  [224, 0, 0, 0, 4, 'multicast'],
  [192, 0, 2, 0, 24, 'documentation'],
  [198, 51, 100, 0, 24, 'documentation'],
  [203, 0, 113, 0, 24, 'documentation'],
  [0, 0, 0, 0, 8, 'reserved'],
  [192, 0, 0, 0, 24, 'reserved'],
  [198, 18, 0, 0, 15, 'reserved'], // benchmarking
  [240, 0, 0, 0, 4, 'reserved'], // includes broadcast
];

const toInt = (a: number, b: number, c: number, d: number): number =>
  ((a << 24) | (b << 16) | (c << 8) | d) >>> 0;

export function ipv4Tags(octets: number[]): IpTag[] {
  const ip = toInt(octets[0] ?? 0, octets[1] ?? 0, octets[2] ?? 0, octets[3] ?? 0);
  const tags: IpTag[] = [];
  for (const [a, b, c, d, prefix, tag] of V4_RANGES) {
    const mask = prefix === 0 ? 0 : (0xffffffff << (32 - prefix)) >>> 0;
    if ((ip & mask) >>> 0 === toInt(a, b, c, d) && !tags.includes(tag)) tags.push(tag);
  }
  return tags;
}

export function ipv6Tags(g: number[]): IpTag[] {
  const [g0 = 0, g1 = 0, g2 = 0, g3 = 0] = g;
  const g5 = g[5] ?? 0;
  const g6 = g[6] ?? 0;
  const g7 = g[7] ?? 0;
  const allZeroTo = (n: number): boolean => g.slice(0, n).every((x) => x === 0);
  if (allZeroTo(5) && g5 === 0xffff) return ipv4Tags([g6 >> 8, g6 & 255, g7 >> 8, g7 & 255]);
  if (allZeroTo(7) && g7 === 1) return ['loopback'];
  if (allZeroTo(8)) return ['reserved'];
  if ((g0 & 0xffc0) === 0xfe80) return ['link_local'];
  if ((g0 & 0xfe00) === 0xfc00) return ['private'];
  if ((g0 & 0xff00) === 0xff00) return ['multicast'];
  if (g0 === 0x2001 && g1 === 0x0db8) return ['documentation'];
  if (g0 === 0x3fff && (g1 & 0xf000) === 0) return ['documentation']; // RFC 9637
  if (g0 === 0x0064 && g1 === 0xff9b) return ['reserved'];
  if (g0 === 0x0100 && g1 === 0 && g2 === 0 && g3 === 0) return ['reserved']; // discard-only
  if (g0 === 0x2001 && g1 < 0x0200) return ['reserved']; // IETF protocol assignments
  if ((g0 & 0xe000) !== 0x2000) return ['reserved']; // outside global unicast 2000::/3
  return [];
}
