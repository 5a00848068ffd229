import { describe, expect, it } from 'vitest';
import { checkOutboundUrl, privateRange } from './check-outbound-url';

const allowed = ['api.virustotal.com', '*.abuseipdb.com', '10.1.2.3', 'siem.local'];

describe('checkOutboundUrl', () => {
  it.each([
    'https://api.virustotal.com/v3/ip/1.2.3.4',
    'https://www.abuseipdb.com/check',
    'http://10.1.2.3:8080/hook', // private, but explicitly allowed for this tenant
  ])('allows %s', (url) => expect(checkOutboundUrl(url, allowed).ok).toBe(true));

  it.each([
    ['https://evil.com/', /not in the tenant's allowed hosts/],
    ['https://abuseipdb.com.evil.com/', /not in the tenant's allowed hosts/],
    ['ftp://api.virustotal.com/', /scheme ftp: is not allowed/],
    ['https://user:pw@api.virustotal.com/', /credentials/],
    ['not a url', /not a valid absolute URL/],
    ['file:///etc/passwd', /scheme file:/],
  ])('refuses %s', (url, reason) => {
    const r = checkOutboundUrl(url, allowed);
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.reason).toMatch(reason);
  });

  it.each([
    ['127.0.0.1', 'loopback'],
    ['::1', 'loopback'],
    ['::ffff:7f00:1', 'loopback'], // IPv4-mapped 127.0.0.1, as WHATWG prints it
    ['64:ff9b::a9fe:a9fe', 'link-local'], // NAT64 169.254.169.254
    ['169.254.169.254', 'link-local'],
    ['192.168.1.1', 'private'],
    ['172.31.255.255', 'private'],
    ['100.64.0.1', 'carrier-grade NAT'],
    ['fd00::1', 'unique local'],
    ['0.0.0.0', 'unspecified'],
    ['fe80::1', 'link-local'],
    ['::', 'unspecified'],
    ['8.8.8.8', undefined],
    ['api.example.com', undefined],
    ['256.1.1.1', undefined],
    ['172.32.0.1', undefined],
    ['2606:4700::1111', undefined],
  ])('privateRange(%s) = %s', (ip, range) => expect(privateRange(ip)).toBe(range));

  it.each([
    ['http://2130706433/', ['api.virustotal.com']], // decimal 127.0.0.1: not on the list
    ['http://0x7f.1/', ['api.virustotal.com']],
    ['http://app.localhost/', ['*.localhost']], // a wildcard never opens loopback
  ])('refuses %s', (url, list) => expect(checkOutboundUrl(url, list).ok).toBe(false));

  it('opens a private or loopback target only when that exact address is listed', () => {
    expect(checkOutboundUrl('http://127.0.0.1:9000/hook', ['127.0.0.1']).ok).toBe(true);
    expect(checkOutboundUrl('http://[::1]/', ['::1']).ok).toBe(true);
    expect(checkOutboundUrl('http://localhost/', ['localhost']).ok).toBe(true);
  });
});
