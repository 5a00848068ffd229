import { describe, expect, it } from 'vitest';
import { ipv4Tags } from './ip-tags';
import { normalizeIpv4, parseIpv4 } from './ipv4';

describe('ipv4', () => {
  it.each([
    ['8.8.8.8', '8.8.8.8'],
    ['010.000.000.001', '10.0.0.1'],
    ['255.255.255.255', '255.255.255.255'],
  ])('normalizes %s', (s, want) => expect(normalizeIpv4(s)).toBe(want));

  it.each(['256.1.1.1', '1.2.3', '1.2.3.4.5', '1..2.3', '1.2.3.4a', '1234.1.1.1', ''])('rejects %s', (s) =>
    expect(parseIpv4(s)).toBeNull(),
  );

  it.each([
    ['10.1.2.3', ['private']],
    ['172.31.255.255', ['private']],
    ['172.32.0.1', []],
    ['192.168.1.1', ['private']],
    ['100.64.0.1', ['private']],
    ['127.0.0.1', ['loopback']],
    ['169.254.10.1', ['link_local']],
    ['224.0.0.251', ['multicast']],
    ['192.0.2.10', ['documentation']],
    ['198.51.100.1', ['documentation']],
    ['203.0.113.9', ['documentation']],
    ['0.0.0.0', ['reserved']],
    ['255.255.255.255', ['reserved']],
    ['198.18.0.1', ['reserved']],
    ['8.8.8.8', []],
  ])('tags %s as %j', (ip, tags) => expect(ipv4Tags(parseIpv4(ip) as number[])).toEqual(tags));
});
