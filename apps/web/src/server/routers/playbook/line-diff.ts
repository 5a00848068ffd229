export type DiffLine = { op: 'same' | 'add' | 'del'; text: string; oldLine?: number; newLine?: number };

/** Longest-common-subsequence line diff; playbooks are small, so O(n·m) is fine up to the cap. */
export const MAX_DIFF_LINES = 4000;

export function lineDiff(before: string, after: string): DiffLine[] {
  const a = before.split('\n');
  const b = after.split('\n');
  if (a.length > MAX_DIFF_LINES || b.length > MAX_DIFF_LINES) {
    return [
      ...a.map((text, i) => ({ op: 'del' as const, text, oldLine: i + 1 })),
      ...b.map((text, i) => ({ op: 'add' as const, text, newLine: i + 1 })),
    ];
  }
  const n = a.length;
  const m = b.length;
  const lcs = Array.from({ length: n + 1 }, () => new Uint32Array(m + 1));
  for (let i = n - 1; i >= 0; i--) {
    const row = lcs[i] as Uint32Array;
    const next = lcs[i + 1] as Uint32Array;
    for (let j = m - 1; j >= 0; j--) {
      row[j] =
        a[i] === b[j] ? (next[j + 1] as number) + 1 : Math.max(next[j] as number, row[j + 1] as number);
    }
  }
  const out: DiffLine[] = [];
  let i = 0;
  let j = 0;
  while (i < n && j < m) {
    if (a[i] === b[j]) {
      out.push({ op: 'same', text: a[i] as string, oldLine: i + 1, newLine: j + 1 });
      i++;
      j++;
    } else if (((lcs[i + 1] as Uint32Array)[j] as number) >= ((lcs[i] as Uint32Array)[j + 1] as number)) {
      out.push({ op: 'del', text: a[i] as string, oldLine: i + 1 });
      i++;
    } else {
      out.push({ op: 'add', text: b[j] as string, newLine: j + 1 });
      j++;
    }
  }
  for (; i < n; i++) out.push({ op: 'del', text: a[i] as string, oldLine: i + 1 });
  for (; j < m; j++) out.push({ op: 'add', text: b[j] as string, newLine: j + 1 });
  return out;
}
