import type { IocType } from '@palisade/ioc/ioc';
import { normalizeIocValue } from '../stix/normalize-ioc-value';

const HASHES: readonly IocType[] = ['md5', 'sha1', 'sha256', 'sha512', 'ssdeep'];

/**
 * IOC types per part of a MISP attribute type (`ip-dst|port` is an address and a port, `domain|ip`
 * two IOCs); null for a part that is not an IOC. Types MISP has and Palisade does not are absent.
 */
const PARTS: Record<string, readonly (readonly IocType[] | null)[]> = {
  'ip-src': [['ipv4', 'ipv6']],
  'ip-dst': [['ipv4', 'ipv6']],
  'ip-src|port': [['ipv4', 'ipv6'], null],
  'ip-dst|port': [['ipv4', 'ipv6'], null],
  domain: [['domain']],
  hostname: [['domain']],
  'domain|ip': [['domain'], ['ipv4', 'ipv6']],
  'hostname|port': [['domain'], null],
  url: [['url']],
  email: [['email']],
  'email-src': [['email']],
  'email-dst': [['email']],
  'whois-registrant-email': [['email']],
  md5: [['md5']],
  sha1: [['sha1']],
  sha256: [['sha256']],
  sha512: [['sha512']],
  ssdeep: [['ssdeep']],
  'filename|md5': [null, ['md5']],
  'filename|sha1': [null, ['sha1']],
  'filename|sha256': [null, ['sha256']],
  'filename|sha512': [null, ['sha512']],
  'filename|ssdeep': [null, ['ssdeep']],
  'malware-sample': [null, HASHES],
  regkey: [['registry_key']],
  'regkey|value': [['registry_key'], null],
  'mac-address': [['mac']],
  AS: [['asn']],
  vulnerability: [['cve']],
  btc: [['btc']],
};

/** The IOCs of one MISP attribute (`type`, `value`), normalized; empty when none applies. */
export function mispAttributeIocs(type: string, value: string): { type: IocType; value: string }[] {
  const parts = PARTS[type];
  if (!parts) return [];
  const values = parts.length === 1 ? [value] : value.split('|');
  const out: { type: IocType; value: string }[] = [];
  parts.forEach((types, i) => {
    const v = values[i];
    if (!types || v === undefined) return;
    // MISP stores AS numbers bare ("15169"); @palisade/ioc reads them with the AS prefix.
    const text = type === 'AS' && /^\d+$/.test(v.trim()) ? `AS${v.trim()}` : v;
    const ioc = normalizeIocValue(text, types);
    if (ioc) out.push(ioc);
  });
  return out;
}

/** MISP threat_level_id (1 high … 4 undefined) as the store's 0–100 score. */
export function mispThreatScore(threatLevelId: unknown): number {
  switch (String(threatLevelId)) {
    case '1':
      return 90;
    case '2':
      return 75;
    case '3':
      return 50;
    default:
      return 60;
  }
}
