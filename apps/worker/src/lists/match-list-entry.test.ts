import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { MatchableEntry } from './list-entry';
import { entryMatches, globMatch, matchEntries } from './match-list-entry';

const now = new Date('2026-11-23T12:00:00Z');
const entry = (over: Partial<MatchableEntry>): MatchableEntry => ({
  id: crypto.randomUUID(),
  scope: 'tenant',
  source: 'test',
  list: 'block',
  matchKind: 'value',
  value: 'x',
  artifactType: null,
  criticality: null,
  reason: '',
  owner: '',
  expiresAt: null,
  ...over,
});

describe('entryMatches', () => {
  it.each([
    ['value, any case', entry({ value: 'Evil.Example' }), { type: 'domain', value: 'evil.example' }, true],
    [
      'value, different',
      entry({ value: 'evil.example' }),
      { type: 'domain', value: 'evil.example.org' },
      false,
    ],
    [
      'value, IPv6 spellings',
      entry({ value: '2001:DB8::1' }),
      { type: 'ipv6', value: '2001:db8:0:0:0:0:0:1' },
      true,
    ],
    [
      'value, artifact type restricts',
      entry({ value: '10.0.0.1', artifactType: 'domain' }),
      { type: 'ipv4', value: '10.0.0.1' },
      false,
    ],
    [
      'cidr v4 inside',
      entry({ matchKind: 'cidr', value: '10.20.0.0/16' }),
      { type: 'ipv4', value: '10.20.255.1' },
      true,
    ],
    [
      'cidr v4 outside',
      entry({ matchKind: 'cidr', value: '10.20.0.0/16' }),
      { type: 'ipv4', value: '10.21.0.1' },
      false,
    ],
    [
      'cidr v4 edge',
      entry({ matchKind: 'cidr', value: '192.0.2.0/31' }),
      { type: 'ipv4', value: '192.0.2.1' },
      true,
    ],
    [
      'cidr v6 inside',
      entry({ matchKind: 'cidr', value: '2001:db8::/32' }),
      { type: 'ipv6', value: '2001:db8:ffff::1' },
      true,
    ],
    [
      'cidr v6 outside',
      entry({ matchKind: 'cidr', value: '2001:db8::/32' }),
      { type: 'ipv6', value: '2001:db9::1' },
      false,
    ],
    [
      'cidr v4 vs v6 value',
      entry({ matchKind: 'cidr', value: '10.0.0.0/8' }),
      { type: 'ipv6', value: '2001:db8::1' },
      false,
    ],
    [
      'cidr v4-mapped v6',
      entry({ matchKind: 'cidr', value: '10.0.0.0/8' }),
      { type: 'ipv6', value: '::ffff:10.1.2.3' },
      true,
    ],
    [
      'cidr non-IP value',
      entry({ matchKind: 'cidr', value: '10.0.0.0/8' }),
      { type: 'domain', value: '10.example' },
      false,
    ],
    [
      'pattern subdomain',
      entry({ matchKind: 'pattern', value: '*.corp.example' }),
      { type: 'domain', value: 'mail.CORP.example' },
      true,
    ],
    [
      'pattern is anchored',
      entry({ matchKind: 'pattern', value: '*.corp.example' }),
      { type: 'domain', value: 'corp.example.evil' },
      false,
    ],
    [
      'pattern ?',
      entry({ matchKind: 'pattern', value: 'srv-??' }),
      { type: 'domain', value: 'srv-01' },
      true,
    ],
    [
      'pattern ? is one char',
      entry({ matchKind: 'pattern', value: 'srv-??' }),
      { type: 'domain', value: 'srv-001' },
      false,
    ],
    [
      'pattern dots are literal',
      entry({ matchKind: 'pattern', value: 'a.b' }),
      { type: 'domain', value: 'axb' },
      false,
    ],
    [
      'pattern url',
      entry({ matchKind: 'pattern', value: 'https://sso.corp.example/*' }),
      { type: 'url', value: 'https://sso.corp.example/login?x=1' },
      true,
    ],
  ])('%s', (_name, e, target, want) => expect(entryMatches(e, target, now)).toBe(want));

  it('an expired entry matches nothing; one expiring later still matches', () => {
    const target = { type: 'ipv4', value: '10.0.0.1' };
    expect(
      entryMatches(entry({ value: '10.0.0.1', expiresAt: new Date('2026-11-23T11:59:59Z') }), target, now),
    ).toBe(false);
    expect(entryMatches(entry({ value: '10.0.0.1', expiresAt: now }), target, now)).toBe(false);
    expect(
      entryMatches(entry({ value: '10.0.0.1', expiresAt: new Date('2026-11-23T12:00:01Z') }), target, now),
    ).toBe(true);
  });

  it('lists tenant entries before inherited MSSP ones', () => {
    const mssp = entry({ scope: 'mssp', value: 'a.example' });
    const own = entry({ scope: 'tenant', value: 'A.example' });
    expect(matchEntries([mssp, own], { type: 'domain', value: 'a.example' }, now)).toEqual([own, mssp]);
  });
});

