import type { IocType } from '@palisade/ioc/ioc';
import ipaddr from 'ipaddr.js';
import type { MatchableEntry } from './list-entry';

export type MatchTarget = { type: IocType | string; value: string };

/** Pure and deterministic: `now` decides expiry. */
export function entryMatches(entry: MatchableEntry, target: MatchTarget, now: Date): boolean {
  if (entry.expiresAt && entry.expiresAt.getTime() <= now.getTime()) return false;
  if (entry.artifactType && entry.artifactType !== target.type) return false;
  switch (entry.matchKind) {
    case 'value':
      return sameValue(entry.value, target.value);
    case 'pattern':
      return globMatch(entry.value, target.value.trim());
    case 'cidr':
      return inCidr(target.value, entry.value);
  }
}

/** Every entry that matches, tenant entries before inherited MSSP ones. */
export function matchEntries<E extends MatchableEntry>(
  entries: readonly E[],
  target: MatchTarget,
  now: Date,
): E[] {
  const hits = entries.filter((e) => entryMatches(e, target, now));
  return [...hits.filter((e) => e.scope === 'tenant'), ...hits.filter((e) => e.scope === 'mssp')];
}

function sameValue(a: string, b: string): boolean {
  const x = a.trim();
  const y = b.trim();
  if (x.toLowerCase() === y.toLowerCase()) return true;
  // 2001:DB8::1 and 2001:db8:0:0:0:0:0:1 are the same address.
  const ipX = parseIp(x);
  const ipY = parseIp(y);
  return (
    ipX !== undefined &&
    ipY !== undefined &&
    ipX.kind() === ipY.kind() &&
    ipX.toNormalizedString() === ipY.toNormalizedString()
  );
}

function parseIp(value: string): ipaddr.IPv4 | ipaddr.IPv6 | undefined {
  if (!ipaddr.isValid(value)) return undefined;
  const ip = ipaddr.parse(value);
  // ::ffff:10.0.0.1 is 10.0.0.1 for matching against IPv4 networks.
  return ip.kind() === 'ipv6' && (ip as ipaddr.IPv6).isIPv4MappedAddress()
    ? (ip as ipaddr.IPv6).toIPv4Address()
    : ip;
}

function inCidr(value: string, cidr: string): boolean {
  const ip = parseIp(value.trim());
  if (!ip || !ipaddr.isValidCIDR(cidr)) return false;
  const [network, bits] = ipaddr.parseCIDR(cidr);
  if (network.kind() !== ip.kind()) return false;
  return ip.match([network, bits] as [typeof ip, number]);
}

/**
 * Glob match: `*` any run of characters, `?` one character, everything else literal; the whole value,
 * any case. Iterative with one backtrack point (the last `*`), so it is O(pattern × value) at worst:
 * values come from attacker-controlled alerts, and a regex of many `.*` would backtrack exponentially.
 */
export function globMatch(pattern: string, value: string): boolean {
  const p = [...pattern.trim().toLowerCase()];
  const v = [...value.toLowerCase()];
  let pi = 0;
  let vi = 0;
  let star = -1;
  let resume = 0;
  while (vi < v.length) {
    if (pi < p.length && (p[pi] === '?' || (p[pi] !== '*' && p[pi] === v[vi]))) {
      pi++;
      vi++;
    } else if (pi < p.length && p[pi] === '*') {
      star = pi++;
      resume = vi;
    } else if (star >= 0) {
      pi = star + 1;
      vi = ++resume;
    } else {
      return false;
    }
  }
  while (pi < p.length && p[pi] === '*') pi++;
  return pi === p.length;
}
