import { parse } from 'tldts';

const tldCache = new Map<string, boolean>();
const TLD_CACHE_LIMIT = 20_000;

/** Is `tld` (lower case, no dot) a top-level domain on the IANA list (tldts' ICANN section)? */
export function isIanaTld(tld: string): boolean {
  const hit = tldCache.get(tld);
  if (hit !== undefined) return hit;
  const r = parse(`a.${tld}`, { allowPrivateDomains: false, extractHostname: false });
  const ok = r.isIcann === true && r.publicSuffix !== null && r.publicSuffix.endsWith(tld);
  // Text can contain any word after a dot; stop caching rather than grow without bound.
  if (tldCache.size < TLD_CACHE_LIMIT) tldCache.set(tld, ok);
  return ok;
}

const isLabelChar = (c: number): boolean =>
  (c >= 97 && c <= 122) || (c >= 48 && c <= 57) || c === 45 || (c >= 65 && c <= 90);

/**
 * A host name of 2+ labels whose last label is an IANA TLD. Takes the name as written; callers
 * lower-case the value they report.
 */
export function isDomain(s: string): boolean {
  if (s.length < 4 || s.length > 253) return false;
  let labelStart = 0;
  let labels = 0;
  for (let i = 0; i <= s.length; i++) {
    const c = i < s.length ? s.charCodeAt(i) : 46;
    if (c === 46) {
      const len = i - labelStart;
      if (len === 0 || len > 63) return false;
      if (s.charCodeAt(labelStart) === 45 || s.charCodeAt(i - 1) === 45) return false;
      labels++;
      labelStart = i + 1;
    } else if (!isLabelChar(c)) return false;
  }
  if (labels < 2) return false;
  const tld = s.slice(s.lastIndexOf('.') + 1).toLowerCase();
  if (tld.startsWith('xn--')) return isIanaTld(tld);
  for (let i = 0; i < tld.length; i++) {
    const c = tld.charCodeAt(i);
    if (c < 97 || c > 122) return false;
  }
  return tld.length >= 2 && isIanaTld(tld);
}