describe('properties', () => {
  const octet = fc.integer({ min: 0, max: 255 });
  const ipv4 = fc.tuple(octet, octet, octet, octet);
  const toIp = (o: number[]) => o.join('.');
  const toInt = (o: number[]) => o.reduce((acc, x) => acc * 256 + x, 0);

  it('CIDR v4 membership agrees with integer arithmetic', () => {
    fc.assert(
      fc.property(ipv4, ipv4, fc.integer({ min: 0, max: 32 }), (net, ip, bits) => {
        const size = 2 ** (32 - bits);
        const base = Math.floor(toInt(net) / size) * size;
        const inside = toInt(ip) >= base && toInt(ip) < base + size;
        const e = entry({ matchKind: 'cidr', value: `${toIp(net)}/${bits}` });
        return entryMatches(e, { type: 'ipv4', value: toIp(ip) }, now) === inside;
      }),
    );
  });

  it('a value always matches itself as value and as a pattern with no wildcards', () => {
    fc.assert(
      fc.property(
        fc.string({ minLength: 1 }).filter((s) => s.trim().length > 0 && !/[*?]/.test(s)),
        (v) => {
          return (
            entryMatches(entry({ value: v }), { type: 'domain', value: v }, now) &&
            entryMatches(entry({ matchKind: 'pattern', value: v }), { type: 'domain', value: v }, now)
          );
        },
      ),
    );
  });

  it('prefix* matches exactly the values starting with the prefix (any case)', () => {
    fc.assert(
      fc.property(
        fc.string().filter((s) => !/[*?]/.test(s) && s.trim() === s),
        fc.string(),
        (prefix, rest) => {
          const value = `${prefix}${rest}`.trim();
          return globMatch(`${prefix}*`, value) === value.toLowerCase().startsWith(prefix.toLowerCase());
        },
      ),
    );
  });

  it('glob agrees with an anchored regex of the same pattern', () => {
    const piece = fc.constantFrom('a', 'b', '.', '*', '?');
    fc.assert(
      fc.property(
        fc.array(piece, { maxLength: 8 }),
        fc.array(fc.constantFrom('a', 'b', '.'), { maxLength: 10 }),
        (p, v) => {
          const pattern = p.join('');
          const value = v.join('');
          const re = new RegExp(
            `^${p.map((c) => (c === '*' ? '.*' : c === '?' ? '.' : c === '.' ? '\\.' : c)).join('')}$`,
            's',
          );
          return globMatch(pattern, value) === re.test(value);
        },
      ),
    );
  });

  it('a pathological pattern stays fast (no regex backtracking)', () => {
    const pattern = `${'*a'.repeat(30)}*b`;
    const value = 'a'.repeat(4000);
    expect(globMatch(pattern, value)).toBe(false);
  });

  it('expiry: matches if and only if the entry expires after now', () => {
    fc.assert(
      fc.property(fc.integer({ min: -1e9, max: 1e9 }), (offset) => {
        const e = entry({ value: 'x', expiresAt: new Date(now.getTime() + offset) });
        return entryMatches(e, { type: 'domain', value: 'x' }, now) === offset > 0;
      }),
    );
  });
});
