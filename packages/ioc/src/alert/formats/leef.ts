import { splitUnescaped, trimLineEnd } from './key-value';

export interface LeefRecord {
  prefix: string;
  version: string;
  vendor: string;
  product: string;
  productVersion: string;
  eventId: string;
  attributes: Record<string, string>;
}

/** `x5E`, `^`, `\t` or `0x09` as LEEF 2.0 writes its delimiter. */
function delimiterFrom(spec: string): string {
  const s = spec.trim();
  if (s === '') return '\t';
  const hex = /^(?:0?x)([0-9a-fA-F]{2,4})$/.exec(s);
  if (hex) return String.fromCharCode(Number.parseInt(hex[1] as string, 16));
  if (s === '\\t') return '\t';
  return s[0] as string;
}

/** IBM QRadar LEEF 1.0 (tab-separated attributes) and 2.0 (declared delimiter). */
export function parseLeef(line: string): LeefRecord | null {
  const at = line.indexOf('LEEF:');
  if (at < 0) return null;
  const body = line.slice(at + 5);
  const v2 = body.startsWith('2.0');
  const { parts, rest } = splitUnescaped(body, '|', v2 ? 6 : 5);
  if (parts.length < 5) return null;
  let attrs = rest;
  let delimiter = '\t';
  if (v2) {
    // The delimiter field is optional in 2.0; when absent the attributes follow the event id.
    const spec = parts[5];
    if (spec !== undefined && spec.length <= 6 && !spec.includes('=')) delimiter = delimiterFrom(spec);
    else if (spec !== undefined) attrs = `${spec}|${rest}`;
  }
  const attributes: Record<string, string> = {};
  for (const pair of trimLineEnd(attrs).split(delimiter)) {
    const eq = pair.indexOf('=');
    if (eq <= 0) continue;
    attributes[pair.slice(0, eq).trim()] = pair.slice(eq + 1);
  }
  return {
    prefix: line.slice(0, at).trim(),
    version: parts[0] as string,
    vendor: parts[1] as string,
    product: parts[2] as string,
    productVersion: parts[3] as string,
    eventId: parts[4] as string,
    attributes,
  };
}
