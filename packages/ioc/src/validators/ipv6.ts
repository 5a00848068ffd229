import { parseIpv4 } from './ipv4';

/** Eight 16-bit groups, or null. Accepts `::` once and a trailing dotted IPv4 (two groups). */
export function parseIpv6(s: string): number[] | null {
  if (s.length < 2 || s.length > 45) return null;
  const dbl = s.indexOf('::');
  if (dbl >= 0 && s.indexOf('::', dbl + 1) >= 0) return null;
  const parseSide = (part: string, allowV4: boolean): number[] | null => {
    if (part === '') return [];
    const groups = part.split(':');
    const out: number[] = [];
    for (let g = 0; g < groups.length; g++) {
      const grp = groups[g] as string;
      if (allowV4 && g === groups.length - 1 && grp.includes('.')) {
        const v4 = parseIpv4(grp);
        if (!v4) return null;
        out.push(((v4[0] as number) << 8) | (v4[1] as number), ((v4[2] as number) << 8) | (v4[3] as number));
        continue;
      }
      if (grp.length === 0 || grp.length > 4) return null;
      let v = 0;
      for (let k = 0; k < grp.length; k++) {
        const c = grp.charCodeAt(k);
        const d =
          c >= 48 && c <= 57 ? c - 48 : c >= 97 && c <= 102 ? c - 87 : c >= 65 && c <= 70 ? c - 55 : -1;
        if (d < 0) return null;
        v = v * 16 + d;
      }
      out.push(v);
    }
    return out;
  };
  if (dbl < 0) {
    const all = parseSide(s, true);
    return all && all.length === 8 ? all : null;
  }
  const head = parseSide(s.slice(0, dbl), false);
  const tail = parseSide(s.slice(dbl + 2), true);
  if (!head || !tail || head.length + tail.length > 7) return null;
  return [...head, ...new Array<number>(8 - head.length - tail.length).fill(0), ...tail];
}

/** RFC 5952: lower case, no leading zeros, longest (first on ties) run of 2+ zero groups as `::`. */
export function formatIpv6(groups: number[]): string {
  const isMapped = groups.slice(0, 5).every((g) => g === 0) && groups[5] === 0xffff;
  if (isMapped) {
    const a = groups[6] as number;
    const b = groups[7] as number;
    return `::ffff:${a >> 8}.${a & 255}.${b >> 8}.${b & 255}`;
  }
  let bestStart = -1;
  let bestLen = 1;
  for (let i = 0; i < 8; ) {
    if (groups[i] !== 0) {
      i++;
      continue;
    }
    let j = i;
    while (j < 8 && groups[j] === 0) j++;
    if (j - i > bestLen) {
      bestStart = i;
      bestLen = j - i;
    }
    i = j;
  }
  const hex = groups.map((g) => g.toString(16));
  if (bestStart < 0) return hex.join(':');
  return `${hex.slice(0, bestStart).join(':')}::${hex.slice(bestStart + bestLen).join(':')}`;
}

export function normalizeIpv6(s: string): string | null {
  const g = parseIpv6(s);
  return g ? formatIpv6(g) : null;
}
