/**
 * Parses a dotted-quad. Leading zeros are accepted (some logs zero-pad octets) and dropped, so
 * `010.000.000.001` and `10.0.0.1` are the same indicator; octal readings are not attempted.
 */
export function parseIpv4(s: string): number[] | null {
  const octets: number[] = [];
  let value = 0;
  let digits = 0;
  for (let i = 0; i <= s.length; i++) {
    const c = i < s.length ? s.charCodeAt(i) : 46;
    if (c === 46) {
      if (digits === 0 || value > 255 || octets.length === 4) return null;
      octets.push(value);
      value = 0;
      digits = 0;
    } else if (c >= 48 && c <= 57) {
      if (++digits > 3) return null;
      value = value * 10 + (c - 48);
    } else return null;
  }
  return octets.length === 4 ? octets : null;
}

export function normalizeIpv4(s: string): string | null {
  const o = parseIpv4(s);
  return o ? o.join('.') : null;
}
