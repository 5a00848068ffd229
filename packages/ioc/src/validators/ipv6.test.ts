import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { ipv6Tags } from './ip-tags';
import { normalizeIpv6, parseIpv6 } from './ipv6';

describe('ipv6', () => {
  it.each([
    // RFC 5952 section 4 examples.
    ['2001:db8:0:0:1:0:0:1', '2001:db8::1:0:0:1'],
    ['2001:0db8:0:0:1:0:0:1', '2001:db8::1:0:0:1'],
    ['2001:db8::0:1', '2001:db8::1'],
    ['2001:db8:0:0:0:0:2:1', '2001:db8::2:1'],
    ['2001:db8::1:0:0:1', '2001:db8::1:0:0:1'],
    ['2001:DB8:0:1:1:1:1:1', '2001:db8:0:1:1:1:1:1'],
    ['2001:db8:0:0:1:0:0:0', '2001:db8:0:0:1::'],
    ['0:0:0:0:0:0:0:1', '::1'],
    ['::', '::'],
    ['::ffff:192.0.2.128', '::ffff:192.0.2.128'],
    ['0:0:0:0:0:ffff:c000:0280', '::ffff:192.0.2.128'],
    ['fe80::0001', 'fe80::1'],
  ])('normalizes %s to %s', (s, want) => expect(normalizeIpv6(s)).toBe(want));

  it.each([
    '1:2:3:4:5:6:7',
    '1::2::3',
    '12345::1',
    'g::1',
    '1:2:3:4:5:6:7:8:9',
    ':1:2:3:4:5:6:7',
    '1.2.3.4',
    '::ffff:256.1.1.1',
  ])('rejects %s', (s) => expect(parseIpv6(s)).toBeNull());

  it('normalization is idempotent and preserves the address', () => {
    fc.assert(
      fc.property(fc.ipV6(), (ip) => {
        const once = normalizeIpv6(ip);
        expect(once).not.toBeNull();
        expect(normalizeIpv6(once as string)).toBe(once);
        expect(parseIpv6(once as string)).toEqual(parseIpv6(ip));
      }),
    );
  });

  it.each([
    ['::1', ['loopback']],
    ['fe80::1', ['link_local']],
    ['fd12:3456::1', ['private']],
    ['ff02::1', ['multicast']],
    ['2001:db8::1', ['documentation']],
    ['::ffff:10.0.0.1', ['private']],
    ['::', ['reserved']],
    ['2606:4700:4700::1111', []],
  ])('tags %s as %j', (ip, tags) => expect(ipv6Tags(parseIpv6(ip) as number[])).toEqual(tags));
});
