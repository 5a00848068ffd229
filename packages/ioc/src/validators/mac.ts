const hexVal = (c: number): number =>
  c >= 48 && c <= 57 ? c - 48 : c >= 97 && c <= 102 ? c - 87 : c >= 65 && c <= 70 ? c - 55 : -1;

/**
 * `aa:bb:cc:dd:ee:ff`, `aa-bb-cc-dd-ee-ff` (mixed separators rejected) or Cisco `aabb.ccdd.eeff`,
 * returned as lower-case colon form.
 */
export function normalizeMac(s: string): string | null {
  let hex = '';
  if (s.length === 17) {
    const sep = s.charCodeAt(2);
    if (sep !== 58 && sep !== 45) return null;
    for (let i = 0; i < 17; i++) {
      const c = s.charCodeAt(i);
      if (i % 3 === 2) {
        if (c !== sep) return null;
      } else if (hexVal(c) < 0) return null;
      else hex += s[i];
    }
  } else if (s.length === 14) {
    for (let i = 0; i < 14; i++) {
      const c = s.charCodeAt(i);
      if (i === 4 || i === 9) {
        if (c !== 46) return null;
      } else if (hexVal(c) < 0) return null;
      else hex += s[i];
    }
  } else return null;
  hex = hex.toLowerCase();
  return hex.replace(/(..)(?!$)/g, '$1:');
}
