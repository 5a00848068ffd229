const MAX_ASN = 4_294_967_295;

/** `AS15169` / `ASN15169` (upper-case prefix only: lower-case `as 2020` is English), as `AS<n>`. */
export function normalizeAsn(s: string): string | null {
  const prefix = s.startsWith('ASN') ? 3 : s.startsWith('AS') ? 2 : -1;
  if (prefix < 0) return null;
  return asnFromDigits(s.slice(prefix));
}

export function asnFromDigits(digits: string): string | null {
  if (digits.length === 0 || digits.length > 10) return null;
  for (let i = 0; i < digits.length; i++) {
    const c = digits.charCodeAt(i);
    if (c < 48 || c > 57) return null;
  }
  const n = Number(digits);
  return n > 0 && n <= MAX_ASN ? `AS${n}` : null;
}
