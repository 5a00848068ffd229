import { describe, expect, it } from 'vitest';
import { normalizeAsn } from './asn';
import { normalizeCve } from './cve';
import { normalizeMac } from './mac';
import { lookupTechnique } from './mitre-technique';
import { matchSsdeep } from './ssdeep';

describe('mac', () => {
  it.each([
    ['AA:BB:CC:DD:EE:FF', 'aa:bb:cc:dd:ee:ff'],
    ['00-50-56-A4-1B-2C', '00:50:56:a4:1b:2c'],
    ['0050.56a4.1b2c', '00:50:56:a4:1b:2c'],
  ])('normalizes %s', (m, want) => expect(normalizeMac(m)).toBe(want));
  it.each([
    'aa:bb-cc:dd:ee:ff',
    'aa:bb:cc:dd:ee',
    'gg:bb:cc:dd:ee:ff',
    '0050.56a4.1b2',
    'aa:bb:cc:dd:ee:ff:00',
  ])('rejects %s', (m) => expect(normalizeMac(m)).toBeNull());
});

describe('cve', () => {
  it.each([
    ['CVE-2021-44228', 'CVE-2021-44228'],
    ['cve-2017-0144', 'CVE-2017-0144'],
    ['CVE-2024-1234567', 'CVE-2024-1234567'],
  ])('normalizes %s', (c, want) => expect(normalizeCve(c)).toBe(want));
  it.each(['CVE-2021-123', 'CVE-21-44228', 'CVE-1990-1234', 'CVE-2021-44228a', 'CVE_2021_44228'])(
    'rejects %s',
    (c) => expect(normalizeCve(c)).toBeNull(),
  );
});

describe('asn', () => {
  it.each([
    ['AS15169', 'AS15169'],
    ['ASN13335', 'AS13335'],
    ['AS0015169', 'AS15169'],
  ])('normalizes %s', (a, want) => expect(normalizeAsn(a)).toBe(want));
  it.each(['as15169', 'AS', 'AS0', 'AS4294967296', 'ASX1'])('rejects %s', (a) =>
    expect(normalizeAsn(a)).toBeNull(),
  );
});

describe('mitre technique', () => {
  it('knows techniques and sub-techniques with their tactics', () => {
    expect(lookupTechnique('T1059.001')).toEqual({
      id: 'T1059.001',
      name: 'PowerShell',
      tactics: ['execution'],
    });
    expect(lookupTechnique('t1003')?.name).toBe('OS Credential Dumping');
  });
  it.each(['T9999', 'T1059.999', 'T105', 'TA0001'])('does not know %s', (t) =>
    expect(lookupTechnique(t)).toBeUndefined(),
  );
});

describe('ssdeep', () => {
  const h = '3072:C3gvD8y3Z4Eo8kSW1q1VQpkV8oNlV5AjG2vYnMqTS8lZ4JPqDzKeR3wZUq:CwzZ4Eo8kSW1q1VQpkV8oNl';
  it('matches a digest', () => expect(matchSsdeep(h, 0)).toBe(h.length));
  it.each(['12:34:56', '100:abcdef:ghijkl', '3072:ab:cdef', '96:abc:def:ghi'])('rejects %s', (s) =>
    expect(matchSsdeep(s, 0)).toBe(0),
  );
});
