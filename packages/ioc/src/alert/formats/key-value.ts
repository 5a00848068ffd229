/**
 * Splits `k1=v1 k2=value with spaces k3=v3` (CEF extension style) in one pass: a key is the
 * word right before an unescaped `=`, and a value runs up to the space before the next key.
 */
export function parseSpaceKeyValues(s: string, isKeyChar: (c: number) => boolean): Record<string, string> {
  const out: Record<string, string> = {};
  let key: string | null = null;
  let valueStart = 0;
  let lastSpace = -1;
  let wordIsKey = true;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c === 92) {
      i++;
      wordIsKey = false;
      continue;
    }
    if (c === 32) {
      lastSpace = i;
      wordIsKey = true;
      continue;
    }
    if (c === 61 && wordIsKey && i > lastSpace + 1 && (lastSpace >= valueStart || key === null)) {
      const k = s.slice(lastSpace + 1, i);
      if (key !== null) out[key] = unescapeCef(s.slice(valueStart, Math.max(valueStart, lastSpace)));
      key = k;
      valueStart = i + 1;
      continue;
    }
    if (!isKeyChar(c)) wordIsKey = false;
  }
  if (key !== null) out[key] = unescapeCef(s.slice(valueStart).trimEnd());
  return out;
}

/** Drops trailing CR/LF without a `[\r\n]+$` regex, which is quadratic on long inner runs. */
export function trimLineEnd(s: string): string {
  let e = s.length;
  while (e > 0 && (s.charCodeAt(e - 1) === 10 || s.charCodeAt(e - 1) === 13)) e--;
  return e === s.length ? s : s.slice(0, e);
}

export function unescapeCef(v: string): string {
  if (!v.includes('\\')) return v;
  return v.replace(/\\([\\=|nr])/g, (_m, ch: string) => (ch === 'n' ? '\n' : ch === 'r' ? '\r' : ch));
}

/** Splits on `sep` where it is not escaped by a backslash. */
export function splitUnescaped(s: string, sep: string, limit: number): { parts: string[]; rest: string } {
  const parts: string[] = [];
  let start = 0;
  for (let i = 0; i < s.length && parts.length < limit; i++) {
    const c = s[i];
    if (c === '\\') {
      i++;
      continue;
    }
    if (c === sep) {
      parts.push(s.slice(start, i));
      start = i + 1;
    }
  }
  return { parts, rest: s.slice(start) };
}
