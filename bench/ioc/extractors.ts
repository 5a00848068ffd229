import { extract } from '@palisade/ioc/extract';
import { normalizeIpv6 } from '@palisade/ioc/ipv6';
import { extractIOC, type IOC } from 'ioc-extractor';
import type { LabeledDoc } from './documents';

export interface Found {
  type: string;
  value: string;
}

/** ioc-extractor's keys onto our types; eths, xmrs and Google Analytics ids have no counterpart. */
const THEIR_TYPES: Partial<Record<keyof IOC, string>> = {
  ipv4s: 'ipv4',
  ipv6s: 'ipv6',
  domains: 'domain',
  urls: 'url',
  emails: 'email',
  md5s: 'md5',
  sha1s: 'sha1',
  sha256s: 'sha256',
  sha512s: 'sha512',
  cves: 'cve',
  btcs: 'btc',
  macAddresses: 'mac',
  asns: 'asn',
  ssdeeps: 'ssdeep',
};

export const THEIR_SUPPORTED: ReadonlySet<string> = new Set(Object.values(THEIR_TYPES));

const hexMac = (v: string): string => {
  const hex = v.replace(/[^0-9a-fA-F]/g, '').toLowerCase();
  return hex.length === 12 ? (hex.match(/../g) as string[]).join(':') : v.toLowerCase();
};

/**
 * Their values put into our canonical form, so that scoring measures detection and not
 * formatting (this can only raise their score).
 */
function canonical(type: string, v: string): string {
  switch (type) {
    case 'domain':
    case 'md5':
    case 'sha1':
    case 'sha256':
    case 'sha512':
      return v.toLowerCase();
    case 'ipv6':
      return normalizeIpv6(v) ?? v.toLowerCase();
    case 'mac':
      return hexMac(v);
    case 'cve':
      return v.toUpperCase();
    case 'asn':
      return `AS${Number(v.replace(/^ASN?/i, ''))}`;
    case 'email': {
      const at = v.lastIndexOf('@');
      return `${v.slice(0, at)}@${v.slice(at + 1).toLowerCase()}`;
    }
    case 'url':
      return v.replace(
        /^([a-z][a-z0-9+.-]*:\/\/)([^/?#]*)/i,
        (_m, s: string, h: string) => `${s.toLowerCase()}${h.toLowerCase()}`,
      );
    default:
      return v;
  }
}

export function theirs(text: string): Found[] {
  const ioc = extractIOC(text, { refang: true });
  const out: Found[] = [];
  for (const [key, type] of Object.entries(THEIR_TYPES)) {
    for (const v of ioc[key as keyof IOC]) out.push({ type, value: canonical(type, v) });
  }
  return out;
}

/** Ours as the product uses it: JSON alerts parsed (field-aware), everything else as text. */
export function ours(doc: LabeledDoc): Found[] {
  const input = doc.kind === 'json' ? (JSON.parse(doc.text) as unknown) : doc.text;
  return extract(input).map((i) => ({ type: i.type, value: i.value }));
}

export function oursOnText(text: string): number {
  return extract(text).length;
}

export function theirsOnText(text: string): number {
  return Object.values(extractIOC(text, { refang: true })).reduce((n, a) => n + a.length, 0);
}
