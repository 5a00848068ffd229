/**
 * Reads `a.b.c` from objects that mix nesting and dotted keys, as Elastic and Splunk
 * documents do (`{"kibana.alert": {"rule.name": …}}` and `{"kibana": {"alert": …}}` alike).
 */
export function field(obj: unknown, path: string): unknown {
  return lookup(obj, path.split('.'), 0);
}

function lookup(obj: unknown, parts: string[], from: number): unknown {
  if (from === parts.length) return obj;
  if (obj === null || typeof obj !== 'object' || Array.isArray(obj)) return undefined;
  const rec = obj as Record<string, unknown>;
  for (let to = parts.length; to > from; to--) {
    const key = to - from === 1 ? (parts[from] as string) : parts.slice(from, to).join('.');
    if (Object.hasOwn(rec, key)) {
      const found = lookup(rec[key], parts, to);
      if (found !== undefined) return found;
    }
  }
  return undefined;
}

/** First of the paths holding a non-empty string (numbers are stringified). */
export function str(obj: unknown, ...paths: string[]): string | null {
  for (const p of paths) {
    const v = first(field(obj, p));
    if (typeof v === 'string' && v.trim() !== '') return v;
    if (typeof v === 'number' && Number.isFinite(v)) return String(v);
  }
  return null;
}

/** Every string (or number) found at any of the paths, flattening arrays. */
export function strs(obj: unknown, ...paths: string[]): string[] {
  const out: string[] = [];
  for (const p of paths) {
    const v = field(obj, p);
    for (const x of Array.isArray(v) ? v : [v]) {
      if (typeof x === 'string' && x.trim() !== '') out.push(x);
      else if (typeof x === 'number' && Number.isFinite(x)) out.push(String(x));
    }
  }
  return out;
}

export function num(obj: unknown, ...paths: string[]): number | null {
  for (const p of paths) {
    const v = first(field(obj, p));
    if (typeof v === 'number' && Number.isFinite(v)) return v;
    if (typeof v === 'string' && v.trim() !== '' && Number.isFinite(Number(v))) return Number(v);
  }
  return null;
}

export function raw(obj: unknown, ...paths: string[]): string | number | null {
  for (const p of paths) {
    const v = first(field(obj, p));
    if (typeof v === 'string' || (typeof v === 'number' && Number.isFinite(v))) return v;
  }
  return null;
}

export function list(obj: unknown, path: string): unknown[] {
  const v = field(obj, path);
  return Array.isArray(v) ? v : v === undefined || v === null ? [] : [v];
}

const first = (v: unknown): unknown => (Array.isArray(v) ? v[0] : v);

export const isRecord = (v: unknown): v is Record<string, unknown> =>
  v !== null && typeof v === 'object' && !Array.isArray(v);
