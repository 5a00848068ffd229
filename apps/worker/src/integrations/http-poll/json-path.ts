/** The value at a dotted path (`data.items`, `hits.0._id`); '' is the value itself. */
export function valueAtPath(value: unknown, path: string): unknown {
  if (path === '') return value;
  let v = value;
  for (const key of path.split('.')) {
    if (v === null || typeof v !== 'object') return undefined;
    v = (v as Record<string, unknown>)[key];
  }
  return v;
}

/** RFC 8288 `Link` header: the target of rel="next", resolved against the request URL. */
export function nextLinkHeader(header: string | null, base: URL): URL | null {
  if (!header) return null;
  for (const part of header.split(',')) {
    const m = /<([^>]*)>\s*;(.*)/.exec(part.trim());
    if (m && /\brel="?([^";]*\s)?next(\s[^";]*)?"?/i.test(m[2] ?? '')) return new URL(m[1] ?? '', base);
  }
  return null;
}
