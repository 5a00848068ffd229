/** `CVE-YYYY-NNNN…` (4 to 7 digit sequence number, years 1999 on), upper-cased. */
export function normalizeCve(s: string): string | null {
  if (s.length < 13 || s.length > 16) return null;
  if (s.slice(0, 4).toUpperCase() !== 'CVE-' || s[8] !== '-') return null;
  for (let i = 4; i < s.length; i++) {
    if (i === 8) continue;
    const c = s.charCodeAt(i);
    if (c < 48 || c > 57) return null;
  }
  const year = Number(s.slice(4, 8));
  if (year < 1999 || year > 2100) return null;
  return s.toUpperCase();
}
