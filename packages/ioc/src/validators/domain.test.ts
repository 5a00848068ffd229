import { describe, expect, it } from 'vitest';
import { isDomain, isIanaTld } from './domain';

describe('domain', () => {
  it.each([
    'example.com',
    'evil.co.uk',
    'a-b.example.io',
    'x.zip',
    'cdn.cloudflare-edge.site',
    'xn--80ak6aa92e.com',
    'shop.xn--p1ai',
  ])('accepts %s', (d) => expect(isDomain(d)).toBe(true));

  it.each([
    'localhost',
    'server.local',
    'printer.lan',
    'file.exe',
    'svc.dll',
    'a.b',
    '-bad.com',
    'bad-.com',
    'a..com',
    'example.123',
    'under_score.com',
    `${'a'.repeat(64)}.com`,
    `${'a.'.repeat(130)}com`,
  ])('rejects %s', (d) => expect(isDomain(d)).toBe(false));

  it('reads the TLD list from tldts, not a hard-coded one', () => {
    expect(isIanaTld('com')).toBe(true);
    expect(isIanaTld('museum')).toBe(true);
    expect(isIanaTld('corp')).toBe(false);
    expect(isIanaTld('onion')).toBe(true);
  });
});
