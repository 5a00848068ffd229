import type { IocType } from '../ioc';

export type HashType = Extract<IocType, 'md5' | 'sha1' | 'sha256' | 'sha512'>;

export function hashTypeForLength(len: number): HashType | null {
  switch (len) {
    case 32:
      return 'md5';
    case 40:
      return 'sha1';
    case 64:
      return 'sha256';
    case 128:
      return 'sha512';
    default:
      return null;
  }
}

/**
 * The whole string must be hex of a hash length. All-digit or all-letter runs are rejected: a
 * real digest has both with overwhelming probability, while long numbers and words like
 * `deadbeef…` padding do not.
 */
export function hashType(s: string): HashType | null {
  const t = hashTypeForLength(s.length);
  if (!t) return null;
  let digits = 0;
  let letters = 0;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c >= 48 && c <= 57) digits++;
    else if ((c >= 97 && c <= 102) || (c >= 65 && c <= 70)) letters++;
    else return null;
  }
  return digits > 0 && letters > 0 ? t : null;
}
